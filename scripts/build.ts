/**
 * `npm run build`: validate the export, then build the site beside the published one and
 * swap it in atomically. An invalid export prints the contract's report, exits 1 and leaves
 * the published output exactly as it was; so does a build that fails or is killed halfway.
 *
 * The output path is a symbolic link to a complete publication (see
 * scripts/lib/publication-store.ts and docs/architecture.md, "Publishing on disk"): the swap
 * is one rename(2) of a link, a lock keeps a second build from starting meanwhile, and
 * whatever a killed build left behind is removed by the next one.
 *
 * Environment: REGISTER_DATA_DIR (default data/), REGISTER_OUT_DIR (default dist/);
 * REGISTER_EXPORT_DATE (YYYY-MM-DD, the open data's export date; default: the newest decision
 * in the register) and REGISTER_PREVIOUS (the previous publication's register.json; default:
 * the one published in the output folder), against which nothing may be lost: a holder or a
 * past decision it has and the export lacks, or an empty export, is an error unless declared
 * with REGISTER_ALLOW_REMOVAL and REGISTER_REMOVAL_REASON (recorded in the change log);
 * REGISTER_KEEP_PUBLICATIONS (publications kept on disk, default 3).
 */
import { existsSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'astro';
import { dataDir, exportDateFromEnv, exportDirSource, formatProblem, summaryLine, validateExports } from '../src/register/index.ts';
import { shareValidatedRegister } from '../src/site/register.ts';
import { preparePublication, settingsFromEnv } from '../src/site/publication.ts';
import { reportAddressesFromEnv } from '../src/site/report.ts';
import { buildTimings, recordBuildTiming } from '../src/site/build-timings.ts';
import {
  PublicationLocked,
  acquireLock,
  carryPreviousAssets,
  keepFromEnv,
  newPublicationId,
  prune,
  publish,
  removeLeftovers,
  stagingPath,
  storeFor,
} from './lib/publication-store.ts';
import { growYoungGenerationForRendering } from './lib/young-generation.ts';
import { memoizeSmallDigests } from './lib/csp-digests.ts';
import { SECURITY_TXT_PATH, securityTxtSettingsFromEnv } from '../src/site/security-txt.ts';
import { nginxConfFor, nginxSettingsFromEnv, writeFileAtomically, writeHeadersFile } from '../src/site/host-config.ts';

const outDir = resolve(process.env.REGISTER_OUT_DIR || 'dist');
const store = storeFor(outDir);

/** Stops the build: what went wrong, and that the published site is as it was. */
function refuse(lines: string[], why: string): never {
  for (const line of lines) console.log(line);
  console.error(`${why}; nothing was built and ${outDir} was left as it was.`);
  process.exit(1);
}

// Every setting is checked before anything is read or written, and every problem is reported
// at once: the publications kept, the export folder, nginx's parameters, security.txt.
const settingErrors: string[] = [];
/** A setting's value, or undefined after noting why it is unusable. */
function setting<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (e) {
    settingErrors.push((e as Error).message);
    return undefined;
  }
}
const keep = setting(keepFromEnv)!;
const source = setting(dataDir)!;
const nginx = setting(() => nginxSettingsFromEnv(outDir))!;
const security = securityTxtSettingsFromEnv();
settingErrors.push(...security.errors);
if (settingErrors.length > 0) refuse(settingErrors.map((message) => `error: ${message}`), 'The build settings are invalid');

// One build per output path at a time. Taken before anything is read, so the publication this
// build compares with is the one it replaces.
let release: () => void;
try {
  release = acquireLock(store);
} catch (e) {
  if (!(e instanceof PublicationLocked)) throw e;
  refuse([`error: ${e.message}`], 'Another build is running');
}

const id = newPublicationId();
const staging = stagingPath(store, id);
/**
 * What an interrupted build removes on its way out; SIGKILL leaves it to the next build.
 * The swap itself is synchronous, so no signal handler can run in the middle of it.
 */
process.on('exit', () => {
  rmSync(staging, { recursive: true, force: true });
  release();
});
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.on(signal, () => {
    console.error(`${signal}: the build was stopped; ${outDir} was left as it was.`);
    process.exit(code);
  });
}
removeLeftovers(store);

/**
 * Test hook: `REGISTER_BUILD_TEST_PAUSE=<point>` makes the build say `paused at <point>` and
 * wait there, so tests/publish-swap.test.ts can kill it at exactly that moment. `before-link`
 * sits inside the synchronous swap, between its two renames, so it waits synchronously.
 */
function pauseAt(point: string): Promise<void> {
  if (process.env.REGISTER_BUILD_TEST_PAUSE !== point) return Promise.resolve();
  console.log(`paused at ${point}`);
  if (point === 'before-link') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 600_000);
  return new Promise((r) => setTimeout(r, 600_000));
}

// The publishing guard compares with the publication already in the output folder, unless
// REGISTER_PREVIOUS names another. The resolved path is passed on, so the pages compare with
// the very same file.
if (!process.env.REGISTER_PREVIOUS) {
  const published = join(outDir, 'data', 'register.json');
  if (existsSync(published)) {
    process.env.REGISTER_PREVIOUS = realpathSync(published);
    console.log(`Comparing with the publication in ${outDir} (${process.env.REGISTER_PREVIOUS}).`);
  }
}

let phaseStart = performance.now();
let result;
try {
  result = validateExports(exportDirSource(source), { exportDate: exportDateFromEnv(process.env) });
} catch (e) {
  refuse([`error: ${(e as Error).message}`], `The export in ${source} cannot be read`);
}
recordBuildTiming('validate', performance.now() - phaseStart);
// A big export can carry hundreds of warnings; the build shows the first ones and says where
// to see all (the validator lists every one). Errors are always listed in full.
const WARNINGS_SHOWN = 20;
for (const warning of result.warnings.slice(0, WARNINGS_SHOWN)) console.log(formatProblem(warning));
if (result.warnings.length > WARNINGS_SHOWN) {
  console.log(`… and ${result.warnings.length - WARNINGS_SHOWN} more warnings; \`npm run validate\` lists them all.`);
}
if (!result.ok) {
  refuse([...result.errors.map(formatProblem), summaryLine(result)], `The export in ${source} is invalid`);
}
console.log(summaryLine(result));
// The open data's settings, checked like the export: a bad REGISTER_EXPORT_DATE, an unreadable
// REGISTER_PREVIOUS, or a holder that was published before and is missing now, stops the build.
const publication = preparePublication(result.register, settingsFromEnv());
if (!publication.ok) refuse(publication.errors, `The export in ${source} cannot be published as it is`);
// The report section's addresses go on every holder and location page: a typo would be a dead link on all of them.
const addresses = reportAddressesFromEnv();
if (!addresses.ok) refuse(addresses.errors, 'The build settings are invalid');
shareValidatedRegister(source, result.register);
await pauseAt('validated');

phaseStart = performance.now();
growYoungGenerationForRendering();
memoizeSmallDigests();
mkdirSync(store.dir, { recursive: true });
try {
  await build({ root: process.cwd(), outDir: staging, logLevel: process.env.ASTRO_LOG_LEVEL as never || 'warn' });
} catch (error) {
  console.error(`The site build failed; ${outDir} was left as it was.`);
  throw error;
}
// Astro's build includes the integrations' work (search indexing records its own phase).
recordBuildTiming('astro', performance.now() - phaseStart);
if (process.env.BENCH_TIMINGS_FILE) writeFileSync(process.env.BENCH_TIMINGS_FILE, JSON.stringify(buildTimings()));
const { carried } = carryPreviousAssets(store, staging, id, keep);
// The response headers of exactly these files, the carried ones included, published with them
// (src/site/response-headers.ts).
phaseStart = performance.now();
try {
  writeHeadersFile(staging);
  recordBuildTiming('headers', performance.now() - phaseStart);
} catch (error) {
  console.error(`The response headers could not be stated; ${outDir} was left as it was.`);
  throw error;
}
await pauseAt('before-publish');
publish(store, staging, id, { beforeLink: () => void pauseAt('before-link') });
const pruned = prune(store, keep);
release();
// nginx's form of the same headers, for the site just published (docs/deploy.md).
writeFileAtomically(nginx.file, nginxConfFor(outDir, nginx));
// A public site without a security contact publishes no security.txt, and says so (docs/deploy.md).
if (process.env.SITE_URL && !security.settings.contact) {
  console.log(`No ${SECURITY_TXT_PATH}: REGISTER_SECURITY_CONTACT is not set (a mailto: or https: URI to report security problems to).`);
}
console.log(
  `Built ${outDir} from ${source} (publication ${id}; ${carried} files of earlier publications kept for open pages; ${pruned.length} old publications removed); nginx configuration in ${nginx.file}.`,
);
