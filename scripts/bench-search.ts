/**
 * `npm run bench:search [-- --scale 10 --runs 5 --skip-build]`: search on a register ten
 * times the real one, served locally (gzip, as any static host) and driven in Chromium.
 *
 * Generates and builds the register (with the real build, index included) into bench/work,
 * then measures, each run in a fresh browser context (empty cache):
 * - typing: the page is loaded and idle, the visitor types a query; time from the input to
 *   the first result cards for it, and the bytes that query fetched (the issue's budget:
 *   300 ms, 150 KB);
 * - cold: a shared link with a query (`?q=`) opened in an empty browser; bytes and time to
 *   the first results, Pagefind's own script, WebAssembly and index metadata included;
 * - postcode: the visitor types a postcode in the place field; time to results sorted by
 *   distance, and the bytes (the coordinate and place files come with the first one).
 * Prints medians and each run's figures, and the bytes per kind of file. No assertions:
 * the budgets are checked by people reading this (and by `npm run bench`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { preview } from 'astro';
import type { Browser, Page } from 'playwright-core';
import { loadRegisterDir } from '../src/register/index.ts';
import { writeRegister } from './generate-register.ts';
import { launchChromium } from './lib/chromium.ts';
import { meterRequests } from './bench/meter.ts';
import { FIRST_RESULTS_MARK } from '../src/client/search.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '10' },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string', default: '5' },
    'skip-build': { type: 'boolean', default: false },
  },
});
const scale = Number(values.scale);
const runs = Math.max(1, Number(values.runs));
// Inside the project: Astro keeps its build cache beside an output folder only when that folder is in the project.
const work = resolve('bench/work', `search-${scale}x`);
const dataDir = join(work, 'data');
const outDir = join(work, 'dist');

if (!values['skip-build'] || !existsSync(join(outDir, 'pagefind'))) {
  mkdirSync(work, { recursive: true });
  writeRegister(dataDir, { scale, seed: Number(values.seed) });
  console.log(`Building a ${scale}x register into ${outDir} …`);
  const started = performance.now();
  const build = spawnSync(process.execPath, ['scripts/build.ts'], {
    env: { ...process.env, REGISTER_DATA_DIR: dataDir, REGISTER_OUT_DIR: outDir, ASTRO_LOG_LEVEL: 'info' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
  const indexed = /indexed .*/.exec(build.stdout)?.[0];
  console.log(`built in ${((performance.now() - started) / 1000).toFixed(0)} s; ${indexed ?? ''}`);
}

const result = loadRegisterDir(dataDir);
if (!result.ok) throw new Error('the generated register is invalid');
const register = result.register;
/** What a visitor types: the city with the most locations, and the postcode of a location in it. */
const cities = new Map<string, number>();
for (const l of register.locations) cities.set(l.city, (cities.get(l.city) ?? 0) + 1);
const city = [...cities].sort((a, b) => b[1] - a[1])[0]![0];
const postcode = register.locations.find((l) => l.city === city && l.latitude !== undefined)!.postcode;

/** What a response is, for the byte table. */
function kind(url: string): string {
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
  if (path.endsWith('/plaatsen.json')) return 'place index';
  if (path.endsWith('.js')) return 'site JavaScript';
  if (path.endsWith('.css')) return 'CSS';
  if (path.endsWith('/') || path.endsWith('.html')) return 'HTML';
  return 'other';
}

/** Resolves (in page time) when the result list is next replaced; returns the time it took since `since`. */
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

interface Run {
  ms: number;
  bytes: number;
  byKind: Map<string, { bytes: number; requests: number }>;
}

const server = await preview({ root: process.cwd(), outDir, server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
const base = `http://127.0.0.1:${server.port}`;
const browser: Browser = await launchChromium();

async function typing(field: string, text: string): Promise<Run> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bytes = meterRequests(page, kind);
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
  await context.close();
  return { ms: at - started, bytes: total, byKind };
}

async function cold(query: string): Promise<Run> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bytes = meterRequests(page, kind);
  await page.goto(`${base}/nl/zoeken/${query}`, { waitUntil: 'commit' });
  await page.locator('[data-search][data-state="ready"]').waitFor();
  await page.waitForLoadState('networkidle');
  // In page time: from navigation to the first result cards (the page marks that moment).
  const { ms, at } = await page.evaluate((mark) => {
    const entry = performance.getEntriesByName(mark)[0]!;
    return { ms: entry.startTime, at: performance.timeOrigin + entry.startTime };
  }, FIRST_RESULTS_MARK);
  const first = await bytes.settle(at);
  const all = await bytes.settle();
  await context.close();
  coldTotals.push(all.total);
  return { ms, bytes: first.total, byKind: first.byKind };
}

/** Each cold run's bytes once everything has settled (filter counts included). */
const coldTotals: number[] = [];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function report(name: string, list: Run[], budget?: { ms: number; kb: number }) {
  const ms = median(list.map((r) => r.ms));
  const bytes = median(list.map((r) => r.bytes));
  const verdict = budget ? `  [${ms <= budget.ms ? 'within' : 'OVER'} ${budget.ms} ms, ${bytes <= budget.kb * 1024 ? 'within' : 'OVER'} ${budget.kb} KB]` : '';
  console.log(`\n${name}: median ${ms.toFixed(0)} ms, ${kb(bytes)}${verdict}`);
  console.log(`  runs: ${list.map((r) => `${r.ms.toFixed(0)} ms / ${kb(r.bytes)}`).join(', ')}`);
  const typical = list.find((r) => r.bytes === bytes) ?? list[0]!;
  for (const [k, v] of [...typical.byKind].sort((a, b) => b[1].bytes - a[1].bytes)) {
    console.log(`  ${k.padEnd(18)} ${kb(v.bytes).padStart(10)}  (${v.requests} request${v.requests === 1 ? '' : 's'})`);
  }
}

try {
  console.log(`\n${register.locations.length} locations; query "${city}", postcode "${postcode}"; ${runs} runs each; Chromium, fresh context per run.`);
  const results = { typing: [] as Run[], name: [] as Run[], cold: [] as Run[], postcode: [] as Run[] };
  const name = register.locations.find((l) => l.name)!.name!.split(' ').slice(0, 2).join(' ');
  for (let i = 0; i < runs; i++) {
    results.typing.push(await typing('#zoeken-q', city));
    results.name.push(await typing('#zoeken-q', name));
    results.cold.push(await cold(`?q=${encodeURIComponent(city)}`));
    results.postcode.push(await typing('#zoeken-place', postcode));
  }
  report(`Typing "${city}" on a loaded, idle search page (first results after the input)`, results.typing, { ms: 300, kb: 150 });
  report(`Typing a name ("${name}")`, results.name, { ms: 300, kb: 150 });
  report(`Cold: a link with ?q=${city} in an empty browser (navigation to first results, everything included)`, results.cold);
  console.log(`  … and once the counts of every filter have loaded too: median ${kb(median(coldTotals))}`);
  report(`A postcode (${postcode}) in the place field: results sorted by distance`, results.postcode);
  const html = readFileSync(join(outDir, 'nl/zoeken/index.html'));
  console.log(`\nSearch page HTML: ${kb(html.length)} raw.`);
  // Playwright reports the worker script's response without its body; this is what it weighs.
  console.log(`Pagefind's worker script (loaded on every cold visit): ${kb(gzipSync(readFileSync(join(outDir, 'pagefind/nl/pagefind-worker.js'))).length)} gzipped, not in the cold figures above.`);
} finally {
  await browser.close();
  await server.stop();
}
