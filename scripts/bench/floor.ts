/**
 * The framework's floor: a bare Astro site that writes the same number of trivial pages as
 * the register, built with the same Astro in the same run. Our build time divided by this
 * is the overhead that is ours, which a noisy shared machine cannot blur.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { flushWrites } from './pairs.ts';

/** Wall-clock milliseconds and CPU seconds (user + system, child processes included) of one build. */
export interface BuildCost {
  ms: number;
  cpuS: number | null;
}

/**
 * Runs a command under GNU time when the machine has it: CPU seconds beside wall time say
 * whether a slow run was slow or only waited for a busy machine.
 */
export function timedRun(args: string[], options: Parameters<typeof spawnSync>[2] & { encoding: 'utf8' }): { run: ReturnType<typeof spawnSync> & { stdout: string; stderr: string }; cost: BuildCost; peakRssKb: number | null } {
  const gnuTime = existsSync('/usr/bin/time');
  const command = gnuTime ? '/usr/bin/time' : process.execPath;
  const full = gnuTime ? ['-f', 'bench-cost %M %U %S', process.execPath, ...args] : args;
  const started = performance.now();
  const run = spawnSync(command, full, { maxBuffer: 64 * 1024 * 1024, ...options }) as ReturnType<typeof spawnSync> & { stdout: string; stderr: string };
  const ms = performance.now() - started;
  const cost = /bench-cost (\d+) ([\d.]+) ([\d.]+)/.exec(run.stderr ?? '');
  return {
    run,
    cost: { ms, cpuS: cost ? Number(cost[2]) + Number(cost[3]) : null },
    peakRssKb: cost ? Number(cost[1]) : null,
  };
}

/**
 * Builds `pages` trivial pages and returns its cost, measured like our own build: a fresh
 * Node process running `astro build`, start-up included.
 */
export async function buildFloor(workDir: string, pages: number): Promise<BuildCost> {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(join(workDir, 'src/pages'), { recursive: true });
  writeFileSync(join(workDir, 'astro.config.mjs'), "export default { output: 'static', logLevel: 'warn' };\n");
  writeFileSync(
    join(workDir, 'src/pages/[n].astro'),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i) } }));
}
const { n } = Astro.params;
---
<html lang="nl"><head><title>Pagina {n}</title></head><body><p>Pagina {n}</p></body></html>
`,
  );
  const astro = resolve('node_modules/astro/bin/astro.mjs');
  flushWrites();
  const { run, cost } = timedRun([astro, 'build', '--root', workDir, '--silent'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`floor build failed: ${run.stderr.slice(-2000)}`);
  return cost;
}
