/**
 * Builds a register into a folder with the real build script, and serves folders over
 * HTTP with Astro's own preview server: the browser tests see what `npm start` serves.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { preview } from 'astro';
import { storeFor } from '../../scripts/lib/publication-store.ts';

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

/** The environment `scripts/build.ts` runs with, as `npm run build` would, for these data and output folders. */
function buildEnv(dataDir: string, outDir: string, extraEnv: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, REGISTER_DATA_DIR: dataDir, REGISTER_OUT_DIR: outDir, REGISTER_NGINX_CONF: nginxConfOf(outDir), ...extraEnv };
}

/** Runs `scripts/build.ts` as `npm run build` would, with the given data and output folders. */
export function buildSite(dataDir: string, outDir: string, extraEnv: Record<string, string> = {}): BuildOutcome {
  const run = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: ROOT, env: buildEnv(dataDir, outDir, extraEnv), encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** `buildSite` without blocking: other builds and tests go on meanwhile. */
function buildSiteInBackground(dataDir: string, outDir: string, extraEnv: Record<string, string> = {}): Promise<BuildOutcome> {
  const child = spawn(process.execPath, ['scripts/build.ts'], { cwd: ROOT, env: buildEnv(dataDir, outDir, extraEnv) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** What a whole-site build is made of: an export folder and the settings (environment) it is built with. */
export interface SiteSpec {
  data: string;
  env?: Record<string, string>;
}

/** The public address the test builds that need one are built for. */
export const TEST_SITE_URL = 'https://register.example.nl';

/** The export of hostile values (markup, script, formulas in every field) the safety tests build. */
export const HOSTILE_DATA = resolve(ROOT, 'tests/fixtures/hostile');

/**
 * The hostile fixture as every test that only reads it sees it: with a public address (so the
 * sitemap, robots.txt and the code for other websites are there; built from nothing, so declared
 * the first publication, as a public build must be) and the component gallery,
 * so one build serves the browser tests, the sitemap, the embed code and the publishing tests.
 */
export const HOSTILE_SITE: SiteSpec = { data: HOSTILE_DATA, env: { SITE_URL: TEST_SITE_URL, REGISTER_FIRST_PUBLICATION: 'yes', KR_COMPONENT_EXAMPLES: '1' } };

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Where the shared build of `spec` lives in this run's scratch space, and where its outcome is recorded. */
function sitePlace(spec: SiteSpec): { dir: string; out: string; result: string } {
  const settings = Object.entries(spec.env ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const name = relative(ROOT, resolve(spec.data)).replace(/[^\w-]+/g, '_');
  const key = `${name}-${createHash('sha256').update(JSON.stringify([resolve(spec.data), settings])).digest('hex').slice(0, 12)}`;
  const dir = join(TMP, 'sites', key);
  return { dir, out: join(dir, 'dist'), result: `${dir}.json` };
}

/** What the shared build of `spec` printed (building it first if no one has), for tests of the build's own report. */
export async function builtSiteOutcome(spec: SiteSpec): Promise<BuildOutcome> {
  await builtSite(spec);
  return JSON.parse(readFileSync(sitePlace(spec).result, 'utf8')) as BuildOutcome;
}

/**
 * The output folder of `spec` built once per test run: the first caller builds it, every other
 * caller (in any worker process of either project) waits for that build instead of building
 * again. Keyed by the export folder and the settings, under the run's scratch space; a lock
 * file says who builds, a result file what came of it. A failed build fails every caller, with
 * the build's own report. The site is shared: read it, never build into it (see `copyOfSite`).
 */
export async function builtSite(spec: SiteSpec): Promise<string> {
  const { dir, out, result } = sitePlace(spec);
  const lock = `${dir}.lock`;
  mkdirSync(join(TMP, 'sites'), { recursive: true });
  for (;;) {
    if (existsSync(result)) {
      const outcome = JSON.parse(readFileSync(result, 'utf8')) as BuildOutcome;
      if (outcome.status !== 0) throw new Error(`building ${basename(dir)} failed (exit ${outcome.status}):\n${outcome.stdout}\n${outcome.stderr}`);
      return out;
    }
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      // Another process builds it; a lock whose process is gone (a crashed worker) is taken over.
      let owner = 0;
      try {
        owner = Number(readFileSync(lock, 'utf8'));
      } catch {
        // Released meanwhile: the result is there on the next round.
      }
      if (owner > 0 && !isAlive(owner) && !existsSync(result)) rmSync(lock, { force: true });
      else await setTimeout(250);
      continue;
    }
    writeFileSync(fd, String(process.pid));
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(result, JSON.stringify(await buildSiteInBackground(spec.data, out, spec.env)));
    unlinkSync(lock);
  }
}

/**
 * A copy of a shared build as a published site of its own (the output link and the publications
 * behind it) at `outDir`, for a test that builds over a published site: it may change its copy.
 */
export async function copyOfSite(spec: SiteSpec, outDir: string): Promise<void> {
  const source = await builtSite(spec);
  const store = storeFor(outDir);
  cpSync(storeFor(source).dir, store.dir, { recursive: true });
  // The output path links to its publication by a relative path, as the build links it.
  symlinkSync(relative(dirname(store.outDir), join(store.dir, basename(readlinkSync(source)))), store.outDir);
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
 * The relative path of every file below a folder, sorted, with `/` between folders (links
 * followed, so a published output path, which is a link to its publication, reads as the
 * site it shows). The one directory walker of the tests.
 */
export function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix))
    .sort()
    .flatMap((name) => {
      const rel = prefix ? `${prefix}/${name}` : name;
      return statSync(join(dir, rel)).isDirectory() ? filesUnder(dir, rel) : [rel];
    });
}

/** Every file of a folder by relative path, as bytes: what "the output stayed as it was" compares. */
export function tree(dir: string): Record<string, Buffer> {
  return Object.fromEntries(filesUnder(dir).map((rel) => [rel, readFileSync(join(dir, rel))]));
}
