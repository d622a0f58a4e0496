/**
 * `npm run bench [-- --scales 1,10,30]`: the register at one, ten and thirty times its real
 * size, built and measured in one run on this machine, against the framework's own floor.
 *
 * For each scale: validation time, page generation and search indexing time, the whole
 * build, its peak memory, pages written, the size of the output, HTML bytes per page type
 * (median and largest, raw and gzip), JavaScript and CSS per page type; at 10x also the
 * search (bytes and time to first results) and the map (first render) in Chromium. Then the
 * budgets, each PASS or FAIL. Writes bench/results.json and bench/RESULTS.md.
 *
 * Absolute seconds on a shared machine are noise; the ratios measured in one run are not.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LANG_CODES } from '../../src/i18n/languages.ts';
import { readExportDir, validateExports, type Register } from '../../src/register/index.ts';
import { writeRegister } from '../generate-register.ts';
import { buildFloor, timedRun } from './floor.ts';
import { storeFor } from '../lib/publication-store.ts';
import { median, medianOfKnown } from './stats.ts';
import { firstInPair, flushWrites, formatSpread, loadAverage, QUIET_LOAD, summarizePairs, type BuildPair, type LoadAverage, type PairSummary } from './pairs.ts';
import { siteStats, type SiteStats } from './site-stats.ts';
import { browserMeasurements, type BrowserMeasurements } from './browser.ts';
import { budgets, type BudgetResult } from './budgets.ts';
import { renderResults } from './report.ts';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,10,30' },
    seed: { type: 'string', default: '42' },
    'skip-browser': { type: 'boolean', default: false },
    'skip-floor': { type: 'boolean', default: false },
    /**
     * Pairs of builds, ours and the floor's, the order alternating; the ratios reported are the
     * medians over the pairs. One count for every scale, or one per scale (`--scales 1,10,30
     * --pairs 5,5,1`): five pairs at 30x take the better part of an hour.
     */
    pairs: { type: 'string', default: '5' },
  },
});
const scales = values.scales.split(',').map(Number);
const pairCounts = values.pairs.split(',').map((n) => Math.max(1, Math.floor(Number(n))));
if (pairCounts.length !== 1 && pairCounts.length !== scales.length) throw new Error(`--pairs takes one count or one per scale (${scales.length}), not "${values.pairs}"`);
/** How many build pairs this scale gets. */
const pairsAt = (index: number) => pairCounts[pairCounts.length === 1 ? 0 : index]!;
const seed = Number(values.seed);
const ROOT = process.cwd();
const REGISTERS = resolve(ROOT, 'bench/registers');
const WORK = resolve(ROOT, 'bench/work');
/** The 10x site is served here for the browser measurements; canonical and hreflang URLs must match it. */
export const BENCH_ORIGIN = 'http://127.0.0.1:4399';

export interface ScaleResult {
  scale: number;
  holders: number;
  locations: number;
  languages: number;
  validateMs: number;
  build: { totalMs: number; cpuS: number | null; validateMs: number; astroMs: number; indexMs: number | null; indexWaitMs: number | null; pagesMs: number; peakRssMb: number | null };
  /** Median wall time of the floor's builds. */
  floorMs: number | null;
  /** Median over the pairs of (our build ÷ the floor's build), by wall time. */
  floorRatio: number | null;
  /** Wall and CPU ratios with their spread over the pairs. */
  ratios?: PairSummary | null;
  /** Each pair: our build and the floor's back to back, the order alternating from pair to pair. */
  pairs?: BuildPair[];
  /** Load average before the first timed build of this scale and after its last. */
  load?: { before: LoadAverage; after: LoadAverage };
  site: SiteStats;
  browser: BrowserMeasurements | null;
}

/** Median of three in-process validations: what the build does before it renders anything. */
function timeValidation(dir: string): { ms: number; register: Register } {
  const times: number[] = [];
  let register: Register | undefined;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const result = validateExports(readExportDir(dir));
    times.push(performance.now() - started);
    if (!result.ok) throw new Error(`generated register at ${dir} is invalid`);
    register = result.register;
  }
  return { ms: times.sort((a, b) => a - b)[1]!, register: register! };
}

/** Runs the real build (`scripts/build.ts`) in a child process, under GNU time for peak memory. */
function timeBuild(dataDir: string, outDir: string) {
  const timingsFile = resolve(WORK, 'timings.json');
  rmSync(timingsFile, { force: true });
  // A public build (SITE_URL) from nothing: declared a first publication, as the guard requires.
  const env = { ...process.env, REGISTER_DATA_DIR: dataDir, REGISTER_OUT_DIR: outDir, BENCH_TIMINGS_FILE: timingsFile, SITE_URL: BENCH_ORIGIN, REGISTER_FIRST_PUBLICATION: 'yes' };
  // Start from nothing, as the floor does: deleting a previous output is not building one.
  // The output path is a link to a publication in the store beside it: without the store,
  // the build would spend its time pruning the previous pairs' publications.
  rmSync(outDir, { recursive: true, force: true });
  rmSync(storeFor(outDir).dir, { recursive: true, force: true });
  flushWrites();
  const { run, cost, peakRssKb } = timedRun(['scripts/build.ts'], { cwd: ROOT, env, encoding: 'utf8' });
  const totalMs = cost.ms;
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
  const timings = JSON.parse(readFileSync(timingsFile, 'utf8')) as Record<string, number>;
  const indexMs = timings.pagefind ?? null;
  // Indexing runs alongside page generation; the pages were done when the build began to
  // wait for whatever indexing was left.
  const indexWaitMs = timings.pagefindWait ?? indexMs;
  return {
    totalMs,
    cpuS: cost.cpuS,
    validateMs: timings.validate ?? 0,
    astroMs: timings.astro ?? 0,
    indexMs,
    indexWaitMs,
    pagesMs: (timings.astro ?? 0) - (indexWaitMs ?? 0),
    peakRssMb: peakRssKb === null ? null : Math.round(peakRssKb / 1024),
  };
}

const results: ScaleResult[] = [];
const runLoad = loadAverage();
if (runLoad[0] > QUIET_LOAD) console.warn(`Load average ${runLoad.join(' ')} at the start: above ${QUIET_LOAD}, the machine is not quiet and every ratio of this run is suspect.`);
mkdirSync(WORK, { recursive: true });
for (const [scaleIndex, scale] of scales.entries()) {
  const dataDir = resolve(REGISTERS, `scale-${scale}`);
  const outDir = resolve(WORK, `dist-${scale}`);
  console.log(`\n== scale ${scale}x`);
  rmSync(dataDir, { recursive: true, force: true });
  writeRegister(dataDir, { scale, seed });
  const validation = timeValidation(dataDir);
  console.log(`validate: ${validation.ms.toFixed(0)} ms (${validation.register.holders.length} holders, ${validation.register.locations.length} locations)`);
  const build = timeBuild(dataDir, outDir);
  console.log(`build: ${(build.totalMs / 1000).toFixed(1)} s (pages ${(build.pagesMs / 1000).toFixed(1)} s, index ${build.indexMs === null ? 'n/a' : `${(build.indexMs / 1000).toFixed(1)} s`}, peak ${build.peakRssMb ?? '?'} MB)`);
  const site = siteStats(outDir);
  console.log(`pages: ${site.pages}, dist: ${(site.bytes / 1e6).toFixed(1)} MB`);
  // The 10x budget's yardstick; measured at every scale, so the ratio's trend is visible too.
  // One build against one floor swings by a third on a shared machine, so: several pairs, the
  // order alternating within them (see pairs.ts), and the medians of their ratios.
  const pairs: BuildPair[] = [];
  const loadBefore = loadAverage();
  if (!values['skip-floor']) {
    const count = pairsAt(scaleIndex);
    for (let i = 0; i < count; i++) {
      const first = firstInPair(i);
      // The build measured above opens the first pair, whose order is ours first.
      const ours = i === 0 ? build : first === 'ours' ? timeBuild(dataDir, outDir) : null;
      const floor = await buildFloor(resolve(WORK, 'floor'), site.pages);
      const ourBuild = ours ?? timeBuild(dataDir, outDir);
      const cpuRatio = ourBuild.cpuS !== null && floor.cpuS !== null && floor.cpuS > 0 ? ourBuild.cpuS / floor.cpuS : null;
      pairs.push({ buildMs: ourBuild.totalMs, buildCpuS: ourBuild.cpuS, floorMs: floor.ms, floorCpuS: floor.cpuS, ratio: ourBuild.totalMs / floor.ms, cpuRatio, first });
      const cpu = (s: number | null) => (s === null ? '' : `, ${s.toFixed(0)} CPU s`);
      console.log(`pair ${i + 1}/${count} (${first} first): ours ${(ourBuild.totalMs / 1000).toFixed(1)} s${cpu(ourBuild.cpuS)}; floor (bare Astro, ${site.pages} trivial pages) ${(floor.ms / 1000).toFixed(1)} s${cpu(floor.cpuS)} → ${(ourBuild.totalMs / floor.ms).toFixed(2)}× wall${cpuRatio === null ? '' : `, ${cpuRatio.toFixed(2)}× CPU`}`);
    }
  }
  const loadAfter = loadAverage();
  const ratios = pairs.length ? summarizePairs(pairs) : null;
  const floorMs = pairs.length ? median(pairs.map((p) => p.floorMs)) : null;
  const floorRatio = ratios?.wall.median ?? null;
  if (ratios) console.log(`build ÷ floor, median of ${pairs.length} pairs: ${formatSpread(ratios.wall)} wall${ratios.cpu ? `, ${formatSpread(ratios.cpu)} CPU` : ''}; load ${loadBefore.join(' ')} → ${loadAfter.join(' ')}`);
  const browser = scale === 10 && !values['skip-browser'] ? await browserMeasurements(outDir, validation.register, Number(new URL(BENCH_ORIGIN).port)) : null;
  results.push({
    scale,
    holders: validation.register.holders.length,
    locations: validation.register.locations.length,
    languages: LANG_CODES.length,
    validateMs: validation.ms,
    build: pairs.length ? { ...build, totalMs: median(pairs.map((p) => p.buildMs)), cpuS: medianOfKnown(pairs.map((p) => p.buildCpuS)) } : build,
    floorMs,
    floorRatio,
    ratios,
    pairs,
    load: { before: loadBefore, after: loadAfter },
    site,
    browser,
  });
  // Keep the disk tidy: the 30x output is large and nothing reads it after its stats.
  if (scale !== 10) rmSync(outDir, { recursive: true, force: true });
}

const checked: BudgetResult[] = budgets(results);
const machine = { cpus: (await import('node:os')).cpus().length, node: process.version, date: new Date().toISOString().slice(0, 10), load: { start: runLoad, end: loadAverage() } };
mkdirSync(resolve(ROOT, 'bench'), { recursive: true });
writeFileSync(resolve(ROOT, 'bench/results.json'), `${JSON.stringify({ machine, results, budgets: checked }, null, 2)}\n`);
writeFileSync(resolve(ROOT, 'bench/RESULTS.md'), renderResults(machine, results, checked));
console.log('\nBudgets:');
for (const b of checked) console.log(`${b.pass ? 'PASS' : 'FAIL'}  ${b.name}: ${b.measured} (budget ${b.budget})`);
console.log('\nWrote bench/results.json and bench/RESULTS.md');
