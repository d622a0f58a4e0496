/**
 * Every setting `npm run build` reads from its environment, checked before anything is read or
 * built: a typo in any of them is one line naming the variable, all of them in one run, and
 * nothing is published. Before this check, a stray word in REGISTER_NGINX_LISTEN failed the
 * build after the new site had already been swapped in.
 *
 * The export's own settings (REGISTER_EXPORT_DATE, REGISTER_ALLOW_REMOVAL and its reason) need
 * the register and are checked with it, by `preparePublication` (src/site/publication.ts),
 * still before Astro starts.
 */
import { accessSync, constants, existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { dataDir } from '../../src/register/index.ts';
import { nginxParameterProblems, nginxSettingsFromEnv, type NginxParameters } from '../../src/site/host-config.ts';
import { keepFromEnv, outputPathProblem, storeFor, type Store } from './publication-store.ts';
import { reportAddressesFromEnv } from '../../src/site/report.ts';
import { securityTxtSettingsFromEnv, type SecurityTxtSettings } from '../../src/site/security-txt.ts';

/** What a build is made with, once every setting was found right. */
export interface BuildSettings {
  /** REGISTER_OUT_DIR (default `dist`): the link to the current publication. */
  outDir: string;
  store: Store;
  /** REGISTER_DATA_DIR (default the sample in `data/`). */
  source: string;
  /** REGISTER_KEEP_PUBLICATIONS (default 3). */
  keep: number;
  /** REGISTER_NGINX_LISTEN, _ROOT, _INCLUDE and the file to write (REGISTER_NGINX_CONF). */
  nginx: NginxParameters & { file: string };
  /** SITE_URL: set for every public build. */
  siteUrl?: string;
  /** REGISTER_FIRST_PUBLICATION=yes: a public build without a previous publication is meant to be the first. */
  firstPublication: boolean;
  /** REGISTER_SECURITY_CONTACT and REGISTER_SECURITY_POLICY, for /.well-known/security.txt. */
  security: SecurityTxtSettings;
}

/** Astro's log levels, the values ASTRO_LOG_LEVEL may take. */
const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'];

/** The nearest folder that exists on the way to `path`, to ask whether a file can be made there. */
function nearestExisting(path: string): string {
  let dir = path;
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Whether a file can be written at `file`: not a folder, and its folder exists or can be made, writable. */
function writableFileProblem(file: string): string | undefined {
  if (existsSync(file) && statSync(file).isDirectory()) return `${file} is a folder; name the file to write`;
  const dir = nearestExisting(dirname(file));
  try {
    if (!statSync(dir).isDirectory()) return `${dir} is not a folder, so ${file} cannot be written`;
    accessSync(dir, constants.W_OK);
  } catch {
    return `${dir} cannot be written to, so ${file} cannot be written`;
  }
  return undefined;
}

/** Reads and checks every build setting: the settings, or every problem with them, one line each. */
export function buildSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): { ok: true; settings: BuildSettings } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const attempt = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (e) {
      errors.push((e as Error).message);
      return undefined;
    }
  };
  const outDir = resolve(env.REGISTER_OUT_DIR || 'dist');
  const store = storeFor(outDir);
  const outProblem = outputPathProblem(store);
  if (outProblem) errors.push(`REGISTER_OUT_DIR: ${outProblem}`);
  const keep = attempt(() => keepFromEnv(env));
  const source = attempt(() => dataDir(env));
  const nginx = nginxSettingsFromEnv(outDir, env);
  errors.push(...nginxParameterProblems(nginx, (what) => `REGISTER_NGINX_${what.toUpperCase()}`));
  const confProblem = writableFileProblem(nginx.file);
  if (confProblem) errors.push(`REGISTER_NGINX_CONF: ${confProblem}`);

  const siteUrl = env.SITE_URL || undefined;
  if (siteUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(siteUrl);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.search || url.hash || siteUrl.trim() !== siteUrl) {
      errors.push(`SITE_URL: must be the site's public address, such as https://register.example.nl, without user name, query or fragment (got ${JSON.stringify(siteUrl)})`);
    }
  }
  const first = env.REGISTER_FIRST_PUBLICATION;
  if (first !== undefined && first !== '' && first !== 'yes') {
    errors.push(`REGISTER_FIRST_PUBLICATION: must be yes (a deliberate first publication), or not set (got ${JSON.stringify(first)})`);
  }
  if (first === 'yes' && env.REGISTER_PREVIOUS) {
    errors.push('REGISTER_FIRST_PUBLICATION=yes and REGISTER_PREVIOUS contradict each other: a first publication has no previous one; set only one of them');
  }
  const concurrency = env.KR_BUILD_CONCURRENCY;
  if (concurrency !== undefined && concurrency !== '' && !/^[1-9]\d{0,2}$/.test(concurrency)) {
    errors.push(`KR_BUILD_CONCURRENCY: must be a whole number of pages rendered at once, 1 or more (got ${JSON.stringify(concurrency)})`);
  }
  const logLevel = env.ASTRO_LOG_LEVEL;
  if (logLevel !== undefined && logLevel !== '' && !LOG_LEVELS.includes(logLevel)) {
    errors.push(`ASTRO_LOG_LEVEL: must be one of ${LOG_LEVELS.join(', ')} (got ${JSON.stringify(logLevel)})`);
  }
  const security = securityTxtSettingsFromEnv(env);
  errors.push(...security.errors);
  // The report section's addresses go on every holder and location page: a typo would be a dead link on all of them.
  const report = reportAddressesFromEnv(env);
  if (!report.ok) errors.push(...report.errors);
  if (errors.length > 0 || keep === undefined || source === undefined) return { ok: false, errors };
  return {
    ok: true,
    settings: { outDir, store, source, keep, nginx, ...(siteUrl ? { siteUrl } : {}), firstPublication: first === 'yes', security: security.settings },
  };
}

/**
 * The publication the guard compares with: REGISTER_PREVIOUS when given, else the one in the
 * output folder. A public build (SITE_URL) with neither stops, unless it is declared the first
 * with REGISTER_FIRST_PUBLICATION=yes: a fresh CI workspace or a typo in REGISTER_OUT_DIR would
 * otherwise compare with nothing and publish whatever the export holds. A declaration that is
 * not true (there is a publication) stops it too, so a forgotten setting waves nothing through.
 * A local build (`npm start`, no SITE_URL) says that it has nothing to compare with, and goes on.
 */
export function previousPublication(settings: BuildSettings, given: string | undefined): { ok: true; path?: string; note?: string } | { ok: false; error: string } {
  if (given) return { ok: true, path: resolve(given) };
  const published = join(settings.outDir, 'data', 'register.json');
  if (existsSync(published)) {
    if (settings.firstPublication) {
      return { ok: false, error: `REGISTER_FIRST_PUBLICATION=yes, but ${settings.outDir} already holds a publication (${realpathSync(published)}); this is not the first publication: remove the setting` };
    }
    const path = realpathSync(published);
    return { ok: true, path, note: `Comparing with the publication in ${settings.outDir} (${path}).` };
  }
  if (settings.firstPublication) return { ok: true, note: `First publication (REGISTER_FIRST_PUBLICATION=yes): nothing to compare with in ${settings.outDir}.` };
  if (settings.siteUrl !== undefined) {
    return {
      ok: false,
      error: `no previous publication in ${settings.outDir} to compare with, and this is a public build (SITE_URL is set): check REGISTER_OUT_DIR for a typo, name the previous publication's register.json in REGISTER_PREVIOUS, or, if this really is the register's first publication, set REGISTER_FIRST_PUBLICATION=yes`,
    };
  }
  return { ok: true, note: `No previous publication in ${settings.outDir}: nothing to compare with (a local build; a public build with SITE_URL would need REGISTER_PREVIOUS or REGISTER_FIRST_PUBLICATION=yes).` };
}
