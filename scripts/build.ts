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
 * REGISTER_KEEP_PUBLICATIONS (publications kept on disk, default 3). A public build (SITE_URL)
 * without a previous publication stops unless REGISTER_FIRST_PUBLICATION=yes declares it the
 * first. Every setting is checked before anything is built (scripts/lib/build-settings.ts);
 * after the swap nothing can fail the build: the nginx configuration is rendered before it and
 * written atomically after it, and a step that fails there is a warning.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { exportDateFromEnv, exportDirSource, formatProblem, summaryLine, validateExports } from '../src/register/index.ts';
import { shareValidatedRegister } from '../src/site/register.ts';
import { preparePublication, settingsFromEnv } from '../src/site/publication.ts';
import { buildTimings, recordBuildTiming } from '../src/site/build-timings.ts';
import {
  PublicationLocked,
  acquireLock,
  carryPreviousAssets,
  newPublicationId,
  prune,
  publish,
  removeLeftovers,
  stagingPath,
} from './lib/publication-store.ts';
import { buildSettingsFromEnv, previousPublication } from './lib/build-settings.ts';
import { growYoungGenerationForRendering } from './lib/young-generation.ts';
import { memoizeSmallDigests } from './lib/csp-digests.ts';
import { nginxConfFor, writeFileAtomically, writeHeadersFile } from '../src/site/host-config.ts';
import { SECURITY_TXT_PATH } from '../src/site/security-txt.ts';

// Every setting, before anything is read, locked or built.
const checked = buildSettingsFromEnv();
if (!checked.ok) {
  for (const line of checked.errors) console.log(`error: ${line}`);
  console.error('The build settings are invalid; nothing was built and the published site was left as it was.');
  process.exit(1);
}
const settings = checked.settings;
const { outDir, store, source, keep, nginx, security } = settings;

/** Stops the build: what went wrong, and that the published site is as it was. */
function refuse(lines: string[], why: string): never {
  for (const line of lines) console.log(line);
  console.error(`${why}; nothing was built and ${outDir} was left as it was.`);
  process.exit(1);
}

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
const previous = previousPublication(settings, process.env.REGISTER_PREVIOUS);
if (!previous.ok) refuse([`error: ${previous.error}`], 'There is nothing to compare this publication with');
if (previous.note) console.log(previous.note);
if (previous.path) process.env.REGISTER_PREVIOUS = previous.path;

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
shareValidatedRegister(source, result.register);
await pauseAt('validated');

phaseStart = performance.now();
growYoungGenerationForRendering();
memoizeSmallDigests();
mkdirSync(store.dir, { recursive: true });
try {
  // Astro is loaded only now: a refusal above never waits for it.
  const { build } = await import('astro');
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
// nginx's form of the same headers (docs/deploy.md), rendered before the swap: a header nginx
// cannot carry stops the build while the old site is still the published one.
let nginxConf: string;
try {
  nginxConf = nginxConfFor(staging, nginx);
} catch (error) {
  refuse([`error: ${(error as Error).message}`], 'The nginx configuration could not be written for this site');
}
await pauseAt('before-publish');
publish(store, staging, id, { beforeLink: () => void pauseAt('before-link') });
// The new site is published: from here on nothing fails the build. What cannot be done is said
// as a warning, with what to do about it.
let removed = 'no old publications removed';
try {
  removed = `${prune(store, keep).length} old publications removed`;
} catch (error) {
  console.error(`warning: old publications in ${store.dir} could not be removed (${(error as Error).message}); the next build tries again.`);
}
release();
let written = `nginx configuration in ${nginx.file}`;
try {
  writeFileAtomically(nginx.file, nginxConf);
} catch (error) {
  written = 'nginx configuration NOT written';
  console.error(`warning: ${nginx.file} could not be written (${(error as Error).message}); the site is published, the nginx configuration is the previous one. Write it with npm run nginx-conf -- --dist ${outDir} --out ${nginx.file}.`);
}
// A public site without a security contact publishes no security.txt, and says so (docs/deploy.md).
if (settings.siteUrl && !security.contact) {
  console.log(`No ${SECURITY_TXT_PATH}: REGISTER_SECURITY_CONTACT is not set (a mailto: or https: URI to report security problems to).`);
}
console.log(`Built ${outDir} from ${source} (publication ${id}; ${carried} files of earlier publications kept for open pages; ${removed}); ${written}.`);
