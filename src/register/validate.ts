/**
 * Validates a set of export files against the contract and joins them into a register.
 *
 * Pure: it takes bytes, not paths, so tests feed it small in-memory exports and the CLI,
 * the site build and the open-data round trip all run the very same checks. It never
 * stops at the first problem: a data steward gets every problem of every file in one run.
 */
import type * as z from 'zod';
import { parseCsv, type CsvRecord } from './csv.ts';
import { joinRegister, type Register } from './model.ts';
import { formatProblem, sortProblems, type Problem } from './problems.ts';
import {
  EXPORT_FILES,
  columnsOf,
  type ExportFile,
  type ExportFileKey,
  isoDate,
  type ClassroomVisitRow,
  type HolderRow,
  type LocationRow,
  type ProfileRow,
  type QualityRow,
  type RouteRow,
  type StatusRow,
  type CourseRow,
} from './schema.ts';
import { checkCourses } from './course-checks.ts';
import { MIN_GROUP_SIZE, OFFER_LAW, PERIODIC_VISIT_YEARS, holdsValidKeurmerk, type OfferKind } from './vocabulary.ts';

/** The bytes of each export file by file name (`holders.csv`); a missing file is absent. */
export type ExportBytes = Partial<Record<string, Uint8Array>>;

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

/**
 * One data row after its cells were checked. `row` holds the cells that passed (so the
 * cross-file checks can still run on the good cells of a row with one bad cell), and
 * `valid` says whether every cell passed.
 */
export interface CheckedRow<T> {
  row: Partial<T>;
  valid: boolean;
  line: number;
  textLine: number;
  raw: Record<string, string>;
}

/** What one file yielded: rows that passed, plus what is needed to avoid cascading reports. */
export interface FileCheck<T> {
  rows: CheckedRow<T>[];
  /** False when the file is missing or its header is broken: references into it are not checked. */
  readable: boolean;
  /** Raw identifiers (first column) that failed their own check: references to them are not reported again. */
  rejectedIds: Set<string>;
  /** Data rows read, passed or not: the validator's summary counts them. */
  rowCount: number;
}

/** A row before its file's type is known: column name to parsed value. */
type Row = Record<string, unknown>;

const FILE_ORDER = Object.values(EXPORT_FILES).map((f) => f.name);

/** A line-number hint for rows that start lower in a text editor than in a spreadsheet. */
export function textLineHint(record: Pick<CsvRecord, 'line' | 'textLine'>): string {
  return record.textLine !== record.line ? ` (this row starts on line ${record.textLine} in a text editor)` : '';
}

/** Reads one file: header checks, then every row through its Zod schema. */
function checkFile(
  file: ExportFile,
  bytes: Uint8Array | undefined,
  problems: Problem[],
): FileCheck<Row> {
  const unreadable: FileCheck<Row> = { rows: [], readable: false, rejectedIds: new Set(), rowCount: 0 };
  const report = (p: Omit<Problem, 'file' | 'severity'>, severity: Problem['severity'] = 'error') =>
    problems.push({ severity, file: file.name, ...p });

  if (bytes === undefined) {
    if (file.required) report({ message: 'the file is missing; the register needs it, even if it holds only a header row' });
    return { ...unreadable, readable: !file.required };
  }
  const columns = columnsOf(file);
  // The reading rules (size, encoding, line ends, forbidden characters) are the same for every file.
  const table = parseCsv(bytes, { multiline: new Set(columns.filter((c) => c.multiline).map((c) => c.name)) });
  for (const { severity, ...issue } of table.issues) report(issue, severity);
  if (table.unreadable) return unreadable;
  if (table.header.length === 0) {
    report({ line: 1, message: 'the first row must name the columns, but it is empty' });
    return unreadable;
  }

  const known = new Set(columns.map((c) => c.name));
  // False when the header does not say which cell is which column (a name used twice, or
  // values under no name): then no row can be read. An unknown or a missing column is
  // reported once and leaves the other columns readable, so their problems come out in
  // the same run; the run fails either way, so an unknown column never reaches the site.
  let headerOk = true;
  const seen = new Set<string>();
  table.header.forEach((name, i) => {
    if (name === '') {
      if (table.records.some((r) => Object.hasOwn(r.values, ''))) {
        report({ line: 1, message: `column ${i + 1} has values but no name in the header row` });
        headerOk = false;
      }
      return;
    }
    if (seen.has(name)) {
      report({ line: 1, column: name, message: 'this column appears twice in the header row' });
      headerOk = false;
    }
    seen.add(name);
    if (!known.has(name)) {
      report({
        line: 1,
        column: name,
        message: `the contract has no such column; remove it (it may hold data that must not be published). Known columns: ${[...known].join(', ')}`,
      });
    }
  });
  const missing = new Set<string>();
  for (const column of columns) {
    if (column.required && !seen.has(column.name)) {
      report({ line: 1, column: column.name, message: 'this required column is missing from the header row' });
      missing.add(column.name);
    }
  }
  for (const q of table.quoteErrors) {
    report({ line: q.line, message: 'a quoted value is not closed: a " is missing, so the rest of the file cannot be read correctly' });
  }
  for (const m of table.malformed) {
    report({
      line: m.line,
      message: `this row has ${m.cells} cells but the header has ${table.header.length}; check for a stray ${table.delimiter} or an unclosed quote${textLineHint(m)}`,
    });
  }
  if (!headerOk) return { ...unreadable, rowCount: table.records.length };

  const idColumn = columns[0]!.name;
  const shape = file.row.shape as Record<string, z.ZodType>;
  // Without its identifier column nothing can point into the file, so references to it are not checked.
  const checked: FileCheck<Row> = { rows: [], readable: !missing.has(idColumn), rejectedIds: new Set(), rowCount: table.records.length };
  // A stray delimiter usually sits in an address or a name, after the identifier, so the cell
  // under the identifier column is taken as the row's identifier: the rows that refer to it
  // are not reported again as pointing to nothing.
  const idIndex = table.header.indexOf(idColumn);
  for (const m of table.malformed) {
    const id = m.values[idIndex];
    if (idIndex !== -1 && id) checked.rejectedIds.add(id);
  }
  for (const record of table.records) {
    const row: Record<string, unknown> = {};
    let valid = true;
    for (const { name } of columns) {
      // Already reported once for the whole file, or for its characters when it was read.
      if (missing.has(name) || record.refused?.has(name)) {
        valid = false;
        if (name === idColumn && record.values[name] !== undefined) checked.rejectedIds.add(record.values[name]);
        continue;
      }
      const result = shape[name]!.safeParse(record.values[name]);
      if (result.success) {
        if (result.data !== undefined) row[name] = result.data;
        continue;
      }
      valid = false;
      if (name === idColumn && record.values[name] !== undefined) checked.rejectedIds.add(record.values[name]);
      for (const issue of result.error.issues) {
        report({ line: record.line, column: name, message: issue.message + textLineHint(record), value: record.values[name] });
      }
    }
    checked.rows.push({ row, valid, line: record.line, textLine: record.textLine, raw: record.values });
  }
  return checked;
}

/**
 * Validates the exports and, when there is no error, returns the joined register.
 * Rows with a cell error are left out of the cross-file checks, so one bad identifier
 * does not also produce a cascade of "unknown holder" reports elsewhere.
 */
export function validateExports(files: ExportBytes, options: ValidateOptions = {}): ValidationResult {
  const problems: Problem[] = [];
  const read = (key: ExportFileKey) => checkFile(EXPORT_FILES[key], files[EXPORT_FILES[key].name], problems);

  const t: Tables = {
    holders: read('holders') as unknown as FileCheck<HolderRow>,
    locations: read('locations') as unknown as FileCheck<LocationRow>,
    routes: read('routes') as unknown as FileCheck<RouteRow>,
    profiles: read('profiles') as unknown as FileCheck<ProfileRow>,
    history: read('status_history') as unknown as FileCheck<StatusRow>,
    courses: read('courses') as unknown as FileCheck<CourseRow>,
    quality: read('quality') as unknown as FileCheck<QualityRow>,
    visits: read('classroom_visits') as unknown as FileCheck<ClassroomVisitRow>,
  };
  const exportDate = options.exportDate !== undefined && isoDate.safeParse(options.exportDate).success ? options.exportDate : newestDecisionDate(t);
  crossCheck(t, problems, options.today ?? new Date().toISOString().slice(0, 10));
  checkQuality(t, exportDate, problems);
  const hasQuality = files[EXPORT_FILES.quality.name] !== undefined;
  const hasVisits = files[EXPORT_FILES.classroom_visits.name] !== undefined;
  const counts: RowCounts = {
    holders: t.holders.rowCount,
    locations: t.locations.rowCount,
    routes: t.routes.rowCount,
    profiles: t.profiles.rowCount,
    ...(files[EXPORT_FILES.courses.name] !== undefined ? { courses: t.courses.rowCount } : {}),
    ...(hasQuality ? { quality: t.quality.rowCount } : {}),
    ...(hasVisits ? { classroomVisits: t.visits.rowCount } : {}),
  };

  if (problems.some((p) => p.severity === 'error')) {
    const errors = sortProblems(problems.filter((p) => p.severity === 'error'), FILE_ORDER);
    const warnings = sortProblems(problems.filter((p) => p.severity === 'warning'), FILE_ORDER);
    return { ok: false, errors, warnings, counts };
  }
  const register = joinRegister({
    // No error was found, so every row is complete.
    holders: t.holders.rows.map((h) => h.row as HolderRow),
    locations: t.locations.rows.map((l) => l.row as LocationRow),
    routes: t.routes.rows.map((r) => r.row as RouteRow),
    profiles: t.profiles.rows.map((p) => p.row as ProfileRow),
    statusHistory: t.history.rows.map((s) => s.row as StatusRow),
    ...(files[EXPORT_FILES.courses.name] !== undefined ? { courses: t.courses.rows.map((c) => c.row as CourseRow) } : {}),
    ...(hasQuality ? { quality: t.quality.rows.map((q) => q.row as QualityRow) } : {}),
    ...(hasVisits ? { classroomVisits: t.visits.rows.map((v) => v.row as ClassroomVisitRow) } : {}),
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

/** Every file as read, for the checks that span rows and files. */
export interface Tables {
  holders: FileCheck<HolderRow>;
  locations: FileCheck<LocationRow>;
  routes: FileCheck<RouteRow>;
  profiles: FileCheck<ProfileRow>;
  history: FileCheck<StatusRow>;
  courses: FileCheck<CourseRow>;
  quality: FileCheck<QualityRow>;
  visits: FileCheck<ClassroomVisitRow>;
}

/**
 * The contract's default export date: the newest decision date in the export (a status, a
 * decision on a measurement year, a classroom visit). Course dates never count: they are
 * planned ahead.
 */
function newestDecisionDate(t: Tables): string | undefined {
  let newest: string | undefined;
  const consider = (date: string | undefined) => {
    if (date !== undefined && (newest === undefined || date > newest)) newest = date;
  };
  for (const h of t.holders.rows) consider(h.row.status_since);
  for (const s of t.history.rows) consider(s.row.effective_from);
  for (const q of t.quality.rows) consider(q.row.decision_date);
  for (const v of t.visits.rows) consider(v.row.visit_date);
  return newest;
}

/** The date `years` years before an ISO date (29 February falls back to 28 February). */
function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split('-') as [string, string, string];
  const shifted = `${String(Number(y) - years).padStart(4, '0')}-${m}-${d}`;
  return isoDate.safeParse(shifted).success ? shifted : `${shifted.slice(0, 8)}28`;
}

/**
 * The rules of quality.csv and classroom_visits.csv that span rows or files: references, one
 * row per holder and year (or holder, location and date), years after the export, dates
 * before their year, figures over fewer than ten people, and visits at another holder's
 * location.
 */
function checkQuality(t: Tables, exportDate: string | undefined, problems: Problem[]): void {
  const error = (file: string, at: CheckedRow<unknown>, column: string, message: string, value?: string) =>
    problems.push({ severity: 'error', file, line: at.line, column, message: message + textLineHint(at), value });
  const Q = EXPORT_FILES.quality.name;
  const V = EXPORT_FILES.classroom_visits.name;
  const holderIds = new Set(t.holders.rows.flatMap((h) => (h.row.holder_id === undefined ? [] : [h.row.holder_id])));
  const locationHolder = new Map(t.locations.rows.flatMap((l) => (l.row.location_id === undefined ? [] : [[l.row.location_id, l.row.holder_id] as const])));
  const danglingHolder = (id: string | undefined) =>
    id !== undefined && t.holders.readable && !holderIds.has(id) && !t.holders.rejectedIds.has(id);

  const yearLine = new Map<string, number>();
  for (const q of t.quality.rows) {
    const { row, raw } = q;
    if (danglingHolder(row.holder_id)) error(Q, q, 'holder_id', 'no holder with this identifier in holders.csv', row.holder_id);
    if (row.holder_id !== undefined && row.measurement_year !== undefined) {
      const key = `${row.holder_id}\u0000${row.measurement_year}`;
      const first = yearLine.get(key);
      if (first !== undefined) {
        error(Q, q, 'measurement_year', `holder ${row.holder_id} already has an assessment for this year on line ${first}; one row per holder and measurement year`, raw.measurement_year);
      } else yearLine.set(key, q.line);
    }
    const future = row.measurement_year !== undefined && exportDate !== undefined && row.measurement_year > Number(exportDate.slice(0, 4));
    if (future) error(Q, q, 'measurement_year', `must not be after the year of the export date (${exportDate})`, raw.measurement_year);
    // A decision before a year that is itself wrong is not a second problem.
    if (!future && row.decision_date !== undefined && row.measurement_year !== undefined && row.decision_date < `${row.measurement_year}-01-01`) {
      error(Q, q, 'decision_date', `must not be before 1 January of the measurement year (${row.measurement_year})`, raw.decision_date);
    }
    // A figure over fewer than ten people can point at individual learners: an error, never a warning.
    // Judged only when the count itself passed its rule, so a bad count is reported once.
    const small = (figure: 'exam_pass_rate' | 'satisfaction_score', people: 'exam_candidates' | 'satisfaction_respondents', who: string) => {
      if (row[figure] === undefined || (raw[people] !== undefined && row[people] === undefined)) return;
      const n = row[people];
      if (n === undefined) {
        error(Q, q, figure, `may only be given together with ${people} (${MIN_GROUP_SIZE} or more ${who}); leave it empty or fill in ${people}`, raw[figure]);
      } else if (n < MIN_GROUP_SIZE) {
        error(Q, q, figure, `must be left empty: it is over ${n} ${who}, fewer than ${MIN_GROUP_SIZE}, and such a figure can point at individual learners`, raw[figure]);
      }
    };
    small('exam_pass_rate', 'exam_candidates', 'exam candidates');
    small('satisfaction_score', 'satisfaction_respondents', 'respondents');
  }

  const visitLine = new Map<string, number>();
  for (const v of t.visits.rows) {
    const { row } = v;
    if (danglingHolder(row.holder_id)) error(V, v, 'holder_id', 'no holder with this identifier in holders.csv', row.holder_id);
    const locationId = row.location_id;
    if (locationId !== undefined && t.locations.readable && !t.locations.rejectedIds.has(locationId)) {
      if (!locationHolder.has(locationId)) {
        error(V, v, 'location_id', 'no location with this identifier in locations.csv', locationId);
      } else {
        const owner = locationHolder.get(locationId);
        // Only between holders that exist: an unknown holder on either side is reported once, by its own holder_id.
        if (row.holder_id !== undefined && holderIds.has(row.holder_id) && owner !== undefined && holderIds.has(owner) && owner !== row.holder_id) {
          error(V, v, 'location_id', `this location belongs to ${owner} in locations.csv, not to ${row.holder_id}`, locationId);
        }
      }
    }
    if (row.holder_id !== undefined && row.visit_date !== undefined && (locationId !== undefined || v.raw.location_id === undefined)) {
      const key = `${row.holder_id}\u0000${locationId ?? ''}\u0000${row.visit_date}`;
      const first = visitLine.get(key);
      if (first !== undefined) {
        error(V, v, 'visit_date', `holder ${row.holder_id} already has a visit ${locationId ? `at ${locationId} ` : ''}on this date on line ${first}; one row per holder, location and date`, row.visit_date);
      } else visitLine.set(key, v.line);
    }
  }
}

/**
 * Holders with a valid keurmerk, first granted more than four years before the export date,
 * without a periodic classroom visit in the four years before it: a warning, since the visit
 * may simply not be in this export yet. Only asked when the export has classroom_visits.csv.
 */
function missingPeriodicVisits(t: Tables, exportDate: string): Problem[] {
  const since = yearsBefore(exportDate, PERIODIC_VISIT_YEARS);
  const visited = new Set(
    t.visits.rows.filter((v) => v.row.kind === 'periodiek' && v.row.visit_date! > since && v.row.visit_date! <= exportDate).map((v) => v.row.holder_id),
  );
  const out: Problem[] = [];
  for (const h of t.holders.rows) {
    const { holder_id: id, keurmerk_status: status, first_granted: first } = h.row;
    if (!status || !holdsValidKeurmerk(status) || first === undefined || first >= since || visited.has(id)) continue;
    out.push({
      severity: 'warning',
      file: EXPORT_FILES.classroom_visits.name,
      column: 'holder_id',
      message: `holder ${id} holds a valid keurmerk since ${first} but has no periodiek visit in the ${PERIODIC_VISIT_YEARS} years before the export date (${exportDate}); the visit may not be in this export yet`,
      value: id,
    });
  }
  return out;
}

/**
 * The checks that span rows or files: uniqueness, references, laws, consistency, history.
 * Each check runs only on cells that passed their own rule, so one bad value is one report.
 */
function crossCheck(t: Tables, problems: Problem[], today: string): void {
  const error = (file: string, at: CheckedRow<unknown>, column: string, message: string, value?: string) =>
    problems.push({ severity: 'error', file, line: at.line, column, message: message + textLineHint(at), value });
  const H = EXPORT_FILES.holders.name;
  const L = EXPORT_FILES.locations.name;
  const S = EXPORT_FILES.status_history.name;

  /** Reports a reference to an identifier that its target file does not hold. */
  const dangling = (target: FileCheck<unknown>, known: Map<string, unknown>, id: string | undefined) =>
    id !== undefined && target.readable && !known.has(id) && !target.rejectedIds.has(id);

  /**
   * Identifiers are unique ignoring case: `KH1` and `kh1` are one page on a case-insensitive
   * file system or web server, so one of the two holders would silently replace the other.
   */
  const unique = <T>(file: string, column: string, byId: Map<string, CheckedRow<T>>, byFolded: Map<string, CheckedRow<T>>, at: CheckedRow<T>, id: string, rejected: Set<string>) => {
    const first = byId.get(id);
    if (first) return error(file, at, column, `this identifier is already used on line ${first.line}`, id);
    const folded = byFolded.get(id.toLowerCase());
    if (folded) {
      const other = (folded.row as Record<string, string>)[column];
      // Rows that refer to it are not reported again as pointing to nothing.
      rejected.add(id);
      return error(file, at, column, `differs only in upper and lower case from ${other} on line ${folded.line}; identifiers must differ in more than case, because they become web addresses and file names that many servers and file systems treat as one`, id);
    }
    byId.set(id, at);
    byFolded.set(id.toLowerCase(), at);
  };

  // A decision takes effect on a day that has come (a day's grace for the time zones): a
  // status_since of 2099 is a typing error, and as the newest date it would become the export date.
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const futureDate = (day: string) => `is in the future (today is ${day}); a decision is only exported once it has taken effect, so check the year`;

  const holderById = new Map<string, CheckedRow<HolderRow>>();
  const holderByFolded = new Map<string, CheckedRow<HolderRow>>();
  for (const h of t.holders.rows) {
    const { holder_id: id, first_granted, status_since } = h.row;
    if (id !== undefined) unique(H, 'holder_id', holderById, holderByFolded, h, id, t.holders.rejectedIds);
    for (const column of ['status_since', 'first_granted'] as const) {
      const date = h.row[column];
      if (date !== undefined && date > tomorrow) error(H, h, column, futureDate(today), h.raw[column]);
    }
    if (first_granted !== undefined && status_since !== undefined && first_granted > status_since) {
      error(H, h, 'first_granted', `must not be after status_since (${status_since})`, h.raw.first_granted);
    }
  }

  const locationById = new Map<string, CheckedRow<LocationRow>>();
  const locationByFolded = new Map<string, CheckedRow<LocationRow>>();
  // Name and province are compared with the first row where each passed its own rule, so a
  // refused province on the first row does not hide a disagreement among the later rows.
  const municipalityName = new Map<string, CheckedRow<LocationRow>>();
  const municipalityProvince = new Map<string, CheckedRow<LocationRow>>();
  for (const l of t.locations.rows) {
    const { row, raw } = l;
    if (row.location_id !== undefined) unique(L, 'location_id', locationById, locationByFolded, l, row.location_id, t.locations.rejectedIds);
    if (dangling(t.holders, holderById, row.holder_id)) {
      error(L, l, 'holder_id', 'no holder with this identifier in holders.csv', row.holder_id);
    }
    // Compare the raw cells: a latitude with a bad value is reported once, by its own rule.
    if ((raw.latitude === undefined) !== (raw.longitude === undefined)) {
      const missing = raw.latitude === undefined ? 'latitude' : 'longitude';
      error(L, l, missing, `latitude and longitude are given together or not at all; ${missing} is empty`);
    }
    const code = row.municipality_code;
    if (code === undefined) continue;
    if (row.municipality_name !== undefined) {
      const same = municipalityName.get(code);
      if (!same) municipalityName.set(code, l);
      else if (same.row.municipality_name !== row.municipality_name) {
        error(L, l, 'municipality_name', `${code} is called "${same.row.municipality_name}" on line ${same.line}; one code, one name`, raw.municipality_name);
      }
    }
    if (row.province !== undefined) {
      const same = municipalityProvince.get(code);
      if (!same) municipalityProvince.set(code, l);
      else if (same.row.province !== row.province) {
        error(L, l, 'province', `${code} lies in ${same.row.province} on line ${same.line}; one municipality, one province`, raw.province);
      }
    }
  }

  const offers = (file: string, rows: CheckedRow<RouteRow | ProfileRow>[], key: OfferKind) => {
    const law = OFFER_LAW[key];
    const seen = new Map<string, number>();
    for (const r of rows) {
      const locationId = r.row.location_id;
      if (locationId === undefined) continue;
      if (dangling(t.locations, locationById, locationId)) {
        error(file, r, 'location_id', 'no location with this identifier in locations.csv', locationId);
      }
      const code = (r.row as Partial<Record<string, string>>)[key];
      if (code !== undefined) {
        const pair = `${locationId}\u0000${code}`;
        const firstLine = seen.get(pair);
        if (firstLine !== undefined) {
          error(file, r, key, `location ${locationId} already has this ${key} on line ${firstLine}; one row per location and ${key}`, r.raw[key]);
        } else seen.set(pair, r.line);
      }
      const holderId = locationById.get(locationId)?.row.holder_id;
      const laws = holderId === undefined ? undefined : holderById.get(holderId)?.row.laws;
      if (laws !== undefined && !laws.includes(law)) {
        error(file, r, 'location_id', `the holder of this location (${holderId}) does not have ${law} in its laws in holders.csv`, locationId);
      }
    }
  };
  offers(EXPORT_FILES.routes.name, t.routes.rows, 'route');
  offers(EXPORT_FILES.profiles.name, t.profiles.rows, 'profile');
  checkCourses(t, locationById, (at, column, message, value) => error(EXPORT_FILES.courses.name, at, column, message, value));

  const newest = new Map<string, CheckedRow<StatusRow>>();
  const decisionLine = new Map<string, number>();
  // Which decision is a holder's newest is only known when every one of its decisions can be
  // placed: a broken date, or a broken holder_id on what may be its newest row, would
  // otherwise make an older decision look newest and be reported as disagreeing.
  const undated = new Set<string>();
  const orphans: CheckedRow<StatusRow>[] = [];
  for (const s of t.history.rows) {
    const { holder_id: id, effective_from: date } = s.row;
    if (id === undefined) {
      orphans.push(s);
      continue;
    }
    if (dangling(t.holders, holderById, id)) {
      error(S, s, 'holder_id', 'no holder with this identifier in holders.csv', id);
      orphans.push(s);
      continue;
    }
    if (date === undefined) {
      undated.add(id);
      continue;
    }
    if (date > tomorrow) error(S, s, 'effective_from', futureDate(today), date);
    const key = `${id}\u0000${date}`;
    const firstLine = decisionLine.get(key);
    if (firstLine !== undefined) {
      error(S, s, 'effective_from', `holder ${id} already has a decision with this date on line ${firstLine}`, date);
      continue;
    }
    decisionLine.set(key, s.line);
    const current = newest.get(id);
    if (!current || date > current.row.effective_from!) newest.set(id, s);
  }
  for (const [id, s] of newest) {
    const holder = holderById.get(id)?.row;
    if (!holder || holder.keurmerk_status === undefined || holder.status_since === undefined || s.row.status === undefined) continue;
    if (undated.has(id)) continue;
    const agrees = (row: Partial<StatusRow>) => row.status === holder.keurmerk_status && row.effective_from === holder.status_since;
    // A decision with a broken holder_id that states exactly this holder's current status is
    // most likely its newest decision; it is reported once, by its holder_id.
    if (!agrees(s.row) && !orphans.some((o) => agrees(o.row))) {
      error(
        S,
        s,
        'status',
        `this is the newest decision for ${id}, so it must agree with holders.csv (keurmerk_status ${holder.keurmerk_status}, status_since ${holder.status_since}), but it says ${s.row.status} from ${s.row.effective_from}`,
        s.raw.status,
      );
    }
  }
}

/** The validator's closing line: counts of what was read and of what was found. */
export function summaryLine(result: ValidationResult): string {
  const c = result.counts;
  const errors = result.ok ? 0 : result.errors.length;
  const courses = c.courses === undefined ? '' : `, ${c.courses} courses`;
  return `${c.holders} holders, ${c.locations} locations, ${c.routes} routes, ${c.profiles} profiles${courses}, ${errors} errors, ${result.warnings.length} warnings`;
}


