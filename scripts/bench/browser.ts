/**
 * The measurements that need a browser: a typical search (bytes transferred and time from
 * typing to first results), the map's first render and weight before tiles, and Lighthouse
 * on the home, search, provider and map pages. Debian's Chromium, a locally served build;
 * map tiles are refused, so nothing leaves the machine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'astro';
import type { Result as LighthouseResult } from 'lighthouse';
import { launchChromium, CHROMIUM } from '../lib/chromium.ts';
import type { Register } from '../../src/register/model.ts';
import { meterRequests } from './meter.ts';
import { CORRECTION_KIND, measureColdLink, measureTyping, misspelt, typicalQuery } from './search.ts';
import { median } from './stats.ts';

export interface BrowserMeasurements {
  search: {
    query: string;
    firstQueryBytes: number;
    firstResultsMs: number;
    /** A link with the query opened in an empty browser: bytes and time to first results, and bytes once the filter counts are in. */
    coldLink: { bytes: number; ms: number; settledBytes: number };
    /** Bytes of the correction vocabulary and its code that the query above (which needs no correction) loaded: none. */
    uncorrectedCorrectionBytes: number;
    /** The query misspelt, typed into the loaded page: corrected from the vocabulary, loaded then. */
    corrected: { query: string; bytes: number; ms: number; correctionBytes: number };
  } | null;
  map: { firstRenderMs: number; bytesBeforeTiles: number } | null;
  /** The comparison of four locations: bytes of the page before its API documents, and drawing time once they are in. */
  compare?: { ids: string[]; bytesBeforeData: number; dataBytes: number; renderAfterDataMs: number } | null;
  lighthouse: { page: string; scores: Record<string, number> }[] | null;
  notes: string[];
}

export async function browserMeasurements(outDir: string, register: Register, port: number): Promise<BrowserMeasurements> {
  const server = await preview({ root: process.cwd(), outDir, server: { port, host: '127.0.0.1' }, logLevel: 'error' });
  const base = `http://127.0.0.1:${server.port}`;
  const browser = await launchChromium();
  const notes: string[] = [];
  const result: BrowserMeasurements = { search: null, map: null, lighthouse: null, notes };
  try {
    // Search: typing into a loaded page (the budget), and a shared link in an empty browser.
    {
      const query = typicalQuery(register);
      const typed = await measureTyping(browser, base, '#zoeken-q', query);
      const cold = await measureColdLink(browser, base, query);
      const wrong = misspelt(query);
      const corrected = await measureTyping(browser, base, '#zoeken-q', wrong);
      result.search = {
        query,
        firstQueryBytes: typed.bytes,
        firstResultsMs: typed.ms,
        coldLink: { bytes: cold.bytes, ms: cold.ms, settledBytes: cold.settledBytes },
        uncorrectedCorrectionBytes: typed.byKind.get(CORRECTION_KIND)?.bytes ?? 0,
        corrected: { query: wrong, bytes: corrected.bytes, ms: corrected.ms, correctionBytes: corrected.byKind.get(CORRECTION_KIND)?.bytes ?? 0 },
      };
    }
    // Map: from navigation to markers on screen, tiles refused.
    {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.route(/service\.pdok\.nl/, (route) => route.abort());
      const bytes = meterRequests(page);
      const started = Date.now();
      await page.goto(`${base}/nl/kaart/`);
      await page.locator('.leaflet-marker-icon').first().waitFor({ timeout: 60_000 });
      const firstRenderMs = Date.now() - started;
      await page.waitForLoadState('networkidle');
      result.map = { firstRenderMs, bytesBeforeTiles: (await bytes.settle()).total };
      await context.close();
    }
    result.compare = await measureComparison(browser, base, register);
  } catch (error) {
    notes.push(`browser measurement failed: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    await browser.close();
  }
  try {
    result.lighthouse = await lighthouseScores(base, outDir);
  } catch (error) {
    notes.push(`Lighthouse did not run: ${(error as Error).message.split('\n')[0]}`);
  }
  await server.stop();
  return result;
}

/**
 * The comparison page with four locations (the ones with the most courses: the largest
 * documents), in an empty browser: bytes of everything but the API documents, and the time
 * from the last document's arrival to the table on screen (the page's `kr-compare-rendered` mark).
 */
async function measureComparison(browser: Awaited<ReturnType<typeof launchChromium>>, base: string, register: Register) {
  const ids = [...register.locations].sort((a, b) => b.courses.length - a.courses.length).slice(0, 4).map((l) => l.location_id);
  const context = await browser.newContext();
  const page = await context.newPage();
  const bytes = meterRequests(page, (url) => (url.includes('/api/v1/') ? 'data' : 'page'));
  await page.goto(`${base}/nl/vergelijken/?ids=${ids.join(',')}`);
  await page.locator('[data-compare][data-state="ready"]').waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const renderAfterDataMs = await page.evaluate(() => {
    const data = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/v1/')) as PerformanceResourceTiming[];
    const drawn = performance.getEntriesByName('kr-compare-rendered')[0]!.startTime;
    return drawn - Math.max(...data.map((e) => e.responseEnd));
  });
  const { byKind } = await bytes.settle();
  await context.close();
  return { ids, bytesBeforeData: byKind.get('page')?.bytes ?? 0, dataBytes: byKind.get('data')?.bytes ?? 0, renderAfterDataMs };
}

/** Runs per page: simulated scores follow observed task durations, so one run moves with the machine's load. */
const LIGHTHOUSE_RUNS = 3;

/** Each category's median score over several runs of one page. */
export function medianScores(runs: LighthouseRun[]): Record<string, number> {
  return Object.fromEntries(Object.keys(runs[0]!.scores).map((k) => [k, median(runs.map((r) => r.scores[k]!))]));
}

/** Lighthouse (with Debian's Chromium) on the home, search, a provider and the map page: the median of three runs each. */
async function lighthouseScores(base: string, outDir: string): Promise<{ page: string; scores: Record<string, number> }[]> {
  const provider = readFileSync(join(outDir, 'nl/aanbieders/index.html'), 'utf8').match(/href="(\/nl\/aanbieder\/[^"]+)"/)?.[1] ?? '/nl/';
  const pages = { home: '/nl/', search: '/nl/zoeken/', provider, map: '/nl/kaart/' };
  const runs = await lighthouseRuns(base, pages, LIGHTHOUSE_RUNS);
  return Object.keys(pages).map((page) => ({ page, scores: medianScores(runs.filter((r) => r.page === page)) }));
}

/** One Lighthouse run of one page: the four category scores (0–100) and the whole report. */
export interface LighthouseRun {
  page: string;
  scores: Record<string, number>;
  report: LighthouseResult;
}

/**
 * Lighthouse as the budgets measure it: Debian's Chromium, the default mobile config with
 * simulated throttling, PDOK tiles blocked. Exported so a benchmark of one page (the map)
 * runs it the same way, several times over: simulated scores follow the observed task
 * durations, so one run on a busy machine says little.
 */
export async function lighthouseRuns(base: string, pages: Record<string, string>, runs = 1): Promise<LighthouseRun[]> {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const out: LighthouseRun[] = [];
    for (const [name, path] of Object.entries(pages)) {
      for (let run = 0; run < runs; run++) {
        const result = await lighthouse(base + path, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
          // Map tiles come from PDOK; the benchmark machine has no network, so they are blocked.
          blockedUrlPatterns: ['*service.pdok.nl*'],
        });
        const categories = result!.lhr.categories;
        out.push({
          page: name,
          scores: Object.fromEntries(Object.entries(categories).map(([k, v]) => [k, Math.round((v.score ?? 0) * 100)])),
          report: result!.lhr,
        });
      }
    }
    return out;
  } finally {
    chrome.kill();
  }
}
