/**
 * Filter facets of a location: the values search filters, map filters, region counts and
 * tests all agree on. A facet holds for the location itself, never for its holder's other
 * locations, so "Z-route in Limburg" only matches a location in Limburg that teaches Z.
 */
import type { Holder, Location, Register } from './model.ts';
import { latestRating } from './quality.ts';
import { START_VALUES, startsSoon } from './courses.ts';
import { exportDateOf } from './dates.ts';
import {
  DAYPARTS,
  LAWS,
  MODALITIES,
  PROFILES,
  PROVINCES,
  ROUTES,
  OFFER_LAW,
  STATUSES,
  VALID_STATUSES,
  ratingStars,
  type Rating,
  type Daypart,
  type Modality,
} from './vocabulary.ts';

/** Filter keys, identical in every language, in URLs (`?route=Z`) and in the search index. */
export const FILTER_KEYS = ['route', 'profile', 'law', 'status', 'province', 'municipality', 'daypart', 'modality', 'start', 'rating'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/**
 * The `rating` filter's values as the interface offers them: "4 stars", "at least 3", "at
 * least 2", "at least 1", and aspirant. A location with three stars carries 1, 2 and 3, so
 * choosing "at least 2" is Pagefind's plain any-of match, and its count is "at least 2".
 */
export const RATING_FILTER_VALUES = ['4', '3', '2', '1', 'aspirant'] as const;

/** The rating facet of a holder's latest rating: every "at least N" it meets, or aspirant; none when unrated. */
export function ratingFacet(rating: Rating | undefined): string[] {
  if (rating === undefined) return [];
  const stars = ratingStars(rating);
  return stars === undefined ? ['aspirant'] : RATING_FILTER_VALUES.filter((v) => v !== 'aspirant' && Number(v) <= stars);
}

/** Known code values per key; municipality codes are open-ended (any `GMxxxx` in the export). */
export const FILTER_VALUES: Record<Exclude<FilterKey, 'municipality'>, readonly string[]> = {
  route: ROUTES,
  profile: PROFILES,
  law: LAWS,
  status: STATUSES,
  province: PROVINCES,
  daypart: DAYPARTS,
  modality: MODALITIES,
  rating: RATING_FILTER_VALUES,
  start: START_VALUES,
};

export type LocationFacets = Record<FilterKey, string[]>;

/**
 * Facet values of one location. Laws are the holder's, narrowed to what the location
 * actually offers when it offers something (a wi2013|wi2021 holder whose location only
 * teaches B1 is a wi2021 location). Dayparts and modalities are the union over offers.
 * `start` is `soon` when a course starts within three months of the export date, which is
 * why the date is asked for: "soon" is never counted from the visitor's clock.
 */
export function locationFacets(location: Location, holder: Holder, exportDate: string): LocationFacets {
  const offers = [...location.routes, ...location.profiles];
  const laws = new Set<string>();
  if (location.routes.length > 0) laws.add(OFFER_LAW.route);
  if (location.profiles.length > 0) laws.add(OFFER_LAW.profile);
  const dayparts = new Set<Daypart>(offers.flatMap((o) => o.dayparts ?? []));
  const modalities = new Set<Modality>(offers.flatMap((o) => (o.modality ? [o.modality] : [])));
  return {
    route: ROUTES.filter((r) => location.routes.some((o) => o.route === r)),
    profile: PROFILES.filter((p) => location.profiles.some((o) => o.profile === p)),
    law: LAWS.filter((l) => (laws.size > 0 ? laws.has(l) : holder.laws.includes(l))),
    status: [holder.keurmerk_status],
    province: [location.province],
    municipality: [location.municipality_code],
    daypart: DAYPARTS.filter((d) => dayparts.has(d)),
    modality: MODALITIES.filter((m) => modalities.has(m)),
    // The holder's latest rating: the keurmerk assesses the organisation, not the location.
    rating: ratingFacet(latestRating(holder)),
    start: startsSoon(location, exportDate) ? ['soon'] : [],
  };
}

/** Selected filter values per key; an empty or absent key does not filter. */
export type FilterSelection = Partial<Record<FilterKey, readonly string[]>>;

/**
 * Whether facets match a selection: any of the values within one key (OR), every key
 * (AND). This is Pagefind's own semantics for `{ key: { any: [...] } }` filters, so the
 * map, the search page and the tests count the same locations.
 */
export function matchesSelection(facets: LocationFacets, selection: FilterSelection): boolean {
  return FILTER_KEYS.every((key) => {
    const wanted = selection[key];
    return !wanted || wanted.length === 0 || wanted.some((v) => facets[key].includes(v));
  });
}

/**
 * The statuses shown when a visitor has not chosen any: only holders with a valid
 * keurmerk. Suspended and former holders appear when the visitor asks for them.
 */
export const DEFAULT_STATUS_SELECTION: readonly string[] = VALID_STATUSES;

/** Locations of a register that match a selection (on the contract's export date unless another is given). */
export function filterLocations(register: Register, selection: FilterSelection, exportDate = exportDateOf(register)): Location[] {
  return register.locations.filter((location) =>
    matchesSelection(locationFacets(location, register.holderById.get(location.holder_id)!, exportDate), selection),
  );
}

/**
 * Count of locations per value of every key, over the facets that match a selection. Apart
 * from `facetCounts` because the map counts its decoded markers, which have facets but no
 * register behind them, and must count them exactly as the build does.
 */
export function countFacets(all: Iterable<LocationFacets>, selection: FilterSelection = {}): Record<FilterKey, Record<string, number>> {
  const counts = Object.fromEntries(FILTER_KEYS.map((k) => [k, {} as Record<string, number>])) as Record<FilterKey, Record<string, number>>;
  for (const facets of all) {
    if (!matchesSelection(facets, selection)) continue;
    for (const key of FILTER_KEYS) for (const value of facets[key]) counts[key][value] = (counts[key][value] ?? 0) + 1;
  }
  return counts;
}

/** Count of locations per value of every key, over the locations matching a selection. */
export function facetCounts(register: Register, selection: FilterSelection = {}, exportDate = exportDateOf(register)): Record<FilterKey, Record<string, number>> {
  return countFacets(
    register.locations.map((location) => locationFacets(location, register.holderById.get(location.holder_id)!, exportDate)),
    selection,
  );
}
