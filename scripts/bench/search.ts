/**
 * The search page measured in Chromium, one way for `npm run bench` and `bench:search`:
 * typing into a loaded page (the budget: the first query's bytes and the time to
 * its first results) and a shared link opened in an empty browser (everything the visit
 * costs, Pagefind's own script, WebAssembly and index metadata included).
 */
import type { Browser, Page } from 'playwright-core';
import { FIRST_RESULTS_MARK } from '../../src/client/search-results.ts';
import type { Register } from '../../src/register/model.ts';
import { meterRequests, type ByKind } from './meter.ts';

export interface SearchRun {
  ms: number;
  bytes: number;
  byKind: ByKind;
}

/** A query a visitor would type: the place with the most locations in the register. */
export function typicalQuery(register: Register): string {
  const counts = new Map<string, number>();
  for (const l of register.locations) counts.set(l.city, (counts.get(l.city) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/** The kind of the correction vocabulary and the code that searches it: loaded only by a query that needs correcting. */
export const CORRECTION_KIND = 'correction';

/**
 * The typical query as a visitor might mistype it: its third letter left out ("Amsterdam"
 * → "Amterdam"), one edit away, so the page corrects it from the register's own words.
 */
export function misspelt(query: string): string {
  return query.slice(0, 2) + query.slice(3);
}

/** What a response is, for the byte tables. */
export function searchRequestKind(url: string): string {
  const path = new URL(url).pathname;
  if (path.endsWith('/pagefind.js')) return 'pagefind.js';
  if (path.endsWith('pagefind-worker.js')) return 'pagefind worker';
  if (/wasm\.\w+\.pagefind$/.test(path)) return 'pagefind wasm';
  if (path.endsWith('.pf_meta')) return 'index metadata';
  if (path.endsWith('pagefind-entry.json')) return 'index entry';
  if (/\/pagefind\/\w+\/filter\//.test(path)) return 'filter chunks';
  if (/\/pagefind\/\w+\/index\//.test(path)) return 'word index chunks';
  if (/\/pagefind\/\w+\/fragment\//.test(path)) return 'result fragments';
  if (path.endsWith('/zoeken/coordinaten.json')) return 'coordinates';
  if (path.endsWith('/zoeken/woorden.json') || /\/spelling\.[\w-]+\.js$/.test(path)) return CORRECTION_KIND;
  if (path.endsWith('/plaatsen.json')) return 'place index';
  if (path.endsWith('.js')) return 'site JavaScript';
  if (path.endsWith('.css')) return 'CSS';
  if (path.endsWith('/') || path.endsWith('.html')) return 'HTML';
  return 'other';
}

/** Resolves (in page time) when the result list is next filled with result cards. */
function nextResults(page: Page): Promise<number> {
  return page.evaluate(
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
}

/**
 * The search page is loaded and idle; the visitor types `text` into `field` (the search box,
 * or the place field followed by Enter). Time from the input to the first result cards, and
 * every byte fetched because of it.
 */
export async function measureTyping(browser: Browser, base: string, field: string, text: string): Promise<SearchRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const bytes = meterRequests(page, searchRequestKind);
    await page.goto(`${base}/nl/zoeken/`, { waitUntil: 'networkidle' });
    await page.locator('[data-search][data-state="ready"]').waitFor();
    await page.waitForTimeout(500);
    await bytes.settle();
    bytes.reset();
    const arrived = nextResults(page);
    const started = await page.evaluate(() => performance.now());
    await page.fill(field, text);
    if (field === '#zoeken-place') await page.locator(field).press('Enter');
    const at = await arrived;
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const { total, byKind } = await bytes.settle();
    return { ms: at - started, bytes: total, byKind };
  } finally {
    await context.close();
  }
}

/**
 * A shared link with a query (`?q=…`) opened in an empty browser: from navigation to the
 * first result cards (the page marks that moment), with the bytes that had arrived by then;
 * `settledBytes` adds what comes after (the counts of every filter).
 */
export async function measureColdLink(browser: Browser, base: string, query: string): Promise<SearchRun & { settledBytes: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const bytes = meterRequests(page, searchRequestKind);
    await page.goto(`${base}/nl/zoeken/?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
    await page.locator('[data-search][data-state="ready"]').waitFor();
    await page.waitForLoadState('networkidle');
    const { ms, at } = await page.evaluate((mark) => {
      const entry = performance.getEntriesByName(mark)[0]!;
      return { ms: entry.startTime, at: performance.timeOrigin + entry.startTime };
    }, FIRST_RESULTS_MARK);
    const first = await bytes.settle(at);
    const all = await bytes.settle();
    return { ms, bytes: first.total, byKind: first.byKind, settledBytes: all.total };
  } finally {
    await context.close();
  }
}
