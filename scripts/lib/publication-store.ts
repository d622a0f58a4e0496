/**
 * Where published sites live on disk, and the one atomic step that makes a new one visible.
 *
 * The output path (`REGISTER_OUT_DIR`, default `dist`) is a symbolic link to a complete
 * publication in a hidden folder beside it:
 *
 *     dist -> .dist.publications/20261106T101500123Z-4242
 *     .dist.publications/20261106T101500123Z-4242/       the published site
 *     .dist.publications/20261106T101500123Z-4242.json   which hashed files it made itself
 *     .dist.publications/20261201T090000000Z-5151/       the one before (kept for its assets)
 *     .dist.lock                                         held while a build runs
 *
 * A build writes into `<id>.building/` in that folder, renames it to `<id>/` when it is
 * complete, points a fresh link at it and renames that link over `dist`. rename(2) replaces
 * the old link in one step, so every request, `ls` or web server sees either the old site
 * or the new one, never a missing or half-written `dist`. Everything a build leaves behind
 * when it dies (staging, a Pagefind folder, a spare link, the lock) is recognised and
 * removed by the next build, which runs under the same lock.
 *
 * Hashed assets (`_astro/`) and Pagefind's index files (`pagefind/`) of the previous
 * publications are carried into the new one for a grace period, so a page that was opened
 * before the swap can still load its script and its search index chunks afterwards.
 */
import {
  existsSync,
  linkSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  openSync,
  closeSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';

/**
 * Publications kept on disk, the current one included. The assets and search chunks of the
 * `KEEP_PUBLICATIONS - 1` before it stay reachable from the new site, so a tab opened up to
 * two publications ago keeps working. `REGISTER_KEEP_PUBLICATIONS` changes it (at least 1).
 */
export const KEEP_PUBLICATIONS = 3;

/** Top-level folders whose files a still-open page may ask for after the swap. */
export const CARRIED_FOLDERS = ['_astro', 'pagefind'] as const;

/** The paths that belong to one output path. */
export interface Store {
  /** The output path itself: a symlink to the current publication. */
  outDir: string;
  /** Folder holding the publications, beside the output path (same file system, so renames work). */
  dir: string;
  /** Lock file: exists while a build publishes to this output path. */
  lockPath: string;
}

export function storeFor(outDir: string): Store {
  const out = resolve(outDir);
  const parent = dirname(out);
  const name = basename(out);
  return { outDir: out, dir: join(parent, `.${name}.publications`), lockPath: join(parent, `.${name}.lock`) };
}

/** A publication id sorts by time: `20261106T101500123Z-4242` (UTC, milliseconds, pid). */
const PUBLICATION_ID = /^\d{8}T\d{9}Z-\d+$/;

export function newPublicationId(now = new Date(), pid = process.pid): string {
  return `${now.toISOString().replace(/[-:.]/g, '')}-${pid}`;
}

/** Who holds a lock, as written into the lock file. */
interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Thrown when another build holds the lock: the caller refuses to start. */
export class PublicationLocked extends Error {}

/**
 * Takes the output path's lock, or throws `PublicationLocked` naming the build that holds it.
 * A lock left by a build that no longer runs (killed with SIGKILL, a crashed machine is the
 * same host after reboot) is taken over: the process it names is gone on this host.
 * Exclusive creation (`O_EXCL`) is the atomic test-and-set; no library needed for one file.
 */
export function acquireLock(store: Store): () => void {
  mkdirSync(dirname(store.lockPath), { recursive: true });
  const me: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(store.lockPath, 'wx');
      writeSync(fd, `${JSON.stringify(me)}\n`);
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        // Only our own lock: never remove one that a later build took over.
        if (readOwner(store.lockPath)?.pid === process.pid) rmSync(store.lockPath, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = readOwner(store.lockPath);
    if (owner && (owner.host !== me.host || alive(owner.pid))) {
      throw new PublicationLocked(
        `another build (process ${owner.pid} on ${owner.host}, started ${owner.started}) is publishing to ${store.outDir}; this build did not start. Run it again when that one has finished.`,
      );
    }
    // Stale (its process is gone) or unreadable (killed while writing it): move it aside and retry,
    // so two builds that both find it stale cannot both take it.
    try {
      renameSync(store.lockPath, `${store.lockPath}.stale-${process.pid}`);
      rmSync(`${store.lockPath}.stale-${process.pid}`, { force: true });
    } catch {
      /* another build moved it first; try again */
    }
  }
  throw new PublicationLocked(`could not take the lock ${store.lockPath}; remove it if no build is running`);
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' ? owner : undefined;
  } catch {
    return undefined;
  }
}

/** The id of the publication the output path points to, if it is a link into the store. */
export function currentPublication(store: Store): string | undefined {
  try {
    if (!lstatSync(store.outDir).isSymbolicLink()) return undefined;
  } catch {
    return undefined;
  }
  const target = basename(readlinkSync(store.outDir));
  return PUBLICATION_ID.test(target) ? target : undefined;
}

/** Complete publications in the store, oldest first. */
export function publications(store: Store): string[] {
  if (!existsSync(store.dir)) return [];
  return readdirSync(store.dir).filter((name) => PUBLICATION_ID.test(name)).sort();
}

/**
 * Removes what an interrupted build left behind. Call with the lock held: then nothing in
 * the store is in use except the current publication and those kept for their assets.
 * A complete folder newer than the current one was renamed but never linked: it never
 * went out, so it goes.
 */
export function removeLeftovers(store: Store): string[] {
  const removed: string[] = [];
  const current = currentPublication(store);
  if (existsSync(store.dir)) {
    for (const name of readdirSync(store.dir)) {
      const id = name.replace(/\.json$/, '');
      const keep = PUBLICATION_ID.test(id) && (current === undefined || id <= current) && existsSync(join(store.dir, id));
      if (!keep) {
        rmSync(join(store.dir, name), { recursive: true, force: true });
        removed.push(name);
      }
    }
  }
  // Spare links of a swap that was interrupted before its rename.
  const parent = dirname(store.outDir);
  const linkPrefix = `.${basename(store.outDir)}.link-`;
  if (existsSync(parent)) {
    for (const name of readdirSync(parent)) {
      if (name.startsWith(linkPrefix)) {
        rmSync(join(parent, name), { force: true });
        removed.push(name);
      }
    }
  }
  return removed;
}

/** Where a new publication is built. */
export function stagingPath(store: Store, id: string): string {
  return join(store.dir, `${id}.building`);
}

/** Every file under a folder, as paths relative to it. */
function filesUnder(root: string, sub: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const abs = join(root, rel);
    if (!existsSync(abs)) return;
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const path = join(rel, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(path);
    }
  };
  walk(sub);
  return out;
}

/**
 * Records which files under `_astro/` and `pagefind/` the new build made itself, then adds
 * those of the previous publications (the newest `keep - 1`) that it does not have. Files
 * are hard-linked (no extra disk space), copied only where links are not possible. A file
 * the new build also has is never overwritten: only names it no longer uses are carried.
 */
export function carryPreviousAssets(store: Store, staging: string, id: string, keep: number): { carried: number } {
  const own = CARRIED_FOLDERS.flatMap((folder) => filesUnder(staging, folder));
  writeFileSync(join(store.dir, `${id}.json`), `${JSON.stringify({ id, files: own })}\n`);
  const present = new Set(own);
  let carried = 0;
  const previous = publications(store).filter((p) => p < id).reverse().slice(0, Math.max(0, keep - 1));
  for (const p of previous) {
    for (const file of ownFiles(store, p)) {
      if (present.has(file)) continue;
      const from = join(store.dir, p, file);
      if (!existsSync(from)) continue;
      const to = join(staging, file);
      mkdirSync(dirname(to), { recursive: true });
      try {
        linkSync(from, to);
      } catch {
        copyFileSync(from, to);
      }
      present.add(file);
      carried++;
    }
  }
  return { carried };
}

/** A publication's own hashed files; for one without its list, everything it has there. */
function ownFiles(store: Store, id: string): string[] {
  try {
    return (JSON.parse(readFileSync(join(store.dir, `${id}.json`), 'utf8')) as { files: string[] }).files;
  } catch {
    return CARRIED_FOLDERS.flatMap((folder) => filesUnder(join(store.dir, id), folder));
  }
}

/**
 * Why the build may not publish at the output path, or undefined when it may: the path must be
 * absent or a link into this build's store. The store never moves or deletes anything it did
 * not make, so an ordinary folder there (a web server's root with other files in it, `.`, a
 * site copied there by hand), a file, or a link to somewhere else stops the build before
 * anything is built, with what to do instead.
 */
export function outputPathProblem(store: Store): string | undefined {
  const stat = lstatSync(store.outDir, { throwIfNoEntry: false });
  if (stat === undefined) return undefined;
  const out = store.outDir;
  if (stat.isSymbolicLink()) {
    if (currentPublication(store) !== undefined && resolve(dirname(out), readlinkSync(out)).startsWith(`${store.dir}/`)) return undefined;
    return `${out} is a symbolic link to ${readlinkSync(out)}, not to a publication of this build in ${store.dir}; the build never replaces a link it did not make. Remove the link, or set REGISTER_OUT_DIR to a path of its own`;
  }
  const what = stat.isDirectory() ? 'an ordinary folder' : 'a file';
  return `${out} is ${what}, not a link to a publication of this build; the build never moves or deletes what it did not make. Set REGISTER_OUT_DIR to a path of its own (the build makes it); if ${out} holds a site published by an earlier version of this build, move it away first (mv ${out} ${out}.old) and name its data/register.json in REGISTER_PREVIOUS`;
}

/**
 * Makes a complete staging folder the published site: renamed to its id, then a new link
 * renamed over the output path (atomic). The output path was checked before the build
 * (`outputPathProblem`): it is absent or a link into the store, so nothing but the old link is
 * replaced; should it have become anything else meanwhile, the swap stops rather than touch it.
 */
export function publish(store: Store, staging: string, id: string, hooks: { beforeLink?: () => void } = {}): void {
  const problem = outputPathProblem(store);
  if (problem !== undefined) throw new Error(problem);
  const target = join(store.dir, id);
  renameSync(staging, target);
  hooks.beforeLink?.();
  const link = join(dirname(store.outDir), `.${basename(store.outDir)}.link-${process.pid}`);
  rmSync(link, { force: true });
  symlinkSync(relative(dirname(store.outDir), target), link);
  renameSync(link, store.outDir);
}

/** Deletes publications beyond the newest `keep`; the current one is never deleted. */
export function prune(store: Store, keep: number): string[] {
  const current = currentPublication(store);
  const all = publications(store);
  const old = all.slice(0, Math.max(0, all.length - keep)).filter((id) => id !== current);
  for (const id of old) {
    rmSync(join(store.dir, id), { recursive: true, force: true });
    rmSync(join(store.dir, `${id}.json`), { force: true });
  }
  return old;
}

/** `REGISTER_KEEP_PUBLICATIONS`, checked: a whole number, at least 1. */
export function keepFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.REGISTER_KEEP_PUBLICATIONS;
  if (raw === undefined || raw.trim() === '') return KEEP_PUBLICATIONS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`REGISTER_KEEP_PUBLICATIONS: must be a whole number, 1 or more (got ${JSON.stringify(raw)})`);
  return n;
}
