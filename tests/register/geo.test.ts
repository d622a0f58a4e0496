/**
 * "Near": distances, folding place names, reading what a visitor typed, and the offline
 * place index built from the register's own postcodes and places.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildPlaceIndex, distanceKm, normalisePlaceName, parsePlaceQuery, resolvePlace } from '../../src/register/geo.ts';
import { joinRegister } from '../../src/register/model.ts';

describe('distanceKm', () => {
  const dam = { lat: 52.3731, lon: 4.8926 };
  const dom = { lat: 52.0907, lon: 5.1214 };

  it('measures Amsterdam (Dam) to Utrecht (Dom) at about 35 km', () => {
    expect(distanceKm(dam, dom)).toBeCloseTo(35.0, 0);
  });

  it('is zero to itself and the same both ways', () => {
    fc.assert(
      fc.property(fc.double({ min: 50.7, max: 53.7, noNaN: true }), fc.double({ min: 3.2, max: 7.3, noNaN: true }), (lat, lon) => {
        expect(distanceKm({ lat, lon }, { lat, lon })).toBe(0);
        expect(distanceKm({ lat, lon }, dom)).toBeCloseTo(distanceKm(dom, { lat, lon }), 9);
      }),
    );
  });
});

describe('place queries', () => {
  it('folds case, accents, punctuation and spacing', () => {
    expect(normalisePlaceName('Den Haag')).toBe(normalisePlaceName('den-haag'));
    expect(normalisePlaceName('  DEN   HAAG ')).toBe('den haag');
    expect(normalisePlaceName('Fryslân')).toBe(normalisePlaceName('Fryslan'));
    expect(normalisePlaceName("'s-Hertogenbosch")).toBe('s hertogenbosch');
  });

  it('reads a postcode with or without letters and space as its four-digit area', () => {
    for (const input of ['3511 AB', '3511ab', '3511', ' 3511 ab ']) expect(parsePlaceQuery(input)).toEqual({ kind: 'postcode', area: '3511' });
  });

  it('reads a postcode typed on an Arabic, Persian or full-width keyboard as the same area', () => {
    for (const input of ['٣٥١١ AB', '۳۵۱۱', '۳۵۱۱ab', '３５１１ＡＢ', '３５１１　ａｂ']) expect(parsePlaceQuery(input)).toEqual({ kind: 'postcode', area: '3511' });
  });

  it('reads anything else as a place name, and nothing as nothing', () => {
    expect(parsePlaceQuery('Utrecht')).toEqual({ kind: 'name', folded: 'utrecht' });
    expect(parsePlaceQuery('0123 AB')).toEqual({ kind: 'name', folded: '0123 ab' });
    expect(parsePlaceQuery('   ')).toBeUndefined();
  });
});

describe('buildPlaceIndex and resolvePlace', () => {
  const at = (id: string, postcode: string, city: string, municipality: string, lat?: number, lon?: number) => ({
    location_id: id,
    holder_id: 'H',
    street: 'Straat',
    house_number: '1',
    postcode,
    city,
    municipality_code: 'GM0001',
    municipality_name: municipality,
    province: 'Utrecht',
    latitude: lat,
    longitude: lon,
  });
  const register = joinRegister({
    holders: [{ holder_id: 'H', name: 'H', keurmerk_status: 'bepaalde_tijd', status_since: '2024-01-01', laws: ['wi2021'] }] as never,
    locations: [
      at('a', '3511 AB', 'Utrecht', 'Utrecht', 52.1, 5.1),
      at('b', '3511 CD', 'Utrecht', 'Utrecht', 52.2, 5.2),
      at('c', '3451 AA', 'Vleuten', 'Utrecht', 52.0, 5.0),
      at('d', '9999 ZZ', 'Nergens', 'Nergens', undefined, undefined),
    ] as never,
    routes: [],
    profiles: [],
    statusHistory: [],
  });
  const index = buildPlaceIndex(register);

  it('puts each postcode area and place at the centroid of its located locations', () => {
    expect(index.postcodes['3511']).toEqual([52.15, 5.15]);
    expect(index.places.vleuten).toEqual(['Vleuten', 52, 5]);
    // The municipality "Utrecht" and the city "Utrecht" are one place: all three locations.
    expect(index.places.utrecht).toEqual(['Utrecht', 52.1, 5.1]);
  });

  it('leaves out locations without coordinates', () => {
    expect(index.postcodes['9999']).toBeUndefined();
    expect(index.places.nergens).toBeUndefined();
  });

  it('resolves postcodes and names, and says nothing for what it does not know', () => {
    expect(resolvePlace(index, '3511 XY')).toEqual({ lat: 52.15, lon: 5.15, label: '3511' });
    expect(resolvePlace(index, 'VLEUTEN')).toEqual({ lat: 52, lon: 5, label: 'Vleuten' });
    expect(resolvePlace(index, 'Amsterdam')).toBeUndefined();
    expect(resolvePlace(index, '1012')).toBeUndefined();
    expect(resolvePlace(index, '')).toBeUndefined();
  });
});
