/**
 * A folder beside Astro's output, for work that runs alongside the page rendering (the search
 * index, the side files) and is moved into the output when the pages are done. Beside rather
 * than inside, because Astro empties its output folder while it builds; on the same file
 * system, so moving in is a rename, not a copy.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `.dist.pagefind` beside `dist/`, emptied now. A build that fails before its `build:done`
 * leaves nothing behind: the folder is removed when the process exits.
 */
export function freshFolderBeside(outDir: URL, name: string): string {
  const out = fileURLToPath(outDir);
  const folder = join(dirname(out), `.${basename(out)}.${name}`);
  rmSync(folder, { recursive: true, force: true });
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/**
 * Moves everything in `from` into `to`, folder by folder: a folder that `to` lacks is renamed in
 * whole (one rename for thousands of files), one that both have is merged. A file that both have
 * is an error, never silently replaced: two parts of the build would be writing one address.
 */
export function moveInto(from: string, to: string): void {
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    const target = join(to, name);
    if (!existsSync(target)) renameSync(source, target);
    else if (statSync(source).isDirectory() && statSync(target).isDirectory()) moveInto(source, target);
    else throw new Error(`${target} is written twice: by Astro and by the work beside it`);
  }
  rmSync(from, { recursive: true, force: true });
}
