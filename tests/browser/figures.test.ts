/**
 * The figures page, the badges and the embeddable lists of the built sample, read back
 * from what the site serves: every chart's CSV equals its table and the numbers its marks
 * plot, and all three equal the register model; the page needs no script; each holder has
 * a badge that says its status; each municipality has a framable list of exactly the
 * locations it may buy from, and its page states the distance the model computes.
 */
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  DECISION_KINDS,
  ROUTES,
  STATUS_FAMILIES,
  countLocations,
  coverage,
  decisionsByYear,
  holdsValidKeurmerk,
  statusCountsByYear,
} from '../../src/register/index.ts';
import { exportDateOf } from '../../src/register/dates.ts';
import { axeViolations, openPage, VIEWPORTS, useBrowser } from '../support/browser.ts';
import { loadRegister } from '../support/register.ts';
import { ROOT } from '../support/site.ts';

const base = inject('sampleUrl');
const register = loadRegister(resolve(ROOT, 'data'));
const exportDate = exportDateOf(register);
const FIGURES = ['houders-per-jaar', 'besluiten-per-jaar', 'provincies', 'aanbod-per-provincie', 'afstand-tot-aanbod', 'oordelen-per-provincie', 'slagingspercentage-per-jaar'];

let browser: Browser;
let page: Page;
let errors: string[];

useBrowser((session) => ({ browser, page, errors } = session), VIEWPORTS.desktop);

async function csv(id: string): Promise<Record<string, string>[]> {
  const response = await fetch(`${base}/data/cijfers/${id}.csv`);
  expect(response.status, id).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
  return Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true }).data;
}

/** A table as the page has it: one object per row, raw values from `data-value`, keyed by column. */
const tableOf = (id: string) =>
  page.locator(`table[data-table="${id}"] tbody tr`).evaluateAll((rows) =>
    rows.map((row) => Object.fromEntries([...row.querySelectorAll('[data-key]')].map((cell) => [cell.getAttribute('data-key'), cell.getAttribute('data-value')]))),
  );

/** What a chart plots: row, series and value of every mark that carries a number. */
const marksOf = (id: string) =>
  page.locator(`svg[data-chart="${id}"] [data-value]`).evaluateAll((marks) =>
    marks.map((m) => [m.getAttribute('data-row'), m.getAttribute('data-series'), m.getAttribute('data-value')].join('|')).sort(),
  );

describe('figures page', () => {
  for (const lang of ['nl', 'ar'] as const) {
    it(`each chart's CSV equals its table and what its chart plots (${lang})`, async () => {
      errors.length = 0;
      await page.goto(`${base}/${lang}/cijfers/`);
      expect(await page.locator('[data-figure]').evaluateAll((s) => s.map((e) => e.getAttribute('data-figure')))).toEqual(FIGURES);
      for (const id of FIGURES) {
        const rows = await csv(id);
        expect(rows.length, id).toBeGreaterThan(0);
        expect(await tableOf(id), id).toEqual(rows);
        // The chart: every series value of every row (unknown ones are not drawn), nothing else.
        const series = await page.locator(`svg[data-chart="${id}"] [data-series]`).evaluateAll((m) => [...new Set(m.map((e) => e.getAttribute('data-series')!))]);
        const rowKey = Object.keys(rows[0]!)[0]!;
        const plotted = rows.flatMap((row) => series.filter((s) => row[s] !== '').map((s) => [row[rowKey], s, row[s]].join('|')));
        // Stacked columns leave out zero-height segments; their totals are still labelled.
        const expected = id === 'houders-per-jaar' ? plotted.filter((p) => !p.endsWith('|0') || p.includes('|total|')) : plotted;
        expect(await marksOf(id), id).toEqual(expected.sort());
      }
      expect(errors).toEqual([]);
    });
  }

  it('its numbers are the register model\'s', async () => {
    const status = await csv('houders-per-jaar');
    expect(status).toEqual(
      statusCountsByYear(register, exportDate).map((r) => ({
        moment: r.moment,
        date: r.date,
        ...Object.fromEntries(STATUS_FAMILIES.map((f) => [f, String(r.counts[f])])),
        total: String(r.total),
      })),
    );
    expect(status.at(-1)!.total).toBe(String(register.holders.length));
    expect(await csv('besluiten-per-jaar')).toEqual(
      decisionsByYear(register, exportDate).map((r) => ({ year: String(r.year), ...Object.fromEntries(DECISION_KINDS.map((k) => [k, String(r.counts[k])])) })),
    );
    for (const row of await csv('provincies')) {
      const counts = countLocations(register, register.locations.filter((l) => l.province === row.province));
      expect(row, row.province).toEqual({ province: row.province, valid_locations: String(counts.validLocations), valid_holders: String(counts.validHolders) });
    }
    const distances = await csv('afstand-tot-aanbod');
    const model = new Map(coverage(register).map((c) => [c.code, c]));
    expect(distances.map((r) => r.code).sort()).toEqual([...model.keys()].sort());
    for (const row of distances) {
      for (const route of ROUTES) {
        const km = model.get(row.code!)!.km[route];
        expect(row[`km_${route}`], `${row.code} ${route}`).toBe(km === undefined ? '' : String(Math.round(km * 10) / 10));
      }
    }
    // Quality (the sample has quality.csv), recounted here: a location shows its holder's
    // latest rating; the national median pass rate is over the holders that published one.
    expect(register.published.quality).toBe(true);
    for (const row of await csv('oordelen-per-provincie')) {
      const counts: Record<string, number> = { stars_4: 0, stars_3: 0, stars_2: 0, stars_1: 0, aspirant: 0, unrated: 0 };
      for (const l of register.locations.filter((l) => l.province === row.province && holdsValidKeurmerk(register.holderById.get(l.holder_id)!.keurmerk_status))) {
        const latest = [...register.holderById.get(l.holder_id)!.quality].sort((a, b) => b.measurement_year - a.measurement_year)[0];
        counts[latest === undefined ? 'unrated' : latest.rating === 'aspirant' ? 'aspirant' : `stars_${latest.rating}`]! += 1;
      }
      expect(row, row.province).toEqual({ province: row.province, ...Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, String(n)])) });
    }
    const years = [...new Set(register.holders.flatMap((h) => h.quality.map((q) => q.measurement_year)))].sort();
    expect(await csv('slagingspercentage-per-jaar')).toEqual(
      years.map((year) => {
        const rates = register.holders.flatMap((h) => h.quality.filter((q) => q.measurement_year === year && q.exam_pass_rate !== undefined).map((q) => q.exam_pass_rate!)).sort((a, b) => a - b);
        const mid = Math.floor(rates.length / 2);
        const median = rates.length === 0 ? undefined : rates.length % 2 ? rates[mid]! : (rates[mid - 1]! + rates[mid]!) / 2;
        return { year: String(year), median_pass_rate: median === undefined ? '' : String(Math.round(median * 10) / 10), holders: String(rates.length) };
      }),
    );
    // Sorted as the page says: the farthest from a Z-route first.
    const z = distances.map((r) => r.km_Z).filter((v) => v !== '').map(Number);
    expect(z).toEqual([...z].sort((a, b) => b - a));
  });

  it('needs no script, and names years without a thousands separator', async () => {
    await page.goto(`${base}/nl/cijfers/`);
    expect(await page.locator('script').count()).toBe(0);
    const firstYear = String(statusCountsByYear(register, exportDate)[0]!.moment);
    expect(await page.locator('table[data-table="houders-per-jaar"] tbody th').first().textContent()).toBe(firstYear);
  });

  it('mirrors its charts on right-to-left pages: the first year at the right', async () => {
    const firstBarX = async (lang: string) => {
      await page.goto(`${base}/${lang}/cijfers/`);
      const first = statusCountsByYear(register, exportDate)[0]!.moment;
      return page.locator(`svg[data-chart="houders-per-jaar"] rect[data-row="${first}"]`).first().evaluate((r) => Number(r.getAttribute('x')));
    };
    expect(await firstBarX('nl')).toBeLessThan(120);
    expect(await firstBarX('ar')).toBeGreaterThan(360);
  });
});

describe('verification badges', () => {
  it('every holder has one, and it states its status in words', async () => {
    for (const holder of register.holders) {
      const response = await fetch(`${base}/badge/${holder.holder_id}.svg`);
      expect(response.status, holder.holder_id).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
      const svg = await response.text();
      expect(svg).toContain(`data-status="${holder.keurmerk_status}"`);
      if (holder.keurmerk_status === 'geschorst') expect(svg).toContain('>Keurmerk geschorst<');
      if (!holdsValidKeurmerk(holder.keurmerk_status)) expect(svg).not.toContain('Heeft het keurmerk');
    }
    expect(register.holders.some((h) => h.keurmerk_status === 'geschorst')).toBe(true);
  });

  it('shows on the holder page with the section "Op uw website"', async () => {
    const suspended = register.holders.find((h) => h.keurmerk_status === 'geschorst')!;
    await page.goto(`${base}/nl/aanbieder/${suspended.holder_id}/`);
    const section = page.locator('[data-section="op-uw-website"]');
    expect(await section.locator('h2').textContent()).toBe('Op uw website');
    const badge = section.locator('img[data-badge]');
    await badge.evaluate((img: HTMLImageElement) => img.decode());
    expect(await badge.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
    // This build has no SITE_URL: no code that would point nowhere, and it says why.
    expect(await section.locator('textarea').count()).toBe(0);
    expect(await section.textContent()).toContain('weet zijn eigen internetadres niet');
  });
});

describe('embeddable municipality list', () => {
  const buyable = (code: string) =>
    register.locations.filter((l) => l.municipality_code === code && holdsValidKeurmerk(register.holderById.get(l.holder_id)!.keurmerk_status)).map((l) => l.location_id);
  const codes = [...new Set(register.locations.map((l) => l.municipality_code))];
  const mixed = codes.find((c) => buyable(c).length > 0 && register.locations.some((l) => l.municipality_code === c && !buyable(c).includes(l.location_id)))!;

  it('lists exactly the locations the municipality may buy from, without the site around it', async () => {
    for (const code of codes.slice(0, 5).concat(mixed)) {
      const response = await page.goto(`${base}/nl/embed/gemeente/${code}/`);
      expect(response?.status()).toBe(200);
      const listed = await page.locator('[data-location]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-location')));
      expect(listed.sort(), code).toEqual(buyable(code).sort());
    }
    expect(await page.locator('header, nav, footer').count()).toBe(0);
    expect(await page.locator('base').getAttribute('target')).toBe('_top');
    expect(await page.locator(`a[href="/nl/gemeente/${mixed}/"]`).count()).toBe(1);
  });

  it('shows inside a frame on another origin', async () => {
    const host = await openPage(browser, VIEWPORTS.desktop);
    // Another origin: a page of no origin of ours (and without our Content-Security-Policy).
    await host.setContent(`<!doctype html><title>host</title><iframe title="embed" src="${base}/nl/embed/gemeente/${mixed}/"></iframe>`);
    const frame = host.frameLocator('iframe');
    await frame.locator('[data-location]').first().waitFor();
    expect(await frame.locator('[data-location]').count()).toBe(buyable(mixed).length);
    await host.close();
  });

  for (const lang of ['nl', 'ar', 'ti'] as const) {
    it(`has no axe violations (${lang})`, async () => {
      await page.goto(`${base}/${lang}/embed/gemeente/${mixed}/`);
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  it('the municipality page states the distances the model computes, and offers the list', async () => {
    const model = new Map(coverage(register).map((c) => [c.code, c]));
    for (const code of codes.slice(0, 6)) {
      await page.goto(`${base}/nl/gemeente/${code}/`);
      for (const route of ROUTES) {
        const km = model.get(code)!.km[route];
        const shown = page.locator(`[data-coverage] dd[data-route="${route}"]`);
        if (model.get(code)!.centre === undefined) expect(await shown.count()).toBe(0);
        else expect(await shown.getAttribute('data-km'), `${code} ${route}`).toBe(km === undefined ? '' : String(Math.round(km * 10) / 10));
      }
      expect(await page.locator(`a[href="/nl/embed/gemeente/${code}/"]`).count()).toBe(1);
    }
  });
});
