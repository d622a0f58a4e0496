/**
 * The accessibility statement claims only what a test shows: every claim on the page
 * (`data-claim`) has a row in docs/accessibility.md, every row is a claim the page makes, and
 * every test file a row names exists. The page itself, in every language and linked from every
 * footer, is checked in tests/browser/wcag22.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DICTIONARIES, LANG_CODES } from '../../src/i18n/index.ts';
import { ROOT } from '../support/site.ts';

const page = readFileSync(resolve(ROOT, 'src/pages/[lang]/toegankelijkheid/index.astro'), 'utf8');
const docs = readFileSync(resolve(ROOT, 'docs/accessibility.md'), 'utf8');
/** The claims the page makes: its `data-claim` attributes and the keys of its claim lists. */
const claimLists = [...page.matchAll(/^const (?:checked|known): UIKey\[\] = \[(.*)\];$/gm)].map((m) => m[1]!).join(' ');
const claims = new Set([...page.matchAll(/data-claim="([\w.]+)"/g), ...claimLists.matchAll(/'([\w.]+)'/g)].map((m) => m[1]!));
/** The docs table: claim → the test files its row names. */
const rows = new Map(
  [...docs.matchAll(/^\| `(a11y\.[\w.]+)` \| (.*) \|$/gm)].map((m) => [m[1]!, [...m[2]!.matchAll(/`(tests\/[^`]+\.test\.ts)`/g)].map((f) => f[1]!)]),
);

describe('the accessibility statement names the test behind each claim', () => {
  it('reads the page and the table (a check that matches nothing checks nothing)', () => {
    expect(claims.size).toBeGreaterThanOrEqual(8);
    expect(rows.size).toBeGreaterThanOrEqual(8);
  });

  it('every claim on the page has a row in docs/accessibility.md, and every row is a claim on the page', () => {
    expect([...claims].sort()).toEqual([...rows.keys()].sort());
  });

  it('every test file a row names exists', () => {
    const named = [...rows.values()].flat();
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((file) => !existsSync(resolve(ROOT, file)))).toEqual([]);
  });

  it('a claim of what is checked names at least one test', () => {
    const untested = [...rows].filter(([claim, files]) => claim.startsWith('a11y.checked.') && files.length === 0);
    expect(untested).toEqual([]);
  });

  it('every claim is translated in every language', () => {
    for (const lang of LANG_CODES) for (const claim of claims) expect(DICTIONARIES[lang][claim as keyof typeof DICTIONARIES.nl], `${lang} ${claim}`).toBeTruthy();
  });
});
