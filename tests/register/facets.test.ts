/**
 * Facets hold for a location itself, never for its holder's other locations, and the
 * selection semantics are Pagefind's (any value within a key, every key), so search, the
 * map, the region pages and the tests all count the same locations.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATUS_SELECTION,
  FILTER_KEYS,
  facetCounts,
  filterLocations,
  locationFacets,
  matchesSelection,
  type FilterSelection,
  type LocationFacets,
} from '../../src/register/facets.ts';
import { joinRegister, type Register } from '../../src/register/model.ts';
import { exportDateOf } from '../../src/register/index.ts';

import { generatedRegister } from '../support/register.ts';

type Rows = Parameters<typeof joinRegister>[0];

/** A small register written by hand: one holder teaching Z in Groningen and B1 in Limburg. */
function handRegister(): Register {
  const holder = (id: string, status: string, laws: string[]) =>
    ({ holder_id: id, name: `School ${id}`, keurmerk_status: status, status_since: '2024-01-01', laws }) as unknown as Rows['holders'][number];
  const location = (id: string, holderId: string, province: string, code: string) =>
    ({
      location_id: id,
      holder_id: holderId,
      street: 'Dorpsstraat',
      house_number: '1',
      postcode: '9711 AA',
      city: 'Stad',
      municipality_code: code,
      municipality_name: `Gemeente ${code}`,
      province,
    }) as unknown as Rows['locations'][number];
  return joinRegister({
    holders: [holder('H1', 'onbepaalde_tijd', ['wi2013', 'wi2021']), holder('H2', 'geschorst', ['wi2021']), holder('H3', 'bepaalde_tijd', ['wi2013'])],
    locations: [
      location('groningen', 'H1', 'Groningen', 'GM0014'),
      location('limburg', 'H1', 'Limburg', 'GM0935'),
      location('limburg-z', 'H2', 'Limburg', 'GM0935'),
      location('empty', 'H3', 'Utrecht', 'GM0344'),
    ],
    routes: [
      { location_id: 'groningen', route: 'Z', dayparts: ['ochtend'], modality: 'klassikaal' },
      { location_id: 'limburg', route: 'B1', dayparts: ['avond', 'ochtend'], modality: 'blended' },
      { location_id: 'limburg-z', route: 'Z' },
    ] as Rows['routes'],
    profiles: [{ location_id: 'groningen', profile: 'laag', dayparts: ['middag'], modality: 'klassikaal' }] as Rows['profiles'],
    statusHistory: [],
  });
}

const facetsOf = (register: Register, id: string) => {
  const location = register.locationById.get(id)!;
  return locationFacets(location, register.holderById.get(location.holder_id)!, exportDateOf(register));
};

describe('locationFacets', () => {
  const register = handRegister();

  it('holds for the location, not for its holder: Z is taught in Groningen only', () => {
    expect(facetsOf(register, 'groningen').route).toEqual(['Z']);
    expect(facetsOf(register, 'limburg').route).toEqual(['B1']);
    const zInLimburg = filterLocations(register, { route: ['Z'], province: ['Limburg'], status: DEFAULT_STATUS_SELECTION });
    expect(zInLimburg).toEqual([]);
    // With suspended holders included, the only Z in Limburg is the suspended holder's.
    expect(filterLocations(register, { route: ['Z'], province: ['Limburg'] }).map((l) => l.location_id)).toEqual(['limburg-z']);
  });

  it('narrows the holder\'s laws to what the location offers, and keeps them when it offers nothing', () => {
    expect(facetsOf(register, 'groningen').law).toEqual(['wi2013', 'wi2021']);
    expect(facetsOf(register, 'limburg').law).toEqual(['wi2021']);
    expect(facetsOf(register, 'empty').law).toEqual(['wi2013']);
  });

  it('unites dayparts and modalities over the offers, in vocabulary order, and carries region and status', () => {
    expect(facetsOf(register, 'groningen')).toEqual({
      route: ['Z'],
      profile: ['laag'],
      law: ['wi2013', 'wi2021'],
      status: ['onbepaalde_tijd'],
      province: ['Groningen'],
      municipality: ['GM0014'],
      daypart: ['ochtend', 'middag'],
      modality: ['klassikaal'],
      rating: [],
      start: [],
    } satisfies LocationFacets);
    expect(facetsOf(register, 'limburg').daypart).toEqual(['ochtend', 'avond']);
    expect(facetsOf(register, 'empty')).toMatchObject({ route: [], profile: [], daypart: [], modality: [] });
  });
});

describe('matchesSelection', () => {
  const facets = facetsOf(handRegister(), 'groningen');

  it('any value within a key, every key', () => {
    expect(matchesSelection(facets, { route: ['B1', 'Z'] })).toBe(true);
    expect(matchesSelection(facets, { route: ['B1'] })).toBe(false);
    expect(matchesSelection(facets, { route: ['Z'], province: ['Groningen', 'Limburg'] })).toBe(true);
    expect(matchesSelection(facets, { route: ['Z'], province: ['Limburg'] })).toBe(false);
  });

  it('an empty or absent key does not filter', () => {
    expect(matchesSelection(facets, {})).toBe(true);
    expect(matchesSelection(facets, { route: [], profile: undefined })).toBe(true);
  });
});

describe('defaults and counts', () => {
  const generated = [3, 17, 2024].map((seed) => {
    return { seed, register: generatedRegister({ holders: 30, locations: 90, seed }) };
  });
  const selections: FilterSelection[] = [{}, { status: DEFAULT_STATUS_SELECTION }, { route: ['Z'], status: DEFAULT_STATUS_SELECTION }, { law: ['wi2013'], daypart: ['avond', 'weekend'] }];

  for (const { seed, register } of generated) {
    it(`facetCounts agrees with filterLocations for every key and value (seed ${seed})`, () => {
      for (const selection of selections) {
        const counts = facetCounts(register, selection);
        const matching = filterLocations(register, selection);
        for (const key of FILTER_KEYS) {
          const values = new Set(matching.flatMap((l) => locationFacets(l, register.holderById.get(l.holder_id)!, exportDateOf(register))[key]));
          for (const value of values) {
            const expected = matching.filter((l) => locationFacets(l, register.holderById.get(l.holder_id)!, exportDateOf(register))[key].includes(value)).length;
            expect(counts[key][value], `${key}=${value}`).toBe(expected);
          }
          expect(Object.keys(counts[key]).sort()).toEqual([...values].sort());
        }
        // Every matching location has exactly one status and one province.
        expect(Object.values(counts.status).reduce((a, b) => a + b, 0)).toBe(matching.length);
        expect(Object.values(counts.province).reduce((a, b) => a + b, 0)).toBe(matching.length);
      }
    });
  }
});
