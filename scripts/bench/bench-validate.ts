/**
 * `npm run bench:validate [-- --scale 10 --runs 7]`: how long validation takes on a register
 * ten times the real one.
 *
 * Generates a scale-10 register into a temporary folder, then times, in this process, what
 * the build does before it renders anything: read the folder and validate it. Prints the
 * median of a few runs (the first run includes warming up, so there is one extra, untimed).
 * The target is about one second at scale 10 on a two-core machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readExportDir, validateExports } from '../../src/register/index.ts';
import { writeRegister } from '../generate-register.ts';
import { median } from './stats.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '10' },
    runs: { type: 'string', default: '7' },
    seed: { type: 'string', default: '42' },
  },
});
const scale = Number(values.scale);
const runs = Math.max(1, Math.floor(Number(values.runs)));
const seed = Number(values.seed);

// A full garbage collection between runs, without needing `node --expose-gc`.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const dir = mkdtempSync(join(tmpdir(), 'register-bench-'));
try {
  writeRegister(dir, { scale, seed });

  const validateOnce = () => {
    collectGarbage();
    const started = performance.now();
    const result = validateExports(readExportDir(dir));
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
