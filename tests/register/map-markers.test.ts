/**
 * The map's marker file reads back to exactly what the register says: every located
 * location once, with the facets `locationFacets` gives it, so the map filters the same
 * locations as search and the region pages.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

import { decodeMapMarkers, encodeMapMarkers } from '../../src/register/map-markers.ts';
import { exportDateOf, filterLocations, locationFacets, matchesSelection, nextStart, type Register } from '../../src/register/index.ts';
import { compareLocations, inLocationOrder, locationName, streetLine } from '../../src/register/model.ts';
import { generatedRegister, loadRegister } from '../support/register.ts';
import { ROOT } from '../support/site.ts';

const generated = (scale: number): Register => generatedRegister({ scale });

describe.each([
  ['the sample', () => loadRegister(resolve(ROOT, 'data'))],
  ['a generated register at scale 1', () => generated(1)],
])('map markers of %s', (_, load) => {
  const register = load();
  const data = JSON.parse(JSON.stringify(encodeMapMarkers(register)));
  const markers = decodeMapMarkers(data);
  const located = register.locations.filter((l) => l.latitude !== undefined);

  it('hold every located location once, and no other', () => {
    expect(markers.map((m) => m.id).sort()).toEqual(located.map((l) => l.location_id).sort());
  });

  it('sort into the same order as every other list of locations (the list beside the map)', () => {
    expect([...markers].sort(compareLocations).map((m) => m.id)).toEqual(inLocationOrder(register, located).map((l) => l.location_id));
  });

  it('read back to the register\'s names, addresses, statuses, positions and facets', () => {
    for (const marker of markers) {
      const location = register.locationById.get(marker.id)!;
      const holder = register.holderById.get(location.holder_id)!;
      expect(marker).toMatchObject({
        name: locationName(location, holder),
        holderId: holder.holder_id,
        holderName: holder.name,
        street: streetLine(location),
        postcode: location.postcode,
        city: location.city,
        municipalityCode: location.municipality_code,
        municipalityName: location.municipality_name,
        status: holder.keurmerk_status,
        province: location.province,
      });
      expect(marker.lat).toBeCloseTo(location.latitude!, 5);
      expect(marker.lon).toBeCloseTo(location.longitude!, 5);
      expect(marker.facets).toEqual(locationFacets(location, holder, exportDateOf(register)));
      expect(marker.nextStart).toBe(nextStart(location, exportDateOf(register)));
    }
  });

  it('filter to the same locations as the register does', () => {
    const selections = [{}, { route: ['Z'] }, { status: ['geschorst', 'ingetrokken'], daypart: ['avond'] }, { law: ['wi2013'], modality: ['afstand', 'blended'] }];
    for (const selection of selections) {
      const expected = filterLocations(register, selection).filter((l) => l.latitude !== undefined).map((l) => l.location_id);
      expect(markers.filter((m) => matchesSelection(m.facets, selection)).map((m) => m.id).sort()).toEqual(expected.sort());
    }
  });
});
