/**
 * The worker thread that writes the side files (src/site/side-files.ts) while Astro renders
 * the pages on the main thread. It reads and validates the export itself (a worker shares no
 * objects with the main thread, and validating takes well under a second at ten times the
 * register's size), with the build's environment, so it sees the same register and settings.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { sideFiles } from './side-files.ts';

const { folder, site } = workerData as { folder: string; site: string | undefined };
const made = new Set<string>();
let files = 0;
for (const file of sideFiles(site)) {
  const target = join(folder, file.path);
  const parent = dirname(target);
  if (!made.has(parent)) {
    mkdirSync(parent, { recursive: true });
    made.add(parent);
  }
  writeFileSync(target, file.body);
  files++;
}
parentPort!.postMessage({ files });
