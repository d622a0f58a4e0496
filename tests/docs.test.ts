/**
 * docs/architecture.md as the code is: every module below src/ is named in it, and every
 * source file it names exists. A maintainer reads the document first; a module it does not
 * know, or a file it sends them to that was renamed long ago, costs them an afternoon.
 * Also: every environment variable astro.config.mjs reads is documented for whoever builds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, ROOT } from './support/site.ts';

const architecture = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
const SRC = join(ROOT, 'src');
const sources = filesUnder(SRC);
const everywhere = ['astro.config.mjs', ...sources.map((f) => `src/${f}`), ...filesUnder(join(ROOT, 'scripts')).map((f) => `scripts/${f}`), ...filesUnder(join(ROOT, 'tests')).map((f) => `tests/${f}`)];

/** The modules the document must name: every TypeScript file below src/ but pages, dictionaries and gallery examples. */
const modules = sources.filter((f) => f.endsWith('.ts') && !f.startsWith('pages/') && !f.startsWith('i18n/dictionaries/') && basename(f) !== 'examples.ts');

/** Every `code` span of the document that names a source file (`register/dates.ts`, `src/site/paths.ts`, `dates.ts`). */
const namedFiles = [...architecture.matchAll(/`([^`\s]+\.(?:ts|mjs|astro))`/g)].map((m) => m[1]!);

describe('docs/architecture.md names the code as it is', () => {
  it('names every module below src/ by its path', () => {
    const unnamed = modules.filter((f) => !architecture.includes(`\`${f}\``) && !architecture.includes(`src/${f}`));
    expect(unnamed, 'add a line for each under "Every module" in docs/architecture.md').toEqual([]);
  });

  it('names only files that exist', () => {
    const missing = namedFiles
      // Patterns, not files: `dictionaries/{lang}.ts`, `bench-*.ts`, `{name}-dom.ts`, `[id].astro`.
      .filter((name) => !/[{}*[\]]/.test(name) && !/^Name\./.test(name))
      .filter((name) => {
        const path = name.replace(/^\.\//, '');
        if (path.includes('/')) return !everywhere.some((f) => f === path || f.endsWith(`/${path}`));
        return !everywhere.some((f) => basename(f) === path);
      });
    expect(missing).toEqual([]);
  });

  it('reads what it checks (a document without file names checks nothing)', () => {
    expect(modules.length).toBeGreaterThan(50);
    expect(namedFiles).toContain('register/dates.ts');
  });
});

describe('build settings are documented', () => {
  it('every environment variable astro.config.mjs reads is explained in README.md or docs/', () => {
    const config = readFileSync(join(ROOT, 'astro.config.mjs'), 'utf8');
    const read = [...new Set([...config.matchAll(/process\.env\.([A-Z][A-Z0-9_]+)(?![A-Z0-9_]|\s*=[^=])|env\(\s*['"]([A-Z][A-Z0-9_]+)['"]/g)].map((m) => (m[1] ?? m[2])!))];
    expect(read.length).toBeGreaterThan(0);
    const docs = ['README.md', 'docs/deploy.md', 'docs/architecture.md', 'data/README.md']
      .filter((f) => existsSync(join(ROOT, f)))
      .map((f) => readFileSync(join(ROOT, f), 'utf8'))
      .join('\n');
    expect(read.filter((name) => !new RegExp(`\`${name}\``).test(docs))).toEqual([]);
  });
});
