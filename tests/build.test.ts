/**
 * `npm run build` refuses an invalid export: the contract's report, exit 1, and the
 * published output byte for byte as it was.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANG_CODES } from '../src/i18n/languages.ts';
import nl from '../src/i18n/dictionaries/nl.ts';
import en from '../src/i18n/dictionaries/en.ts';
import ar from '../src/i18n/dictionaries/ar.ts';
import tr from '../src/i18n/dictionaries/tr.ts';
import uk from '../src/i18n/dictionaries/uk.ts';
import fa from '../src/i18n/dictionaries/fa.ts';
import ti from '../src/i18n/dictionaries/ti.ts';
import so from '../src/i18n/dictionaries/so.ts';
import ps from '../src/i18n/dictionaries/ps.ts';

const dictionaries = { nl, en, ar, tr, uk, fa, ti, so, ps };
import { buildSite, copyOfSite, HOSTILE_DATA, HOSTILE_SITE, TMP, tree } from './support/site.ts';

const work = resolve(TMP, 'build-test');
const out = join(work, 'dist');
const badData = join(work, 'bad-data');

describe('the build', () => {
  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    // The published site the invalid export must leave alone: a copy of the shared hostile build.
    await copyOfSite(HOSTILE_SITE, out);
    cpSync(HOSTILE_DATA, badData, { recursive: true });
    const holders = readFileSync(join(badData, 'holders.csv'), 'utf8');
    writeFileSync(join(badData, 'holders.csv'), holders.replace('2024-01-15,2024-01-15', '2024-02-30,2024-01-15'));
    writeFileSync(join(badData, 'locations.csv'), readFileSync(join(badData, 'locations.csv'), 'utf8').replace('9711 AA', '0711 AA'));
    // A whole site build: longer than the default 10 s hook limit on a busy two-core machine.
  }, 300_000);

  it('of an invalid export exits 1, reports every problem, and leaves the output untouched', () => {
    const before = tree(out);
    const run = buildSite(badData, out);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('holders.csv:2: status_since: is not a real calendar date (got "2024-02-30")');
    expect(run.stdout).toMatch(/locations\.csv:3: postcode: .* \(got "0711 AA"\)/);
    expect(tree(out)).toEqual(before);
    // The output path, the publications behind it, and no lock or staging left over.
    expect(readdirSync(work).sort()).toEqual(['.dist.publications', 'bad-data', 'dist']);
  });

  it('of a valid export replaces the output and leaves no staging folder behind', () => {
    const run = buildSite(HOSTILE_DATA, out);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(work).sort()).toEqual(['.dist.publications', 'bad-data', 'dist']);
    expect(readdirSync(join(work, '.dist.publications')).filter((f) => !/^\d{8}T\d{9}Z-\d+(\.json)?$/.test(f))).toEqual([]);
    for (const lang of ['nl', 'en']) {
      for (const id of ['KH-XSS1', 'KH-XSS2', 'KH-XSS3']) expect(statSync(join(out, lang, 'aanbieder', id, 'index.html')).isFile()).toBe(true);
      for (const id of ['V-XSS1', 'V-XSS2', 'V-XSS3']) expect(statSync(join(out, lang, 'vestiging', id, 'index.html')).isFile()).toBe(true);
    }
    // Every page, in every language, says how current the register is: the export date.
    const pages = Object.keys(tree(out)).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(LANG_CODES.length * 10);
    for (const page of pages) {
      const lang = page.split('/')[0]!;
      const html = readFileSync(join(out, page), 'utf8');
      if (!html.includes('kr-site-footer')) continue; // redirects and the bare 404 have no footer
      const asOf = new RegExp(`<time datetime="2025-09-01">${(dictionaries[lang as keyof typeof dictionaries] ?? dictionaries.nl)['site.footer.asOf'].split('{date}')[0]!.replace(/[.*+?^$()|[\]\\]/g, '\\$&')}`);
      expect(html, page).toMatch(asOf);
    }
    expect(readFileSync(join(out, 'nl/index.html'), 'utf8')).toContain('<time datetime="2025-09-01">Stand van het register: 1 september 2025</time>');
    // The search index is built beside the output while the pages render, then moved in: one
    // index, in Dutch, that every language's search page reads.
    expect(statSync(join(out, 'pagefind', 'pagefind.js')).isFile()).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'pagefind', 'pagefind-entry.json'), 'utf8')).languages).toEqual({ nl: expect.objectContaining({ page_count: expect.any(Number) }) });
  });
});
