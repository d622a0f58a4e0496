/**
 * The measurements that need a browser: a typical search (bytes transferred and time from
 * typing to first results), the map's first render and weight before tiles, and Lighthouse
 * on the home, search, provider and map pages. Debian's Chromium, a locally served build;
 * map tiles are refused, so nothing leaves the machine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'astro';
import type { Page } from 'playwright-core';
import type { Result as LighthouseResult } from 'lighthouse';
import { launchChromium, CHROMIUM } from '../lib/chromium.ts';
import { meterRequests } from './meter.ts';

export interface BrowserMeasurements {
  search: { query: string; firstQueryBytes: number; firstResultsMs: number } | null;
  map: { firstRenderMs: number; bytesBeforeTiles: number } | null;
  lighthouse: { page: string; scores: Record<string, number> }[] | null;
  notes: string[];
}

/** A query a visitor would type: the city with the most locations in the register. */
function typicalQuery(dataDir: string): string {
  const rows = readFileSync(join(dataDir, 'locations.csv'), 'utf8').split('\n').slice(1);
  const header = readFileSync(join(dataDir, 'locations.csv'), 'utf8').split('\n', 1)[0]!.split(',');
  const cityColumn = header.indexOf('city');
  const counts = new Map<string, number>();
  for (const row of rows) {
    const city = row.split(',')[cityColumn];
    if (city) counts.set(city, (counts.get(city) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

export async function browserMeasurements(outDir: string, dataDir: string, port: number): Promise<BrowserMeasurements> {
  const server = await preview({ root: process.cwd(), outDir, server: { port, host: '127.0.0.1' }, logLevel: 'error' });
  const base = `http://127.0.0.1:${server.port}`;
  const browser = await launchChromium();
  const notes: string[] = [];
  const result: BrowserMeasurements = { search: null, map: null, lighthouse: null, notes };
  try {
    // Search: the page is loaded and idle; then the visitor types a query.
    {
      const context = await browser.newContext();
      const page = await context.newPage();
      const bytes = meterRequests(page);
      await page.goto(`${base}/nl/zoeken/`, { waitUntil: 'networkidle' });
      await page.locator('[data-search][data-state="ready"]').waitFor();
      await bytes.settle();
      bytes.reset();
      const query = typicalQuery(dataDir);
      // In page time: when the result list is next filled with cards.
      const arrived = page.evaluate(
        () =>
          new Promise<number>((done) => {
            const list = document.querySelector('[data-search-list]')!;
            const observer = new MutationObserver(() => {
              if (!list.querySelector('[data-search-result]')) return;
              observer.disconnect();
              done(performance.now());
            });
            observer.observe(list, { childList: true });
          }),
      );
      const started = await page.evaluate(() => performance.now());
      await page.fill('input[name="q"]', query);
      const firstResultsMs = (await arrived) - started;
      await page.waitForLoadState('networkidle');
      result.search = { query, firstQueryBytes: (await bytes.settle()).total, firstResultsMs };
      await context.close();
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

/** Lighthouse (with Debian's Chromium) on the home, search, a provider and the map page. */
async function lighthouseScores(base: string, outDir: string): Promise<{ page: string; scores: Record<string, number> }[]> {
  const provider = readFileSync(join(outDir, 'nl/aanbieders/index.html'), 'utf8').match(/href="(\/nl\/aanbieder\/[^"]+)"/)?.[1] ?? '/nl/';
  const runs = await lighthouseRuns(base, { home: '/nl/', search: '/nl/zoeken/', provider, map: '/nl/kaart/' });
  return runs.map(({ page, scores }) => ({ page, scores }));
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
