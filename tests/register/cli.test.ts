/**
 * `npm run validate` on a folder: the exit status and the report lines a data steward
 * (and their tooling) reads, in the contract's format `FILE:LINE: COLUMN: message (got "VALUE")`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validExport, HOLDERS, LOCATIONS, ROUTES, type Export, type WriteOptions } from '../support/exports.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const base = mkdtempSync(join(tmpdir(), 'register-cli-'));
let folders = 0;

afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Writes the export's files into a fresh folder under the OS temp folder. */
function folderWith(x: Export, options: WriteOptions = {}): string {
  const dir = join(base, String(folders++));
  mkdirSync(dir);
  for (const [name, bytes] of Object.entries(x.bytes(options))) writeFileSync(join(dir, name), bytes!);
  return dir;
}

/** Runs the validator on a folder, by the npm script or straight through the pinned node. */
function validate(dir: string, via: 'npm' | 'node' = 'node') {
  const env = { ...process.env, REGISTER_DATA_DIR: dir };
  const run =
    via === 'npm'
      ? spawnSync('npm', ['run', '-s', 'validate'], { cwd: ROOT, env, encoding: 'utf8' })
      : spawnSync(NODE, ['scripts/validate.ts'], { cwd: ROOT, env, encoding: 'utf8' });
  return { status: run.status, lines: run.stdout.split('\n').filter((l) => l !== ''), stderr: run.stderr };
}

/** One line of the contract's report format; parts that do not apply are left out. */
const REPORT_LINE = /^(?<file>[a-z_]+\.csv)(?::(?<line>\d+))?:(?: (?<column>[a-z_]+):)? (?<message>.+?)(?: \(got (?<value>".*")\))?$/;

describe('npm run validate', () => {
  it('exits 0 on a valid folder and prints the summary line', () => {
    const run = validate(folderWith(validExport()), 'npm');
    expect(run.status).toBe(0);
    expect(run.lines).toEqual(['2 holders, 4 locations, 4 routes, 2 profiles, 0 errors, 0 warnings']);
  });

  it('exits 1 and prints every problem of every file as FILE:LINE: COLUMN: message (got "VALUE")', () => {
    const x = validExport()
      .set(HOLDERS, 0, 'website', 'javascript:alert(1)')
      .set(LOCATIONS, 2, 'postcode', '0000XX')
      .set(ROUTES, 3, 'route', 'Onderwijsroute')
      .addColumn(LOCATIONS, 'cursist_email');
    const run = validate(folderWith(x, { delimiter: ';', bom: true, lineEnd: '\r\n' }), 'npm');
    expect(run.status).toBe(1);
    expect(run.lines).toEqual([
      'holders.csv:2: website: must be a full web address starting with http:// or https:// (got "javascript:alert(1)")',
      expect.stringMatching(/^locations\.csv:1: cursist_email: the contract has no such column; remove it/),
      'locations.csv:4: postcode: is not a Dutch postcode; write four digits (the first 1-9) and two letters, like 1234 AB (got "0000XX")',
      'routes.csv:5: route: the Onderwijsroute is not covered by the Keurmerk Inburgeren (the Inspectie van het Onderwijs supervises it); take this row out of the export (got "Onderwijsroute")',
      '2 holders, 4 locations, 4 routes, 2 profiles, 4 errors, 0 warnings',
    ]);
    for (const line of run.lines.slice(0, -1)) expect(line).toMatch(REPORT_LINE);
  });

  it('leaves out the parts that do not apply', () => {
    const x = validExport().removeFile(ROUTES).addColumn(HOLDERS, 'bsn');
    const run = validate(folderWith(x));
    expect(run.status).toBe(1);
    expect(run.lines.slice(0, 2)).toEqual([
      expect.stringMatching(/^holders\.csv:1: bsn: the contract has no such column; .*Known columns: holder_id, name, .*distance_learning$/),
      'routes.csv: the file is missing; the register needs it, even if it holds only a header row',
    ]);
    expect(run.lines[2]).toBe('2 holders, 4 locations, 0 routes, 2 profiles, 2 errors, 0 warnings');
    const parsed = run.lines.slice(0, 2).map((l) => l.match(REPORT_LINE)!.groups);
    expect(parsed[1]).toMatchObject({ file: 'routes.csv', line: undefined, column: undefined, value: undefined });
  });

  it('quotes the value so that quotes and line breaks in it stay on one line', () => {
    const x = validExport().set(HOLDERS, 1, 'kvk_number', '123 "45"\n678');
    const run = validate(folderWith(x));
    expect(run.status).toBe(1);
    expect(run.lines[0]).toBe('holders.csv:3: kvk_number: holds a line break; only a note may span several lines, so remove it (in a spreadsheet, a line break inside a cell) (got "123 \\"45\\"\\n678")');
  });

  it('prints warnings and still exits 0', () => {
    const x = validExport().set(LOCATIONS, 1, 'latitude', '').set(LOCATIONS, 1, 'longitude', '');
    const run = validate(folderWith(x, { encoding: 'windows-1252' }));
    expect(run.status).toBe(0);
    expect(run.lines).toEqual([
      'locations.csv: warning: the file is not valid UTF-8 and was read as Windows-1252; save it as "CSV UTF-8" to be sure every letter is right',
      'locations.csv:3: location_id: warning: this location has no coordinates, so it is not on the map and not sorted by distance (got "noord-b")',
      '2 holders, 4 locations, 4 routes, 2 profiles, 0 errors, 2 warnings',
    ]);
  });

  it('prints warnings before the errors of a failing run', () => {
    const x = validExport().set(LOCATIONS, 1, 'latitude', '').set(LOCATIONS, 1, 'longitude', '').set(ROUTES, 0, 'route', 'C');
    const run = validate(folderWith(x, { encoding: 'windows-1252' }));
    expect(run.status).toBe(1);
    // Warnings of coordinates are only worked out for a register that passed.
    expect(run.lines).toEqual([
      expect.stringMatching(/^locations\.csv: warning: the file is not valid UTF-8/),
      'routes.csv:2: route: is not a Wi2021 route; use B1 or Z (B1-route and Z-route are accepted too) (got "C")',
      '2 holders, 4 locations, 4 routes, 2 profiles, 1 errors, 1 warnings',
    ]);
  });

  it('checks the folder named on the command line, not data/ or REGISTER_DATA_DIR', () => {
    const bad = folderWith(validExport().set(HOLDERS, 0, 'website', 'javascript:alert(1)'));
    const good = folderWith(validExport());
    const env = { ...process.env, REGISTER_DATA_DIR: good };
    const run = spawnSync('npm', ['run', '-s', 'validate', '--', bad], { cwd: ROOT, env, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('holders.csv:2: website: must be a full web address');
    expect(run.stdout.trim().split('\n').at(-1)).toBe('2 holders, 4 locations, 4 routes, 2 profiles, 1 errors, 0 warnings');
  });

  it('refuses an empty REGISTER_DATA_DIR instead of checking the fictional sample', () => {
    const run = spawnSync(NODE, ['scripts/validate.ts'], { cwd: ROOT, env: { ...process.env, REGISTER_DATA_DIR: '' }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('error: REGISTER_DATA_DIR is set but empty');
    expect(run.stdout).not.toContain('holders,');
  });

  it('exits 1 when the folder does not exist', () => {
    const run = validate(join(base, 'no-such-folder'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('error: data folder not found');
  });

  it('names a folder, a named pipe, a link loop or a broken link where a file should be, in one run, and never blocks on the pipe', () => {
    const dir = folderWith(validExport());
    rmSync(join(dir, HOLDERS));
    mkdirSync(join(dir, HOLDERS));
    rmSync(join(dir, ROUTES));
    expect(spawnSync('mkfifo', [join(dir, ROUTES)]).status).toBe(0);
    rmSync(join(dir, LOCATIONS));
    symlinkSync(LOCATIONS, join(dir, LOCATIONS));
    // An optional file that was linked and whose target went is broken, not absent.
    symlinkSync(join(dir, 'gone', 'quality.csv'), join(dir, 'quality.csv'));
    // A pipe without a writer blocks a plain open for ever: the run must end by itself.
    const run = spawnSync(NODE, ['scripts/validate.ts'], { cwd: ROOT, env: { ...process.env, REGISTER_DATA_DIR: dir }, encoding: 'utf8', timeout: 60_000 });
    expect(run.signal, 'the validator blocked').toBeNull();
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('holders.csv: is a folder, not a file; the export needs a CSV file by this name');
    expect(lines).toContain('locations.csv: is a symbolic link that leads back to itself (a loop); replace it with the file');
    expect(lines).toContain('routes.csv: is a named pipe, not a file; the export needs a CSV file by this name');
    expect(lines).toContain('quality.csv: is a symbolic link to a file that does not exist; put the file back, or remove the link');
    expect(run.stderr).not.toMatch(/EISDIR|ELOOP|at .*\.ts:\d+/);
  }, 90_000);

  it('reports 40 bad postcodes as 40 lines', () => {
    const x = validExport();
    const template = x.table(LOCATIONS).rows[1]!;
    for (let i = 0; i < 40; i++) x.addRow(LOCATIONS, { ...template, location_id: `extra-${i}`, postcode: `${i}AB` });
    const run = validate(folderWith(x));
    expect(run.status).toBe(1);
    const postcodeLines = run.lines.filter((l) => /^locations\.csv:\d+: postcode: is not a Dutch postcode/.test(l));
    expect(postcodeLines).toHaveLength(40);
    expect(postcodeLines[0]).toMatch(/^locations\.csv:6: postcode: .* \(got "0AB"\)$/);
    expect(postcodeLines[39]).toMatch(/^locations\.csv:45: postcode: .* \(got "39AB"\)$/);
    expect(run.lines.at(-1)).toBe('2 holders, 44 locations, 4 routes, 2 profiles, 40 errors, 0 warnings');
  });
});
