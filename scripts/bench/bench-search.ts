/**
 * `npm run bench:search [-- --scale 10 --runs 5 --skip-build]`: search on a register ten
 * times the real one, served locally (gzip, as any static host) and driven in Chromium.
 *
 * Generates and builds the register (with the real build, index included) into bench/work,
 * then measures, each run in a fresh browser context (empty cache):
 * - typing: the page is loaded and idle, the visitor types a query; time from the input to
 *   the first result cards for it, and the bytes that query fetched (the issue's budget:
 *   300 ms, 150 KB);
 * - corrected: the same query misspelt, which the page corrects from the register's words
 *   (budget: 500 ms, at most 40 KB more than the query typed right);
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
import type { Browser } from 'playwright-core';
import { loadRegisterDir } from '../../src/register/index.ts';
import { writeRegister } from '../generate-register.ts';
import { launchChromium } from '../lib/chromium.ts';
import { measureColdLink, measureTyping, misspelt, typicalQuery, type SearchRun } from './search.ts';
import { readRegisterRun, registerRunOptions } from './options.ts';
import { median } from './stats.ts';

const { values } = parseArgs({
  options: {
    ...registerRunOptions(5),
    'skip-build': { type: 'boolean', default: false },
  },
});
const { scale, seed, runs } = readRegisterRun(values);
// Inside the project: Astro keeps its build cache beside an output folder only when that folder is in the project.
const work = resolve('bench/work', `search-${scale}x`);
const dataDir = join(work, 'data');
const outDir = join(work, 'dist');

if (!values['skip-build'] || !existsSync(join(outDir, 'pagefind'))) {
  mkdirSync(work, { recursive: true });
  writeRegister(dataDir, { scale, seed });
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
const city = typicalQuery(register);
const postcode = register.locations.find((l) => l.city === city && l.latitude !== undefined)!.postcode;

const server = await preview({ root: process.cwd(), outDir, server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
const base = `http://127.0.0.1:${server.port}`;
const browser: Browser = await launchChromium();

/** Each cold run's bytes once everything has settled (filter counts included). */
const coldTotals: number[] = [];

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function report(name: string, list: SearchRun[], budget?: { ms: number; kb: number }) {
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
  const results = { typing: [] as SearchRun[], corrected: [] as SearchRun[], name: [] as SearchRun[], cold: [] as SearchRun[], postcode: [] as SearchRun[] };
  const name = register.locations.find((l) => l.name)!.name!.split(' ').slice(0, 2).join(' ');
  for (let i = 0; i < runs; i++) {
    results.typing.push(await measureTyping(browser, base, '#zoeken-q', city));
    results.corrected.push(await measureTyping(browser, base, '#zoeken-q', misspelt(city)));
    results.name.push(await measureTyping(browser, base, '#zoeken-q', name));
    const cold = await measureColdLink(browser, base, city);
    results.cold.push(cold);
    coldTotals.push(cold.settledBytes);
    results.postcode.push(await measureTyping(browser, base, '#zoeken-place', postcode));
  }
  report(`Typing "${city}" on a loaded, idle search page (first results after the input)`, results.typing, { ms: 300, kb: 150 });
  const plainBytes = median(results.typing.map((r) => r.bytes));
  report(`Typing "${misspelt(city)}", corrected to "${city}" from the register's words`, results.corrected, { ms: 500, kb: (plainBytes + 40 * 1024) / 1024 });
  report(`Typing a name ("${name}")`, results.name, { ms: 300, kb: 150 });
  report(`Cold: a link with ?q=${city} in an empty browser (navigation to first results, everything included)`, results.cold);
  console.log(`  … and once the counts of every filter have loaded too: median ${kb(median(coldTotals))}`);
  report(`A postcode (${postcode}) in the place field: results sorted by distance`, results.postcode);
  const html = readFileSync(join(outDir, 'nl/zoeken/index.html'));
  console.log(`\nSearch page HTML: ${kb(html.length)} raw.`);
  // Playwright reports the worker script's response without its body; this is what it weighs.
  console.log(`Pagefind's worker script (loaded on every cold visit): ${kb(gzipSync(readFileSync(join(outDir, 'pagefind/pagefind-worker.js'))).length)} gzipped, not in the cold figures above.`);
} finally {
  await browser.close();
  await server.stop();
}
