/**
 * The search index's records, before Pagefind sees them: one per location, in the one index
 * every language reads, with the location's own facets as filters, the metadata the result
 * cards need, and an order that the coordinate file follows row for row.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCoordinates } from '../../src/register/coordinates.ts';
import { DEFAULT_STATUS_SELECTION, FILTER_KEYS, facetCounts } from '../../src/register/facets.ts';
import { byName } from '../../src/register/model.ts';
import { SEARCH_ORDER_KEY, searchCoordinates, searchRecords } from '../../src/site/search-records.ts';
import { otherPlaceNames } from '../../src/register/place-aliases.ts';
import { foldSearchText } from '../../src/register/search-text.ts';
import { loadRegister } from '../support/register.ts';
import { ROOT } from '../support/site.ts';

for (const [name, dir] of [['sample', 'data'], ['hostile fixture', 'tests/fixtures/hostile']] as const) {
  describe(`search records of the ${name}`, () => {
    const register = loadRegister(resolve(ROOT, dir));
    const nl = searchRecords(register);

    it('one Dutch record per location, linking to its Dutch page (the search page links to the visitor\'s own)', () => {
      expect(nl).toHaveLength(register.locations.length);
      expect(new Set(nl.map((r) => r.url))).toEqual(new Set(register.locations.map((l) => `/nl/vestiging/${l.location_id}/`)));
      for (const r of nl) expect(r.language).toBe('nl');
    });

    it('counting the records\' filters gives the register\'s own facet counts', () => {
      const counts = Object.fromEntries(FILTER_KEYS.map((k) => [k, {} as Record<string, number>]));
      for (const record of nl) for (const [key, values] of Object.entries(record.filters!)) for (const v of values) counts[key]![v] = (counts[key]![v] ?? 0) + 1;
      expect(counts).toEqual(facetCounts(register));
      const valid = nl.filter((r) => DEFAULT_STATUS_SELECTION.includes(r.filters!.status![0]!)).length;
      expect(valid).toBe(Object.values(facetCounts(register, { status: DEFAULT_STATUS_SELECTION }).status).reduce((a, b) => a + b, 0));
    });

    it('holds what a visitor may type, folded as the page folds the query: names, street, places and their everyday names, postcode with and without its space, KvK number and ids', () => {
      for (const location of register.locations) {
        const record = nl.find((r) => r.url === `/nl/vestiging/${location.location_id}/`)!;
        const holder = register.holderById.get(location.holder_id)!;
        const parts = [
          location.name ?? holder.name, holder.name, holder.trade_name, location.street, location.city, location.municipality_name, location.province,
          ...otherPlaceNames(location.city), ...otherPlaceNames(location.province),
          location.postcode, location.postcode.replace(' ', ''), holder.kvk_number, holder.holder_id, location.location_id,
        ];
        for (const part of parts) if (part) expect(record.content).toContain(foldSearchText(part));
        expect(record.content).toBe(foldSearchText(record.content));
        expect(record.meta).toMatchObject({ title: location.name ?? holder.name, holder: holder.name, postcode: location.postcode, city: location.city, status: holder.keurmerk_status });
        if (location.latitude !== undefined) expect(record.meta).toMatchObject({ lat: String(location.latitude), lon: String(location.longitude) });
        else expect(record.meta!.lat).toBeUndefined();
      }
    });

    it('is in alphabetical order, numbered by the order key, and the coordinate file follows it row for row', () => {
      const titles = nl.map((r) => r.meta!.title!);
      expect(titles).toEqual([...titles].sort(byName.compare));
      expect(nl.map((r) => Number(r.sort![SEARCH_ORDER_KEY]))).toEqual(nl.map((_, i) => i));
      const points = decodeCoordinates(searchCoordinates(register));
      expect(points).toHaveLength(nl.length);
      nl.forEach((record, i) => {
        if (record.meta!.lat === undefined) return expect(points[i]).toBeUndefined();
        expect(points[i]!.lat).toBeCloseTo(Number(record.meta!.lat), 5);
        expect(points[i]!.lon).toBeCloseTo(Number(record.meta!.lon), 5);
      });
    });
  });
}
