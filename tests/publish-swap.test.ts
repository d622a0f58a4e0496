/**
 * The published site is never missing or half-written: real builds are killed with SIGKILL
 * at several moments, and each time the previous site is still there byte for byte and the
 * next build succeeds without anyone cleaning up. A second build refuses while one runs,
 * SIGTERM cleans up on the way out, and the hashed files of earlier publications stay
 * reachable for the documented number of publications.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { acquireLock, PublicationLocked, removeLeftovers, storeFor } from '../scripts/lib/publication-store.ts';
import { buildSite, copyOfSite, HOSTILE_DATA as hostile, HOSTILE_SITE, ROOT, TMP, tree } from './support/site.ts';

const work = resolve(TMP, 'publish-swap');
const out = join(work, 'dist');
const store = storeFor(out);

/** A copy of the hostile fixture with the first holder renamed, so its pages and search chunks differ. */
function exportNamed(name: string): string {
  const dir = join(work, `data-${name}`);
  cpSync(hostile, dir, { recursive: true });
  const holders = readFileSync(join(dir, 'holders.csv'), 'utf8');
  writeFileSync(join(dir, 'holders.csv'), holders.replace('<img src=x onerror=alert(1)>', `Taalschool ${name}`));
  return dir;
}

/** Starts a real build in the background, collecting its output. */
function startBuild(data: string, env: Record<string, string> = {}): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['scripts/build.ts'], {
    cwd: ROOT,
    env: { ...process.env, REGISTER_DATA_DIR: data, REGISTER_OUT_DIR: out, ...env },
  });
  let text = '';
  child.stdout!.on('data', (d) => (text += d));
  child.stderr!.on('data', (d) => (text += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, output: () => text, exited };
}

async function until(what: string, test: () => boolean, timeoutMs = 240_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Files in the store that are neither a complete publication nor its list of own files. */
const leftovers = () => readdirSync(store.dir).filter((f) => !/^\d{8}T\d{9}Z-\d+(\.json)?$/.test(f));
const building = () => (existsSync(store.dir) ? readdirSync(store.dir).find((f) => f.endsWith('.building')) : undefined);

/** What a visitor needs of the published site: every page type of one holder, in two languages, and the search index. */
function assertComplete(site: Record<string, Buffer>) {
  expect(site['pagefind/pagefind.js'], 'pagefind/pagefind.js').toBeDefined();
  for (const lang of ['nl', 'ar']) {
    for (const page of [`${lang}/index.html`, `${lang}/aanbieder/KH-XSS1/index.html`, `${lang}/vestiging/V-XSS1/index.html`]) {
      expect(site[page], page).toBeDefined();
    }
  }
  expect(site['data/register.json']).toBeDefined();
}

describe('publishing a build', () => {
  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    // The first publication: a copy of the shared hostile build, published as the build publishes.
    await copyOfSite(HOSTILE_SITE, out);
  }, 600_000);

  it('makes the output path a link to a complete publication, swapped by renaming a link', () => {
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(readlinkSync(out)).toMatch(/^\.dist\.publications\/\d{8}T\d{9}Z-\d+$/);
    assertComplete(tree(out));
    expect(leftovers()).toEqual([]);
    expect(existsSync(store.lockPath)).toBe(false);
  });

  it('survives SIGKILL at every stage: the previous site stays byte-identical and the next build needs no clean-up', async () => {
    const before = tree(out);
    const published = readlinkSync(out);
    const stages: { name: string; env?: Record<string, string>; when: (output: string) => boolean }[] = [
      // Lock taken, export validated, nothing written yet.
      { name: 'after validation', env: { REGISTER_BUILD_TEST_PAUSE: 'validated' }, when: (o) => o.includes('paused at validated') },
      // Astro is writing pages into the staging folder.
      { name: 'while pages are written', when: () => { const b = building(); return b !== undefined && existsSync(join(store.dir, b, 'nl')); } },
      // The staging folder is complete, with the earlier publications' assets carried in.
      { name: 'before the swap', env: { REGISTER_BUILD_TEST_PAUSE: 'before-publish' }, when: (o) => o.includes('paused at before-publish') },
      // Inside the swap: the new folder has its final name, the link is not yet renamed.
      { name: 'between the renames', env: { REGISTER_BUILD_TEST_PAUSE: 'before-link' }, when: (o) => o.includes('paused at before-link') },
    ];
    for (const stage of stages) {
      const run = startBuild(exportNamed(stage.name.replace(/ /g, '-')), stage.env);
      await until(stage.name, () => stage.when(run.output()) || run.child.exitCode !== null);
      expect(run.child.exitCode, `${stage.name}: the build ended before it could be killed:\n${run.output()}`).toBeNull();
      run.child.kill('SIGKILL');
      expect(await run.exited).toBeNull();
      expect(readlinkSync(out), stage.name).toBe(published);
      expect(tree(out), stage.name).toEqual(before);
      // The killed build's lock is still there: the next build must take it over by itself.
      expect(existsSync(store.lockPath), stage.name).toBe(true);
    }
    const next = buildSite(exportNamed('after-the-kills'), out);
    expect(next.status, next.stdout + next.stderr).toBe(0);
    const site = tree(out);
    assertComplete(site);
    expect(site['nl/aanbieder/KH-XSS1/index.html']!.toString()).toContain('Taalschool after-the-kills');
    expect(leftovers()).toEqual([]);
    expect(readdirSync(work).filter((f) => f.startsWith('.dist.link-'))).toEqual([]);
    expect(existsSync(store.lockPath)).toBe(false);
  }, 900_000);

  it('refuses a second build while one is running, and SIGTERM cleans up behind a stopped build', async () => {
    const before = tree(out);
    // Paused with the lock held, so the second build surely meets it however slow the machine is.
    const first = startBuild(exportNamed('first'), { REGISTER_BUILD_TEST_PAUSE: 'validated' });
    await until('the first build holds the lock', () => first.output().includes('paused at validated') || first.child.exitCode !== null);
    const second = buildSite(exportNamed('second'), out);
    expect(second.status, second.stdout + second.stderr).toBe(1);
    expect(second.stdout).toContain(`another build (process ${first.child.pid} on ${hostname()}`);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(143);
    expect(existsSync(store.lockPath)).toBe(false);
    // Stopped while Astro writes pages and Pagefind indexes: nothing of it stays behind.
    const third = startBuild(exportNamed('third'));
    await until('pages being written', () => { const b = building(); return (b !== undefined && existsSync(join(store.dir, b, 'nl'))) || third.child.exitCode !== null; });
    third.child.kill('SIGTERM');
    expect(await third.exited, third.output()).toBe(143);
    expect(third.output()).toContain('SIGTERM: the build was stopped');
    expect(tree(out)).toEqual(before);
    expect(leftovers()).toEqual([]);
    expect(existsSync(store.lockPath)).toBe(false);
  }, 300_000);

  it('keeps the hashed files and search chunks of earlier publications for the documented number of publications', () => {
    const chunks = () => Object.keys(tree(out)).filter((f) => /^(_astro|pagefind)\//.test(f));
    /** Builds with two publications kept; returns the files the build made itself. */
    const build = (name: string) => {
      const run = buildSite(exportNamed(name), out, { REGISTER_KEEP_PUBLICATIONS: '2' });
      expect(run.status, run.stdout + run.stderr).toBe(0);
      const id = readlinkSync(out).split('/').pop()!;
      return JSON.parse(readFileSync(join(store.dir, `${id}.json`), 'utf8')).files as string[];
    };
    const ownOfA = build('alpha');
    const ownOfB = build('beta');
    // A tab opened on alpha still finds its search chunks after beta went out.
    const onlyA = ownOfA.filter((f) => !ownOfB.includes(f));
    expect(onlyA.filter((f) => /^pagefind\/(fragment|index)\//.test(f)).length).toBeGreaterThan(0);
    expect(chunks()).toEqual(expect.arrayContaining(ownOfA));
    const ownOfC = build('gamma');
    // Two publications kept: beta's files are still carried, alpha's are gone.
    expect(chunks()).toEqual(expect.arrayContaining(ownOfB));
    const goneWithA = onlyA.filter((f) => !ownOfC.includes(f));
    expect(goneWithA.length).toBeGreaterThan(0);
    expect(chunks().filter((f) => goneWithA.includes(f))).toEqual([]);
    expect(readdirSync(store.dir).filter((f) => !f.endsWith('.json'))).toHaveLength(2);
  }, 600_000);
});

describe('the publication lock', () => {
  const lockStore = storeFor(join(work, 'lock-test', 'dist'));

  it('refuses a second holder, and takes over a lock whose process is gone', () => {
    rmSync(join(work, 'lock-test'), { recursive: true, force: true });
    const release = acquireLock(lockStore);
    expect(() => acquireLock(lockStore)).toThrow(PublicationLocked);
    release();
    expect(existsSync(lockStore.lockPath)).toBe(false);
    // A lock left by a killed build: its process no longer exists.
    writeFileSync(lockStore.lockPath, JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), started: '2026-11-06T10:00:00Z' }));
    const again = acquireLock(lockStore);
    expect(JSON.parse(readFileSync(lockStore.lockPath, 'utf8')).pid).toBe(process.pid);
    again();
  });

  it('removes staging folders, stray links and never-linked publications, and nothing else', () => {
    mkdirSync(join(lockStore.dir, '20261106T100000000Z-1'), { recursive: true });
    mkdirSync(join(lockStore.dir, '20261107T100000000Z-2.building'), { recursive: true });
    mkdirSync(join(lockStore.dir, '.20261107T100000000Z-2.building.pagefind'), { recursive: true });
    mkdirSync(join(lockStore.dir, '20261108T100000000Z-3'), { recursive: true });
    rmSync(lockStore.outDir, { force: true });
    writeFileSync(join(work, 'lock-test', '.dist.link-99'), '');
    // The output path points at the first; the third was renamed but never linked.
    symlinkSync('.dist.publications/20261106T100000000Z-1', lockStore.outDir);
    expect(removeLeftovers(lockStore).sort()).toEqual(['.20261107T100000000Z-2.building.pagefind', '.dist.link-99', '20261107T100000000Z-2.building', '20261108T100000000Z-3']);
    expect(readdirSync(lockStore.dir)).toEqual(['20261106T100000000Z-1']);
  });
});
