/**
 * Builds a register into a folder with the real build script, and serves folders over
 * HTTP with Astro's own preview server: the browser tests see what `npm start` serves.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { preview } from 'astro';

export const ROOT = resolve(import.meta.dirname, '../..');
/**
 * Scratch space of this test run. Per run (the id is set in vitest.config.ts), so that two
 * runs on one machine never build into each other's folders.
 */
export const TMP = resolve(ROOT, 'tests/.tmp', process.env.TEST_RUN_ID ?? String(process.pid));

export interface BuildOutcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Where a test build's nginx configuration goes: the test run's scratch space, not the project's deploy/. */
export function nginxConfOf(outDir: string): string {
  return resolve(TMP, 'nginx', `${resolve(outDir).replace(/[^\w-]+/g, '_')}.conf`);
}

/** Runs `scripts/build.ts` as `npm run build` would, with the given data and output folders. */
export function buildSite(dataDir: string, outDir: string, extraEnv: Record<string, string> = {}): BuildOutcome {
  const run = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: ROOT,
    env: { ...process.env, REGISTER_DATA_DIR: dataDir, REGISTER_OUT_DIR: outDir, REGISTER_NGINX_CONF: nginxConfOf(outDir), ...extraEnv },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Serves a built site on a free loopback port; call `stop()` when done. */
export async function serveSite(outDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = await preview({
    root: ROOT,
    outDir,
    server: { port: 0, host: '127.0.0.1' },
    logLevel: 'error',
  });
  return { url: `http://127.0.0.1:${server.port}`, stop: () => server.stop() };
}

/**
 * Every file of a folder by relative path, as bytes (links followed, so a published output
 * path, which is a link to its publication, reads as the site it shows).
 */
export function tree(dir: string, prefix = ''): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    const rel = join(prefix, name);
    if (statSync(join(dir, rel)).isDirectory()) Object.assign(out, tree(dir, rel));
    else out[rel] = readFileSync(join(dir, rel));
  }
  return out;
}
