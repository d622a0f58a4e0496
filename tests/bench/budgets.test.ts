/**
 * The benchmark's verdicts (scripts/bench/): what it counts as a page's JavaScript, and
 * where each budget turns from PASS to FAIL. Timings themselves are never tested; these are
 * the rules that decide what bench/RESULTS.md says about them.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ScaleResult } from '../../scripts/bench/bench.ts';
import { budgets } from '../../scripts/bench/budgets.ts';
import { pageType, siteStats } from '../../scripts/bench/site-stats.ts';
import { TMP } from '../support/site.ts';

const dist = resolve(TMP, 'bench-site-stats');
function write(path: string, text: string) {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), text);
}
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('site statistics', () => {
  it('names page types from the URL path', () => {
    expect(pageType('/nl/vestiging/V1/')).toBe('vestiging');
    expect(pageType('/ar/aanbieder/KH1/')).toBe('aanbieder');
    expect(pageType('/nl/')).toBe('home');
    expect(pageType('/')).toBe('root');
  });

  it("counts a page's scripts with the chunks they import, and no scripts as zero", () => {
    rmSync(dist, { recursive: true, force: true });
    write('_astro/search.js', 'import "./chunk.js"; console.log(1);');
    write('_astro/chunk.js', 'export const x = 1;');
    write('_astro/site.css', 'body{}');
    write('nl/zoeken/index.html', '<link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/search.js"></script>');
    write('nl/vestiging/V1/index.html', '<link rel="stylesheet" href="/_astro/site.css"><h1>V1</h1>');
    write('nl/vestiging/V2/index.html', '<link rel="stylesheet" href="/_astro/site.css"><h1>V2 is longer</h1>');
    const stats = siteStats(dist);
    expect(stats.pages).toBe(3);
    expect(stats.byType.zoeken!.js).toBe('import "./chunk.js"; console.log(1);'.length + 'export const x = 1;'.length);
    expect(stats.byType.vestiging!.js).toBe(0);
    expect(stats.byType.vestiging!.css).toBe('body{}'.length);
    expect(stats.byType.vestiging!.pages).toBe(2);
    expect(stats.byType.vestiging!.htmlMax).toBe('<link rel="stylesheet" href="/_astro/site.css"><h1>V2 is longer</h1>'.length);
  });
});

/** A 10x result that meets every budget; each test spoils one figure. */
function passing(): ScaleResult {
  const type = { pages: 1, htmlMedian: 8000, htmlMax: 12000, htmlGzipMedian: 3000, htmlGzipMax: 3800, js: 0, jsGzip: 0, css: 26000, cssGzip: 5000 };
  return {
    scale: 10,
    holders: 2200,
    locations: 6500,
    languages: 7,
    validateMs: 400,
    build: { totalMs: 90_000, cpuS: 150, validateMs: 400, astroMs: 88_000, indexMs: 20_000, indexWaitMs: 0, pagesMs: 88_000, peakRssMb: 900 },
    floorMs: 50_000,
    floorRatio: 1.8,
    ratios: { wall: { median: 1.8, min: 1.7, max: 1.9 }, cpu: { median: 2.2, min: 2.1, max: 2.4 } },
    site: { files: 10, pages: 10, bytes: 1, byType: { vestiging: { ...type }, aanbieder: { ...type }, cijfers: { ...type, htmlGzipMax: 60 * 1024 } } },
    browser: {
      search: {
        query: 'Amsterdam',
        firstQueryBytes: 30 * 1024,
        firstResultsMs: 200,
        coldLink: { bytes: 185 * 1024, ms: 600, settledBytes: 290 * 1024 },
        uncorrectedCorrectionBytes: 0,
        corrected: { query: 'Amterdam', bytes: 50 * 1024, ms: 400, correctionBytes: 8 * 1024 },
      },
      map: { firstRenderMs: 700, bytesBeforeTiles: 220 * 1024 },
      compare: { ids: ['V1', 'V2', 'V3', 'V4'], bytesBeforeData: 40 * 1024, dataBytes: 12 * 1024, renderAfterDataMs: 20 },
      lighthouse: ['home', 'search', 'provider', 'map'].map((page) => ({ page, scores: { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 } })),
      notes: [],
    },
  };
}

const failing = (result: ScaleResult) => budgets([result]).filter((b) => !b.pass).map((b) => b.name);

describe('budgets', () => {
  it('all pass for a result within every budget', () => {
    expect(failing(passing())).toEqual([]);
  });

  /** Each case spoils one figure (or two of one budget) of a passing result; exactly those budgets fail. */
  it.each<[string, (result: ScaleResult) => void, string[]]>([
    ['the build fails above twice the floor', (r) => { r.floorRatio = 2.01; }, [expect.stringContaining('whole build vs bare-Astro floor (same page count), wall time')]],
    ['the build fails above two and a half times the floor in CPU seconds', (r) => { r.ratios!.cpu!.median = 2.51; }, [expect.stringContaining('whole build vs bare-Astro floor, CPU seconds')]],
    ['a location page over 15 KB gzipped fails', (r) => { r.site.byType.vestiging!.htmlGzipMax = 15 * 1024 + 1; }, ['location page, gzipped HTML (largest at 10x)']],
    ['a provider page with more JavaScript than the share control fails', (r) => { r.site.byType.aanbieder!.js = 1025; }, ['holder page JavaScript (the share control only)']],
    ['a corrected query slower than 500 ms, or over 40 KB beyond the uncorrected one, fails', (r) => { r.browser!.search!.corrected.ms = 501; r.browser!.search!.corrected.bytes = r.browser!.search!.firstQueryBytes + 40 * 1024 + 1; }, ['corrected search query ("Amterdam"): first results after typing', 'corrected search query: bytes beyond the uncorrected one']],
    ['a location page whose script outgrows the keep, read-aloud and share controls fails', (r) => { r.site.byType.vestiging!.js = 5 * 1024 + 1; }, ['location page JavaScript (the keep, read-aloud and share controls only)']],
    ['a comparison over 60 KB before its data, or drawn more than 300 ms after it, fails', (r) => { r.browser!.compare!.bytesBeforeData = 60 * 1024 + 1; r.browser!.compare!.renderAfterDataMs = 301; }, ['comparison of four locations, bytes before its data', 'comparison drawn after its data arrived']],
    ['the map page over 250 KB before tiles fails', (r) => { r.browser!.map!.bytesBeforeTiles = 251 * 1024; }, ['map page, bytes before tiles']],
    ['a Lighthouse score of 99 in any category fails that page', (r) => { r.browser!.lighthouse![3]!.scores.performance = 99; }, ['Lighthouse map']],
  ])('%s', (_, spoil, failed) => {
    const result = passing();
    spoil(result);
    expect(failing(result)).toEqual(failed);
  });

  it('the first query over 150 KB, or slower than 300 ms, fails', () => {
    const result = passing();
    result.browser!.search!.firstQueryBytes = 151 * 1024;
    result.browser!.search!.firstResultsMs = 301;
    expect(failing(result)).toEqual([
      'first search query, bytes transferred',
      'first search results after typing',
      'search query that needs no correction: bytes transferred, as before correction existed',
    ]);
  });

  it('a query that needs no correction fails if it loads the vocabulary, or costs more than before correction existed', () => {
    const result = passing();
    result.browser!.search!.uncorrectedCorrectionBytes = 1;
    expect(failing(result)).toEqual(['search query that needs no correction: correction vocabulary loaded']);
    result.browser!.search!.uncorrectedCorrectionBytes = 0;
    result.browser!.search!.firstQueryBytes = 34 * 1024;
    expect(failing(result)).toEqual(['search query that needs no correction: bytes transferred, as before correction existed']);
  });

  it('a 30x build whose ratio to the floor is higher than at 10x fails: a cost that grows faster than the pages', () => {
    const ten = passing();
    const thirty: ScaleResult = { ...passing(), scale: 30, floorRatio: 1.81 };
    expect(budgets([ten, thirty]).find((b) => b.name.startsWith('30x register: build vs floor'))).toMatchObject({ pass: false, measured: expect.stringContaining('1.81× at 30x, 1.80× at 10x') });
    thirty.floorRatio = 1.8;
    expect(budgets([ten, thirty]).filter((b) => !b.pass)).toEqual([]);
  });

  it('every budget is written with its limit, and a figure the run did not measure is left out, not judged', () => {
    const result = passing();
    const checked = budgets([result]);
    expect(checked.find((b) => b.name.endsWith('wall time'))).toMatchObject({ budget: '≤ 2.0×', measured: expect.stringMatching(/^1\.80× \(median of 1 pairs/) });
    expect(checked.find((b) => b.name === 'location page, gzipped HTML (largest at 10x)')).toMatchObject({ budget: '≤ 15.0 KB', measured: '3.7 KB' });
    expect(checked.find((b) => b.name === 'Lighthouse map')).toMatchObject({ budget: 'all 100' });
    result.browser = null;
    expect(budgets([result]).some((b) => b.name.startsWith('Lighthouse') || b.name.startsWith('first search'))).toBe(false);
  });

  it('a figures page over 150 KB gzipped, or with any JavaScript, fails', () => {
    const result = passing();
    result.site.byType.cijfers!.htmlGzipMax = 150 * 1024 + 1;
    expect(failing(result)).toEqual(['figures page, gzipped HTML with its inline SVG charts (largest at 10x)']);
    result.site.byType.cijfers!.htmlGzipMax = 150 * 1024;
    result.site.byType.cijfers!.js = 1;
    expect(failing(result)).toEqual(['cijfers pages load no JavaScript']);
  });
});
