/**
 * `npm ci` (the README's install and CI's) refuses a lock file that leaves any dependency of
 * a locked package without an entry of its own, even an optional one for another platform.
 * `npm install` cannot write such an entry when the registry does not serve the package (as
 * happened with Vite's Windows-only `napi-windows-process-start-time`), so a lock regenerated
 * from scratch can silently lose it again; this test says which entry is missing.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/site.ts';

interface LockedPackage {
  version?: string;
  optional?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockedPackage> };
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;

/** Where Node (and npm) would find `name` from the package at `location`: its own node_modules, then each parent's. */
function resolveFrom(location: string, name: string): string | undefined {
  let base = location;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!base) return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

describe('package-lock.json', () => {
  it('states the same dependencies as package.json', () => {
    const root = lock.packages['']!;
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies'] as const) {
      expect(root[field as keyof LockedPackage] ?? {}, field).toEqual(pkg[field] ?? {});
    }
  });

  it('has an entry for every dependency of every locked package, optional ones included (what npm ci checks)', () => {
    const missing: string[] = [];
    for (const [location, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
        if (!resolveFrom(location, name)) missing.push(`${name}, needed by ${location || 'the project'}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
