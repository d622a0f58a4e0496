/**
 * What `npm run build` checks before it builds anything: every setting (a stray word in an
 * nginx setting used to fail the build after the new site was swapped in), the output path
 * (the store never moves or deletes a folder it did not make), and a previous publication to
 * compare with for a public build (a new output folder used to compare with nothing, silently).
 * Each refusal exits 1 with a line naming the setting, and leaves everything as it was.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { storeFor } from '../scripts/lib/publication-store.ts';
import { buildSite, HOSTILE_DATA, nginxConfOf, ROOT, TMP, TEST_SITE_URL, tree } from './support/site.ts';

const work = resolve(TMP, 'publish-settings');
/** A refusal starts Node and reads the settings, no more; on a busy two-core machine that can still take a while. */
const REFUSAL_MS = 300_000;
const published = join(work, 'dist');

/** A refusal: exit 1, the lines it printed, and no stack trace. */
function refused(outDir: string, env: Record<string, string>): string[] {
  const run = buildSite(HOSTILE_DATA, outDir, env);
  expect(run.status, run.stdout + run.stderr).toBe(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  return run.stdout.split('\n').filter((line) => line !== '');
}

describe('the build settings, checked before anything is built', () => {
  beforeAll(() => {
    rmSync(work, { recursive: true, force: true });
    // A published site as the store lays it out (a link to a publication beside it). Every
    // check here refuses before the site is read, so a small one does.
    const publication = join(storeFor(published).dir, '20261130T090000000Z-4242');
    mkdirSync(join(publication, 'data'), { recursive: true });
    writeFileSync(join(publication, 'index.html'), '<p>the published register</p>');
    writeFileSync(join(publication, 'data', 'register.json'), '{}');
    symlinkSync(relative(work, publication), published);
  });

  it('refuses a stray word in REGISTER_NGINX_LISTEN before the swap: the published site and its nginx configuration stay as they were', () => {
    const before = tree(published);
    const lines = refused(published, { REGISTER_NGINX_LISTEN: '8080 stray' });
    expect(lines).toContain('error: REGISTER_NGINX_LISTEN: expected a port or address:port, optionally followed by ssl, http2 or default_server; got "8080 stray"');
    expect(tree(published)).toEqual(before);
    expect(existsSync(nginxConfOf(published))).toBe(false);
    // Nothing was staged, and the lock was never taken.
    expect(readdirSync(join(work, '.dist.publications')).filter((f) => f.endsWith('.building'))).toEqual([]);
    expect(existsSync(join(work, '.dist.lock'))).toBe(false);
  }, REFUSAL_MS);

  it('reports every bad setting in one run, each naming its variable', () => {
    const lines = refused(join(work, 'never'), {
      REGISTER_NGINX_ROOT: '/srv/my site',
      REGISTER_NGINX_CONF: work,
      REGISTER_KEEP_PUBLICATIONS: '0',
      SITE_URL: 'register.example.nl',
      REGISTER_FIRST_PUBLICATION: 'true',
      KR_BUILD_CONCURRENCY: 'eight',
      ASTRO_LOG_LEVEL: 'loud',
    });
    for (const name of ['REGISTER_NGINX_ROOT', 'REGISTER_NGINX_CONF', 'REGISTER_KEEP_PUBLICATIONS', 'SITE_URL', 'REGISTER_FIRST_PUBLICATION', 'KR_BUILD_CONCURRENCY', 'ASTRO_LOG_LEVEL']) {
      expect(lines.filter((line) => line.startsWith(`error: ${name}`)), name).toHaveLength(1);
    }
    expect(existsSync(join(work, 'never'))).toBe(false);
  }, REFUSAL_MS);

  it('never moves or deletes an ordinary folder at the output path, such as a web server root or "."', () => {
    const root = join(work, 'www');
    mkdirSync(root);
    writeFileSync(join(root, 'index.html'), '<p>another site</p>');
    writeFileSync(join(root, 'operator-notes.txt'), 'keep me');
    const before = tree(root);
    const lines = refused(root, {});
    expect(lines[0]).toBe(
      `error: REGISTER_OUT_DIR: ${root} is an ordinary folder, not a link to a publication of this build; the build never moves or deletes what it did not make. Set REGISTER_OUT_DIR to a path of its own (the build makes it); if ${root} holds a site published by an earlier version of this build, move it away first (mv ${root} ${root}.old) and name its data/register.json in REGISTER_PREVIOUS`,
    );
    expect(tree(root)).toEqual(before);
    expect(existsSync(join(work, '.www.publications'))).toBe(false);
    expect(existsSync(join(work, '.www.lock'))).toBe(false);
    // The project folder itself (REGISTER_OUT_DIR=. from where npm runs).
    expect(refused('.', {})[0]).toMatch(new RegExp(`^error: REGISTER_OUT_DIR: ${ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is an ordinary folder`));
  }, REFUSAL_MS);

  it('refuses a public build without a previous publication, unless declared the first; and a declaration that is not true', () => {
    const fresh = join(work, 'typo');
    const lines = refused(fresh, { SITE_URL: TEST_SITE_URL });
    expect(lines).toContain(
      `error: no previous publication in ${fresh} to compare with, and this is a public build (SITE_URL is set): check REGISTER_OUT_DIR for a typo, name the previous publication's register.json in REGISTER_PREVIOUS, or, if this really is the register's first publication, set REGISTER_FIRST_PUBLICATION=yes`,
    );
    expect(existsSync(fresh)).toBe(false);
    // A forgotten declaration waves nothing through: there is a publication to compare with.
    const before = tree(published);
    expect(refused(published, { SITE_URL: TEST_SITE_URL, REGISTER_FIRST_PUBLICATION: 'yes' })[0]).toMatch(
      /^error: REGISTER_FIRST_PUBLICATION=yes, but .*dist already holds a publication \(.*register\.json\); this is not the first publication: remove the setting$/,
    );
    expect(tree(published)).toEqual(before);
  }, REFUSAL_MS);
});
