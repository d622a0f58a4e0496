/**
 * The folder rules of docs/architecture.md, checked: which layer may import which. A rule
 * that only lives in a document is broken the first time someone is in a hurry; this test
 * names the file and the import that breaks one.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, ROOT } from './support/site.ts';

const SRC = resolve(ROOT, 'src');

/** The source files below a folder, by full path. */
const sourcesUnder = (dir: string) => filesUnder(dir).filter((f) => /\.(ts|astro|mjs)$/.test(f)).map((f) => join(dir, f));

/** Every import of a file: the specifier as written, and for a relative one the path below src/ it names. */
function importsOf(file: string): { specifier: string; target?: string }[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\s)(?:import|export)\s[^'";]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)].map(
    (m) => (m[1] ?? m[2] ?? m[3])!,
  );
  return specifiers.map((specifier) =>
    specifier.startsWith('.') ? { specifier, target: relative(SRC, resolve(dirname(file), specifier)).split('\\').join('/') } : { specifier },
  );
}

/** What each layer may import from src/ (besides itself); packages are checked apart. */
const RULES: { layer: string; may: RegExp; why: string }[] = [
  { layer: 'register', may: /^register\//, why: 'the register model is pure TypeScript that the CLI, the build, the tests and the browser share' },
  { layer: 'i18n', may: /^(i18n|register)\//, why: 'languages need the register only for its types and codes' },
  { layer: 'site', may: /^(site|register|i18n)\//, why: 'build-time helpers sit between the model and the pages, with no components' },
  {
    layer: 'client',
    may: /^(client\/|register\/|i18n\/(fill|format|labels)\.ts$|components\/[^/]+\/[a-z-]+-dom\.ts$)/,
    why: 'browser scripts build DOM through the component modules that mirror the server markup, and nothing that reads files',
  },
];

describe('folder rules (docs/architecture.md)', () => {
  for (const { layer, may, why } of RULES) {
    it(`src/${layer}/ imports only what it may: ${why}`, () => {
      const broken = sourcesUnder(join(SRC, layer)).flatMap((file) =>
        importsOf(file)
          .filter((i) => i.target !== undefined && !may.test(i.target))
          .map((i) => `${relative(ROOT, file)} imports ${i.specifier}`),
      );
      expect(broken).toEqual([]);
    });
  }

  it('the register and the browser scripts never import Astro, and the register never the DOM helpers', () => {
    const broken = [...sourcesUnder(join(SRC, 'register')), ...sourcesUnder(join(SRC, 'client'))].flatMap((file) =>
      importsOf(file)
        .filter((i) => /^astro(\/|$)|^astro:/.test(i.specifier))
        .map((i) => `${relative(ROOT, file)} imports ${i.specifier}`),
    );
    expect(broken).toEqual([]);
  });

  it('inside src/register, modules import each other directly, never through the index.ts barrel', () => {
    const broken = sourcesUnder(join(SRC, 'register')).flatMap((file) =>
      importsOf(file)
        .filter((i) => i.target === 'register/index.ts')
        .map((i) => `${relative(ROOT, file)} imports ${i.specifier}`),
    );
    expect(broken).toEqual([]);
  });

  it('a component DOM module builds only DOM: it imports nothing but the register\'s vocabulary', () => {
    const broken = sourcesUnder(join(SRC, 'components'))
      .filter((f) => f.endsWith('-dom.ts'))
      .flatMap((file) =>
        importsOf(file)
          .filter((i) => i.target !== undefined && i.target !== 'register/vocabulary.ts')
          .map((i) => `${relative(ROOT, file)} imports ${i.specifier}`),
      );
    expect(broken).toEqual([]);
  });

  it('reads the imports it checks (a rule that matches nothing checks nothing)', () => {
    const client = sourcesUnder(join(SRC, 'client')).flatMap(importsOf);
    expect(client.some((i) => i.target === 'components/StatusBadge/status-badge-dom.ts')).toBe(true);
    expect(client.some((i) => i.target === 'register/vocabulary.ts')).toBe(true);
  });
});
