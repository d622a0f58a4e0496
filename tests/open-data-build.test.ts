/**
 * The open data as `npm run build` writes it: the same export gives byte-identical files,
 * the published CSVs read back as the same register, REGISTER_PREVIOUS publishes what changed,
 * and a holder that was published before and is missing now stops the build by name, with the
 * output untouched.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegisterDir } from '../src/register/index.ts';
import { buildSite, copyOfSite, HOSTILE_DATA as hostile, HOSTILE_SITE, TMP, tree } from './support/site.ts';

const work = resolve(TMP, 'open-data-build');

/** The open data of a built site: /data/ and the Atom feeds. */
function openData(out: string): Record<string, Buffer> {
  const files = tree(join(out, 'data'));
  for (const lang of readdirSync(out).filter((d) => existsFeed(out, d))) files[`${lang}/wijzigingen.atom`] = readFileSync(join(out, lang, 'wijzigingen.atom'));
  return files;
}
const existsFeed = (out: string, dir: string) => {
  try {
    return statSync(join(out, dir, 'wijzigingen.atom')).isFile();
  } catch {
    return false;
  }
};

function copyExport(name: string, edit: (files: Record<string, string>) => void): string {
  const dir = join(work, name);
  cpSync(hostile, dir, { recursive: true });
  const files = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  edit(files);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

/** Drops the third holder (KH-XSS3), its location and that location's profiles from an export's texts. */
function withoutThirdHolder(files: Record<string, string>): void {
  const keep = (text: string, id: string) => text.split('\n').filter((line) => !line.includes(id)).join('\n');
  files['holders.csv'] = keep(files['holders.csv']!, 'KH-XSS3');
  files['locations.csv'] = keep(files['locations.csv']!, 'KH-XSS3');
  files['profiles.csv'] = keep(files['profiles.csv']!, 'V-XSS3');
  files['status_history.csv'] = keep(files['status_history.csv']!, 'KH-XSS3');
}

describe('the open data of a build', () => {
  const first = join(work, 'first');
  const second = join(work, 'second');

  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    // Two builds of one export with the same settings: the shared one (copied, as later builds
    // are tried over it) and one of this test's own.
    await copyOfSite(HOSTILE_SITE, first);
    const run = buildSite(hostile, second, HOSTILE_SITE.env);
    expect(run.status, run.stdout + run.stderr).toBe(0);
  }, 600_000);

  it('is byte-identical for the same export', () => {
    const a = openData(first);
    expect(Object.keys(a)).toEqual(expect.arrayContaining(['holders.csv', 'datapackage.json', 'dcat.jsonld', 'SHA256SUMS.txt', 'nl/wijzigingen.atom']));
    expect(openData(second)).toEqual(a);
  });

  it('has CSVs that, read as an export, are the same register', () => {
    const published = loadRegisterDir(join(first, 'data'));
    const source = loadRegisterDir(hostile);
    expect(published.ok && source.ok).toBe(true);
    expect(published.ok && published.register).toEqual(source.ok && source.register);
  });

  it('with REGISTER_PREVIOUS, publishes what changed since', () => {
    const changed = copyExport('changed', (f) => {
      f['holders.csv'] = f['holders.csv']!.replace('bepaalde_tijd,2024-01-15,2024-01-15', 'geschorst,2025-10-01,2024-01-15');
      f['status_history.csv'] = f['status_history.csv']!.replace(/\n?$/, '\n') + 'KH-XSS1,bepaalde_tijd,2024-01-15,\nKH-XSS1,geschorst,2025-10-01,=cmd|calc\n';
    });
    const out = join(work, 'changed-out');
    const run = buildSite(changed, out, { REGISTER_PREVIOUS: join(first, 'data/register.json') });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const log = JSON.parse(readFileSync(join(out, 'data/changes.json'), 'utf8'));
    expect(log).toMatchObject({ basis: 'previous', since: '2025-09-01', export_date: '2025-10-01' });
    // The new decision first, then the previous publication's log, carried forward unchanged.
    const earlier = JSON.parse(readFileSync(join(first, 'data/changes.json'), 'utf8'));
    expect(log.changes).toEqual([
      { date: '2025-10-01', change: 'suspended', holder_id: 'KH-XSS1', holder_name: '<img src=x onerror=alert(1)>', status: 'geschorst', previous_status: 'bepaalde_tijd', note: '=cmd|calc' },
      ...earlier.changes,
    ]);
    expect(earlier.changes.length).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'data/changes.csv'), 'utf8')).toContain(`,"'=cmd|calc",`);
    expect(readFileSync(join(out, 'nl/wijzigingen.atom'), 'utf8')).toContain('<title type="text">Geschorst: &lt;img src=x onerror=alert(1)&gt;</title>');
  });

  it('stops, naming the holder, when a published holder is missing from the export; the output stays as it was', () => {
    const dropped = copyExport('dropped', withoutThirdHolder);
    const before = tree(first);
    const run = buildSite(dropped, first, { REGISTER_PREVIOUS: join(second, 'data/register.json') });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('holders.csv: holder_id: {{7*7}} ${alert(4)} <b>vet</b> was in the publication of 2025-09-01');
    expect(run.stdout).toContain('(got "KH-XSS3")');
    expect(tree(first)).toEqual(before);
  });

  it('of a header-only export, over a published register and with no settings, stops naming every holder it would drop; the site stays byte-identical', () => {
    const truncated = copyExport('header-only', (f) => {
      for (const name of Object.keys(f)) f[name] = `${f[name]!.split(/\r?\n/)[0]}\n`;
    });
    const before = tree(first);
    const run = buildSite(truncated, first);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('holders.csv: the export has no holders at all, so the register would be published empty');
    for (const id of ['KH-XSS1', 'KH-XSS2', 'KH-XSS3']) expect(run.stdout).toMatch(new RegExp(`^holders\\.csv: holder_id: .* was in the publication of 2025-09-01 .*\\(got "${id}"\\)$`, 'm'));
    expect(tree(first)).toEqual(before);
  });

  it('with a declared removal, publishes without the holder and records the removal and its reason in the change log', () => {
    const dropped = copyExport('declared-removal', withoutThirdHolder);
    const out = join(work, 'declared-removal-out');
    const run = buildSite(dropped, out, { REGISTER_PREVIOUS: join(second, 'data/register.json'), REGISTER_EXPORT_DATE: '2025-10-01', REGISTER_ALLOW_REMOVAL: 'KH-XSS3', REGISTER_REMOVAL_REASON: 'Dubbele inschrijving' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const log = JSON.parse(readFileSync(join(out, 'data/changes.json'), 'utf8'));
    expect(log.changes).toContainEqual({ date: '2025-10-01', change: 'holder_removed', holder_id: 'KH-XSS3', holder_name: '{{7*7}} ${alert(4)} <b>vet</b>', status: 'ingetrokken', note: 'Dubbele inschrijving' });
    expect(readFileSync(join(out, 'nl/wijzigingen/index.html'), 'utf8')).toContain('Uit het register gehaald');
  });

  it('stops on an export date that is not a date', () => {
    const run = buildSite(hostile, join(work, 'never'), { REGISTER_EXPORT_DATE: '1 oktober 2025' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('REGISTER_EXPORT_DATE: must be a real date written YYYY-MM-DD (got "1 oktober 2025")');
    expect(readdirSync(work)).not.toContain('never');
  });
});
