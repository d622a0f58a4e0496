/**
 * What a course planning means on a given export date: which courses are upcoming, which
 * are running, which have ended, and which start soon.
 *
 * Every question is asked against the export date, never the visitor's or the build's
 * clock: a static page must not claim "starts next month" about a month that has passed,
 * and the same export must always give the same pages.
 */
import { addMonths } from './dates.ts';
import type { Course, Location, Register } from './model.ts';
import { PROFILES, ROUTES, type Profile, type Route } from './vocabulary.ts';

/** A course's offer: a Wi2021 route or a Wi2013 profile. */
export type Offer = Route | Profile;

/** Every offer in reading order: the routes first, then the profiles from least to most schooled. */
export const OFFERS: readonly Offer[] = [...ROUTES, ...PROFILES];

/** Whether an offer code is a Wi2021 route (the rest are Wi2013 profiles). */
export function isRoute(offer: Offer): offer is Route {
  return (ROUTES as readonly string[]).includes(offer);
}

/** Where a course stands on the export date. */
export type CoursePhase = 'upcoming' | 'running' | 'ended';

/**
 * Upcoming when it starts on or after the export date; ended when its end date lies before
 * it; running otherwise (a course without an end date that has started counts as running,
 * since nothing says it is over).
 */
export function coursePhase(course: Pick<Course, 'start_date' | 'end_date'>, exportDate: string): CoursePhase {
  if (course.start_date >= exportDate) return 'upcoming';
  if (course.end_date !== undefined && course.end_date < exportDate) return 'ended';
  return 'running';
}

/** Start date first, then offer order, so a list reads the same in every build. */
export function byStart(a: Course, b: Course): number {
  return a.start_date.localeCompare(b.start_date) || OFFERS.indexOf(a.offer) - OFFERS.indexOf(b.offer);
}

/** A location's courses on the export date: upcoming and running ones in date order; ended ones are left out. */
export function coursesOn(location: Pick<Location, 'courses'>, exportDate: string): { upcoming: Course[]; running: Course[] } {
  const upcoming: Course[] = [];
  const running: Course[] = [];
  for (const course of location.courses) {
    const phase = coursePhase(course, exportDate);
    if (phase === 'upcoming') upcoming.push(course);
    else if (phase === 'running') running.push(course);
  }
  return { upcoming: upcoming.sort(byStart), running: running.sort(byStart) };
}

/** The next start of a location: its earliest upcoming course's start date, if any. */
export function nextStart(location: Pick<Location, 'courses'>, exportDate: string): string | undefined {
  let next: string | undefined;
  for (const course of location.courses) {
    if (course.start_date >= exportDate && (next === undefined || course.start_date < next)) next = course.start_date;
  }
  return next;
}

/** The next start of each offer of a location, in offer order; offers with no upcoming course are absent. */
export function nextStartByOffer(location: Pick<Location, 'courses'>, exportDate: string): Map<Offer, Course> {
  const next = new Map<Offer, Course>();
  for (const course of [...location.courses].sort(byStart)) {
    if (course.start_date >= exportDate && !next.has(course.offer)) next.set(course.offer, course);
  }
  return new Map(OFFERS.filter((o) => next.has(o)).map((o) => [o, next.get(o)!]));
}

/** The values of the `start` filter: only "soon" (see `startsSoon`). */
export const START_VALUES = ['soon'] as const;

/** How far ahead "starts soon" looks: three calendar months from the export date. */
export const SOON_MONTHS = 3;

/**
 * The last day that counts as "soon": the export date plus three calendar months, moved back
 * to the month's last day where that day does not exist (30 November gives 28 or 29 February).
 */
export function soonUntil(exportDate: string, months = SOON_MONTHS): string {
  return addMonths(exportDate, months);
}

/** Whether a location has a course that starts between the export date and `soonUntil` (both included). */
export function startsSoon(location: Pick<Location, 'courses'>, exportDate: string): boolean {
  const until = soonUntil(exportDate);
  return location.courses.some((c) => c.start_date >= exportDate && c.start_date <= until);
}

/** `YYYY-MM` of a date: the month a course starts in, for the municipality overview. */
export function startMonth(date: string): string {
  return date.slice(0, 7);
}

/** One offer's upcoming courses in an area, month by month. */
export interface OfferMonths {
  offer: Offer;
  months: { month: string; courses: { course: Course; location: Location }[] }[];
}

/**
 * The upcoming courses of some locations by offer (in offer order) and start month (in date
 * order): what a municipality planning its inburgeraars' start needs. Callers pass the
 * locations a municipality may buy from.
 */
export function upcomingByOfferAndMonth(locations: readonly Location[], exportDate: string): OfferMonths[] {
  const byOffer = new Map<Offer, Map<string, { course: Course; location: Location }[]>>();
  for (const location of locations) {
    for (const course of coursesOn(location, exportDate).upcoming) {
      let months = byOffer.get(course.offer);
      if (!months) byOffer.set(course.offer, (months = new Map()));
      const month = startMonth(course.start_date);
      let list = months.get(month);
      if (!list) months.set(month, (list = []));
      list.push({ course, location });
    }
  }
  return OFFERS.filter((o) => byOffer.has(o)).map((offer) => ({
    offer,
    months: [...byOffer.get(offer)!]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, courses]) => ({ month, courses: courses.sort((a, b) => byStart(a.course, b.course) || a.location.location_id.localeCompare(b.location.location_id)) })),
  }));
}
