/**
 * The rules of quality.csv and classroom_visits.csv that span rows or files, and the export
 * date they are judged against. Apart from cross-checks.ts because they need that date, which
 * is only known once every file was read (the newest decision in any of them).
 */
import { addMonths, futureDecision } from './dates.ts';
import { NOT_FOUND, dangling, type CheckedRow, type RowError, type Tables } from './file-check.ts';
import type { Problem } from './problems.ts';
import { EXPORT_FILES, type QualityRow } from './schema.ts';
import { MIN_GROUP_SIZE, PERIODIC_VISIT_YEARS, holdsValidKeurmerk } from './vocabulary.ts';

const Q = EXPORT_FILES.quality.name;
const V = EXPORT_FILES.classroom_visits.name;

/** Every holder identifier in holders.csv that passed its own rule, the first row or not. */
function holderIdsOf(t: Tables): Set<string> {
  return new Set(t.holders.rows.flatMap((h) => (h.row.holder_id === undefined ? [] : [h.row.holder_id])));
}

/**
 * A figure over fewer than ten people can point at individual learners: an error, never a
 * warning. Judged only when the count itself passed its rule, so a bad count is reported once.
 */
function checkSmallGroup(
  q: CheckedRow<QualityRow>,
  figure: 'exam_pass_rate' | 'satisfaction_score',
  people: 'exam_candidates' | 'satisfaction_respondents',
  who: string,
  error: RowError,
): void {
  const { row } = q;
  if (row[figure] === undefined || (q.cell(people) !== undefined && row[people] === undefined)) return;
  const n = row[people];
  if (n === undefined) {
    error(Q, q, figure, `may only be given together with ${people} (${MIN_GROUP_SIZE} or more ${who}); leave it empty or fill in ${people}`, q.cell(figure));
  } else if (n < MIN_GROUP_SIZE) {
    error(Q, q, figure, `must be left empty: it is over ${n} ${who}, fewer than ${MIN_GROUP_SIZE}, and such a figure can point at individual learners`, q.cell(figure));
  }
}

/**
 * quality.csv: the holder exists, one row per holder and measurement year, no year after the
 * export date, no decision before its year or in the future, no figure over fewer than ten people.
 */
function checkAssessments(t: Tables, holderIds: ReadonlySet<string>, exportDate: string | undefined, today: string, error: RowError): void {
  const futureDate = futureDecision(today);
  const yearLine = new Map<string, number>();
  for (const q of t.quality.rows) {
    const { row } = q;
    if (dangling(t.holders, holderIds, row.holder_id, Q)) {
      error(Q, q, 'holder_id', NOT_FOUND.holder, row.holder_id);
    }
    if (row.holder_id !== undefined && row.measurement_year !== undefined) {
      const key = `${row.holder_id}\u0000${row.measurement_year}`;
      const first = yearLine.get(key);
      if (first !== undefined) {
        error(Q, q, 'measurement_year', `holder ${row.holder_id} already has an assessment for this year on line ${first}; one row per holder and measurement year`, q.cell('measurement_year'));
      } else yearLine.set(key, q.line);
    }
    const futureYear = row.measurement_year !== undefined && exportDate !== undefined && row.measurement_year > Number(exportDate.slice(0, 4));
    if (futureYear) error(Q, q, 'measurement_year', `must not be after the year of the export date (${exportDate})`, q.cell('measurement_year'));
    // A decision before a year that is itself wrong is not a second problem.
    if (!futureYear && row.decision_date !== undefined && row.measurement_year !== undefined && row.decision_date < `${row.measurement_year}-01-01`) {
      error(Q, q, 'decision_date', `must not be before 1 January of the measurement year (${row.measurement_year})`, q.cell('decision_date'));
    }
    if (row.decision_date !== undefined && futureDate.after(row.decision_date)) error(Q, q, 'decision_date', futureDate.message, q.cell('decision_date'));
    checkSmallGroup(q, 'exam_pass_rate', 'exam_candidates', 'exam candidates', error);
    checkSmallGroup(q, 'satisfaction_score', 'satisfaction_respondents', 'respondents', error);
  }
}

/**
 * classroom_visits.csv: the holder and the location exist and belong together, no visit in
 * the future, and one row per holder, location and date.
 */
function checkVisits(t: Tables, holderIds: ReadonlySet<string>, today: string, error: RowError): void {
  const futureDate = futureDecision(today);
  // The last row per location identifier; a location_id used twice is reported in locations.csv.
  const locationHolder = new Map(t.locations.rows.flatMap((l) => (l.row.location_id === undefined ? [] : [[l.row.location_id, l.row.holder_id] as const])));
  const visitLine = new Map<string, number>();
  for (const v of t.visits.rows) {
    const { row } = v;
    if (dangling(t.holders, holderIds, row.holder_id, V)) {
      error(V, v, 'holder_id', NOT_FOUND.holder, row.holder_id);
    }
    const locationId = row.location_id;
    if (locationId !== undefined && t.locations.readable) {
      if (!locationHolder.has(locationId)) {
        if (dangling(t.locations, locationHolder, locationId, V)) error(V, v, 'location_id', NOT_FOUND.location, locationId);
      } else {
        const owner = locationHolder.get(locationId);
        // Only between holders that exist: an unknown holder on either side is reported once, by its own holder_id.
        if (row.holder_id !== undefined && holderIds.has(row.holder_id) && owner !== undefined && holderIds.has(owner) && owner !== row.holder_id) {
          error(V, v, 'location_id', `this location belongs to ${owner} in ${EXPORT_FILES.locations.name}, not to ${row.holder_id}`, locationId);
        }
      }
    }
    if (row.visit_date !== undefined && futureDate.after(row.visit_date)) error(V, v, 'visit_date', futureDate.message, v.cell('visit_date'));
    if (row.holder_id !== undefined && row.visit_date !== undefined && (locationId !== undefined || v.cell('location_id') === undefined)) {
      const key = `${row.holder_id}\u0000${locationId ?? ''}\u0000${row.visit_date}`;
      const first = visitLine.get(key);
      if (first !== undefined) {
        error(V, v, 'visit_date', `holder ${row.holder_id} already has a visit ${locationId ? `at ${locationId} ` : ''}on this date on line ${first}; one row per holder, location and date`, row.visit_date);
      } else visitLine.set(key, v.line);
    }
  }
}

/**
 * The rules of quality.csv and classroom_visits.csv that span rows or files, judged against
 * the export date (absent when the export states no decision at all) and today.
 */
export function checkQualityFiles(t: Tables, exportDate: string | undefined, today: string, error: RowError): void {
  const holderIds = holderIdsOf(t);
  checkAssessments(t, holderIds, exportDate, today, error);
  checkVisits(t, holderIds, today, error);
}

/**
 * Holders with a valid keurmerk, first granted more than four years before the export date,
 * without a periodic classroom visit in the four years before it: a warning, since the visit
 * may simply not be in this export yet. Only asked when the export has classroom_visits.csv.
 */
export function missingPeriodicVisits(t: Tables, exportDate: string): Problem[] {
  const since = addMonths(exportDate, -12 * PERIODIC_VISIT_YEARS);
  const visited = new Set(
    t.visits.rows.filter((v) => v.row.kind === 'periodiek' && v.row.visit_date! > since && v.row.visit_date! <= exportDate).map((v) => v.row.holder_id),
  );
  const out: Problem[] = [];
  for (const h of t.holders.rows) {
    const { holder_id: id, keurmerk_status: status, first_granted: first } = h.row;
    if (!status || !holdsValidKeurmerk(status) || first === undefined || first >= since || visited.has(id)) continue;
    out.push({
      severity: 'warning',
      file: V,
      column: 'holder_id',
      message: `holder ${id} holds a valid keurmerk since ${first} but has no periodiek visit in the ${PERIODIC_VISIT_YEARS} years before the export date (${exportDate}); the visit may not be in this export yet`,
      value: id,
    });
  }
  return out;
}
