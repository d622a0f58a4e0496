/**
 * Runs the side-file worker (src/site/side-files-worker.ts) alongside every `astro build`:
 * started at `astro:build:start` into a folder beside the output, moved in at
 * `astro:build:done`. A worker that fails fails the build, before the swap, so the published
 * site stays as it was.
 */
import type { AstroIntegration } from 'astro';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { freshFolderBeside, moveInto } from './beside-output.ts';
import { recordBuildTiming } from './build-timings.ts';

/** Starts the worker; resolves with the number of files written, rejects with the worker's error. */
function writeSideFiles(folder: string, site: URL | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./side-files-worker.ts', import.meta.url), { workerData: { folder, site: site?.href } });
    let files: number | undefined;
    worker.once('message', (message: { files: number }) => (files = message.files));
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 && files !== undefined ? resolve(files) : reject(new Error(`the side-file worker stopped with exit code ${code}`))));
  });
}

/**
 * The integration `astro.config.mjs` lists. Its work runs while the pages render, so on a
 * machine with two cores the side files cost the build's wall time almost nothing.
 */
export function sideFilesIntegration(): AstroIntegration {
  let outDir: URL;
  let site: URL | undefined;
  let folder = '';
  let writing: Promise<{ files: number; ms: number }> | undefined;
  return {
    name: 'keurmerkregister:side-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
        site = config.site ? new URL(config.site) : undefined;
      },
      'astro:build:start': () => {
        const started = performance.now();
        folder = freshFolderBeside(outDir, 'side-files');
        writing = writeSideFiles(folder, site).then((files) => ({ files, ms: performance.now() - started }));
        // Reported (and thrown) at build:done; until then a failure must not crash the process.
        writing.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const waitStarted = performance.now();
        const { files, ms } = await writing!;
        recordBuildTiming('sideFiles', ms);
        recordBuildTiming('sideFilesWait', performance.now() - waitStarted);
        moveInto(folder, fileURLToPath(dir));
        logger.info(`wrote ${files} feeds, calendars, API documents and badges in ${(ms / 1000).toFixed(1)} s, alongside the pages`);
      },
    },
  };
}
