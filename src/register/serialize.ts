/**
 * The register written back out in the contract's own formats: the open-data CSVs, the
 * nested `register.json` and the map's GeoJSON.
 *
 * The CSVs are the contract's files with normalised values (postcode `1234 AB`, booleans
 * `true`/`false`, codes as the contract spells them), so that the published downloads are
 * themselves a valid export: `validateExports(serializeRegister(r))` gives `r` back. That
 * is what lets a researcher trust them, and what lets the next build read the previous
 * publication to say what changed.
 */
import Papa from 'papaparse';
import { SPREADSHEET_UNSAFE } from './csv.ts';
import { holderOf, locationName, type Register } from './model.ts';
import { EXPORT_FILES, columnsOf, type ExportFileKey } from './schema.ts';
import { validateExports, type ExportBytes, type ValidationResult } from './validate.ts';
import { holdsValidKeurmerk } from './vocabulary.ts';
import { parsePublishedJson } from './problems.ts';

/**
 * A value as one CSV cell: lists joined with `|` (the contract's list separator), booleans
 * and numbers in their plain English form, absent values empty.
 */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join('|');
  return String(value);
}

/** Line end of every download: RFC 4180 says CRLF, and every CSV reader accepts it. */
export const CSV_NEWLINE = '\r\n';

/**
 * Rows as RFC 4180 CSV (UTF-8 text, comma, one header row, CRLF, a line end after the last
 * row). Cells that a spreadsheet would run as a formula get an apostrophe in front; the
 * ingestion takes it off again (see `unneutralise` in csv.ts). One function for every CSV the
 * site publishes, so every download is equally safe to open in a spreadsheet.
 */
export function toCsv(columns: readonly string[], rows: readonly object[]): string {
  const data = rows.map((row) => columns.map((column) => cellText((row as Record<string, unknown>)[column])));
  return (
    Papa.unparse(
      { fields: [...columns], data },
      { newline: CSV_NEWLINE, quotes: false, escapeFormulae: SPREADSHEET_UNSAFE, header: true },
    ) + CSV_NEWLINE
  );
}

/**
 * A CSV download as published: UTF-8 with a byte order mark in front, so Excel (which opens a
 * CSV without one as the local code page) shows "Fryslân" and not "FryslÃ¢n". The validator
 * drops the mark again, so a download is still a valid export.
 */
export function csvDownload(csv: string): string {
  return `\uFEFF${csv}`;
}

/** Column names of one export file, in the contract's order (the order of the downloads). */
export function exportColumns(key: ExportFileKey): string[] {
  return columnsOf(EXPORT_FILES[key]).map((c) => c.name);
}

/**
 * Any subset of one file's rows as that file's CSV, with the full header: the per-region
 * downloads are the same files as the national ones, only shorter. Rows may be the model's
 * objects (`Holder`, `Location`, an offer); only the file's own columns are written.
 */
export function serializeRows(key: ExportFileKey, rows: readonly object[]): string {
  return toCsv(exportColumns(key), rows);
}

/** The rows of every export file, in the order the export had them. */
export function registerRows(register: Register): Record<ExportFileKey, readonly object[]> {
  return {
    holders: register.holders,
    locations: register.locations,
    routes: register.locations.flatMap((l) => l.routes),
    profiles: register.locations.flatMap((l) => l.profiles),
    status_history: register.holders.flatMap((h) => h.history),
    courses: register.locations.flatMap((l) => l.courses),
    quality: register.holders.flatMap((h) => h.quality),
    classroom_visits: register.holders.flatMap((h) => h.visits),
  };
}

/**
 * The files a publication of this register holds, in contract order. The version-2 files
 * (quality.csv, classroom_visits.csv, courses.csv) only when the export had them: a header-only
 * download would say "no school has an assessment" or "no course is planned", which an export
 * without the file does not say.
 */
export function publishedFileKeys(register: Register): ExportFileKey[] {
  return (Object.keys(EXPORT_FILES) as ExportFileKey[]).filter(
    (key) =>
      (key !== 'quality' || register.published.quality) &&
      (key !== 'classroom_visits' || register.published.classroomVisits) &&
      (key !== 'courses' || register.published.courses),
  );
}

/** Every published file of the contract as CSV text, by file name (`holders.csv`), in contract order. */
export function serializeRegister(register: Register): Record<string, string> {
  const rows = registerRows(register);
  return Object.fromEntries(publishedFileKeys(register).map((key) => [EXPORT_FILES[key].name, serializeRows(key, rows[key])]));
}

/** CSV texts as the bytes `validateExports` reads, so the round trip uses the real ingestion. */
export function csvBytes(files: Record<string, string>): ExportBytes {
  const encoder = new TextEncoder();
  return Object.fromEntries(Object.entries(files).map(([name, text]) => [name, encoder.encode(text)]));
}

/** The columns of a row that have a value, in the given order (absent values are left out). */
function pick(row: object, columns: readonly string[], leaveOut: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of columns) {
    const value = (row as Record<string, unknown>)[column];
    if (value !== undefined && !leaveOut.includes(column)) out[column] = value;
  }
  return out;
}

/**
 * The shape of `register.json`: holders with their locations (each with its routes and
 * profiles), their decisions, and (when the export had those files) their quality
 * assessments (`quality`) and classroom visits (`classroom_visits`), all oldest first. Keys are the contract's column names; a
 * reference that the nesting already says (a location's `holder_id`) is left out, and so is
 * an absent value.
 */
export interface PublishedRegister {
  /** The date the export describes (see the open-data page); never the build's clock. */
  export_date: string;
  /** False when the export held no courses.csv: the course planning was not published (not: none planned). */
  courses_published: boolean;
  holders: Record<string, unknown>[];
}

/** The register nested for readers who want one file instead of five joined tables. */
export function publishedRegister(register: Register, exportDate: string): PublishedRegister {
  const columns = {
    holders: exportColumns('holders'),
    locations: exportColumns('locations'),
    routes: exportColumns('routes'),
    profiles: exportColumns('profiles'),
    history: exportColumns('status_history'),
    courses: exportColumns('courses'),
    quality: exportColumns('quality'),
    visits: exportColumns('classroom_visits'),
  };
  return {
    export_date: exportDate,
    courses_published: register.published.courses,
    holders: register.holders.map((holder) => ({
      ...pick(holder, columns.holders),
      locations: holder.locations.map((location) => ({
        ...pick(location, columns.locations, ['holder_id']),
        routes: location.routes.map((r) => pick(r, columns.routes, ['location_id'])),
        profiles: location.profiles.map((p) => pick(p, columns.profiles, ['location_id'])),
        ...(register.published.courses ? { courses: location.courses.map((c) => pick(c, columns.courses, ['location_id'])) } : {}),
      })),
      history: holder.history.map((e) => pick(e, columns.history, ['holder_id'])),
      ...(register.published.quality ? { quality: holder.quality.map((q) => pick(q, columns.quality, ['holder_id'])) } : {}),
      ...(register.published.classroomVisits ? { classroom_visits: holder.visits.map((v) => pick(v, columns.visits, ['holder_id'])) } : {}),
    })),
  };
}

/**
 * `register.json` as published: pretty-printed, so two publications can be compared with a
 * plain text diff, and read back by `readPublishedRegister` as the next build's previous one.
 */
export function registerJson(register: Register, exportDate: string): string {
  return `${JSON.stringify(publishedRegister(register, exportDate), null, 2)}\n`;
}

/** What reading a previously published `register.json` gives. */
export type PublishedRead =
  | { ok: true; register: Register; exportDate: string }
  | { ok: false; message: string };

/**
 * Reads a `register.json` this site published, through the same validator as a fresh
 * export (its rows are turned back into the contract's files), so the previous and the
 * current register are models of exactly the same kind and can be compared field by field.
 */
export function readPublishedRegister(text: string): PublishedRead {
  const read = parsePublishedJson(text);
  if (!read.ok) return read;
  const doc = read.value;
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isObject) : []);
  if (!isObject(doc) || !Array.isArray(doc.holders) || typeof doc.export_date !== 'string') {
    return { ok: false, message: 'it has no "export_date" and "holders"; is it the register.json from /data/ of an earlier publication?' };
  }
  const rows: Record<ExportFileKey, object[]> = { holders: [], locations: [], routes: [], profiles: [], status_history: [], quality: [], classroom_visits: [], courses: [] };
  // A publication made without quality.csv or classroom_visits.csv has no such key on any holder.
  const holders = list(doc.holders);
  const optional = new Set<ExportFileKey>();
  if (holders.some((h) => Array.isArray(h.quality))) optional.add('quality');
  if (holders.some((h) => Array.isArray(h.classroom_visits))) optional.add('classroom_visits');
  if (doc.courses_published === true) optional.add('courses');
  for (const holder of holders) {
    rows.holders.push(holder);
    for (const location of list(holder.locations)) {
      rows.locations.push({ ...location, holder_id: holder.holder_id });
      for (const route of list(location.routes)) rows.routes.push({ ...route, location_id: location.location_id });
      for (const profile of list(location.profiles)) rows.profiles.push({ ...profile, location_id: location.location_id });
      for (const course of list(location.courses)) rows.courses.push({ ...course, location_id: location.location_id });
    }
    for (const event of list(holder.history)) rows.status_history.push({ ...event, holder_id: holder.holder_id });
    for (const q of list(holder.quality)) rows.quality.push({ ...q, holder_id: holder.holder_id });
    for (const v of list(holder.classroom_visits)) rows.classroom_visits.push({ ...v, holder_id: holder.holder_id });
  }
  const files = Object.fromEntries(
    (Object.keys(EXPORT_FILES) as ExportFileKey[])
      .filter((key) => (key !== 'quality' && key !== 'classroom_visits' && key !== 'courses') || optional.has(key))
      .map((key) => [EXPORT_FILES[key].name, serializeRows(key, rows[key])]),
  );
  const result: ValidationResult = validateExports(csvBytes(files));
  if (!result.ok) {
    const first = result.errors[0]!;
    return { ok: false, message: `its ${first.file} rows do not meet the export contract (${result.errors.length} problems, the first: ${first.column ?? ''} ${first.message})` };
  }
  return { ok: true, register: result.register, exportDate: doc.export_date };
}

/**
 * `locations.geojson` (RFC 7946: WGS84 longitude/latitude points): every location with
 * coordinates, with what a map reader needs without a join: the holder, its status, the
 * address and the offer. Locations without coordinates are in locations.csv, not here.
 */
export function locationsGeoJson(register: Register): string {
  const features = register.locations
    .filter((l) => l.latitude !== undefined && l.longitude !== undefined)
    .map((location) => {
      const holder = holderOf(register, location);
      return {
        type: 'Feature',
        id: location.location_id,
        geometry: { type: 'Point', coordinates: [location.longitude!, location.latitude!] },
        properties: {
          location_id: location.location_id,
          name: locationName(location, holder),
          holder_id: holder.holder_id,
          holder_name: holder.name,
          keurmerk_status: holder.keurmerk_status,
          status_since: holder.status_since,
          valid_keurmerk: holdsValidKeurmerk(holder.keurmerk_status),
          ...pick(location, ['street', 'house_number', 'house_number_suffix', 'postcode', 'city', 'municipality_code', 'municipality_name', 'province']),
          routes: location.routes.map((r) => r.route),
          profiles: location.profiles.map((p) => p.profile),
          ...pick(location, ['wheelchair_accessible', 'phone', 'email']),
          ...pick(holder, ['website']),
        },
      };
    });
  return `${JSON.stringify({ type: 'FeatureCollection', features })}\n`;
}
