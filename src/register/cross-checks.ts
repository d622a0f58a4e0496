/**
 * The rules that span rows or files of the core register: identifiers unique ignoring case,
 * references between files, one name and province per municipality, offers under the holder's
 * laws, and a status history that agrees with holders.csv. The course rules live in
 * course-checks.ts, those of quality.csv and classroom_visits.csv in quality-checks.ts.
 *
 * Each rule runs only on cells that passed their own rule, so one bad value is one report.
 * A file's rules run in the order of the old single loop over its rows, so problems on one
 * line keep their order in the report.
 */
import { checkCourses } from './course-checks.ts';
import { FIRST_KEURMERK_DATE, PLANNING_HORIZON_YEARS, addMonths, futureDecision } from './dates.ts';
import { NOT_FOUND, dangling, type CheckedRow, type FileCheck, type RowError, type Tables } from './file-check.ts';
import { EXPORT_FILES, type HolderRow, type LocationRow, type ProfileRow, type RouteRow, type StatusRow } from './schema.ts';
import { OFFER_LAW, type OfferKind } from './vocabulary.ts';

const H = EXPORT_FILES.holders.name;
const L = EXPORT_FILES.locations.name;
const S = EXPORT_FILES.status_history.name;

/** The first row of each holder and location identifier: what references resolve to. */
interface KnownIds {
  holderById: Map<string, CheckedRow<HolderRow>>;
  locationById: Map<string, CheckedRow<LocationRow>>;
}

/**
 * The first row per identifier of one file. Identifiers are unique ignoring case: `KH1` and
 * `kh1` are one page on a case-insensitive file system or web server, so one of the two would
 * silently replace the other. A case-only twin goes to `rejectedIds`, so the rows that refer
 * to it are not reported again as pointing to nothing.
 */
function uniqueIds<T>(file: string, column: keyof T & string, check: FileCheck<T>, error: RowError): Map<string, CheckedRow<T>> {
  const byId = new Map<string, CheckedRow<T>>();
  const byFolded = new Map<string, CheckedRow<T>>();
  for (const at of check.rows) {
    const id = at.row[column] as string | undefined;
    if (id === undefined) continue;
    const first = byId.get(id);
    if (first) {
      error(file, at, column, `this identifier is already used on line ${first.line}`, id);
      continue;
    }
    const folded = byFolded.get(id.toLowerCase());
    if (folded) {
      check.rejectedIds.add(id);
      error(file, at, column, `differs only in upper and lower case from ${folded.row[column] as string} on line ${folded.line}; identifiers must differ in more than case, because they become web addresses and file names that many servers and file systems treat as one`, id);
      continue;
    }
    byId.set(id, at);
    byFolded.set(id.toLowerCase(), at);
  }
  return byId;
}

/** A holder's own dates: none in the future, and the first grant not after the current status. */
function checkHolderDates(t: Tables, today: string, error: RowError): void {
  const future = futureDecision(today);
  for (const h of t.holders.rows) {
    const { first_granted, status_since } = h.row;
    for (const column of ['status_since', 'first_granted'] as const) {
      const date = h.row[column];
      if (date !== undefined && future.after(date)) error(H, h, column, future.message, h.cell(column));
    }
    if (first_granted !== undefined && status_since !== undefined && first_granted > status_since) {
      error(H, h, 'first_granted', `must not be after status_since (${status_since})`, h.cell('first_granted'));
    }
  }
}

/**
 * A location's own rules across rows and files: its holder exists, latitude and longitude come
 * together, and a municipality code has one name and one province throughout the file.
 */
function checkLocations(t: Tables, known: KnownIds, error: RowError): void {
  // Name and province are compared with the first row where each passed its own rule, so a
  // refused province on the first row does not hide a disagreement among the later rows.
  const municipalityName = new Map<string, CheckedRow<LocationRow>>();
  const municipalityProvince = new Map<string, CheckedRow<LocationRow>>();
  for (const l of t.locations.rows) {
    const { row } = l;
    if (dangling(t.holders, known.holderById, row.holder_id, L)) {
      error(L, l, 'holder_id', NOT_FOUND.holder, row.holder_id);
    }
    // Compare the raw cells: a latitude with a bad value is reported once, by its own rule.
    const latitude = l.cell('latitude');
    if ((latitude === undefined) !== (l.cell('longitude') === undefined)) {
      const missing = latitude === undefined ? 'latitude' : 'longitude';
      error(L, l, missing, `latitude and longitude are given together or not at all; ${missing} is empty`);
    }
    const code = row.municipality_code;
    if (code === undefined) continue;
    if (row.municipality_name !== undefined) {
      const same = municipalityName.get(code);
      if (!same) municipalityName.set(code, l);
      else if (same.row.municipality_name !== row.municipality_name) {
        error(L, l, 'municipality_name', `${code} is called "${same.row.municipality_name}" on line ${same.line}; one code, one name`, l.cell('municipality_name'));
      }
    }
    if (row.province !== undefined) {
      const same = municipalityProvince.get(code);
      if (!same) municipalityProvince.set(code, l);
      else if (same.row.province !== row.province) {
        error(L, l, 'province', `${code} lies in ${same.row.province} on line ${same.line}; one municipality, one province`, l.cell('province'));
      }
    }
  }
}

/**
 * routes.csv or profiles.csv: the location exists, one row per location and code, and the
 * location's holder has the offer's law in holders.csv.
 */
function checkOffers(file: string, rows: readonly CheckedRow<RouteRow | ProfileRow>[], key: OfferKind, t: Tables, known: KnownIds, error: RowError): void {
  const law = OFFER_LAW[key];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const locationId = r.row.location_id;
    if (locationId === undefined) continue;
    if (dangling(t.locations, known.locationById, locationId, file)) {
      error(file, r, 'location_id', NOT_FOUND.location, locationId);
    }
    const code = (r.row as Partial<Record<string, string>>)[key];
    if (code !== undefined) {
      const pair = `${locationId}\u0000${code}`;
      const firstLine = seen.get(pair);
      if (firstLine !== undefined) {
        error(file, r, key, `location ${locationId} already has this ${key} on line ${firstLine}; one row per location and ${key}`, r.cell(key));
      } else seen.set(pair, r.line);
    }
    const holderId = known.locationById.get(locationId)?.row.holder_id;
    const laws = holderId === undefined ? undefined : known.holderById.get(holderId)?.row.laws;
    if (laws !== undefined && !laws.includes(law)) {
      error(file, r, 'location_id', `the holder of this location (${holderId}) does not have ${law} in its laws in ${H}`, locationId);
    }
  }
}

/** What the status history says about each holder's newest decision. */
interface NewestDecisions {
  /** The newest dated decision per known holder. */
  newest: Map<string, CheckedRow<StatusRow>>;
  /** Holders with a decision whose date did not pass: their newest decision cannot be told. */
  undated: Set<string>;
  /** Decisions whose holder_id did not pass or points nowhere. */
  orphans: CheckedRow<StatusRow>[];
}

/**
 * status_history.csv on its own and against holders.csv: the holder exists, no decision in
 * the future, one decision per holder and date. Returns what the agreement check needs.
 */
function checkStatusHistory(t: Tables, known: KnownIds, today: string, error: RowError): NewestDecisions {
  const future = futureDecision(today);
  const found: NewestDecisions = { newest: new Map(), undated: new Set(), orphans: [] };
  const decisionLine = new Map<string, number>();
  for (const s of t.history.rows) {
    const { holder_id: id, effective_from: date } = s.row;
    if (id === undefined) {
      found.orphans.push(s);
      continue;
    }
    if (dangling(t.holders, known.holderById, id, S)) {
      error(S, s, 'holder_id', NOT_FOUND.holder, id);
      found.orphans.push(s);
      continue;
    }
    // Which decision is a holder's newest is only known when every one of its decisions can be
    // placed: a broken date, or a broken holder_id on what may be its newest row, would
    // otherwise make an older decision look newest and be reported as disagreeing.
    if (date === undefined) {
      found.undated.add(id);
      continue;
    }
    if (future.after(date)) error(S, s, 'effective_from', future.message, date);
    const key = `${id}\u0000${date}`;
    const firstLine = decisionLine.get(key);
    if (firstLine !== undefined) {
      error(S, s, 'effective_from', `holder ${id} already has a decision with this date on line ${firstLine}`, date);
      continue;
    }
    decisionLine.set(key, s.line);
    const current = found.newest.get(id);
    if (!current || date > current.row.effective_from!) found.newest.set(id, s);
  }
  return found;
}

/** Each holder's newest decision states the status and date that holders.csv gives it. */
function checkNewestDecisions({ newest, undated, orphans }: NewestDecisions, known: KnownIds, error: RowError): void {
  for (const [id, s] of newest) {
    const holder = known.holderById.get(id)?.row;
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
        `this is the newest decision for ${id}, so it must agree with ${H} (keurmerk_status ${holder.keurmerk_status}, status_since ${holder.status_since}), but it says ${s.row.status} from ${s.row.effective_from}`,
        s.cell('status'),
      );
    }
  }
}

/**
 * The checks that span rows or files, except those of quality.csv and classroom_visits.csv
 * (which need the export date): identifiers, holder dates, locations, offers, courses and
 * the status history.
 */
export function crossCheck(t: Tables, today: string, error: RowError): void {
  const known: KnownIds = {
    holderById: uniqueIds(H, 'holder_id', t.holders, error),
    locationById: uniqueIds(L, 'location_id', t.locations, error),
  };
  checkHolderDates(t, today, error);
  checkLocations(t, known, error);
  checkOffers(EXPORT_FILES.routes.name, t.routes.rows, 'route', t, known, error);
  checkOffers(EXPORT_FILES.profiles.name, t.profiles.rows, 'profile', t, known, error);
  checkCourses(t, known.locationById, (at, column, message, value) => error(EXPORT_FILES.courses.name, at, column, message, value));
  checkNewestDecisions(checkStatusHistory(t, known, today, error), known, error);
}

/**
 * Dates the register can mean: none before the keurmerk's first day (`first_granted` in year
 * 1 is a typing error), and no course planned more than a few years past the export date (a
 * course in 2099 would stay "upcoming" for decades). Each message says which bound was
 * crossed. Run on cells that passed their own rule, as a string comparison per date.
 */
export function checkDateBounds(t: Tables, exportDate: string | undefined, error: RowError): void {
  const tooEarly = `is before ${FIRST_KEURMERK_DATE}, when the Keurmerk Inburgeren began; no date of the register is older, so check the year`;
  const latest = exportDate === undefined ? undefined : addMonths(exportDate, 12 * PLANNING_HORIZON_YEARS);
  const early = <T>(file: string, rows: readonly CheckedRow<T>[], columns: readonly (keyof T & string)[]) => {
    for (const at of rows) {
      for (const column of columns) {
        const date = at.row[column] as string | undefined;
        if (date !== undefined && date < FIRST_KEURMERK_DATE) error(file, at, column, tooEarly, at.cell(column));
      }
    }
  };
  early(H, t.holders.rows, ['status_since', 'first_granted']);
  early(S, t.history.rows, ['effective_from']);
  early(EXPORT_FILES.quality.name, t.quality.rows, ['decision_date']);
  early(EXPORT_FILES.classroom_visits.name, t.visits.rows, ['visit_date']);
  early(EXPORT_FILES.courses.name, t.courses.rows, ['start_date', 'end_date']);
  if (latest === undefined) return;
  for (const c of t.courses.rows) {
    for (const column of ['start_date', 'end_date'] as const) {
      const date = c.row[column];
      if (date !== undefined && date > latest) {
        error(EXPORT_FILES.courses.name, c, column, `is after ${latest}, more than ${PLANNING_HORIZON_YEARS} years past the export date (${exportDate}); no course is planned that far ahead, so check the year`, c.cell(column));
      }
    }
  }
}
