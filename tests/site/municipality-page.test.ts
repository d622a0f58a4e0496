/**
 * The municipality page's view model: what goes in which group, in which order, which
 * courses start where, and how far the nearest route is, checked on the sample and on a
 * generated register without building a site. The page itself only renders these values.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import nl from '../../src/i18n/dictionaries/nl.ts';
import {
  OFFERS,
  ROUTES,
  coursesOn,
  exportDateOf,
  isBuyable,
  nearestOutside,
  NEARBY,
  type Location,
  type Register,
} from '../../src/register/index.ts';
import { holderOf, inLocationOrder, locationName } from '../../src/register/model.ts';
import { buildFigures } from '../../src/site/figures.ts';
import { municipalityPage } from '../../src/site/municipality-page.ts';
import { regionFigures } from '../../src/site/regions.ts';
import { generatedRegister, loadRegister } from '../support/register.ts';

const sample = loadRegister(fileURLToPath(new URL('../../data/', import.meta.url)));
const registers: [string, Register][] = [
  ['the sample', sample],
  ['a generated register (seed 11)', generatedRegister({ holders: 60, locations: 250, seed: 11 })],
];
const ids = (locations: readonly Location[]) => locations.map((l) => l.location_id);

describe.each(registers)('the municipality page of every municipality in %s', (_, register) => {
  const exportDate = exportDateOf(register);
  const pages = regionFigures(register).municipalities.map((item) => ({ item, page: municipalityPage(register, item, exportDate) }));

  it('groups the buyable locations by route, then the Wi2013 profiles, each list in the one location order', () => {
    for (const { item, page } of pages) {
      const code = item.municipality.code;
      expect(page.sections.map((s) => s.id), code).toEqual([...ROUTES.map((r) => `route-${r}`), 'wi2013']);
      for (const s of page.sections) {
        // Every heading and explanation is a real dictionary key, so no page shows a raw key.
        expect(nl[s.heading], `${code} ${s.id}`).toBeTypeOf('string');
        expect(nl[s.meaning], `${code} ${s.id}`).toBeTypeOf('string');
        const listed = s.rows.map((r) => r.location);
        expect(ids(listed), `${code} ${s.id}`).toEqual(ids(inLocationOrder(register, listed)));
        for (const row of s.rows) {
          expect(isBuyable(register, row.location), `${code} ${s.id}`).toBe(true);
          expect(row.holder).toBe(holderOf(register, row.location));
          // A row shows only the offer of its group: a B1 row does not list the location's Z-route.
          if (s.id === 'wi2013') {
            expect(row.offer!.routes).toEqual([]);
            expect(row.offer!.profiles).toEqual(row.location.profiles);
            expect(row.offer!.profiles.length).toBeGreaterThan(0);
          } else {
            expect(row.offer!.profiles).toEqual([]);
            expect(row.offer!.routes.map((r) => `route-${r.route}`)).toEqual([s.id]);
          }
        }
      }
      for (const rows of [page.withoutOffer, page.notBuyable]) {
        expect(ids(rows.map((r) => r.location))).toEqual(ids(inLocationOrder(register, rows.map((r) => r.location))));
      }
      expect(page.notBuyable.every((r) => !isBuyable(register, r.location)), code).toBe(true);
      // Every location of the municipality is somewhere on its page.
      const shown = new Set([...page.sections.flatMap((s) => s.rows), ...page.withoutOffer, ...page.notBuyable].map((r) => r.location));
      expect(shown.size, code).toBe(item.municipality.locations.length);
    }
  });

  it('lists upcoming courses per offer and month, counting every course and naming each location once', () => {
    for (const { item, page } of pages) {
      const buyable = item.municipality.locations.filter((l) => isBuyable(register, l));
      const courses = buyable.flatMap((l) => coursesOn(l, exportDate).upcoming.map((course) => ({ course, location: l })));
      expect(page.upcoming.reduce((n, o) => n + o.months.reduce((m, month) => m + month.count, 0), 0), item.municipality.code).toBe(courses.length);
      expect(page.upcoming.map((o) => o.offer)).toEqual(OFFERS.filter((o) => courses.some((c) => c.course.offer === o)));
      for (const { offer, months } of page.upcoming) {
        expect(months.map((m) => m.month)).toEqual([...months.map((m) => m.month)].sort());
        for (const month of months) {
          const here = courses.filter((c) => c.course.offer === offer && c.course.start_date.startsWith(month.month));
          expect(month.count).toBe(here.length);
          const listed = month.locations.map((n) => n.location);
          expect(new Set(listed).size, `${offer} ${month.month}`).toBe(listed.length);
          expect(ids(listed)).toEqual(ids(inLocationOrder(register, [...new Set(here.map((c) => c.location))])));
          for (const n of month.locations) expect(n.name).toBe(locationName(n.location, holderOf(register, n.location)));
        }
      }
      const planned = item.municipality.locations.some((l) => coursesOn(l, exportDate).upcoming.length > 0);
      expect(page.hasPlannedCourses).toBe(planned);
    }
  });

  it('says "near" only when it knows where the locations are, and lists the nearest across the border', () => {
    const nearest = nearestOutside(register, NEARBY);
    for (const { item, page } of pages) {
      const located = item.municipality.locations.some((l) => l.latitude !== undefined && l.longitude !== undefined);
      if (!located) {
        expect(page.nearby, item.municipality.code).toBeUndefined();
        continue;
      }
      expect(page.nearby!.map((r) => r.location.location_id)).toEqual((nearest.get(item.municipality.code) ?? []).map((n) => n.location.location_id));
      for (const row of page.nearby!) expect(row.distanceKm).toBeLessThanOrEqual(NEARBY.maxKm);
    }
  });

  it('shows the same kilometres to the nearest B1-route and Z-route as the figures page and its CSV', () => {
    const table = buildFigures(register, exportDate).find((f) => f.id === 'afstand-tot-aanbod')!;
    for (const { item, page } of pages) {
      const row = table.rows.find((r) => r.code === item.municipality.code)!;
      if (!page.coverage) {
        expect(row.km_B1, item.municipality.code).toBeUndefined();
        expect(row.km_Z, item.municipality.code).toBeUndefined();
        continue;
      }
      expect(page.coverage.map((c) => c.route)).toEqual([...ROUTES]);
      for (const c of page.coverage) {
        expect(c.km, `${item.municipality.code} ${c.route}`).toBe(row[`km_${c.route}`]);
        if (c.km !== undefined) expect(Math.round(c.km * 10)).toBe(c.km * 10);
        if (c.nearest) expect(isBuyable(register, c.nearest.location)).toBe(true);
      }
    }
  });
});

describe('the one location order', () => {
  const base = sample.locations.find((l) => isBuyable(sample, l))!;
  const at = (id: string, fields: Partial<Location>): Location => ({ ...base, location_id: id, ...fields });

  it('sorts by name (case and accents aside), then place, then street and number, then identifier', () => {
    const locations = [
      at('V-6', { name: 'Taalhuis', city: 'Utrecht', street: 'Dorpsstraat', house_number: '1' }),
      at('V-5', { name: 'taalhuis', city: 'Amersfoort', street: 'Zuidstraat', house_number: '1' }),
      at('V-4', { name: 'Taalhuis', city: 'Amersfoort', street: 'Dorpsstraat', house_number: '12' }),
      at('V-3', { name: 'Taalhuis', city: 'Amersfoort', street: 'Dorpsstraat', house_number: '2' }),
      at('V-2', { name: 'Taalhuis', city: 'Amersfoort', street: 'Dorpsstraat', house_number: '2' }),
      at('V-1', { name: 'Ésperanto Taal', city: 'Zwolle', street: 'Markt', house_number: '1' }),
    ];
    expect(ids(inLocationOrder(sample, locations))).toEqual(['V-1', 'V-2', 'V-3', 'V-4', 'V-5', 'V-6']);
    // The input order does not matter: the same locations in any order give the same list.
    expect(ids(inLocationOrder(sample, [...locations].reverse()))).toEqual(['V-1', 'V-2', 'V-3', 'V-4', 'V-5', 'V-6']);
  });

  it('names a location without a name of its own by its holder, and sorts it under that name', () => {
    const holder = holderOf(sample, base);
    const unnamed = at('V-9', { name: undefined });
    const before = at('V-8', { name: `${holder.name.slice(0, 1)}` });
    expect(ids(inLocationOrder(sample, [unnamed, before]))).toEqual(['V-8', 'V-9']);
  });
});
