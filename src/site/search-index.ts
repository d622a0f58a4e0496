/**
 * Writes the Pagefind index (src/site/search-records.ts: one record per location) into
 * `pagefind/` beside the pages, during every `astro build`.
 *
 * The records come from the register, not from the written HTML, so indexing does not have
 * to wait for the pages: it starts when the build starts and runs in Pagefind's own process
 * on the machine's other core while Astro renders, and the build only waits for whatever is
 * left when the pages are done.
 *
 * One index for every language: the records were the same in each language's index but for
 * the page they linked to, so nine indexes cost nine times the work and the disk for the same
 * answers (docs/architecture.md, "Build"); the result card links to the visitor's own page.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { Register } from '../register/model.ts';
import { freshFolderBeside } from './beside-output.ts';
import { recordBuildTiming } from './build-timings.ts';
import { getRegister } from './register.ts';
import { searchRecords } from './search-records.ts';

const PAGEFIND_UI_FILE = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/** Builds the index and writes it to `outDir`. */
export async function writeSearchIndex(register: Register, outDir: string): Promise<{ records: number }> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
    const records = searchRecords(register);
    // Sent all at once: Pagefind's service reads them off its pipe in order, and waiting for
    // each answer before sending the next would leave it idle between records.
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    added.forEach((result, i) => {
      if (result.errors.length > 0) throw new Error(`Pagefind, ${records[i]!.url}: ${result.errors.join('; ')}`);
    });
    const written = await index.writeFiles({ outputPath: outDir });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    // Pagefind also writes its ready-made search interfaces; this site has its own, so they
    // would only be unused files in the published output.
    for (const file of readdirSync(outDir)) if (PAGEFIND_UI_FILE.test(file)) rmSync(join(outDir, file));
    return { records: records.length };
  } finally {
    await pagefind.close();
  }
}

/**
 * Runs the indexing alongside every `astro build`: started at `astro:build:start` into a
 * folder beside the output (Astro empties the output folder while it builds), moved into
 * `pagefind/` at `astro:build:done`. So `npm run build` indexes before its swap, and a
 * failed index fails the build and leaves the published site untouched.
 */
export function searchIndexIntegration(): AstroIntegration {
  let outDir: URL;
  /** Beside the output folder (src/site/beside-output.ts). */
  let pending = '';
  let indexing: Promise<{ records: number; ms: number }> | undefined;
  return {
    name: 'keurmerkregister:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
      },
      'astro:build:start': () => {
        const started = performance.now();
        pending = freshFolderBeside(outDir, 'pagefind');
        indexing = writeSearchIndex(getRegister(), pending).then(({ records }) => ({ records, ms: performance.now() - started }));
        // Reported (and thrown) at build:done; until then a failure must not crash the process.
        indexing.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const waitStarted = performance.now();
        const { records, ms } = await indexing!;
        recordBuildTiming('pagefind', ms);
        recordBuildTiming('pagefindWait', performance.now() - waitStarted);
        const target = join(fileURLToPath(dir), 'pagefind');
        if (existsSync(target)) rmSync(target, { recursive: true });
        renameSync(pending, target);
        logger.info(`indexed ${records} location records (one index for every language) in ${(ms / 1000).toFixed(1)} s, alongside the pages`);
      },
    },
  };
}
