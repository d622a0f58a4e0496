/**
 * Writes the Pagefind index (src/site/search-records.ts: one record per location per
 * language) into `pagefind/` beside the pages, at the end of every `astro build`.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { LANG_CODES } from '../i18n/languages.ts';
import type { Register } from '../register/model.ts';
import { recordBuildTiming } from './build-timings.ts';
import { getRegister } from './register.ts';
import { searchRecords } from './search-records.ts';

const PAGEFIND_UI_FILE = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/** Builds and writes the whole index (every language) into `outDir/pagefind`. */
export async function writeSearchIndex(register: Register, outDir: string): Promise<{ records: number }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  let records = 0;
  try {
    // Languages in parallel (Pagefind's service answers one call at a time over a pipe, so
    // waiting on each record in turn leaves it idle); within a language, in order.
    await Promise.all(
      LANG_CODES.map(async (lang) => {
        for (const record of searchRecords(register, lang)) {
          const added = await index.addCustomRecord(record);
          if (added.errors.length > 0) throw new Error(`Pagefind, ${record.url}: ${added.errors.join('; ')}`);
          records++;
        }
      }),
    );
    const output = join(outDir, 'pagefind');
    const written = await index.writeFiles({ outputPath: output });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    // Pagefind also writes its ready-made search interfaces; this site has its own, so
    // they would only be unused files in the published output.
    for (const file of readdirSync(output)) if (PAGEFIND_UI_FILE.test(file)) rmSync(join(output, file));
  } finally {
    await pagefind.close();
  }
  return { records };
}

/**
 * Runs the indexing at the end of every `astro build` (so `npm run build` indexes its
 * staging folder before the swap, and a failure leaves the published site untouched).
 */
export function searchIndexIntegration(): AstroIntegration {
  return {
    name: 'keurmerkregister:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { records } = await writeSearchIndex(getRegister(), fileURLToPath(dir));
        const ms = performance.now() - started;
        recordBuildTiming('pagefind', ms);
        logger.info(`indexed ${records} location records (${LANG_CODES.length} languages) in ${(ms / 1000).toFixed(1)} s`);
      },
    },
  };
}
