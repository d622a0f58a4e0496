/**
 * The region pages of the built sample: every municipality and province in the export has
 * its page in every language, and every number on them equals what the register's own
 * facets count (read back from the built HTML, never typed in here). Also: the sortable
 * table works with and without JavaScript, the print stylesheet leaves a clean list, and
 * each municipality's CSV holds exactly its rows.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  DEFAULT_STATUS_SELECTION,
  FORMER_STATUSES,
  NEARBY,
  PROFILES,
  PROVINCES,
  ROUTES,
  facetCounts,
  filterLocations,
  holdsValidKeurmerk,
  nearestOutside,
  provinceSlug,
  type FilterSelection,
  type Location,
} from '../../src/register/index.ts';
import { axeViolations, openPage, useBrowser, VIEWPORTS, watchPageErrors } from '../support/browser.ts';
import { LANGS } from '../support/pages.ts';
import { loadRegister } from '../support/register.ts';
import { ROOT } from '../support/site.ts';

const base = inject('sampleUrl');
const out = inject('sampleOut');
const register = loadRegister(resolve(ROOT, 'data'));
const codes = [...new Set(register.locations.map((l) => l.municipality_code))];
const provinces = PROVINCES.filter((p) => register.locations.some((l) => l.province === p));
const statusOf = (l: Location) => register.holderById.get(l.holder_id)!.keurmerk_status;

/** What every count on a region page must be, straight from the facets. */
function expectedCounts(selection: FilterSelection): Record<string, number> {
  const all = filterLocations(register, selection);
  const valid = filterLocations(register, { ...selection, status: DEFAULT_STATUS_SELECTION });
  const facets = facetCounts(register, { ...selection, status: DEFAULT_STATUS_SELECTION });
  const holders = (keep: (l: Location) => boolean) => new Set(all.filter(keep).map((l) => l.holder_id)).size;
  const suspendedHolders = holders((l) => statusOf(l) === 'geschorst');
  const formerHolders = holders((l) => FORMER_STATUSES.includes(statusOf(l)));
  return {
    validLocations: valid.length,
    validHolders: new Set(valid.map((l) => l.holder_id)).size,
    ...Object.fromEntries(ROUTES.map((r) => [r, facets.route[r] ?? 0])),
    ...Object.fromEntries(PROFILES.map((p) => [p, facets.profile[p] ?? 0])),
    suspendedHolders,
    formerHolders,
    notValidHolders: suspendedHolders + formerHolders,
  };
}

/** A localised number as an integer: any script's digits (Arabic-Indic, Persian), any grouping. */
function parseCount(text: string): number {
  const ascii = text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\D/g, '');
  expect(ascii, `"${text}" holds no number`).not.toBe('');
  return Number(ascii);
}

const parseCounts = (cells: Record<string, string>) => Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, parseCount(v)]));
const pick = (all: Record<string, number>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, all[k]]));
const ids = (locations: Location[]) => locations.map((l) => l.location_id).sort();

let browser: Browser;
let page: Page;

interface Parsed {
  figures: Record<string, string>;
  groups: Record<string, string[]>;
  rows: { code: string; cells: Record<string, string> }[];
  total: Record<string, string>;
  provinces: { province: string; count: string }[];
  links: string[];
}

/** Reads a built page from disk and parses it with the browser's own HTML parser. */
async function parsed(path: string): Promise<Parsed> {
  const html = readFileSync(join(out, path, 'index.html'), 'utf8');
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'text/html');
    const cells = (root: Element | null) =>
      Object.fromEntries([...(root?.querySelectorAll<HTMLElement>('[data-count]') ?? [])].map((e) => [e.dataset.count!, e.textContent!.trim()]));
    return {
      figures: cells(doc.querySelector('.kr-region-figures')),
      groups: Object.fromEntries(
        [...doc.querySelectorAll<HTMLElement>('[data-group]')].map((s) => [
          s.dataset.group!,
          [...s.querySelectorAll<HTMLElement>('tr[data-location]')].map((r) => r.dataset.location!),
        ]),
      ),
      rows: [...doc.querySelectorAll<HTMLElement>('tr[data-municipality]')].map((r) => ({ code: r.dataset.municipality!, cells: cells(r) })),
      total: cells(doc.querySelector('tr[data-total]')),
      provinces: [...doc.querySelectorAll<HTMLElement>('[data-province]')].map((li) => ({
        province: li.dataset.province!,
        count: li.querySelector('[data-count]')!.textContent!,
      })),
      links: [...doc.querySelectorAll('main a[href]')].map((a) => a.getAttribute('href')!),
    };
  }, html);
}

useBrowser((session) => ({ browser, page } = session));

describe('region pages exist for every region in the export', () => {
  it('one page per municipality code and per province in every language, and nothing else', () => {
    for (const lang of LANGS) {
      expect(readdirSync(join(out, lang, 'gemeente')).sort(), lang).toEqual([...codes].sort());
      expect(readdirSync(join(out, lang, 'provincie')).sort(), lang).toEqual(provinces.map(provinceSlug).sort());
      for (const code of codes) expect(existsSync(join(out, lang, 'gemeente', code, 'index.html')), `${lang} ${code}`).toBe(true);
      for (const p of provinces) expect(existsSync(join(out, lang, 'provincie', provinceSlug(p), 'index.html')), `${lang} ${p}`).toBe(true);
      expect(existsSync(join(out, lang, 'gemeenten', 'index.html'))).toBe(true);
    }
    expect(readdirSync(join(out, 'data', 'gemeente')).sort()).toEqual(codes.map((c) => `${c}.csv`).sort());
  });
});

describe('the numbers on region pages are the register\'s numbers', () => {
  const nearby = nearestOutside(register, NEARBY);

  for (const lang of LANGS) {
    it(`every municipality page (${lang}): figures, groups, the holders apart, and the nearby list`, async () => {
      for (const code of codes) {
        const view = await parsed(`${lang}/gemeente/${code}`);
        expect(parseCounts(view.figures), code).toEqual(pick(expectedCounts({ municipality: [code] }), Object.keys(view.figures)));
        expect(Object.keys(view.figures).length).toBe(ROUTES.length + PROFILES.length + 4);

        const valid = { municipality: [code], status: DEFAULT_STATUS_SELECTION };
        for (const r of ROUTES) expect(view.groups[`route-${r}`]!.sort(), `${code} ${r}`).toEqual(ids(filterLocations(register, { ...valid, route: [r] })));
        expect(view.groups.wi2013!.sort(), code).toEqual(ids(filterLocations(register, { ...valid, profile: PROFILES })));
        const apart = filterLocations(register, { municipality: [code] }).filter((l) => !holdsValidKeurmerk(statusOf(l)));
        expect((view.groups['zonder-keurmerk'] ?? []).sort(), code).toEqual(ids(apart));
        // A holder without a valid keurmerk never appears among what may be bought.
        for (const [group, listed] of Object.entries(view.groups)) {
          if (group === 'zonder-keurmerk') continue;
          for (const id of listed) expect(holdsValidKeurmerk(statusOf(register.locationById.get(id)!)), `${code} ${group} ${id}`).toBe(true);
        }
        expect(view.groups.dichtbij, code).toEqual((nearby.get(code) ?? []).map((n) => n.location.location_id));
        for (const id of view.groups.dichtbij!) expect(register.locationById.get(id)!.municipality_code).not.toBe(code);
        expect(view.links).toContain(`/data/gemeente/${code}.csv`);
      }
    });

    it(`every province page (${lang}): its figures, its municipalities' rows and the total`, async () => {
      for (const province of provinces) {
        const view = await parsed(`${lang}/provincie/${provinceSlug(province)}`);
        const expected = expectedCounts({ province: [province] });
        expect(parseCounts(view.figures), province).toEqual(pick(expected, Object.keys(view.figures)));
        const inProvince = codes.filter((c) => register.locations.some((l) => l.municipality_code === c && l.province === province));
        expect(view.rows.map((r) => r.code).sort(), province).toEqual([...inProvince].sort());
        for (const row of view.rows) {
          const counts = parseCounts(row.cells);
          expect(Object.keys(counts)).toEqual(expect.arrayContaining([...ROUTES, ...PROFILES, 'validLocations', 'notValidHolders']));
          expect(counts, `${province} ${row.code}`).toEqual(pick(expectedCounts({ municipality: [row.code] }), Object.keys(counts)));
        }
        expect(parseCounts(view.total), province).toEqual(pick(expected, Object.keys(view.total)));
      }
    });

    it(`the table of all municipalities (${lang}) and the provinces on the home page`, async () => {
      const table = await parsed(`${lang}/gemeenten`);
      expect(table.rows.map((r) => r.code).sort()).toEqual([...codes].sort());
      for (const row of table.rows) {
        const counts = parseCounts(row.cells);
        expect(Object.keys(counts).sort()).toEqual(['B1', 'Z', 'notValidHolders', 'validHolders', 'validLocations']);
        expect(counts, row.code).toEqual(pick(expectedCounts({ municipality: [row.code] }), Object.keys(counts)));
      }
      expect(parseCounts(table.total)).toEqual(pick(expectedCounts({}), Object.keys(table.total)));

      const home = await parsed(lang);
      expect(home.provinces.map((p) => p.province)).toEqual(provinces);
      for (const p of home.provinces) expect(parseCount(p.count), p.province).toBe(expectedCounts({ province: [p.province] }).validLocations);
    });
  }
});

describe('one order for every list of locations', () => {
  it('the embeddable list and the municipality page list the same locations in the same order', async () => {
    for (const lang of ['nl', 'ar'] as const) {
      for (const code of codes) {
        const embedded = [...readFileSync(join(out, lang, 'embed', 'gemeente', code, 'index.html'), 'utf8').matchAll(/<tr[^>]*\sdata-location="([^"]+)"/g)].map((m) => m[1]!);
        const { groups } = await parsed(`${lang}/gemeente/${code}`);
        const buyable = new Set(
          Object.entries(groups)
            .filter(([group]) => group !== 'zonder-keurmerk' && group !== 'dichtbij')
            .flatMap(([, ids]) => ids),
        );
        expect([...embedded].sort(), `${lang} ${code}`).toEqual([...buyable].sort());
        for (const [group, ids] of Object.entries(groups)) {
          if (group === 'dichtbij' || group === 'zonder-keurmerk') continue; // nearest first; not in the embed list
          expect(ids, `${lang} ${code} ${group}`).toEqual(embedded.filter((id) => ids.includes(id)));
        }
      }
    }
  });
});

describe('links into the region pages', () => {
  it('every location page and every holder page links to the municipality and province of its locations', async () => {
    for (const lang of LANGS) {
      for (const location of register.locations) {
        const links = (await parsed(`${lang}/vestiging/${location.location_id}`)).links;
        expect(links).toContain(`/${lang}/gemeente/${location.municipality_code}/`);
        expect(links).toContain(`/${lang}/provincie/${provinceSlug(location.province)}/`);
      }
      for (const holder of register.holders) {
        const links = (await parsed(`${lang}/aanbieder/${holder.holder_id}`)).links;
        for (const l of holder.locations) expect(links, holder.holder_id).toContain(`/${lang}/gemeente/${l.municipality_code}/`);
      }
    }
  });

  it('the main navigation leads to the table of all municipalities', async () => {
    const links = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return [...doc.querySelectorAll('header nav a')].map((a) => a.getAttribute('href'));
    }, readFileSync(join(out, 'nl', 'index.html'), 'utf8'));
    expect(links).toContain('/nl/gemeenten/');
  });
});

describe('the municipality CSV', () => {
  const read = (dir: string, code: string) => readFileSync(join(dir, 'data', 'gemeente', `${code}.csv`), 'utf8');

  it('holds exactly the municipality\'s locations, with holder, status and offer, and opens as UTF-8 in Excel', () => {
    for (const code of codes) {
      const text = read(out, code);
      expect(text.startsWith('\uFEFF')).toBe(true);
      const { data, errors } = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
      expect(errors).toEqual([]);
      const locations = register.locations.filter((l) => l.municipality_code === code);
      expect(data.map((r) => r.location_id)).toEqual(locations.map((l) => l.location_id));
      for (const [i, row] of data.entries()) {
        const location = locations[i]!;
        const holder = register.holderById.get(location.holder_id)!;
        expect(row.municipality_code).toBe(code);
        expect(row.keurmerk_status).toBe(holder.keurmerk_status);
        expect(row.valid_keurmerk).toBe(String(holdsValidKeurmerk(holder.keurmerk_status)));
        expect(row.routes).toBe(ROUTES.filter((r) => location.routes.some((o) => o.route === r)).join('|'));
      }
    }
  });

  it('neutralises cells a spreadsheet would run as a formula, and keeps quotes intact', () => {
    const hostileOut = inject('hostileOut');
    const hostile = loadRegister(resolve(ROOT, 'tests/fixtures/hostile'));
    const formula = hostile.locations.find((l) => l.name === '-2+3')!;
    const rows = Papa.parse<Record<string, string>>(read(hostileOut, formula.municipality_code).slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows.find((r) => r.location_id === formula.location_id)!.name).toBe("'-2+3");
    const quoted = hostile.locations.find((l) => hostile.holderById.get(l.holder_id)!.name.includes('"'))!;
    const quotedRows = Papa.parse<Record<string, string>>(read(hostileOut, quoted.municipality_code).slice(1), { header: true, skipEmptyLines: true }).data;
    expect(quotedRows.find((r) => r.location_id === quoted.location_id)!.holder_name).toBe(hostile.holderById.get(quoted.holder_id)!.name);
  });
});

describe('the sortable table of all municipalities', () => {
  const countsIn = (p: Page, key: string) =>
    p.locator(`tbody td[data-count="${key}"]`).evaluateAll((cells) => cells.map((c) => Number((c as HTMLElement).dataset.sortValue)));

  it('sorts by a column with a button in its header, says so with aria-sort, and reverses on a second press', async () => {
    const js = await openPage(browser, VIEWPORTS.desktop);
    const errors = watchPageErrors(js);
    await js.goto(`${base}/nl/gemeenten/`);
    const header = js.locator('thead th').filter({ hasText: 'Vestigingen met geldig keurmerk' });
    const button = header.getByRole('button');
    await expect.poll(() => button.count()).toBe(1);
    expect(await js.locator('thead th').first().getAttribute('aria-sort')).toBe('ascending');
    expect(await js.locator('[data-sort-hint]').isVisible()).toBe(true);

    await button.click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const descending = await countsIn(js, 'validLocations');
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(await js.locator('[data-sort-live]').textContent()).toContain('Vestigingen met geldig keurmerk');
    expect(await js.locator('thead th').first().getAttribute('aria-sort')).toBeNull();

    await button.focus();
    await js.keyboard.press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await countsIn(js, 'validLocations');
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    // The total stays at the bottom, outside the sorted rows.
    expect(await js.locator('tfoot tr[data-total]').count()).toBe(1);
    expect(await axeViolations(js)).toEqual([]);
    expect(errors).toEqual([]);
    await js.context().close();
  });

  it('is complete and sorted by name without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(`${base}/nl/gemeenten/`);
    expect(await plain.locator('thead button').count()).toBe(0);
    expect(await plain.locator('[data-sort-hint]').isVisible()).toBe(false);
    const names = await plain.locator('tbody th[scope="row"]').allTextContents();
    expect(names).toHaveLength(codes.length);
    expect(names).toEqual([...names].sort(new Intl.Collator('nl', { sensitivity: 'base', numeric: true }).compare));
    await context.close();
  });
});

describe('printing a municipality page', () => {
  it('leaves the lists and the figures, without navigation, download link or table of contents', async () => {
    const code = codes.find((c) => filterLocations(register, { municipality: [c] }).some((l) => !holdsValidKeurmerk(statusOf(l))))!;
    const print = await openPage(browser, VIEWPORTS.desktop);
    await print.goto(`${base}/nl/gemeente/${code}/`);
    await print.emulateMedia({ media: 'print' });
    for (const hidden of ['.kr-site-header__nav', '.kr-breadcrumbs', '.kr-region-page__download', '.kr-region-page__toc', '.kr-language-switcher']) {
      expect(await print.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    expect(await print.locator('h1').isVisible()).toBe(true);
    expect(await print.locator('.kr-region-figures').isVisible()).toBe(true);
    expect(await print.locator('[data-group="zonder-keurmerk"] table').isVisible()).toBe(true);
    // Nothing is wider than the printed page.
    const overflow = await print.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const pdf = await print.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await print.context().close();
  });
});

describe('hostile names on region pages', () => {
  it('show as their own characters on the municipality page', async () => {
    const hostile = loadRegister(resolve(ROOT, 'tests/fixtures/hostile'));
    const hostilePage = await openPage(browser);
    const dialogs: string[] = [];
    hostilePage.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    for (const location of hostile.locations) {
      await hostilePage.goto(`${inject('hostileUrl')}/nl/gemeente/${location.municipality_code}/`);
      const text = await hostilePage.locator('main').innerText();
      expect(text).toContain(location.name ?? hostile.holderById.get(location.holder_id)!.name);
      expect(await hostilePage.locator('main img, main iframe, main b, main u').count()).toBe(0);
    }
    expect(dialogs).toEqual([]);
    await hostilePage.context().close();
  });
});
