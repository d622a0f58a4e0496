/**
 * The joined register: what every page, the search index, the map and the open data read.
 *
 * Rows keep the contract's column names, so a value can be traced back to the export
 * column it came from, and the open-data CSVs are written from the same objects. The
 * joins are plain arrays and maps (no back-references), so the model serialises as JSON.
 */
import type { ClassroomVisitRow, CourseRow, HolderRow, LocationRow, ProfileRow, QualityRow, RouteRow, StatusRow } from './schema.ts';
import { PROVINCES, type Province } from './vocabulary.ts';

/** A Wi2021 route offered at a location. */
export type RouteOffer = RouteRow;
/** A Wi2013 learner profile offered at a location. */
export type ProfileOffer = ProfileRow;
/** One keurmerk decision about a holder. */
export type StatusEvent = StatusRow;

/** One measurement year's quality assessment of a holder (quality.csv). */
export type Assessment = QualityRow;
/** One Toezicht in de Klas visit (classroom_visits.csv). */
export type ClassroomVisit = ClassroomVisitRow;

/** One planned, running or ended course group at a location (a row of courses.csv). */
export type Course = CourseRow;

/** A teaching location (vestiging) with what it offers and its course planning, in export order. */
export interface Location extends LocationRow {
  routes: RouteOffer[];
  profiles: ProfileOffer[];
  courses: Course[];
}

/**
 * A keurmerk holder with its locations, its status history (oldest decision first), its
 * quality assessments (oldest measurement year first) and its classroom visits (oldest first).
 * An empty `quality` means no assessment is published for this holder; whether that is because
 * the export had no quality.csv at all is `Register.published.quality`.
 */
export interface Holder extends HolderRow {
  locations: Location[];
  history: StatusEvent[];
  quality: Assessment[];
  visits: ClassroomVisit[];
}

/** The whole validated register. Arrays are in export order; lookups are by identifier. */
export interface Register {
  holders: Holder[];
  locations: Location[];
  holderById: ReadonlyMap<string, Holder>;
  locationById: ReadonlyMap<string, Location>;
  /**
   * Which optional files of contract version 2 the export held. A page tells "this export
   * publishes no assessments" (file absent) apart from "this school has none" (no rows), and
   * "the course planning is not published" apart from "no course planned".
   */
  published: { quality: boolean; classroomVisits: boolean; courses: boolean };
}

/** Counts that the validator's summary and the home page both show. */
export interface RegisterCounts {
  holders: number;
  locations: number;
  routes: number;
  profiles: number;
  statusEvents: number;
  courses: number;
  assessments: number;
  classroomVisits: number;
}

export function countRegister(register: Register): RegisterCounts {
  let routes = 0;
  let profiles = 0;
  let courses = 0;
  for (const location of register.locations) {
    routes += location.routes.length;
    profiles += location.profiles.length;
    courses += location.courses.length;
  }
  return {
    holders: register.holders.length,
    locations: register.locations.length,
    routes,
    profiles,
    statusEvents: register.holders.reduce((n, h) => n + h.history.length, 0),
    courses,
    assessments: register.holders.reduce((n, h) => n + h.quality.length, 0),
    classroomVisits: register.holders.reduce((n, h) => n + h.visits.length, 0),
  };
}

/** Builds the joined register from rows that have already passed every check. */
export function joinRegister(rows: {
  holders: HolderRow[];
  locations: LocationRow[];
  routes: RouteRow[];
  profiles: ProfileRow[];
  statusHistory: StatusRow[];
  /** courses.csv is optional: a version-1 export has none. */
  courses?: CourseRow[];
  /** Absent when the export has no quality.csv; an empty array when it has one without rows. */
  quality?: QualityRow[];
  /** Absent when the export has no classroom_visits.csv. */
  classroomVisits?: ClassroomVisitRow[];
}): Register {
  const holderById = new Map<string, Holder>();
  const holders = rows.holders.map((row) => {
    const holder: Holder = { ...row, locations: [], history: [], quality: [], visits: [] };
    holderById.set(holder.holder_id, holder);
    return holder;
  });
  const locationById = new Map<string, Location>();
  const locations = rows.locations.map((row) => {
    const location: Location = { ...row, routes: [], profiles: [], courses: [] };
    locationById.set(location.location_id, location);
    holderById.get(location.holder_id)!.locations.push(location);
    return location;
  });
  for (const route of rows.routes) locationById.get(route.location_id)!.routes.push(route);
  for (const profile of rows.profiles) locationById.get(profile.location_id)!.profiles.push(profile);
  for (const course of rows.courses ?? []) locationById.get(course.location_id)!.courses.push(course);
  for (const event of rows.statusHistory) holderById.get(event.holder_id)!.history.push(event);
  for (const assessment of rows.quality ?? []) holderById.get(assessment.holder_id)!.quality.push(assessment);
  for (const visit of rows.classroomVisits ?? []) holderById.get(visit.holder_id)!.visits.push(visit);
  for (const holder of holders) {
    holder.history.sort((a, b) => a.effective_from.localeCompare(b.effective_from));
    holder.quality.sort((a, b) => a.measurement_year - b.measurement_year);
    holder.visits.sort((a, b) => a.visit_date.localeCompare(b.visit_date));
  }
  const published = { quality: rows.quality !== undefined, classroomVisits: rows.classroomVisits !== undefined, courses: rows.courses !== undefined };
  return { holders, locations, holderById, locationById, published };
}

/** The holder of a location: every page, download and marker that shows a location names its holder. */
export function holderOf(register: Register, location: Location): Holder {
  return register.holderById.get(location.holder_id)!;
}

/** A location's display name: its own name or, when the export leaves it empty, its holder's. */
export function locationName(location: Location, holder: Holder): string {
  return location.name ?? holder.name;
}

/** Street, number and suffix as written on an envelope: `Dorpsstraat 12 A`. */
export function streetLine(location: Pick<Location, 'street' | 'house_number' | 'house_number_suffix'>): string {
  const suffix = location.house_number_suffix;
  return `${location.street} ${location.house_number}${suffix ? (/^\d/.test(suffix) ? `-${suffix}` : ` ${suffix}`) : ''}`;
}

/** Alphabetical order in Dutch, ignoring case and accents ("Émile" sorts with "E"). */
export const byName = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** What the one location order reads of a location: display name, place, street line, identifier. */
export interface LocationOrderKey {
  name: string;
  city: string;
  street: string;
  id: string;
}

/**
 * The one order of every list of locations the site shows (a municipality's groups and its
 * embeddable list, a holder's locations, a location's sister locations, the search records,
 * the list beside the map): alphabetical by display name, then place, then street and number,
 * then identifier. One order, so two lists of the same locations never disagree, and ties
 * never fall to the export's row order, which changes from one export to the next. The map's
 * markers carry these four fields, so its worker sorts with this comparator too.
 */
export function compareLocations(a: LocationOrderKey, b: LocationOrderKey): number {
  return byName.compare(a.name, b.name) || byName.compare(a.city, b.city) || byName.compare(a.street, b.street) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Locations of the register in the one location order (`compareLocations`). */
export function inLocationOrder(register: Register, locations: readonly Location[]): Location[] {
  return locations
    .map((location) => ({ location, name: locationName(location, holderOf(register, location)), city: location.city, street: streetLine(location), id: location.location_id }))
    .sort(compareLocations)
    .map(({ location }) => location);
}

/** A municipality as it occurs in the register, with its locations. */
export interface Municipality {
  code: string;
  name: string;
  province: Province;
  locations: Location[];
}

const municipalityCache = new WeakMap<Register, Municipality[]>();

/** Every municipality in the register, sorted by name; computed once per register. */
export function municipalities(register: Register): Municipality[] {
  let list = municipalityCache.get(register);
  if (list) return list;
  const byCode = new Map<string, Municipality>();
  for (const location of register.locations) {
    let m = byCode.get(location.municipality_code);
    if (!m) {
      m = { code: location.municipality_code, name: location.municipality_name, province: location.province, locations: [] };
      byCode.set(m.code, m);
    }
    m.locations.push(location);
  }
  list = [...byCode.values()].sort((a, b) => byName.compare(a.name, b.name));
  municipalityCache.set(register, list);
  return list;
}

/** Provinces that occur in the register, in the contract's (north to south) order. */
export function provincesInRegister(register: Register): Province[] {
  const present = new Set(register.locations.map((l) => l.province));
  return PROVINCES.filter((p) => present.has(p));
}
