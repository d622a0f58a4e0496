/**
 * The folder rules of docs/architecture.md, checked: which layer may import which. A rule
 * that only lives in a document is broken the first time someone is in a hurry; this test
 * names the file and the import that breaks one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, ROOT } from './support/site.ts';
import { SITE_BUILD_TESTS } from './support/projects.ts';
import { API_VERSION } from '../src/register/api-schema.ts';
import { IDENTIFIER } from '../src/register/identifier.ts';
import { paths } from '../src/site/paths.ts';

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
    may: /^(client\/|register\/|i18n\/(fill|format|labels|dutch-terms)\.ts$|components\/[^/]+\/[a-z-]+-dom\.ts$)/,
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

/**
 * The imports that load code when a module runs: `import type` and `export type` are erased, so
 * they are left out. (With `verbatimModuleSyntax`, `import { type A } from` still loads its
 * module, so only the statement-level `type` counts.) Relative targets are full paths.
 */
function runtimeImports(text: string, file: string): { specifier: string; path?: string }[] {
  const found = [
    ...[...text.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^'";]*?\sfrom\s+['"]([^'"]+)['"]/gm)].filter((m) => !m[1]).map((m) => m[2]!),
    ...[...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!),
    ...[...text.matchAll(/import\s*\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!),
  ];
  return found.map((specifier) => (specifier.startsWith('.') ? { specifier, path: resolve(dirname(file), specifier.replace(/\?.*$/, '')) } : { specifier }));
}

/** An .astro file's parts: the frontmatter (runs at build time) and its `<script>` blocks (bundled for the browser). */
function astroParts(file: string): { frontmatter: string; scripts: string } {
  const text = readFileSync(file, 'utf8');
  const fence = text.match(/^---\n([\s\S]*?)\n---/);
  const rest = fence ? text.slice(fence[0].length) : text;
  const scripts = [...rest.matchAll(/<script(?![^>]*type=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
  return { frontmatter: fence?.[1] ?? '', scripts };
}

const astroFiles = sourcesUnder(SRC).filter((f) => f.endsWith('.astro'));
const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!);

describe('rules of the second structure round (issue 28)', () => {
  it('components do not look the register up: a page hands them what they show (examples.ts, the gallery\'s fixtures, apart)', () => {
    const broken = sourcesUnder(join(SRC, 'components'))
      .filter((f) => !f.endsWith('/examples.ts'))
      .flatMap((file) =>
        importsOf(file)
          .filter((i) => i.target === 'site/register.ts' || i.target === 'site/open-data.ts')
          .map((i) => `${relative(ROOT, file)} imports ${i.specifier}`),
      );
    expect(broken).toEqual([]);
  });

  it('pages, layouts and components import no runtime code from src/client/ at build time (types only; their <script> is the browser\'s)', () => {
    const broken = astroFiles.flatMap((file) =>
      runtimeImports(astroParts(file).frontmatter, file)
        .filter((i) => i.path !== undefined && relative(SRC, i.path).startsWith('client/'))
        .map((i) => `${relative(ROOT, file)} imports ${i.specifier}`),
    );
    expect(broken).toEqual([]);
  });

  it('no Node module, and not Zod, is reachable from browser code (the client scripts and every <script> of a page or component)', () => {
    const entries: { from: string; text: string }[] = [
      ...sourcesUnder(join(SRC, 'client')).map((file) => ({ from: file, text: readFileSync(file, 'utf8') })),
      ...astroFiles.map((file) => ({ from: file, text: astroParts(file).scripts })),
    ];
    const broken = new Set<string>();
    const seen = new Set<string>();
    const visit = (file: string, text: string, chain: string[]) => {
      for (const i of runtimeImports(text, file)) {
        if (i.path === undefined) {
          // Zod's constructor probe (`Function('')`) is a CSP violation in the browser.
          if (isNodeBuiltin(i.specifier) || i.specifier === 'zod') broken.add(`${[...chain, relative(ROOT, file)].join(' → ')} imports ${i.specifier}`);
          continue;
        }
        if (!/\.(ts|js|mjs)$/.test(i.path) || seen.has(i.path) || !existsSync(i.path)) continue;
        seen.add(i.path);
        visit(i.path, readFileSync(i.path, 'utf8'), [...chain, relative(ROOT, file)]);
      }
    };
    for (const { from, text } of entries) visit(from, text, []);
    expect([...broken]).toEqual([]);
    // The walk reaches deep: the search page's script gets to the register's vocabulary.
    expect(seen.has(join(SRC, 'register/vocabulary.ts'))).toBe(true);
  });

  it('every exported name in src/ is defined once (Astro\'s GET and getStaticPaths, and the gallery\'s examples, apart): one offerLabel, not two', () => {
    const defined = new Map<string, string[]>();
    for (const file of sourcesUnder(SRC)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/^export (?:async )?(?:function|const|let|class) ([A-Za-z0-9_$]+)/gm)) {
        defined.set(m[1]!, [...(defined.get(m[1]!) ?? []), relative(ROOT, file)]);
      }
    }
    const twice = [...defined].filter(([name, files]) => files.length > 1 && !['GET', 'getStaticPaths', 'examples'].includes(name)).map(([name, files]) => `${name}: ${files.join(', ')}`);
    expect(twice).toEqual([]);
    expect(defined.get('offerLabel')).toEqual(['src/i18n/labels.ts']);
  });

  it('a unit test builds no whole site: those are the site project\'s (tests/support/projects.ts), so npm run test:unit stays fast', () => {
    const tests = filesUnder(join(ROOT, 'tests'))
      .filter((f) => f.endsWith('.test.ts') && !f.startsWith('browser/') && !f.startsWith('.tmp/'))
      .map((f) => `tests/${f}`);
    const building = tests.filter((f) => /\b(builtSite|buildSite|copyOfSite|buildSiteInBackground)\(/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(building.filter((f) => !(SITE_BUILD_TESTS as readonly string[]).includes(f))).toEqual([]);
    expect([...SITE_BUILD_TESTS].filter((f) => !building.includes(f))).toEqual([]);
  });
});

describe('unit tests share their workers (isolate: false in vitest.config.ts)', () => {
  it('no unit test mocks a module, and one that stubs a global or env variable restores it: nothing leaks into the next file', () => {
    const unitTests = filesUnder(join(ROOT, 'tests'))
      .filter((f) => f.endsWith('.test.ts') && !f.startsWith('browser/') && !f.startsWith('.tmp/'))
      .map((f) => ({ file: `tests/${f}`, text: readFileSync(join(ROOT, 'tests', f), 'utf8') }));
    const leaking = unitTests.flatMap(({ file, text }) => [
      ...(/\bvi\.(mock|doMock)\(/.test(text) ? [`${file}: vi.mock`] : []),
      ...(/\bvi\.stubGlobal\(/.test(text) && !/\bvi\.unstubAllGlobals\(/.test(text) ? [`${file}: stubGlobal without unstubAllGlobals`] : []),
      ...(/\bvi\.stubEnv\(/.test(text) && !/\bvi\.unstubAllEnvs\(/.test(text) ? [`${file}: stubEnv without unstubAllEnvs`] : []),
    ]);
    expect(leaking).toEqual([]);
    expect(unitTests.some(({ text }) => /\bvi\.stubGlobal\(/.test(text)), 'the rule reads the stubs it checks').toBe(true);
  });
});

describe('facts of the contract, stated once', () => {
  it('the identifier pattern is written once, in its own module (validator, API schemas and browser share it)', () => {
    const written = sourcesUnder(SRC).filter((file) => readFileSync(file, 'utf8').includes(IDENTIFIER.source.slice(1, -1)));
    expect(written.map((f) => relative(ROOT, f))).toEqual(['src/register/identifier.ts']);
  });

  it('the API\'s version is API_VERSION: its addresses come from paths.ts, and no other file writes a version into an address', () => {
    expect(paths.apiIndex()).toBe(`/api/v${API_VERSION}/index.json`);
    // Code, not comments: a comment may show an address as an example.
    const code = (file: string) => readFileSync(file, 'utf8').split('\n').filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line));
    const written = sourcesUnder(SRC).filter((file) => code(file).some((line) => /['"`][^'"`]*\/api\/v\d/.test(line)));
    expect(written.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('the place index\'s address is written once, in paths.ts: the browser gets it from the page (data-place-index)', () => {
    const code = (file: string) => readFileSync(file, 'utf8').split('\n').filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line));
    const written = sourcesUnder(SRC).filter((file) => code(file).some((line) => line.includes('plaatsen.json')));
    expect(written.map((f) => relative(ROOT, f))).toEqual(['src/site/paths.ts']);
  });

  it('an address with a blank is written one way, the OpenAPI document\'s {name} (urlTemplate), never __ID__ or :id', () => {
    const written = sourcesUnder(SRC).filter((file) => /__ID__|['"`/]:id\b/.test(readFileSync(file, 'utf8')));
    expect(written.map((f) => relative(ROOT, f))).toEqual([]);
  });
});

describe('one order, one wait', () => {
  it('no page or component sorts locations itself: every list of locations is in inLocationOrder (src/register/model.ts)', () => {
    const files = [...sourcesUnder(join(SRC, 'pages')), ...sourcesUnder(join(SRC, 'components')), ...sourcesUnder(join(SRC, 'site'))];
    // A sort whose comparator reads a location's name, place or street decides a location order of its own.
    const sorting = files.filter((file) => /\.sort\(\s*\([^)]*\)\s*=>[^;]*(locationName\(|\.city\b|\.street\b)/.test(readFileSync(file, 'utf8')));
    expect(sorting.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('browser tests wait for a condition, never for a fixed time (no waitForTimeout, no sleeping promise)', () => {
    const sleeping = filesUnder(join(ROOT, 'tests', 'browser'))
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /waitForTimeout\(|new Promise\(\s*\(?\w*\)?\s*=>\s*setTimeout|timers\/promises/.test(readFileSync(join(ROOT, 'tests', 'browser', f), 'utf8')));
    expect(sleeping).toEqual([]);
  });
});
