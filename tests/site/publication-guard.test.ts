/**
 * The publishing guard: nothing the previous publication showed may disappear without a word.
 * An empty export, a dropped holder, a deleted past decision, a missing change log, an export
 * date before the published one or one that is nonsense all stop the publication; a declared
 * removal goes through and is itself recorded in the change log.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeRegister, registerJson, type Register } from '../../src/register/index.ts';
import { buildOpenData, changesJson } from '../../src/site/open-data.ts';
import { changeLog, preparePublication, settingsFromEnv, type OpenDataSettings } from '../../src/site/publication.ts';
import { errorsOf, validExport, where, HISTORY, HOLDERS } from '../support/exports.ts';
import { loadRegister, registerFromCsv } from '../support/register.ts';
import { HOSTILE_DATA, TMP } from '../support/site.ts';

const hostile = (): Register => loadRegister(HOSTILE_DATA);

/** The register with some CSV text edited, read back through the validator. */
function edited(edit: (files: Record<string, string>) => void): Register {
  const files = serializeRegister(hostile());
  edit(files);
  return registerFromCsv(files);
}
const without = (text: string, id: string) => text.split('\r\n').filter((l) => !l.includes(id)).join('\r\n');

/** Publishes the hostile register as a previous publication in its own folder; returns its register.json. */
function published(name: string, options: { changes?: boolean } = {}): string {
  const dir = join(TMP, 'publication-guard', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const register = hostile();
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
