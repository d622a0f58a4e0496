/**
 * Counting and grouping for the region pages (municipality, province, the table of all
 * municipalities). Pure, and built on the facets in `facets.ts`, so a number on a region
 * page is the number a search with the same filters finds, and tests can recompute it.
 *
 * Under the Wet inburgering 2021 a municipality may only buy courses from a holder with a
 * valid keurmerk, so every "can be bought from" count here counts those holders only;
 * suspended and former holders are counted apart and never folded in.
 */
import { holderOf, type Location, type Register } from './model.ts';
import { locationFacets, type LocationFacets } from './facets.ts';
import { coursesOn } from './courses.ts';
import { exportDateOf } from './dates.ts';
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { distanceKm } from './geo.ts';
import { csvDownload, exportColumns, toCsv } from './serialize.ts';
import { OFFER_LAW, PROFILES, ROUTES, holdsValidKeurmerk, statusFamily, type Profile, type Route } from './vocabulary.ts';

/** The counts a region page and the municipality table show for a set of locations. */
export interface RegionCounts {
  /** Every location, whatever its holder's status. */
  locations: number;
  /** Locations of holders with a valid keurmerk: the ones a municipality may buy from. */
  validLocations: number;
  /** Distinct holders with a valid keurmerk that have a location here. */
  validHolders: number;
  /** Valid locations that offer each Wi2021 route. */
  route: Record<Route, number>;
  /** Valid locations that offer each Wi2013 profile. */
  profile: Record<Profile, number>;
  /** Distinct suspended holders (geschorst) with a location here. */
  suspendedHolders: number;
  /** Distinct holders whose keurmerk was withdrawn or ended, with a location here. */
  formerHolders: number;
}

function facetsOf(register: Register, location: Location): LocationFacets {
  return locationFacets(location, holderOf(register, location), exportDateOf(register));
}

/** Whether a municipality may buy from this location: its holder holds a valid keurmerk (the search page's default too). */
export function isBuyable(register: Register, location: Location): boolean {
  return holdsValidKeurmerk(holderOf(register, location).keurmerk_status);
}

/** Counts over any set of locations (a municipality's, a province's, the whole register's). */
export function countLocations(register: Register, locations: readonly Location[]): RegionCounts {
  const counts: RegionCounts = {
    locations: locations.length,
    validLocations: 0,
    validHolders: 0,
    route: Object.fromEntries(ROUTES.map((r) => [r, 0])) as Record<Route, number>,
    profile: Object.fromEntries(PROFILES.map((p) => [p, 0])) as Record<Profile, number>,
    suspendedHolders: 0,
    formerHolders: 0,
  };
  const valid = new Set<string>();
  const suspended = new Set<string>();
  const former = new Set<string>();
  for (const location of locations) {
    const family = statusFamily(holderOf(register, location).keurmerk_status);
    if (isBuyable(register, location)) {
      const facets = facetsOf(register, location);
      counts.validLocations += 1;
      valid.add(location.holder_id);
      for (const r of facets.route) counts.route[r as Route] += 1;
      for (const p of facets.profile) counts.profile[p as Profile] += 1;
    } else if (family === 'suspended') suspended.add(location.holder_id);
    else if (family === 'former') former.add(location.holder_id);
  }
  counts.validHolders = valid.size;
  counts.suspendedHolders = suspended.size;
  counts.formerHolders = former.size;
  return counts;
}

/** Which offer a group on a municipality page lists: a Wi2021 route or the Wi2013 profiles. */
export type OfferGroupKey = Route | typeof OFFER_LAW.profile;
export const OFFER_GROUPS: readonly OfferGroupKey[] = [...ROUTES, OFFER_LAW.profile];

/**
 * A municipality's locations as its purchasers read them: the buyable ones grouped by
 * what they offer (a location teaching B1 and Z is in both groups), buyable ones without
 * any current offer, and, apart, those whose holder is suspended or no longer certified.
 * Input order is kept inside every group, so the page decides the sort.
 */
export interface OfferGroups {
  groups: { key: OfferGroupKey; locations: Location[] }[];
  withoutOffer: Location[];
  notBuyable: Location[];
}

export function groupByOffer(register: Register, locations: readonly Location[]): OfferGroups {
  const byKey = new Map<OfferGroupKey, Location[]>(OFFER_GROUPS.map((k) => [k, []]));
  const withoutOffer: Location[] = [];
  const notBuyable: Location[] = [];
  for (const location of locations) {
    if (!isBuyable(register, location)) {
      notBuyable.push(location);
      continue;
    }
    const facets = facetsOf(register, location);
    for (const r of facets.route) byKey.get(r as Route)!.push(location);
    if (facets.profile.length > 0) byKey.get(OFFER_LAW.profile)!.push(location);
    if (facets.route.length === 0 && facets.profile.length === 0) withoutOffer.push(location);
  }
  return { groups: OFFER_GROUPS.map((key) => ({ key, locations: byKey.get(key)! })), withoutOffer, notBuyable };
}

/** A buyable location near a region, with its distance to the region's nearest location. */
export interface NearbyLocation {
  location: Location;
  distanceKm: number;
}

export interface NearestOptions {
  /** How many to keep per region (default `NEARBY.limit`). */
  limit?: number;
  /** Farther than this from every location of the region is not "near" (default `NEARBY.maxKm`). */
  maxKm?: number;
}

/** "Near" on a municipality page: the ten nearest buyable locations within 25 km. */
export const NEARBY = { limit: 10, maxKm: 25 } as const;

/**
 * For every region key (a municipality code by default), the buyable locations outside it
 * nearest to any of its own located locations: courses are often bought across a border.
 *
 * A region's ten nearest are always among the ten nearest of one of its own locations, so
 * each own location asks a k-d tree (kdbush, queried on the sphere by geokdbush) for its
 * ten nearest outside the region, and the region keeps the best of those. Distances are
 * then `distanceKm`'s, so "near" means the same here as on the search page and the map.
 */
export function nearestOutside(
  register: Register,
  options: NearestOptions = {},
  regionOf: (location: Location) => string = (l) => l.municipality_code,
): Map<string, NearbyLocation[]> {
  const limit = options.limit ?? NEARBY.limit;
  const maxKm = options.maxKm ?? NEARBY.maxKm;
  const located = register.locations.filter((l) => l.latitude !== undefined && l.longitude !== undefined);
  const candidates = located.filter((l) => isBuyable(register, l));
  const result = new Map<string, NearbyLocation[]>();
  if (candidates.length === 0) {
    for (const l of located) result.set(regionOf(l), []);
    return result;
  }
  const index = new KDBush(candidates.length);
  for (const c of candidates) index.add(c.longitude!, c.latitude!);
  index.finish();
  const candidateRegion = candidates.map(regionOf);

  const best = new Map<string, Map<Location, number>>();
  for (const own of located) {
    const region = regionOf(own);
    let nearest = best.get(region);
    if (!nearest) best.set(region, (nearest = new Map()));
    const outside = (id: number) => candidateRegion[id] !== region;
    const from = { lat: own.latitude!, lon: own.longitude! };
    const distanceTo = (id: number) => distanceKm(from, { lat: candidates[id]!.latitude!, lon: candidates[id]!.longitude! });
    let ids = around(index, from.lon, from.lat, limit, maxKm, outside);
    // Ties at the k-th distance are broken by identifier below, so fetch every one of them.
    if (ids.length === limit) ids = around(index, from.lon, from.lat, Infinity, distanceTo(ids.at(-1)!) + 1e-6, outside);
    for (const id of ids) {
      const d = distanceTo(id);
      if (d > maxKm) continue;
      const c = candidates[id]!;
      const known = nearest.get(c);
      if (known === undefined || d < known) nearest.set(c, d);
    }
  }

  for (const [region, nearest] of best) {
    result.set(
      region,
      [...nearest]
        .map(([location, d]) => ({ location, distanceKm: d }))
        .sort((a, b) => a.distanceKm - b.distanceKm || a.location.location_id.localeCompare(b.location.location_id))
        .slice(0, limit),
    );
  }
  return result;
}

/**
 * Columns of a region's download: the contract's `locations.csv` columns first (so it lines
 * up with the national open data), then what a purchaser needs on the same row without a
 * join: the holder, its keurmerk and whether it may be bought from, and the offer.
 */
export const REGION_CSV_COLUMNS = [
  ...exportColumns('locations'),
  'holder_name',
  'keurmerk_status',
  'status_since',
  'valid_keurmerk',
  'routes',
  'profiles',
  'dayparts',
  'modalities',
  'next_start',
  'upcoming_courses',
] as const;

/**
 * A region's locations as one flat CSV for a spreadsheet, through the open data's `toCsv`
 * (RFC 4180, formula cells neutralised). Starts with a byte order mark, because Excel only
 * reads UTF-8 as UTF-8 with one, and Fryslân must not arrive as FryslÃ¢n.
 */
export function regionCsv(register: Register, locations: readonly Location[], exportDate = exportDateOf(register)): string {
  const rows = locations.map((location) => {
    const holder = holderOf(register, location);
    const facets = locationFacets(location, holder, exportDate);
    // Without a published planning both stay empty: "unknown", never 0 courses.
    const upcoming = register.published.courses ? coursesOn(location, exportDate).upcoming : undefined;
    return {
      ...location,
      holder_name: holder.name,
      keurmerk_status: holder.keurmerk_status,
      status_since: holder.status_since,
      valid_keurmerk: holdsValidKeurmerk(holder.keurmerk_status),
      routes: facets.route,
      profiles: facets.profile,
      dayparts: facets.daypart,
      modalities: facets.modality,
      next_start: upcoming?.[0]?.start_date,
      upcoming_courses: upcoming?.length,
    };
  });
  return csvDownload(toCsv(REGION_CSV_COLUMNS, rows));
}
