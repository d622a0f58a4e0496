/**
 * `npm run bench:validate [-- --scale 10 --runs 7]`: how long validation takes on a register
 * ten times the real one. `npm run bench:validate -- --memory 100`: the peak memory (maximum
 * resident set size) of reading and validating a generated export of about 100 MB, measured
 * in a fresh process that does only that (the export is generated beforehand, in this one),
 * against the budget of 1 GB (MEMORY_BUDGET_MB).
 *
 * Generates a scale-10 register into a temporary folder, then times, in this process, what
 * the build does before it renders anything: read the folder and validate it. Prints the
 * median of a few runs (the first run includes warming up, so there is one extra, untimed).
 * The target is about one second at scale 10 on a two-core machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { exportDirSource, validateExports } from '../../src/register/index.ts';
import { generateRegister, writeRegister } from '../generate-register.ts';
import { readRegisterRun, registerRunOptions } from './options.ts';
import { median } from './stats.ts';

const { values } = parseArgs({
  options: {
    ...registerRunOptions(7),
    memory: { type: 'string' },
    'measure-dir': { type: 'string' },
  },
});

/** The most a validation of a 100 MB export may take, as the resident set size's peak. */
const MEMORY_BUDGET_MB = 1024;
/** The scale at which the generator's megabytes per scale unit are measured before a memory run. */
const PROBE_SCALE = 10;

/**
 * The generator's scale for an export of about `mb` megabytes. Measured, not a constant: the
 * files grow whenever the generator learns a new file or column (courses.csv made a scale once
 * taken for 100 MB write 135 MB), and the budget is stated for 100 MB.
 */
function scaleFor(mb: number, seed: number): number {
  const probe = Object.values(generateRegister({ scale: PROBE_SCALE, seed })).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  return Math.max(1, Math.round((mb * 1024 * 1024 * PROBE_SCALE) / probe));
}

if (values['measure-dir']) {
  // The child: one read + validate, as the build does it, then its own peak resident set size.
  const result = validateExports(exportDirSource(values['measure-dir']));
  console.log(JSON.stringify({ ok: result.ok, counts: result.counts, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}
if (values.memory) {
  const target = Number(values.memory);
  const dir = mkdtempSync(join(tmpdir(), 'register-bench-memory-'));
  try {
    writeRegister(dir, { scale: scaleFor(target, Number(values.seed)), seed: Number(values.seed) });
    const bytes = readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--measure-dir', dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (child.status !== 0) throw new Error(`the measuring process failed (exit ${child.status}):\n${child.stderr.slice(-2000)}`);
    const { ok, maxRssMb } = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { ok: boolean; maxRssMb: number };
    const mb = bytes / 1024 / 1024;
    const verdict = maxRssMb <= MEMORY_BUDGET_MB ? 'PASS' : 'FAIL';
    console.log(`export of ${mb.toFixed(0)} MB (${ok ? 'valid' : 'invalid'}): read + validate peaked at ${maxRssMb.toFixed(0)} MB resident, ${(maxRssMb / mb).toFixed(1)}× the export; budget ${MEMORY_BUDGET_MB} MB: ${verdict}`);
    if (verdict === 'FAIL') process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit();
}
const { scale, seed, runs } = readRegisterRun(values);

// A full garbage collection between runs, without needing `node --expose-gc`.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const dir = mkdtempSync(join(tmpdir(), 'register-bench-'));
try {
  writeRegister(dir, { scale, seed });

  const validateOnce = () => {
    collectGarbage();
    const started = performance.now();
    const result = validateExports(exportDirSource(dir));
    return { ms: performance.now() - started, result };
  };

  validateOnce(); // warm-up: module JIT and Zod's first compilation are not what we measure
  const times: number[] = [];
  let last = validateOnce();
  times.push(last.ms);
  for (let i = 1; i < runs; i++) {
    last = validateOnce();
    times.push(last.ms);
  }
  const middle = median(times);
  const errors = last.result.ok ? 0 : last.result.errors.length;
  const { holders, locations, routes, profiles } = last.result.counts;

  console.log(`scale ${scale} (seed ${seed}): ${holders} holders, ${locations} locations, ${routes} routes, ${profiles} profiles`);
  console.log(`read + validate, median of ${runs} runs: ${middle.toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms)`);
  console.log(`${errors} errors, ${last.result.warnings.length} warnings`);
  if (errors > 0) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
