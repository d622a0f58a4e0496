/**
 * `npm run build`: validate the export, then build the site next to the published one and
 * swap it in. An invalid export prints the contract's report, exits 1 and leaves the
 * published output exactly as it was; so does a build that fails halfway.
 *
 * Environment: REGISTER_DATA_DIR (default data/), REGISTER_OUT_DIR (default dist/);
 * REGISTER_EXPORT_DATE (YYYY-MM-DD, the open data's export date; default: the newest decision
 * in the register) and REGISTER_PREVIOUS (the previous publication's register.json, to publish
 * what changed since; a holder it has and the export lacks is an error).
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'astro';
import { dataDir, exportDateFromEnv, formatProblem, summaryLine, validateExports, readExportDir } from '../src/register/index.ts';
import { shareValidatedRegister } from '../src/site/register.ts';
import { preparePublication, settingsFromEnv } from '../src/site/publication.ts';
import { buildTimings, recordBuildTiming } from '../src/site/build-timings.ts';

const outDir = resolve(process.env.REGISTER_OUT_DIR || 'dist');
const source = dataDir();

let phaseStart = performance.now();
const result = validateExports(readExportDir(source), { exportDate: exportDateFromEnv() });
recordBuildTiming('validate', performance.now() - phaseStart);
// A big export can carry hundreds of warnings; the build shows the first ones and says where
// to see all (the validator lists every one). Errors are always listed in full.
const WARNINGS_SHOWN = 20;
for (const warning of result.warnings.slice(0, WARNINGS_SHOWN)) console.log(formatProblem(warning));
if (result.warnings.length > WARNINGS_SHOWN) {
  console.log(`… and ${result.warnings.length - WARNINGS_SHOWN} more warnings; \`npm run validate\` lists them all.`);
}
if (!result.ok) {
  for (const error of result.errors) console.log(formatProblem(error));
  console.log(summaryLine(result));
  console.error(`The export in ${source} is invalid; nothing was built and ${outDir} was left as it was.`);
  process.exit(1);
}
console.log(summaryLine(result));
// The open data's settings, checked like the export: a bad REGISTER_EXPORT_DATE, an unreadable
// REGISTER_PREVIOUS, or a holder that was published before and is missing now, stops the build.
const publication = preparePublication(result.register, settingsFromEnv());
if (!publication.ok) {
  for (const error of publication.errors) console.log(error);
  console.error(`The export in ${source} cannot be published as it is; nothing was built and ${outDir} was left as it was.`);
  process.exit(1);
}
shareValidatedRegister(source, result.register);

// Build beside the published folder (same file system, so the swap is a rename).
const staging = join(dirname(outDir), `.${Date.now()}-${process.pid}.building`);
const retired = `${staging}.old`;
phaseStart = performance.now();
try {
  await build({ root: process.cwd(), outDir: staging, logLevel: process.env.ASTRO_LOG_LEVEL as never || 'warn' });
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`The site build failed; ${outDir} was left as it was.`);
  throw error;
}
// Astro's build includes the integrations' work (search indexing records its own phase).
recordBuildTiming('astro', performance.now() - phaseStart);
if (process.env.BENCH_TIMINGS_FILE) writeFileSync(process.env.BENCH_TIMINGS_FILE, JSON.stringify(buildTimings()));
mkdirSync(dirname(outDir), { recursive: true });
if (existsSync(outDir)) renameSync(outDir, retired);
renameSync(staging, outDir);
rmSync(retired, { recursive: true, force: true });
console.log(`Built ${outDir} from ${source}.`);
