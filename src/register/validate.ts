/**
 * Validates a set of export files against the contract and joins them into a register.
 *
 * Pure: it takes bytes, not paths, so tests feed it small in-memory exports and the CLI,
 * the site build and the open-data round trip all run the very same checks. It never
 * stops at the first problem: a data steward gets every problem of every file in one run.
 */
import { checkDateBounds, crossCheck } from './cross-checks.ts';
import { checkFile, rowErrors, unreadableFile, type FileCheck, type Tables } from './file-check.ts';
import { joinRegister, type Register } from './model.ts';
import { sortProblems, type Problem } from './problems.ts';
import { isCalendarDate, newestDecisionDate, todayUtc } from './dates.ts';
import { checkQualityFiles, missingPeriodicVisits } from './quality-checks.ts';
import { EXPORT_FILES, type ExportFileKey } from './schema.ts';

/** The bytes of each export file by file name (`holders.csv`); a missing file is absent. */
export type ExportBytes = Partial<Record<string, Uint8Array>>;

/**
 * The export as the validator takes it: every file's bytes at once, or a function that reads
 * one file by name when the validator gets to it (undefined when it is missing). Read that
 * way, a file's bytes and text can be let go once its rows are checked, so a large export is
 * never in memory as a whole.
 */
export type ExportSource = ExportBytes | ExportReader;

/**
 * Reads one export file by name (`holders.csv`); undefined when the export does not have it,
 * and why not when something is there that cannot be read as a file (a folder, a named pipe,
 * a broken link).
 */
export type ExportReader = (name: string) => Uint8Array | UnreadableFile | undefined;

/** A file of the export that is there but cannot be read as one: what is wrong with it, in words. */
export interface UnreadableFile {
  problem: string;
}

/** Data rows read per file, valid or not. */
export interface RowCounts {
  holders: number;
  locations: number;
  routes: number;
  profiles: number;
  /** Only when courses.csv is in the export (it is optional). */
  courses?: number;
  /** Rows of quality.csv; absent when the export has no such file. */
  quality?: number;
  /** Rows of classroom_visits.csv; absent when the export has no such file. */
  classroomVisits?: number;
}

/** What the validator needs besides the files. */
export interface ValidateOptions {
  /**
   * `REGISTER_EXPORT_DATE`, when set: the date the export describes. Without it (or when it is
   * not a real date, which the build reports on its own) the newest decision date in the
   * export is used, as the contract says. Measurement years and periodic visits are judged
   * against it.
   */
  exportDate?: string;
  /** Today's date (UTC, YYYY-MM-DD); default the clock. Only used to refuse decisions dated in the future. */
  today?: string;
}

export type ValidationResult =
  | { ok: true; register: Register; warnings: Problem[]; counts: RowCounts }
  | { ok: false; errors: Problem[]; warnings: Problem[]; counts: RowCounts };

const FILE_ORDER = Object.values(EXPORT_FILES).map((f) => f.name);

/** The rows of a file without errors: each holds every cell its schema requires. */
function complete<T>(check: FileCheck<T>): T[] {
  return check.rows.map((r) => r.row as T);
}

/**
 * Validates the exports and, when there is no error, returns the joined register.
 * Rows with a cell error are left out of the cross-file checks, so one bad identifier
 * does not also produce a cascade of "unknown holder" reports elsewhere.
 */
export function validateExports(files: ExportSource, options: ValidateOptions = {}): ValidationResult {
  const problems: Problem[] = [];
  const bytesOf = typeof files === 'function' ? files : (name: string) => files[name];
  const present = new Set<string>();
  // One file at a time, in the contract's order: its bytes are only referenced while its rows are read.
  const read = (key: ExportFileKey): FileCheck<unknown> => {
    const { name } = EXPORT_FILES[key];
    const bytes = bytesOf(name);
    if (bytes !== undefined) present.add(name);
    if (bytes === undefined || bytes instanceof Uint8Array) return checkFile(EXPORT_FILES[key], bytes, problems);
    problems.push({ severity: 'error', file: name, message: bytes.problem });
    return unreadableFile();
  };
  // Each file's rows passed its own schema, so they have its row type where they are complete.
  const t = {
    holders: read('holders'),
    locations: read('locations'),
    routes: read('routes'),
    profiles: read('profiles'),
    history: read('status_history'),
    quality: read('quality'),
    visits: read('classroom_visits'),
    courses: read('courses'),
  } as Tables;
  const today = options.today ?? todayUtc();
  const rows = <R>(check: FileCheck<R>) => check.rows.map((r) => r.row);
  const exportDate =
    options.exportDate !== undefined && isCalendarDate(options.exportDate)
      ? options.exportDate
      : newestDecisionDate({ holders: rows(t.holders), history: rows(t.history), quality: rows(t.quality), visits: rows(t.visits) });
  const error = rowErrors(problems);
  crossCheck(t, today, error);
  checkQualityFiles(t, exportDate, today, error);
  checkDateBounds(t, exportDate, error);
  problems.push(...followOnErrors(t.holders, EXPORT_FILES.holders), ...followOnErrors(t.locations, EXPORT_FILES.locations));
  const hasCourses = present.has(EXPORT_FILES.courses.name);
  const hasQuality = present.has(EXPORT_FILES.quality.name);
  const hasVisits = present.has(EXPORT_FILES.classroom_visits.name);
  const counts: RowCounts = {
    holders: t.holders.rowCount,
    locations: t.locations.rowCount,
    routes: t.routes.rowCount,
    profiles: t.profiles.rowCount,
    ...(hasCourses ? { courses: t.courses.rowCount } : {}),
    ...(hasQuality ? { quality: t.quality.rowCount } : {}),
    ...(hasVisits ? { classroomVisits: t.visits.rowCount } : {}),
  };

  if (problems.some((p) => p.severity === 'error')) {
    const errors = sortProblems(problems.filter((p) => p.severity === 'error'), FILE_ORDER);
    const warnings = sortProblems(problems.filter((p) => p.severity === 'warning'), FILE_ORDER);
    return { ok: false, errors, warnings, counts };
  }
  // No error was found, so every row is complete.
  const register = joinRegister({
    holders: complete(t.holders),
    locations: complete(t.locations),
    routes: complete(t.routes),
    profiles: complete(t.profiles),
    statusHistory: complete(t.history),
    ...(hasCourses ? { courses: complete(t.courses) } : {}),
    ...(hasQuality ? { quality: complete(t.quality) } : {}),
    ...(hasVisits ? { classroomVisits: complete(t.visits) } : {}),
  });
  t.holders.rows.forEach((h, i) => {
    if (register.holders[i]!.locations.length === 0) {
      problems.push({ severity: 'warning', file: EXPORT_FILES.holders.name, line: h.line, column: 'holder_id', message: 'this holder has no locations, so no search result or map marker leads to it', value: h.row.holder_id });
    }
  });
  for (const l of t.locations.rows) {
    if (l.row.latitude === undefined) {
      problems.push({ severity: 'warning', file: EXPORT_FILES.locations.name, line: l.line, column: 'location_id', message: 'this location has no coordinates, so it is not on the map and not sorted by distance', value: l.row.location_id });
    }
  }
  if (hasVisits && exportDate !== undefined) problems.push(...missingPeriodicVisits(t, exportDate));
  return { ok: true, register, warnings: sortProblems(problems, FILE_ORDER), counts };
}

/**
 * One line per damaged identifier that other rows refer to: a byte damaged in `KH0003` would
 * otherwise be reported once where it is and again in every row of every file that names
 * `KH0003`. The count says how much hangs on the one fix.
 */
function followOnErrors(check: FileCheck<unknown>, target: (typeof EXPORT_FILES)['holders' | 'locations']): Problem[] {
  return (check.damagedIds ?? []).flatMap(({ raw, line, as, followers }) => {
    if (followers.size === 0) return [];
    let total = 0;
    for (const n of followers.values()) total += n;
    const where = [...followers].map(([from, n]) => `${n} in ${from}`).join(', ');
    const rows = total === 1 ? '1 row refers' : `${total} rows refer`;
    return [{
      severity: 'error' as const,
      file: target.name,
      line,
      column: target.primaryKey[0],
      message: `${rows} to it as "${as}" (${where}); they are not reported one by one: correct this identifier and they find it again`,
      value: raw,
    }];
  });
}

/** The validator's closing line: counts of what was read and of what was found. */
export function summaryLine(result: ValidationResult): string {
  const c = result.counts;
  const errors = result.ok ? 0 : result.errors.length;
  const courses = c.courses === undefined ? '' : `, ${c.courses} courses`;
  return `${c.holders} holders, ${c.locations} locations, ${c.routes} routes, ${c.profiles} profiles${courses}, ${errors} errors, ${result.warnings.length} warnings`;
}


