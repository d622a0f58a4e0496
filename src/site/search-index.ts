/**
 * Writes the Pagefind indexes (src/site/search-records.ts: one record per location per
 * language) into `pagefind/{lang}/` beside the pages, during every `astro build`.
 *
 * The records come from the register, not from the written HTML, so indexing does not have
 * to wait for the pages: it starts when the build starts and runs in Pagefind's own process
 * on the machine's other core while Astro renders, and the build only waits for whatever is
 * left when the pages are done.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { LANG_CODES, type Lang } from '../i18n/languages.ts';
import type { Register } from '../register/model.ts';
import { freshFolderBeside } from './beside-output.ts';
import { recordBuildTiming } from './build-timings.ts';
import { getRegister } from './register.ts';
import { searchRecords } from './search-records.ts';

const PAGEFIND_UI_FILE = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/**
 * Builds one index per language and writes each to `outDir/{lang}`.
 *
 * One index per language rather than one holding every language: Pagefind's time per added
 * record grows with the size of the index it goes into (the measurement is in
 * docs/architecture.md, "Build"), and a visitor only ever loads their own language's bundle
 * anyway.
 */
export async function writeSearchIndexes(register: Register, outDir: string): Promise<{ records: number }> {
  try {
    const counts = await Promise.all(LANG_CODES.map((lang) => writeLanguageIndex(register, lang, join(outDir, lang))));
    return { records: counts.reduce((sum, n) => sum + n, 0) };
  } finally {
    await pagefind.close();
  }
}

async function writeLanguageIndex(register: Register, lang: Lang, output: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  const records = searchRecords(register, lang);
  // Sent all at once: Pagefind's service reads them off its pipe in order, and waiting for
  // each answer before sending the next would leave it idle between records.
  const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
  added.forEach((result, i) => {
    if (result.errors.length > 0) throw new Error(`Pagefind, ${records[i]!.url}: ${result.errors.join('; ')}`);
  });
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  // Pagefind also writes its ready-made search interfaces; this site has its own, so they
  // would only be unused files in the published output.
  for (const file of readdirSync(output)) if (PAGEFIND_UI_FILE.test(file)) rmSync(join(output, file));
  return records.length;
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
        indexing = writeSearchIndexes(getRegister(), pending).then(({ records }) => ({ records, ms: performance.now() - started }));
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
        logger.info(`indexed ${records} location records (${LANG_CODES.length} languages) in ${(ms / 1000).toFixed(1)} s, alongside the pages`);
      },
    },
  };
}
