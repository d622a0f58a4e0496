/**
 * The framework's floor: a bare Astro site that writes the same number of trivial pages as
 * the register, built with the same Astro in the same run. Our build time divided by this
 * is the overhead that is ours, which a noisy shared machine cannot blur.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Builds `pages` trivial pages and returns the wall-clock milliseconds, measured like our
 * own build: a fresh Node process running `astro build`, start-up included.
 */
export async function buildFloor(workDir: string, pages: number): Promise<number> {
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
  const started = performance.now();
  const run = spawnSync(process.execPath, [astro, 'build', '--root', workDir, '--silent'], { encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`floor build failed: ${run.stderr.slice(-2000)}`);
  return ms;
}
