/**
 * Region counts and groups agree with the search facets, and the grid search for the
 * nearest locations across a border finds exactly what a brute-force search finds.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATUS_SELECTION,
  FORMER_STATUSES,
  PROFILES,
  ROUTES,
  countLocations,
  distanceKm,
  facetCounts,
  filterLocations,
  groupByOffer,
  holdsValidKeurmerk,
  nearestOutside,
  type Location,
  type Register,
} from '../../src/register/index.ts';

import { generatedRegister, loadRegister } from '../support/register.ts';

const load = loadRegister;
const generated = (seed: number): Register => generatedRegister({ holders: 120, locations: 400, seed });

const sample = load(fileURLToPath(new URL('../../data/', import.meta.url)));
const registers: [string, Register][] = [
  ['the sample', sample],
  ['a generated register (seed 7)', generated(7)],
];

const codesOf = (register: Register) => [...new Set(register.locations.map((l) => l.municipality_code))];
const holdersWith = (register: Register, locations: Location[], keep: (status: string) => boolean) =>
  new Set(locations.filter((l) => keep(register.holderById.get(l.holder_id)!.keurmerk_status)).map((l) => l.holder_id)).size;

/** What a brute-force search over every pair finds. */
function bruteNearest(register: Register, code: string, limit: number, maxKm: number) {
  const located = (l: Location) => l.latitude !== undefined && l.longitude !== undefined;
  const own = register.locations.filter((l) => l.municipality_code === code && located(l));
  const others = filterLocations(register, { status: DEFAULT_STATUS_SELECTION }).filter((l) => l.municipality_code !== code && located(l));
  return others
    .map((location) => ({
      location,
      distanceKm: Math.min(...own.map((o) => distanceKm({ lat: o.latitude!, lon: o.longitude! }, { lat: location.latitude!, lon: location.longitude! }))),
    }))
    .filter((n) => n.distanceKm <= maxKm)
    .sort((a, b) => a.distanceKm - b.distanceKm || a.location.location_id.localeCompare(b.location.location_id))
    .slice(0, limit);
}

describe.each(registers)('region counts over %s', (_, register) => {
  it('equal the search facets per municipality: only valid holders count as buyable', () => {
    for (const code of codesOf(register)) {
      const locations = register.locations.filter((l) => l.municipality_code === code);
      const counts = countLocations(register, locations);
      const selection = { municipality: [code], status: DEFAULT_STATUS_SELECTION };
      const facets = facetCounts(register, selection);
      const valid = filterLocations(register, selection);
      expect(counts.locations).toBe(filterLocations(register, { municipality: [code] }).length);
      expect(counts.validLocations).toBe(valid.length);
      expect(counts.validHolders).toBe(new Set(valid.map((l) => l.holder_id)).size);
      for (const r of ROUTES) expect(counts.route[r], `${code} ${r}`).toBe(facets.route[r] ?? 0);
      for (const p of PROFILES) expect(counts.profile[p], `${code} ${p}`).toBe(facets.profile[p] ?? 0);
      expect(counts.suspendedHolders).toBe(holdersWith(register, locations, (s) => s === 'geschorst'));
      expect(counts.formerHolders).toBe(holdersWith(register, locations, (s) => FORMER_STATUSES.includes(s as never)));
    }
  });

  it('add up over a whole province and the whole register', () => {
    const all = countLocations(register, register.locations);
    expect(all.validHolders).toBe(register.holders.filter((h) => holdsValidKeurmerk(h.keurmerk_status) && h.locations.length > 0).length);
    const facets = facetCounts(register, { status: DEFAULT_STATUS_SELECTION });
    for (const r of ROUTES) expect(all.route[r]).toBe(facets.route[r] ?? 0);
    const perMunicipality = codesOf(register).map((code) =>
      countLocations(register, register.locations.filter((l) => l.municipality_code === code)),
    );
    expect(perMunicipality.reduce((n, c) => n + c.validLocations, 0)).toBe(all.validLocations);
    expect(perMunicipality.reduce((n, c) => n + c.locations, 0)).toBe(register.locations.length);
  });

  it('groups every location once by validity, and buyable ones under each offer they have', () => {
    for (const code of codesOf(register)) {
      const locations = register.locations.filter((l) => l.municipality_code === code);
      const { groups, withoutOffer, notBuyable } = groupByOffer(register, locations);
      const valid = filterLocations(register, { municipality: [code], status: DEFAULT_STATUS_SELECTION });
      expect(notBuyable.length + valid.length).toBe(locations.length);
      for (const l of notBuyable) expect(holdsValidKeurmerk(register.holderById.get(l.holder_id)!.keurmerk_status)).toBe(false);
      for (const r of ROUTES) {
        expect(groups.find((g) => g.key === r)!.locations).toEqual(filterLocations(register, { municipality: [code], status: DEFAULT_STATUS_SELECTION, route: [r] }));
      }
      expect(groups.find((g) => g.key === 'wi2013')!.locations).toEqual(
        filterLocations(register, { municipality: [code], status: DEFAULT_STATUS_SELECTION, profile: PROFILES }),
      );
      expect(withoutOffer).toEqual(valid.filter((l) => l.routes.length === 0 && l.profiles.length === 0));
    }
  });

  it('finds the same nearest locations across the border as a brute-force search', () => {
    for (const [limit, maxKm] of [[10, 25], [3, 60], [50, 5]] as const) {
      const nearest = nearestOutside(register, { limit, maxKm });
      for (const code of codesOf(register)) {
        const expected = bruteNearest(register, code, limit, maxKm);
        const got = nearest.get(code) ?? [];
        expect(got.map((n) => n.location.location_id), `${code} ${limit}/${maxKm}`).toEqual(expected.map((n) => n.location.location_id));
        for (const [i, n] of got.entries()) expect(n.distanceKm).toBeCloseTo(expected[i]!.distanceKm, 9);
      }
    }
  });
});

it('breaks ties at the same spot by identifier, as a brute-force search does', () => {
  const copy = load(fileURLToPath(new URL('../../data/', import.meta.url)));
  const code = copy.locations.find((l) => l.latitude !== undefined)!.municipality_code;
  const here = copy.locations.find((l) => l.municipality_code === code && l.latitude !== undefined)!;
  const outside = filterLocations(copy, { status: DEFAULT_STATUS_SELECTION }).filter((l) => l.municipality_code !== code && l.latitude !== undefined);
  // Fifteen buyable locations elsewhere, all on one spot 3 km north: more ties than places.
  for (const l of outside.slice(0, 15)) [l.latitude, l.longitude] = [here.latitude! + 0.027, here.longitude!];
  const got = nearestOutside(copy, { limit: 10, maxKm: 25 }).get(code)!;
  expect(got.map((n) => n.location.location_id)).toEqual(bruteNearest(copy, code, 10, 25).map((n) => n.location.location_id));
});
