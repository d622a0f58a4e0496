/**
 * The joined register that a valid export produces, and the warnings that do not stop it.
 */
import { describe, expect, it } from 'vitest';
import { countRegister, formatProblem, summaryLine } from '../../src/register/index.ts';
import { validExport, where, withUnreferencedRows, HISTORY, HOLDERS, LOCATIONS, PROFILES } from '../support/exports.ts';
import { registerOf } from '../support/register.ts';

describe('joined register', () => {
  const result = validExport().validate();
  const register = registerOf(result);

  it('keeps holders and locations in export order, with lookups by identifier', () => {
    expect(register.holders.map((h) => h.holder_id)).toEqual(['taal-1', 'inburg_2']);
    expect(register.locations.map((l) => l.location_id)).toEqual(['noord-a', 'noord-b', 'zuid-1', 'fries-1']);
    expect([...register.holderById.keys()]).toEqual(['taal-1', 'inburg_2']);
    expect(register.holderById.get('inburg_2')).toBe(register.holders[1]);
    expect(register.locationById.get('fries-1')).toBe(register.locations[3]);
  });

  it('gives each holder its locations, and each location its routes and profiles', () => {
    const [taal, inburg] = register.holders;
    expect(taal!.locations.map((l) => l.location_id)).toEqual(['noord-a', 'noord-b']);
    expect(inburg!.locations.map((l) => l.location_id)).toEqual(['zuid-1', 'fries-1']);
    expect(taal!.locations[0]).toBe(register.locationById.get('noord-a'));
    const noordA = register.locationById.get('noord-a')!;
    expect(noordA.routes).toEqual([
      { location_id: 'noord-a', route: 'B1', dayparts: ['ochtend', 'middag'], modality: 'klassikaal' },
      { location_id: 'noord-a', route: 'Z' },
    ]);
    expect(noordA.profiles).toEqual([{ location_id: 'noord-a', profile: 'analfabeet', dayparts: ['ochtend'], modality: 'klassikaal' }]);
    expect(register.locationById.get('noord-b')!.routes).toEqual([]);
    expect(register.locationById.get('noord-b')!.profiles).toEqual([{ location_id: 'noord-b', profile: 'hoog' }]);
    expect(register.locationById.get('zuid-1')!.profiles).toEqual([]);
  });

  it('sorts each holder\'s history oldest first, whatever the row order', () => {
    expect(register.holders[0]!.history).toEqual([
      { holder_id: 'taal-1', status: 'bepaalde_tijd', effective_from: '2019-03-15', note: 'Eerste keurmerk' },
      { holder_id: 'taal-1', status: 'herstelperiode', effective_from: '2022-01-10', note: 'Herstelperiode na audit' },
      { holder_id: 'taal-1', status: 'onbepaalde_tijd', effective_from: '2023-06-01', note: 'Omgezet naar onbepaalde tijd' },
    ]);
    expect(register.holders[1]!.history).toEqual([{ holder_id: 'inburg_2', status: 'bepaalde_tijd', effective_from: '2024-02-29' }]);
  });

  it('holds normalised values: postcodes, routes, booleans, numbers, lists', () => {
    const holder = register.holders[0]!;
    expect(holder).toMatchObject({
      holder_id: 'taal-1',
      name: 'Taalschool Noord',
      trade_name: 'Noord Taal',
      kvk_number: '12345678',
      website: 'https://www.taalnoord.nl/inburgeren',
      email: 'info@taalnoord.nl',
      phone: '050-123 45 67',
      keurmerk_status: 'onbepaalde_tijd',
      status_since: '2023-06-01',
      first_granted: '2019-03-15',
      laws: ['wi2013', 'wi2021'],
      distance_learning: true,
    });
    expect(register.holders[1]!.distance_learning).toBe(false);
    expect(register.locations.map((l) => l.postcode)).toEqual(['9712 CB', '9711 NR', '5611 AC', '8911 BL']);
    expect(register.locations.map((l) => l.wheelchair_accessible)).toEqual([true, false, true, undefined]);
    expect(register.locations.map((l) => [l.latitude, l.longitude])).toEqual([
      [53.2172, 6.5665], [53.215, 6.57], [51.4433, 5.48], [53.2012, 5.7999],
    ]);
    expect(register.locations.flatMap((l) => l.routes.map((r) => r.route))).toEqual(['B1', 'Z', 'B1', 'Z']);
    expect(register.locationById.get('fries-1')!.routes[0]!.dayparts).toEqual(['weekend', 'ochtend']);
    expect(register.locationById.get('fries-1')!.province).toBe('Fryslân');
  });

  it('leaves an empty optional cell out, rather than holding an empty string', () => {
    const inburg = register.holders[1]!;
    for (const key of ['trade_name', 'kvk_number', 'website', 'email', 'phone', 'first_granted']) {
      expect(inburg).not.toHaveProperty(key);
    }
    // The contract says the holder's name stands in for an absent location name; the model
    // keeps the export's own (absent) value so each value traces back to its column.
    expect(register.locationById.get('noord-b')).not.toHaveProperty('name');
    expect(register.locationById.get('noord-b')).not.toHaveProperty('house_number_suffix');
  });

  it('serialises as JSON, without back-references', () => {
    const json = JSON.parse(JSON.stringify({ holders: register.holders }));
    expect(json.holders[0].locations[0].routes[0].route).toBe('B1');
  });

  it('counts what it holds', () => {
    expect(countRegister(register)).toEqual({ holders: 2, locations: 4, routes: 4, profiles: 2, statusEvents: 4, assessments: 0, classroomVisits: 0, courses: 0 });
    expect(result.counts).toEqual({ holders: 2, locations: 4, routes: 4, profiles: 2 });
    expect(summaryLine(result)).toBe('2 holders, 4 locations, 4 routes, 2 profiles, 0 errors, 0 warnings');
  });

  it('comes out the same from the same export, every time', () => {
    expect(registerOf(validExport().validate())).toEqual(register);
  });
});

describe('warnings', () => {
  it('warns about a holder without locations, and still passes', () => {
    const x = validExport();
    const { holder } = withUnreferencedRows(x);
    x.set(LOCATIONS, 4, 'latitude', '51.44').set(LOCATIONS, 4, 'longitude', '5.47');
    const result = x.validate();
    expect(result.ok).toBe(true);
    expect(result.warnings.map(where)).toEqual([{ file: HOLDERS, line: holder + 2, column: 'holder_id', value: 'los-3' }]);
    expect(result.warnings[0]!.severity).toBe('warning');
    expect(result.warnings[0]!.message).toBe('this holder has no locations, so no search result or map marker leads to it');
    expect(registerOf(result).holderById.get('los-3')!.locations).toEqual([]);
  });

  it('warns about a location without coordinates, and still passes', () => {
    const x = validExport().set(LOCATIONS, 1, 'latitude', '').set(LOCATIONS, 1, 'longitude', '');
    const result = x.validate();
    expect(result.ok).toBe(true);
    expect(result.warnings.map(where)).toEqual([{ file: LOCATIONS, line: 3, column: 'location_id', value: 'noord-b' }]);
    expect(result.warnings[0]!.message).toBe('this location has no coordinates, so it is not on the map and not sorted by distance');
  });

  it('reports every kind of warning together, in file order, with ok still true', () => {
    const x = validExport();
    withUnreferencedRows(x);
    x.set(LOCATIONS, 3, 'latitude', '').set(LOCATIONS, 3, 'longitude', '');
    const result = x.validate({ encoding: 'windows-1252' });
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => [w.file, w.line, w.message.slice(0, 32)])).toEqual([
      [HOLDERS, 4, 'this holder has no locations, so'],
      [LOCATIONS, undefined, 'the file is not valid UTF-8 and '],
      [LOCATIONS, 5, 'this location has no coordinates'],
      [LOCATIONS, 6, 'this location has no coordinates'],
    ]);
    expect(summaryLine(result)).toBe('3 holders, 5 locations, 4 routes, 2 profiles, 0 errors, 4 warnings');
    expect(formatProblem(result.warnings[0]!)).toBe(
      'holders.csv:4: holder_id: warning: this holder has no locations, so no search result or map marker leads to it (got "los-3")',
    );
    expect(formatProblem(result.warnings[1]!)).toMatch(/^locations\.csv: warning: the file is not valid UTF-8/);
  });

  it('warns about nothing in a clean export', () => {
    expect(validExport().validate().warnings).toEqual([]);
  });

  it('keeps warnings apart from errors in a failing run', () => {
    const x = validExport().set(PROFILES, 0, 'profile', 'hoger');
    x.set(HISTORY, 0, 'note', 'Omgezet naar onbepaalde tijd – na audit');
    const result = x.validate({ encoding: 'windows-1252' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(where)).toEqual([{ file: PROFILES, line: 2, column: 'profile', value: 'hoger' }]);
    expect(result.warnings.map(where)).toEqual([{ file: LOCATIONS }, { file: HISTORY }]);
    expect(summaryLine(result)).toBe('2 holders, 4 locations, 4 routes, 2 profiles, 1 errors, 2 warnings');
  });
});
