/**
 * Days and the export date, in one place: the validator, the joined model, the publication
 * settings, the map's marker file and the sample generator all count days and ask "what
 * date does this export describe?", and each used to answer it its own way.
 *
 * Pure and free of Zod and Node: the search and map scripts reach it through courses.ts and
 * map-markers.ts, and Zod's `Function('')` probe would be a CSP violation in the browser.
 * Every date is an ISO calendar date (`YYYY-MM-DD`) read in UTC, so no time zone shifts it.
 */
import type { Register } from './model.ts';

/**
 * The first day a keurmerk decision can carry: the Keurmerk Inburgeren began with the Wet
 * inburgering 2013 on 1 January 2013. No decision, visit, assessment or course of the register
 * is older, so an earlier date (year 1, 1900) is a typing error.
 */
export const FIRST_KEURMERK_DATE = '2013-01-01';

/**
 * How far past the export date a planned course may start or end: holders plan a few terms
 * ahead, and a course in 2099 is a typing error that would stay "upcoming" for decades.
 */
export const PLANNING_HORIZON_YEARS = 3;

/** Milliseconds in a UTC day: the one place this number is written. */
const DAY_MS = 86_400_000;

/** A date as a day number (days since 1970-01-01), for arithmetic that no time zone can shift. */
export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** A day number back as `YYYY-MM-DD`. */
export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` plus a number of days (negative goes back). */
export function addDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * A date some calendar months later (negative: earlier), moved back to the month's last day
 * where that day does not exist: 30 November plus three months is 28 or 29 February, and
 * 29 February a year back is 28 February.
 */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month + 1)}-${pad(Math.min(d, lastDay))}`;
}

/** Whether a `YYYY-MM-DD` text names a real calendar day (2023-02-30 does not). */
export function isCalendarDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  // setUTCFullYear, unlike Date.UTC, does not move years 0-99 to 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Today in UTC: only ever a sanity bound for dates in an export, never written into the output. */
export function todayUtc(clock: Date = new Date()): string {
  return clock.toISOString().slice(0, 10);
}

/**
 * The latest date a decision may carry when the clock says `today`: one day's grace, because a
 * decision dated "tomorrow" in the Netherlands is still today somewhere, and an export made
 * just after midnight must not be refused for it.
 */
export function latestPlausibleDate(today: string): string {
  return addDays(today, 1);
}

/**
 * Whether a decision date lies after `today` (with the day's grace). A decision takes effect
 * on a day that has come: a date in 2099 is a typing error, and as the newest date it would
 * become the export date, against which measurement years and visits are judged.
 */
export function futureDecision(today: string): { after: (date: string) => boolean; message: string } {
  const latest = latestPlausibleDate(today);
  return {
    after: (date) => date > latest,
    message: `is in the future (today is ${today}); a decision is only exported once it has taken effect, so check the year`,
  };
}

/**
 * The rows whose dates are decisions, by the column that holds the date: a holder's current
 * status, a status history entry, a decision on a measurement year, a classroom visit. Course
 * dates are not among them: courses are planned ahead. The validator hands in the rows it
 * read, the model its joined register (`decisionDatesOf`).
 */
export interface DecisionDates {
  holders: Iterable<{ status_since?: string | undefined }>;
  history: Iterable<{ effective_from?: string | undefined }>;
  quality: Iterable<{ decision_date?: string | undefined }>;
  visits: Iterable<{ visit_date?: string | undefined }>;
}

/**
 * The contract's default export date: the newest decision date in the export. The one rule,
 * whether the export is still rows being validated or already a joined register.
 */
export function newestDecisionDate(dates: DecisionDates): string | undefined {
  let newest: string | undefined;
  const consider = (date: string | undefined) => {
    if (date !== undefined && (newest === undefined || date > newest)) newest = date;
  };
  for (const h of dates.holders) consider(h.status_since);
  for (const s of dates.history) consider(s.effective_from);
  for (const q of dates.quality) consider(q.decision_date);
  for (const v of dates.visits) consider(v.visit_date);
  return newest;
}

/** A joined register's decision rows, for `newestDecisionDate`. */
export function decisionDatesOf(register: Pick<Register, 'holders'>): DecisionDates {
  const { holders } = register;
  return {
    holders,
    history: holders.flatMap((h) => h.history),
    quality: holders.flatMap((h) => h.quality),
    visits: holders.flatMap((h) => h.visits),
  };
}

/** The export date of a register without a single date (no holders at all): the epoch says "unknown" plainly. */
export const UNKNOWN_EXPORT_DATE = '1970-01-01';

// A register does not change once joined; its export date is asked for every location.
const derived = new WeakMap<Register, string>();

/**
 * The date a publication describes, against which every "upcoming", "running" and "starts
 * soon" is asked, never the build's or the visitor's clock: `given` (`REGISTER_EXPORT_DATE`,
 * see `exportDateFromEnv`) when set, else the newest decision in the register.
 */
export function exportDateOf(register: Register, given?: string): string {
  if (given !== undefined) return given;
  let date = derived.get(register);
  if (date === undefined) derived.set(register, (date = newestDecisionDate(decisionDatesOf(register)) ?? UNKNOWN_EXPORT_DATE));
  return date;
}

/**
 * `REGISTER_EXPORT_DATE` as the build, the validator and the pages read it: surrounding
 * spaces dropped, empty as unset. Whether it is a real date is the publication settings'
 * check (`preparePublication`), which reports it; the validator falls back to the newest
 * decision rather than judging against a date that is not one. The environment is passed in
 * (`process.env`): this module is also bundled for the browser.
 */
export function exportDateFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
  return env.REGISTER_EXPORT_DATE?.trim() || undefined;
}
