/**
 * The quality assessment on the built sample site, read in Chromium and checked against the
 * register model (never against numbers typed in here): a rated holder's page says its
 * latest rating in words, its pass rate with the candidates and the national median of the
 * same year; an unrated holder's page says that no assessment is published; the chart and
 * the table beside it carry the same figures; locations and regions show the ratings; the
 * `rating` filter counts what the model counts; axe finds nothing in nl, ar and ti.
 */
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  DEFAULT_STATUS_SELECTION,
  filterLocations,
  holdsValidKeurmerk,
  latestAssessment,
  nationalMedians,
  ratingSpread,
  ratingStars,
  type Holder,
} from '../../src/register/index.ts';
import { axeViolations, openPage, useBrowser, VIEWPORTS } from '../support/browser.ts';
import { loadRegister } from '../support/register.ts';
import { ROOT } from '../support/site.ts';

const base = inject('sampleUrl');
const register = loadRegister(resolve(ROOT, 'data'));
const medians = nationalMedians(register);
// The rated holder with the longest history whose latest year has a published pass rate.
const rated = [...register.holders]
  .filter((h) => latestAssessment(h)?.exam_pass_rate !== undefined && medians.get(latestAssessment(h)!.measurement_year)?.exam_pass_rate)
  .sort((a, b) => b.quality.length - a.quality.length)[0]!;
const unrated = register.holders.find((h) => h.quality.length === 0)!;
const nl = (n: number, digits = 1) => new Intl.NumberFormat('nl', { maximumFractionDigits: digits }).format(n);

let browser: Browser;
let page: Page;
let errors: string[];

useBrowser((session) => ({ browser, page, errors } = session));

const holderUrl = (lang: string, h: Holder) => `${base}/${lang}/aanbieder/${h.holder_id}/`;

describe('the holder page’s quality section', () => {
  it('says the latest rating in words, and the pass rate with its candidates beside the national median', async () => {
    const latest = latestAssessment(rated)!;
    await page.goto(holderUrl('nl', rated));
    const section = page.locator('[data-section="kwaliteit"]');
    const stars = ratingStars(latest.rating);
    const words = stars === undefined ? 'aspirant: nog te nieuw voor een oordeel' : `${stars} van de 4 sterren`;
    expect(await section.locator('.kr-quality__rating .kr-rating__label').textContent()).toBe(words);
    expect(await section.locator('h3').first().textContent()).toBe(`Oordeel over ${latest.measurement_year}`);
    const row = section.locator('[data-quality-figures] tr[data-figure="exam_pass_rate"]');
    expect(await row.locator('td').first().textContent()).toBe(`${nl(latest.exam_pass_rate!)}% van ${latest.exam_candidates} kandidaten`);
    const median = medians.get(latest.measurement_year)!.exam_pass_rate!.median;
    expect(await row.locator('td[data-national]').textContent()).toBe(`${nl(median)}%`);
    // Every norm in words, each with its own outcome.
    for (const norm of ['norm_organisation', 'norm_results', 'norm_satisfaction'] as const) {
      expect(await section.locator(`[data-norm="${norm}"]`).getAttribute('data-outcome')).toBe(latest[norm]);
    }
    expect(errors).toEqual([]);
  });

  it('draws the history as an SVG with a title and a description, and the table next to it holds the same figures', async () => {
    await page.goto(holderUrl('nl', rated));
    const chart = page.locator('svg[data-quality-chart]');
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.locator('title').textContent()).toBeTruthy();
    expect(await chart.locator('desc').textContent()).toContain('tabel');
    const plotted = await chart.locator('circle[data-series="passRate"]').evaluateAll((points) =>
      Object.fromEntries(points.map((p) => [p.getAttribute('data-year'), Number(p.getAttribute('data-value'))])),
    );
    const tabled = await page.locator('[data-quality-history] tr[data-year]').evaluateAll((rows) =>
      Object.fromEntries(
        rows
          .map((r) => [r.getAttribute('data-year'), r.querySelector('[data-pass-rate]')!.getAttribute('data-pass-rate')])
          .filter(([, v]) => v !== '')
          .map(([y, v]) => [y, Number(v)]),
      ),
    );
    expect(plotted).toEqual(tabled);
    expect(plotted).toEqual(Object.fromEntries(rated.quality.filter((q) => q.exam_pass_rate !== undefined).map((q) => [String(q.measurement_year), q.exam_pass_rate])));
    // Its lines keep a visible colour in forced-colours mode.
    await page.emulateMedia({ forcedColors: 'active' });
    const stroke = await chart.locator('.kr-quality-chart__line--school').first().evaluate((p) => getComputedStyle(p).stroke);
    expect(stroke).not.toBe('none');
    await page.emulateMedia({ forcedColors: 'none' });
  });

  it('says plainly that no assessment is published for an unrated holder: no stars, no zero', async () => {
    await page.goto(holderUrl('nl', unrated));
    const section = page.locator('[data-section="kwaliteit"]');
    expect(await section.locator('[data-quality-empty]').textContent()).toContain('Voor deze school is geen kwaliteitsoordeel gepubliceerd.');
    expect(await section.locator('.kr-rating__stars').count()).toBe(0);
    expect(await section.locator('[data-quality-figures]').count()).toBe(0);
  });

  it('keeps a former holder’s past assessment, dated, with a line that the keurmerk is not valid now', async () => {
    const former = register.holders.find((h) => !holdsValidKeurmerk(h.keurmerk_status) && h.quality.length > 0)!;
    await page.goto(holderUrl('nl', former));
    expect(await page.locator('.kr-quality__past').textContent()).toContain(String(latestAssessment(former)!.measurement_year));
  });

  for (const lang of ['nl', 'ar', 'ti'] as const) {
    it(`has no axe violations with the quality section in ${lang}, on a phone and a desktop`, async () => {
      for (const viewport of [VIEWPORTS.phone, VIEWPORTS.desktop]) {
        const target = await openPage(browser, viewport);
        await target.goto(holderUrl(lang, rated));
        expect(await target.locator('svg[data-quality-chart]').count()).toBe(1);
        expect(await axeViolations(target)).toEqual([]);
        await target.context().close();
      }
    });
  }
});

describe('ratings elsewhere', () => {
  it('a location page shows its holder’s latest rating in words', async () => {
    const location = rated.locations[0]!;
    await page.goto(`${base}/nl/vestiging/${location.location_id}/`);
    expect(await page.locator('[data-location-rating] .kr-rating').getAttribute('data-rating')).toBe(latestAssessment(rated)!.rating);
  });

  it('a municipality page spreads its buyable locations over the ratings as the model does', async () => {
    const code = rated.locations[0]!.municipality_code;
    await page.goto(`${base}/nl/gemeente/${code}/`);
    const locations = register.locations.filter((l) => l.municipality_code === code);
    const buyable = locations.filter((l) => holdsValidKeurmerk(register.holderById.get(l.holder_id)!.keurmerk_status));
    const expected = ratingSpread(register, buyable);
    const shown = await page.locator('.kr-region-quality tr[data-rating]').evaluateAll((rows) =>
      Object.fromEntries(rows.map((r) => [r.getAttribute('data-rating'), Number(r.querySelector('[data-count]')!.getAttribute('data-count'))])),
    );
    expect(shown).toEqual(expected);
  });

  it('the search page’s rating filter finds as many locations as the model, and its cards say the rating', async () => {
    for (const value of ['3', 'aspirant']) {
      await page.goto(`${base}/nl/zoeken/?rating=${value}`);
      const expected = filterLocations(register, { rating: [value], status: DEFAULT_STATUS_SELECTION }).length;
      await expect.poll(() => page.locator('[data-search-count]').getAttribute('data-count')).toBe(String(expected));
      await expect.poll(() => page.locator('[data-search-result] .kr-rating').count()).toBeGreaterThan(0);
      const ratings = await page.locator('[data-search-result] .kr-rating').evaluateAll((els) => els.map((e) => e.getAttribute('data-rating')));
      for (const r of ratings) expect(value === 'aspirant' ? r === 'aspirant' : Number(r) >= 3, `${value}: ${r}`).toBe(true);
    }
  });

  it('sorts search results best rated first when asked', async () => {
    await page.goto(`${base}/nl/zoeken/?sort=rating`);
    await expect.poll(() => page.locator('[data-search-result] .kr-rating').count()).toBeGreaterThan(5);
    const ratings = await page.locator('[data-search-result] .kr-rating').evaluateAll((els) => els.map((e) => e.getAttribute('data-rating')));
    const rank = (r: string | null) => (r === '' || r === null ? 6 : r === 'aspirant' ? 5 : 4 - Number(r));
    expect(ratings.map(rank)).toEqual([...ratings.map(rank)].sort((a, b) => a - b));
    expect(await page.locator('#zoeken-sort').inputValue()).toBe('rating');
  });
});
