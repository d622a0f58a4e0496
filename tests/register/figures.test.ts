/**
 * The figures page's numbers, checked against registers whose answers are known: a small
 * register built here, with every kind of decision, whose counts are worked out by hand;
 * and the sample and a generated register, recounted in this file by code of its own
 * (status on a date, decisions, distances by brute force with its own haversine).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DECISION_KINDS,
  STATUS_FAMILIES,
  coverage,
  decisionsByYear,
  joinRegister,
  statusCountsByYear,
  statusFamily,
  timelineOf,
  type HolderRow,
  type Register,
  type Status,
  type StatusRow,
} from '../../src/register/index.ts';

import { generatedRegister, loadRegister } from '../support/register.ts';

const holder = (holder_id: string, keurmerk_status: Status, status_since: string, first_granted?: string): HolderRow =>
  ({ holder_id, name: holder_id, keurmerk_status, status_since, laws: ['wi2021'], ...(first_granted ? { first_granted } : {}) }) as HolderRow;
const event = (holder_id: string, status: Status, effective_from: string): StatusRow => ({ holder_id, status, effective_from });
/**
 * Four holders, worked out by hand:
 * - A: granted 2019-03-01, indefinite 2021-06-01, recovery 2022-02-01, suspended 2023-05-01, valid again 2024-01-10.
 * - B: granted 2020-07-01, withdrawn 2022-12-31 (on the year's last day: counts as former at the end of 2022).
 * - C: no history; first_granted 2018-05-01, indefinite since 2023-01-01 (counts from 2018 as a first grant).
 * - D: granted 2024-02-01, ended 2025-03-01.
 * Export date 2025-06-30.
 */
function handRegister(): Register {
  return joinRegister({
    holders: [
      holder('A', 'onbepaalde_tijd', '2024-01-10'),
      holder('B', 'ingetrokken', '2022-12-31'),
      holder('C', 'onbepaalde_tijd', '2023-01-01', '2018-05-01'),
      holder('D', 'beeindigd', '2025-03-01'),
    ],
    locations: [],
    routes: [],
    profiles: [],
    statusHistory: [
      event('A', 'bepaalde_tijd', '2019-03-01'),
      event('A', 'onbepaalde_tijd', '2021-06-01'),
      event('A', 'herstelperiode', '2022-02-01'),
      event('A', 'geschorst', '2023-05-01'),
      event('A', 'onbepaalde_tijd', '2024-01-10'),
      event('B', 'bepaalde_tijd', '2020-07-01'),
      event('B', 'ingetrokken', '2022-12-31'),
      event('D', 'bepaalde_tijd', '2024-02-01'),
      event('D', 'beeindigd', '2025-03-01'),
    ],
  });
}

describe('holders by status at every year end', () => {
  it('counts the hand-made register as worked out by hand', () => {
    const rows = statusCountsByYear(handRegister(), '2025-06-30');
    const counts = Object.fromEntries(rows.map((r) => [r.moment, [r.counts.valid, r.counts.recovery, r.counts.suspended, r.counts.former]]));
    expect(rows.map((r) => r.moment)).toEqual(['2018', '2019', '2020', '2021', '2022', '2023', '2024', 'now']);
    expect(counts).toEqual({
      2018: [1, 0, 0, 0], // C
      2019: [2, 0, 0, 0], // A, C
      2020: [3, 0, 0, 0], // A, B, C
      2021: [3, 0, 0, 0],
      2022: [1, 1, 0, 1], // C valid, A recovery, B withdrawn on 31 December
      2023: [1, 0, 1, 1], // C, A suspended, B
      2024: [3, 0, 0, 1], // A back, C, D; B
      now: [2, 0, 0, 2], // A, C; B, D ended
    });
    expect(rows.at(-1)!.date).toBe('2025-06-30');
    expect(rows.every((r) => r.total === STATUS_FAMILIES.reduce((n, f) => n + r.counts[f], 0))).toBe(true);
  });

  it('starts a holder without history at its first grant, with the status new holders get', () => {
    const c = handRegister().holderById.get('C')!;
    expect(timelineOf(c).map((e) => [e.status, e.effective_from])).toEqual([
      ['bepaalde_tijd', '2018-05-01'],
      ['onbepaalde_tijd', '2023-01-01'],
    ]);
  });

  it('is empty for a register without decisions', () => {
    expect(statusCountsByYear(joinRegister({ holders: [], locations: [], routes: [], profiles: [], statusHistory: [] }), '2025-01-01')).toEqual([]);
  });
});

describe('decisions per year', () => {
  it('counts the hand-made register as worked out by hand, every year present', () => {
    const rows = decisionsByYear(handRegister(), '2025-06-30');
    const table = Object.fromEntries(rows.map((r) => [r.year, DECISION_KINDS.map((k) => r.counts[k])]));
    // granted, recovery, suspended, withdrawn, ended, reinstated
    expect(table).toEqual({
      2018: [1, 0, 0, 0, 0, 0], // C's first grant (from first_granted)
      2019: [1, 0, 0, 0, 0, 0], // A
      2020: [1, 0, 0, 0, 0, 0], // B
      2021: [0, 0, 0, 0, 0, 0], // A to indefinite: not a counted kind
      2022: [0, 1, 0, 1, 0, 0], // A recovery; B withdrawn
      2023: [0, 0, 1, 0, 0, 0], // A suspended; C to indefinite is not counted
      2024: [1, 0, 0, 0, 0, 1], // D granted; A reinstated
      2025: [0, 0, 0, 0, 1, 0], // D ended
    });
  });
});

// Independent recounts for real-sized registers: different code, same definitions (a status's
// family is the vocabulary's definition, statusFamily, not a copy of it).
const sample = loadRegister(fileURLToPath(new URL('../../data/', import.meta.url)));
const generated = generatedRegister({ holders: 150, locations: 500, seed: 19 });

/** Every dated status a holder is known to have had, by the rules the page states. */
function datedStatuses(register: Register, id: string): [string, Status][] {
  const h = register.holderById.get(id)!;
  const known = new Map<string, Status>(h.history.map((e) => [e.effective_from, e.status]));
  known.set(h.status_since, h.keurmerk_status);
  const earliest = [...known.keys()].sort()[0]!;
  if (h.first_granted && h.first_granted < earliest) known.set(h.first_granted, 'bepaalde_tijd');
  return [...known].sort(([a], [b]) => (a < b ? -1 : 1));
}

for (const [name, register] of [
  ['the sample', sample],
  ['a generated register', generated],
] as const) {
  describe(`recounted independently: ${name}`, () => {
    const exportDate = [...register.holders.flatMap((h) => [h.status_since, ...h.history.map((e) => e.effective_from)])].sort().at(-1)!;

    it('holders per status family on each date', () => {
      for (const row of statusCountsByYear(register, exportDate)) {
        const expected: Record<string, number> = { valid: 0, recovery: 0, suspended: 0, former: 0 };
        for (const h of register.holders) {
          const before = datedStatuses(register, h.holder_id).filter(([d]) => d <= row.date);
          if (before.length > 0) expected[statusFamily(before.at(-1)![1])]! += 1;
        }
        expect(row.counts, row.moment).toEqual(expected);
      }
    });

    it('decisions per year', () => {
      const expected = new Map<number, Record<string, number>>();
      for (const h of register.holders) {
        const dated = datedStatuses(register, h.holder_id);
        dated.forEach(([date, status], i) => {
          const previous = dated[i - 1]?.[1];
          const kind =
            previous === undefined
              ? status === 'geschorst' ? 'suspended' : status === 'ingetrokken' ? 'withdrawn' : status === 'beeindigd' ? 'ended' : 'granted'
              : status === 'geschorst' ? 'suspended'
              : status === 'ingetrokken' ? 'withdrawn'
              : status === 'beeindigd' ? 'ended'
              : statusFamily(previous) === 'suspended' || statusFamily(previous) === 'former' ? 'reinstated'
              : status === 'herstelperiode' && previous !== 'herstelperiode' ? 'recovery'
              : undefined;
          if (!kind) return;
          const year = Number(date.slice(0, 4));
          const counts = expected.get(year) ?? {};
          counts[kind] = (counts[kind] ?? 0) + 1;
          expected.set(year, counts);
        });
      }
      const rows = decisionsByYear(register, exportDate);
      for (const row of rows) {
        const nonZero = Object.fromEntries(Object.entries(row.counts).filter(([, n]) => n > 0));
        expect(nonZero, String(row.year)).toEqual(expected.get(row.year) ?? {});
      }
      expect(rows.map((r) => r.year)).toEqual(Array.from({ length: rows.length }, (_, i) => rows[0]!.year + i));
      const counted = rows.reduce((n, r) => n + DECISION_KINDS.reduce((m, k) => m + r.counts[k], 0), 0);
      expect(counted).toBe([...expected.values()].reduce((n, c) => n + Object.values(c).reduce((a, b) => a + b, 0), 0));
    });

    it('the distance from each municipality centre to the nearest valid B1 and Z location, by brute force', () => {
      const haversine = (lat1: number, lon1: number, lat2: number, lon2: number) => {
        const r = (d: number) => (d * Math.PI) / 180;
        const a = Math.sin(r(lat2 - lat1) / 2) ** 2 + Math.cos(r(lat1)) * Math.cos(r(lat2)) * Math.sin(r(lon2 - lon1) / 2) ** 2;
        return 12742 * Math.asin(Math.sqrt(a));
      };
      const valid = (l: (typeof register.locations)[number]) =>
        ['bepaalde_tijd', 'onbepaalde_tijd', 'herstelperiode'].includes(register.holderById.get(l.holder_id)!.keurmerk_status);
      const list = coverage(register);
      expect(list.map((c) => c.code).sort()).toEqual([...new Set(register.locations.map((l) => l.municipality_code))].sort());
      let checked = 0;
      for (const c of list) {
        const own = register.locations.filter((l) => l.municipality_code === c.code && l.latitude !== undefined);
        if (own.length === 0) {
          expect(c.centre).toBeUndefined();
          expect(c.km).toEqual({ B1: undefined, Z: undefined });
          continue;
        }
        const lat = own.reduce((s, l) => s + l.latitude!, 0) / own.length;
        const lon = own.reduce((s, l) => s + l.longitude!, 0) / own.length;
        for (const route of ['B1', 'Z'] as const) {
          const candidates = register.locations.filter((l) => l.latitude !== undefined && valid(l) && l.routes.some((r) => r.route === route));
          const best = Math.min(...candidates.map((l) => haversine(lat, lon, l.latitude!, l.longitude!)));
          if (candidates.length === 0) expect(c.km[route]).toBeUndefined();
          else expect(c.km[route], `${c.code} ${route}`).toBeCloseTo(best, 6);
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(20);
    });
  });
}
