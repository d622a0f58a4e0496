/**
 * The joined register: what every page, the search index, the map and the open data read.
 *
 * Rows keep the contract's column names, so a value can be traced back to the export
 * column it came from, and the open-data CSVs are written from the same objects. The
 * joins are plain arrays and maps (no back-references), so the model serialises as JSON.
 */
import type { CourseRow, HolderRow, LocationRow, ProfileRow, RouteRow, StatusRow } from './schema.ts';

/** A Wi2021 route offered at a location. */
export type RouteOffer = RouteRow;
/** A Wi2013 learner profile offered at a location. */
export type ProfileOffer = ProfileRow;
/** One keurmerk decision about a holder. */
export type StatusEvent = StatusRow;

/** One planned, running or ended course group at a location (a row of courses.csv). */
export type Course = CourseRow;

/** A teaching location (vestiging) with what it offers and its course planning, in export order. */
export interface Location extends LocationRow {
  routes: RouteOffer[];
  profiles: ProfileOffer[];
  courses: Course[];
}

/** A keurmerk holder with its locations and its status history, oldest decision first. */
export interface Holder extends HolderRow {
  locations: Location[];
  history: StatusEvent[];
}

/** The whole validated register. Arrays are in export order; lookups are by identifier. */
export interface Register {
  holders: Holder[];
  locations: Location[];
  holderById: ReadonlyMap<string, Holder>;
  locationById: ReadonlyMap<string, Location>;
  /**
   * Whether the export held courses.csv. Without it the site says the planning is not
   * published, which is not the same as a school with no courses planned.
   */
  coursesPublished: boolean;
}

/** Counts that the validator's summary and the home page both show. */
export interface RegisterCounts {
  holders: number;
  locations: number;
  routes: number;
  profiles: number;
  statusEvents: number;
  courses: number;
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
}): Register {
  const holderById = new Map<string, Holder>();
  const holders = rows.holders.map((row) => {
    const holder: Holder = { ...row, locations: [], history: [] };
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
  for (const holder of holders) holder.history.sort((a, b) => a.effective_from.localeCompare(b.effective_from));
  return { holders, locations, holderById, locationById, coursesPublished: rows.courses !== undefined };
}
