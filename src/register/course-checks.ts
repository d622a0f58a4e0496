/**
 * The cross-row rules of courses.csv: the location exists and teaches the course's offer,
 * the course ends after it starts, places left never exceed the group, and no course is
 * planned twice. Apart from validate.ts so the course rules can be read (and tested) as
 * one list, the way the contract states them.
 */
import { isRoute } from './courses.ts';
import { EXPORT_FILES, type LocationRow } from './schema.ts';
import { NOT_FOUND, dangling, type CheckedRow, type Tables } from './file-check.ts';

/** Reports one problem in courses.csv at a row; the validator adds the file and line. */
export type CourseProblem = (at: CheckedRow<unknown>, column: string, message: string, value?: string) => void;

/** The key that makes a course one course: location, offer, start date and dayparts (as a set). */
function courseKey(row: { location_id: string; offer: string; start_date: string; dayparts?: readonly string[] }): string {
  return [row.location_id, row.offer, row.start_date, [...(row.dayparts ?? [])].sort().join('|')].join('\u0000');
}

/**
 * Checks every course row whose cells passed. `locationById` holds the readable locations,
 * first row per identifier. Only cells that passed their own rule are compared, so one bad
 * value is reported once.
 */
export function checkCourses(t: Tables, locationById: ReadonlyMap<string, CheckedRow<LocationRow>>, report: CourseProblem): void {
  // What each location teaches, from routes.csv and profiles.csv. An offer row that is itself
  // broken (a bad code, or a location_id that is bad or points nowhere) makes the check unsure
  // for its location, or, when its location cannot be told, for every course of that kind:
  // its problem is reported where it is, once.
  const taught = new Set<string>();
  const unsure = new Set<string>();
  const unsureKind = { route: !t.routes.readable, profile: !t.profiles.readable };
  const learn = (kind: 'route' | 'profile', at: CheckedRow<{ location_id: string }>, code: string | undefined) => {
    const id = at.row.location_id;
    if (id === undefined || !locationById.has(id)) {
      const written = at.cell('location_id');
      if (written !== undefined && locationById.has(written)) unsure.add(written);
      else unsureKind[kind] = true;
    } else if (code === undefined) unsure.add(id);
    else taught.add(`${id}\u0000${code}`);
  };
  for (const r of t.routes.rows) learn('route', r as CheckedRow<{ location_id: string }>, r.row.route);
  for (const p of t.profiles.rows) learn('profile', p as CheckedRow<{ location_id: string }>, p.row.profile);

  const firstLine = new Map<string, number>();
  for (const c of t.courses.rows) {
    const { location_id: id, offer, start_date: start, end_date: end, max_group_size: group, places_left: left } = c.row;
    if (dangling(t.locations, locationById, id, EXPORT_FILES.courses.name)) {
      report(c, 'location_id', NOT_FOUND.location, id);
    }
    const kind = offer !== undefined && isRoute(offer) ? 'route' : 'profile';
    if (id !== undefined && offer !== undefined && locationById.has(id) && !unsureKind[kind] && !unsure.has(id) && !taught.has(`${id}\u0000${offer}`)) {
      const file = EXPORT_FILES[kind === 'route' ? 'routes' : 'profiles'].name;
      report(c, 'offer', `location ${id} does not offer ${offer} in ${file}; add the offer there, or correct the course`, c.cell('offer'));
    }
    if (start !== undefined && end !== undefined && end <= start) {
      report(c, 'end_date', `must be after start_date (${start})`, c.cell('end_date'));
    }
    if (group !== undefined && left !== undefined && left > group) {
      report(c, 'places_left', `must not be more than max_group_size (${group})`, c.cell('places_left'));
    }
    // The dayparts cell is part of the key: compare only when it passed or is empty.
    if (id !== undefined && offer !== undefined && start !== undefined && (c.row.dayparts !== undefined || c.cell('dayparts') === undefined)) {
      const key = courseKey({ location_id: id, offer, start_date: start, dayparts: c.row.dayparts });
      const first = firstLine.get(key);
      if (first !== undefined) {
        report(c, 'start_date', `location ${id} already has a ${offer} course starting on this date with the same dayparts on line ${first}; one row per course`, c.cell('start_date'));
      } else firstLine.set(key, c.line);
    }
  }
}
