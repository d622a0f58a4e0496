/**
 * The change log: what a journalist reads instead of comparing two registers by hand.
 * Every kind of change is found, with its date and its status before and after; a dropped
 * holder is reported as an error that names it, never as a silent change.
 */
import { describe, expect, it } from 'vitest';
import {
  changesSince,
  decisionKind,
  historyChanges,
  mergeChanges,
  missingHolderProblem,
  missingHolders,
} from '../../src/register/changes.ts';
import { exportDateOf } from '../../src/register/dates.ts';
import { formatProblem, type Register } from '../../src/register/index.ts';
import { HISTORY, HOLDERS, LOCATIONS, validExport, type Export } from '../support/exports.ts';
import { registerOf } from '../support/register.ts';

const registerFrom = (x: Export): Register => registerOf(x.validate());

describe('decision kinds', () => {
  it('follow from the new status and the one before it', () => {
    expect(decisionKind('bepaalde_tijd', undefined)).toBe('granted');
    expect(decisionKind('onbepaalde_tijd', 'bepaalde_tijd')).toBe('status_changed');
    expect(decisionKind('herstelperiode', 'onbepaalde_tijd')).toBe('status_changed');
    expect(decisionKind('geschorst', 'bepaalde_tijd')).toBe('suspended');
    expect(decisionKind('onbepaalde_tijd', 'geschorst')).toBe('reinstated');
    expect(decisionKind('bepaalde_tijd', 'ingetrokken')).toBe('reinstated');
    expect(decisionKind('ingetrokken', 'geschorst')).toBe('withdrawn');
    expect(decisionKind('beeindigd', 'onbepaalde_tijd')).toBe('ended');
  });
});

describe('without a previous publication', () => {
  const register = registerFrom(validExport());

  it('every decision of the status history is a change, newest first, with its note', () => {
    const log = historyChanges(register, '2024-03-01');
    expect(log.basis).toBe('history');
    expect(log.changes.map((c) => [c.date, c.change, c.holder_id, c.status, c.previous_status])).toEqual([
      ['2024-02-29', 'granted', 'inburg_2', 'bepaalde_tijd', undefined],
      ['2023-06-01', 'status_changed', 'taal-1', 'onbepaalde_tijd', 'herstelperiode'],
      ['2022-01-10', 'status_changed', 'taal-1', 'herstelperiode', 'bepaalde_tijd'],
      ['2019-03-15', 'granted', 'taal-1', 'bepaalde_tijd', undefined],
    ]);
    expect(log.changes[1]!.note).toBe('Omgezet naar onbepaalde tijd');
  });

  it('a holder without history rows still has its current status as a decision', () => {
    const x = validExport().clearRows(HISTORY);
    const log = historyChanges(registerFrom(x), '2024-03-01');
    expect(log.changes.map((c) => [c.holder_id, c.change, c.date])).toEqual([
      ['inburg_2', 'granted', '2024-02-29'],
      ['taal-1', 'granted', '2023-06-01'],
    ]);
  });

  it('the default export date is the newest date the register states', () => {
    expect(exportDateOf(register)).toBe('2024-02-29');
    expect(exportDateOf(register, '2024-03-05')).toBe('2024-03-05');
  });
});

describe('since a previous publication', () => {
  const previous = registerFrom(validExport());

  it('finds new holders, new decisions, and opened and closed locations, and nothing else', () => {
    const x = validExport();
    // taal-1 is suspended; a new holder arrives; noord-b closes; a new location opens.
    x.set(HOLDERS, 0, 'keurmerk_status', 'geschorst').set(HOLDERS, 0, 'status_since', '2024-05-01');
    x.addRow(HISTORY, { holder_id: 'taal-1', status: 'geschorst', effective_from: '2024-05-01', note: 'Geschorst na audit' });
    x.addRow(HOLDERS, { holder_id: 'nieuw-3', name: 'Taalhuis Nieuw', keurmerk_status: 'bepaalde_tijd', status_since: '2024-04-15', laws: 'wi2021' });
    x.addRow(LOCATIONS, {
      location_id: 'nieuw-a', holder_id: 'nieuw-3', street: 'Markt', house_number: '3', postcode: '9401 GS', city: 'Assen',
      municipality_code: 'GM0106', municipality_name: 'Assen', province: 'Drenthe', latitude: '52.99', longitude: '6.56',
    });
    const t = x.table(LOCATIONS);
    t.rows = t.rows.filter((r) => r.location_id !== 'noord-b');
    x.table('profiles.csv').rows = x.table('profiles.csv').rows.filter((r) => r.location_id !== 'noord-b');
    const current = registerFrom(x);

    expect(missingHolders(previous, current)).toEqual([]);
    const log = changesSince(previous, '2024-03-01', current, '2024-06-01');
    expect(log).toMatchObject({ basis: 'previous', since: '2024-03-01', exportDate: '2024-06-01' });
    expect(log.changes).toEqual([
      { date: '2024-06-01', change: 'holder_added', holder_id: 'nieuw-3', holder_name: 'Taalhuis Nieuw', status: 'bepaalde_tijd' },
      { date: '2024-06-01', change: 'location_opened', holder_id: 'nieuw-3', holder_name: 'Taalhuis Nieuw', location_id: 'nieuw-a', location_name: 'Taalhuis Nieuw', city: 'Assen', municipality_code: 'GM0106' },
      { date: '2024-06-01', change: 'location_closed', holder_id: 'taal-1', holder_name: 'Taalschool Noord', location_id: 'noord-b', location_name: 'Taalschool Noord', city: 'Groningen', municipality_code: 'GM0014' },
      { date: '2024-05-01', change: 'suspended', holder_id: 'taal-1', holder_name: 'Taalschool Noord', status: 'geschorst', previous_status: 'onbepaalde_tijd', note: 'Geschorst na audit' },
    ]);
  });

  it('the same register twice has no changes', () => {
    expect(changesSince(previous, '2024-03-01', registerFrom(validExport()), '2024-03-01').changes).toEqual([]);
  });

  it('a status change without a history file is found from holders.csv', () => {
    const before = registerFrom(validExport().clearRows(HISTORY));
    const after = registerFrom(validExport().clearRows(HISTORY).set(HOLDERS, 1, 'keurmerk_status', 'ingetrokken').set(HOLDERS, 1, 'status_since', '2024-04-02'));
    expect(changesSince(before, '2024-03-01', after, '2024-04-02').changes).toEqual([
      { date: '2024-04-02', change: 'withdrawn', holder_id: 'inburg_2', holder_name: 'Inburgering Zuid B.V.', status: 'ingetrokken', previous_status: 'bepaalde_tijd' },
    ]);
  });

  it('a holder that was published and is missing now is an error that names it', () => {
    const x = validExport();
    x.table(HOLDERS).rows.splice(1, 1);
    x.table(LOCATIONS).rows = x.table(LOCATIONS).rows.filter((r) => r.holder_id !== 'inburg_2');
    x.table('routes.csv').rows = x.table('routes.csv').rows.filter((r) => !['zuid-1', 'fries-1'].includes(r.location_id!));
    x.table(HISTORY).rows = x.table(HISTORY).rows.filter((r) => r.holder_id !== 'inburg_2');
    const missing = missingHolders(previous, registerFrom(x));
    expect(missing.map((h) => h.holder_id)).toEqual(['inburg_2']);
    const line = formatProblem(missingHolderProblem(missing[0]!, '2024-03-01'));
    expect(line).toMatch(/^holders\.csv: holder_id: Inburgering Zuid B\.V\. was in the publication of 2024-03-01 .* \(got "inburg_2"\)$/);
  });
});

describe('carrying the change log forward', () => {
  it('keeps every earlier change once, adds the new ones, newest first', () => {
    const a = { date: '2024-01-01', change: 'location_closed', holder_id: 'h1', holder_name: 'H1', location_id: 'v1' } as const;
    const b = { date: '2024-05-01', change: 'suspended', holder_id: 'h2', holder_name: 'H2', status: 'geschorst' } as const;
    const c = { date: '2024-06-01', change: 'holder_added', holder_id: 'h3', holder_name: 'H3', status: 'bepaalde_tijd' } as const;
    expect(mergeChanges([b, a], [c, b])).toEqual([c, b, a]);
  });
});
