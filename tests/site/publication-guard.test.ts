/**
 * The publishing guard: nothing the previous publication showed may disappear without a word.
 * An empty export, a dropped holder, a deleted past decision, a missing change log, an export
 * date before the published one or one that is nonsense all stop the publication; a declared
 * removal goes through and is itself recorded in the change log.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeRegister, registerJson, type Register } from '../../src/register/index.ts';
import { buildOpenData, changesJson } from '../../src/site/open-data.ts';
import { changeLog, preparePublication, settingsFromEnv, type OpenDataSettings } from '../../src/site/publication.ts';
import { errorsOf, validExport, where, HISTORY, HOLDERS } from '../support/exports.ts';
import { loadRegister, registerFromCsv } from '../support/register.ts';
import { HOSTILE_DATA, ROOT, TMP } from '../support/site.ts';

const hostile = (): Register => loadRegister(HOSTILE_DATA);
/** The fictional sample: it has quality.csv, classroom_visits.csv and courses.csv. */
const sample = (): Register => loadRegister(resolve(ROOT, 'data'));

/** The register with some CSV text edited, read back through the validator. */
function edited(edit: (files: Record<string, string>) => void, from: Register = hostile()): Register {
  const files = serializeRegister(from);
  edit(files);
  return registerFromCsv(files);
}
const without = (text: string, id: string) => text.split('\r\n').filter((l) => !l.includes(id)).join('\r\n');

/** Publishes the hostile register as a previous publication in its own folder; returns its register.json. */
function published(name: string, options: { changes?: boolean; register?: Register } = {}): string {
  const dir = join(TMP, 'publication-guard', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const register = options.register ?? hostile();
  const prepared = preparePublication(register, {});
  if (!prepared.ok) throw new Error(prepared.errors.join('\n'));
  const data = buildOpenData(register, prepared.publication);
  writeFileSync(join(dir, 'register.json'), registerJson(register, prepared.publication.exportDate));
  if (options.changes !== false) writeFileSync(join(dir, 'changes.json'), changesJson(data.changes));
  return join(dir, 'register.json');
}

function refused(register: Register, settings: OpenDataSettings): string[] {
  const result = preparePublication(register, { today: '2026-11-30', ...settings });
  if (result.ok) throw new Error('expected the publication to be refused');
  return result.errors;
}

describe('the publishing guard', () => {
  it('refuses an export without holders, even as a first publication', () => {
    const empty = edited((f) => { for (const name of Object.keys(f)) f[name] = f[name]!.split('\r\n')[0]! + '\r\n'; });
    expect(empty.holders).toEqual([]);
    expect(refused(empty, {})).toEqual([expect.stringMatching(/^holders\.csv: the export has no holders at all, so the register would be published empty/)]);
  });

  it('refuses a past decision deleted from status_history.csv, naming it', () => {
    const previousPath = published('decision');
    const lost = edited((f) => { f['status_history.csv'] = without(f['status_history.csv']!, '2020-03-01'); });
    expect(refused(lost, { previousPath })).toEqual([
      'status_history.csv: holder_id: the decision of 2020-03-01 (bepaalde_tijd) about Taal & Co "De Brug" was in the publication of 2025-09-01 and is missing from this export; the register never deletes a past decision: put the row back (a correction needs REGISTER_ALLOW_REMOVAL and a REGISTER_REMOVAL_REASON) (got "KH-XSS2")',
    ]);
  });

  it('refuses to go on without the previous change log', () => {
    const previousPath = published('no-changes', { changes: false });
    expect(refused(hostile(), { previousPath })).toEqual([expect.stringMatching(/^REGISTER_PREVIOUS: .*changes\.json: is missing; the previous publication's change log must be kept beside its register\.json/)]);
  });

  it('refuses an export date before the published one, and one that is nonsense', () => {
    const previousPath = published('dates');
    expect(refused(hostile(), { previousPath, exportDate: '2025-08-31' })).toEqual([
      'holders.csv: status_since: KH-XSS3: is after the export date 2025-08-31 (REGISTER_EXPORT_DATE); an export cannot describe a decision that had not been taken yet (got "2025-09-01")',
      'export date 2025-08-31 (REGISTER_EXPORT_DATE) is before 2025-09-01, the export date of the publication it would replace; is this an older export?',
    ]);
    for (const nonsense of ['1900-01-01', '2099-01-01']) {
      expect(refused(hostile(), { exportDate: nonsense })[0]).toBe(`REGISTER_EXPORT_DATE: must lie between 2013-01-01 (the keurmerk's first year) and today; check the year (got "${nonsense}")`);
    }
  });

  it('lets a declared removal through and records it, with its reason, in the change log', () => {
    const previousPath = published('removal');
    const dropped = edited((f) => {
      for (const name of Object.keys(f)) f[name] = without(without(f[name]!, 'KH-XSS3'), 'V-XSS3');
    });
    // The dropped holder had the newest decision, so the derived export date goes back too; that is
    // not reported separately (the holder is), but a declared removal must then give the date.
    expect(refused(dropped, { previousPath })).toEqual([expect.stringContaining('was in the publication of 2025-09-01 (keurmerk status ingetrokken) and is missing from this export')]);
    expect(refused(dropped, { previousPath, allowRemoval: ['KH-XSS3'], removalReason: 'x' })).toEqual([expect.stringMatching(/^export date 2025-06-01 \(the newest decision in the export\) is before 2025-09-01.*set REGISTER_EXPORT_DATE/)]);
    expect(refused(dropped, { previousPath, exportDate: '2025-10-01', allowRemoval: ['KH-XSS3'] })).toEqual([expect.stringMatching(/^REGISTER_ALLOW_REMOVAL: a removal needs its reason in REGISTER_REMOVAL_REASON/)]);
    expect(refused(dropped, { previousPath, exportDate: '2025-10-01', allowRemoval: ['KH-XSS3', 'KH-XSS1'], removalReason: 'x' })).toEqual([expect.stringMatching(/^REGISTER_ALLOW_REMOVAL: KH-XSS1 loses nothing in this export/)]);

    const settings = settingsFromEnv({ REGISTER_PREVIOUS: previousPath, REGISTER_EXPORT_DATE: '2025-10-01', REGISTER_ALLOW_REMOVAL: 'KH-XSS3', REGISTER_REMOVAL_REASON: 'Dubbel ingeschreven; samengevoegd met KH-XSS2' });
    const prepared = preparePublication(dropped, settings);
    if (!prepared.ok) throw new Error(prepared.errors.join('\n'));
    const log = changeLog(dropped, prepared.publication);
    expect(log.changes).toContainEqual({
      date: '2025-10-01', change: 'holder_removed', holder_id: 'KH-XSS3', holder_name: '{{7*7}} ${alert(4)} <b>vet</b>', status: 'ingetrokken', note: 'Dubbel ingeschreven; samengevoegd met KH-XSS2',
    });
  });
});

describe('an allowance names what it removes', () => {
  const dropped = () => edited((f) => {
    for (const name of Object.keys(f)) f[name] = without(without(f[name]!, 'KH-XSS3'), 'V-XSS3');
  });
  const removing = { exportDate: '2025-10-01', removalReason: 'Dubbel ingeschreven' };

  it('refuses "all": it would wave through whatever an export lacks', () => {
    const previousPath = published('allowance-all');
    expect(refused(dropped(), { previousPath, ...removing, allowRemoval: ['all'] })).toEqual([
      'REGISTER_ALLOW_REMOVAL: "all" is not accepted: it would wave through whatever an export lacks, this one and a later one. Name the holders (their holder_id), or give their number as count=N (it must match exactly)',
      expect.stringContaining('was in the publication of 2025-09-01 (keurmerk status ingetrokken) and is missing from this export'),
    ]);
  });

  it('takes a count only when it matches exactly, and records each removal', () => {
    const previousPath = published('allowance-count');
    expect(refused(dropped(), { previousPath, ...removing, allowRemoval: ['count=2'] })[0]).toBe('REGISTER_ALLOW_REMOVAL: count=2, but this export removes 1 holders or decisions of them (KH-XSS3); the count must match exactly');
    const prepared = preparePublication(dropped(), { previousPath, ...removing, allowRemoval: ['count=1'], today: '2026-11-30' });
    if (!prepared.ok) throw new Error(prepared.errors.join('\n'));
    expect(prepared.publication.removals?.map((r) => [r.change, r.holder_id])).toEqual([['holder_removed', 'KH-XSS3']]);
  });

  it('stops when the allowance matches nothing: no previous publication, a count over an export that removes nothing, a word it does not know', () => {
    expect(refused(hostile(), { ...removing, allowRemoval: ['KH-XSS3'] })).toEqual(['REGISTER_ALLOW_REMOVAL: there is no previous publication, so nothing can be removed; take the setting out']);
    const previousPath = published('allowance-nothing');
    expect(refused(hostile(), { previousPath, ...removing, allowRemoval: ['count=1'] })).toEqual(['REGISTER_ALLOW_REMOVAL: count=1, but this export removes 0 holders or decisions of them; the count must match exactly']);
    expect(refused(hostile(), { previousPath, ...removing, allowRemoval: ['KH-XSS3;'] })).toEqual(['REGISTER_ALLOW_REMOVAL: "KH-XSS3;" is neither a holder_id, nor count=N, nor one of quality.csv, classroom_visits.csv, courses.csv']);
  });

  it('lets a deliberately empty register through only with the exact count of the holders published', () => {
    const previousPath = published('allowance-empty');
    const empty = edited((f) => { for (const name of Object.keys(f)) f[name] = f[name]!.split('\r\n')[0]! + '\r\n'; });
    expect(refused(empty, { previousPath, ...removing, allowRemoval: ['count=2'] })).toContainEqual(expect.stringMatching(/^holders\.csv: the export has no holders at all/));
    expect(preparePublication(empty, { previousPath, ...removing, allowRemoval: ['count=3'], today: '2026-11-30' }).ok).toBe(true);
  });
});

describe('optional files that were published', () => {
  for (const [file, what] of [['quality.csv', 'quality assessments'], ['classroom_visits.csv', 'classroom visits'], ['courses.csv', 'courses']] as const) {
    it(`stops when ${file} was published and is missing now, unless its withdrawal is declared; the declaration is in the change log`, () => {
      const register = sample();
      const previousPath = published(`file-${file}`, { register });
      const without = edited((f) => { delete f[file]; }, register);
      const [error] = refused(without, { previousPath });
      expect(error).toMatch(new RegExp(`^${file.replace('.', '\\.')}: was in the publication of \\d{4}-\\d{2}-\\d{2} \\(\\d+ ${what}\\) and is missing from this export \\(or is not a file that can be read\\); the site, the open data and the API would drop them without a word\\. Put the file back, or declare the withdrawal with REGISTER_ALLOW_REMOVAL=${file.replace('.', '\\.')} and a REGISTER_REMOVAL_REASON$`));
      // A header-only file loses the same rows.
      const emptied = edited((f) => { f[file] = f[file]!.split('\r\n')[0]! + '\r\n'; }, register);
      expect(refused(emptied, { previousPath })[0]).toContain(`${file}: was in the publication of`);
      expect(refused(emptied, { previousPath })[0]).toContain('has no rows in this export');

      const prepared = preparePublication(without, { previousPath, allowRemoval: [file], removalReason: 'Niet meer aangeleverd', today: '2026-11-30' });
      if (!prepared.ok) throw new Error(prepared.errors.join('\n'));
      const withdrawn = changeLog(without, prepared.publication).changes.filter((c) => c.change === 'data_withdrawn');
      expect(withdrawn.length).toBeGreaterThan(0);
      expect(new Set(withdrawn.map((c) => c.note))).toEqual(new Set([`${file}: Niet meer aangeleverd`]));
    });
  }

  it('refuses a declared file withdrawal when the file is still there', () => {
    const register = sample();
    const previousPath = published('file-still-there', { register });
    expect(refused(register, { previousPath, allowRemoval: ['quality.csv'], removalReason: 'x' })).toEqual([
      'REGISTER_ALLOW_REMOVAL: quality.csv was not in the previous publication, or is still in this export; take it out of the setting',
    ]);
  });
});

describe('decision dates', () => {
  it('refuses a status_since or a decision in the future (2099 is a typing error)', () => {
    const x = validExport().set(HOLDERS, 1, 'status_since', '2099-02-28').set(HISTORY, 3, 'effective_from', '2099-02-28');
    const errors = errorsOf(x.validate({}, { today: '2026-11-30' }));
    expect(errors.map(where)).toEqual([
      { file: HOLDERS, line: 3, column: 'status_since', value: '2099-02-28' },
      { file: HISTORY, line: 5, column: 'effective_from', value: '2099-02-28' },
    ]);
    expect(errors[0]!.message).toBe('is in the future (today is 2026-11-30); a decision is only exported once it has taken effect, so check the year');
  });

  it('allows today, and tomorrow for the time zones', () => {
    const x = validExport().set(HOLDERS, 1, 'status_since', '2026-12-01').set(HISTORY, 3, 'effective_from', '2026-12-01');
    expect(x.validate({}, { today: '2026-11-30' }).ok).toBe(true);
  });
});
