/**
 * Small in-memory exports for the register tests.
 *
 * `validExport()` returns a fresh, valid export that touches every column of every file,
 * so a test can break exactly one thing (a cell, a column, a file) and know that whatever
 * the validator reports is caused by that one change. Tests address rows by their index
 * among the data rows; `lineOf` turns that into the spreadsheet line the validator reports.
 */
import { expect } from 'vitest';
import { validateExports, type ExportBytes, type Problem, type ValidateOptions, type ValidationResult } from '../../src/register/index.ts';

export const HOLDERS = 'holders.csv';
export const LOCATIONS = 'locations.csv';
export const ROUTES = 'routes.csv';
export const PROFILES = 'profiles.csv';
export const HISTORY = 'status_history.csv';
export const COURSES = 'courses.csv';
export const QUALITY = 'quality.csv';
export const VISITS = 'classroom_visits.csv';

export type FileName = typeof HOLDERS | typeof LOCATIONS | typeof ROUTES | typeof PROFILES | typeof HISTORY | typeof QUALITY | typeof VISITS | typeof COURSES;

/** One file: header cells in file order, and rows keyed by header cell (absent key = empty cell). */
export interface Table {
  columns: string[];
  rows: Record<string, string>[];
}

export interface WriteOptions {
  delimiter?: ',' | ';';
  lineEnd?: '\n' | '\r\n';
  bom?: boolean;
  encoding?: 'utf-8' | 'windows-1252';
  /** Quote every cell, as some exporters do, instead of only those that need it. */
  quoteAll?: boolean;
}

/** Spreadsheet line of the data row with this index, in a file without blank or multi-line rows. */
export function lineOf(rowIndex: number): number {
  return rowIndex + 2;
}

const HOLDER_COLUMNS = [
  'holder_id', 'name', 'trade_name', 'kvk_number', 'website', 'email', 'phone',
  'keurmerk_status', 'status_since', 'first_granted', 'laws', 'distance_learning',
];
const LOCATION_COLUMNS = [
  'location_id', 'holder_id', 'name', 'street', 'house_number', 'house_number_suffix', 'postcode', 'city',
  'municipality_code', 'municipality_name', 'province', 'latitude', 'longitude', 'phone', 'email', 'wheelchair_accessible',
];
const ROUTE_COLUMNS = ['location_id', 'route', 'dayparts', 'modality'];
const PROFILE_COLUMNS = ['location_id', 'profile', 'dayparts', 'modality'];
const HISTORY_COLUMNS = ['holder_id', 'status', 'effective_from', 'note'];
const COURSE_COLUMNS = ['location_id', 'offer', 'start_date', 'end_date', 'hours_per_week', 'dayparts', 'modality', 'max_group_size', 'places_left', 'price_eur'];
const QUALITY_COLUMNS = [
  'holder_id', 'measurement_year', 'rating', 'norm_organisation', 'norm_results', 'norm_satisfaction', 'exam_candidates',
  'exam_pass_rate', 'satisfaction_score', 'satisfaction_respondents', 'certified_teacher_share', 'decision_date',
];
const VISIT_COLUMNS = ['holder_id', 'location_id', 'visit_date', 'kind', 'outcome'];

/** Every column of every file, in contract order. */
export const COLUMNS: Record<FileName, readonly string[]> = {
  [HOLDERS]: HOLDER_COLUMNS,
  [LOCATIONS]: LOCATION_COLUMNS,
  [ROUTES]: ROUTE_COLUMNS,
  [PROFILES]: PROFILE_COLUMNS,
  [HISTORY]: HISTORY_COLUMNS,
  [COURSES]: COURSE_COLUMNS,
  [QUALITY]: QUALITY_COLUMNS,
  [VISITS]: VISIT_COLUMNS,
};

/**
 * A valid export. Values are written the way real exports write them (mixed case booleans,
 * postcodes without a space, `z-route`), so the model tests can check the normalisation.
 * Every location has coordinates and every holder a location, so a valid run has no warnings.
 */
function validTables(): Partial<Record<FileName, Table>> {
  return {
    [HOLDERS]: {
      columns: [...HOLDER_COLUMNS],
      rows: [
        {
          holder_id: 'taal-1', name: 'Taalschool Noord', trade_name: 'Noord Taal', kvk_number: '12345678',
          website: 'https://www.taalnoord.nl/inburgeren', email: 'info@taalnoord.nl', phone: '050-123 45 67',
          keurmerk_status: 'onbepaalde_tijd', status_since: '2023-06-01', first_granted: '2019-03-15',
          laws: 'wi2013|wi2021', distance_learning: 'Ja',
        },
        {
          holder_id: 'inburg_2', name: 'Inburgering Zuid B.V.', keurmerk_status: 'bepaalde_tijd',
          status_since: '2024-02-29', laws: 'wi2021', distance_learning: 'nee',
        },
      ],
    },
    [LOCATIONS]: {
      columns: [...LOCATION_COLUMNS],
      rows: [
        {
          location_id: 'noord-a', holder_id: 'taal-1', name: 'Noord Centrum', street: 'Vismarkt', house_number: '12',
          house_number_suffix: 'a', postcode: '9712cb', city: 'Groningen', municipality_code: 'GM0014',
          municipality_name: 'Groningen', province: 'Groningen', latitude: '53.2172', longitude: '6.5665',
          phone: '+31 (0)50 123 45 68', email: 'centrum@taalnoord.nl', wheelchair_accessible: 'Ja',
        },
        {
          location_id: 'noord-b', holder_id: 'taal-1', street: 'Oosterstraat', house_number: '5', postcode: '9711 NR',
          city: 'Groningen', municipality_code: 'GM0014', municipality_name: 'Groningen', province: 'Groningen',
          latitude: '53.215', longitude: '6.57', wheelchair_accessible: '0',
        },
        {
          location_id: 'zuid-1', holder_id: 'inburg_2', name: 'Zuid Station', street: 'Stationsplein', house_number: '1',
          postcode: '5611AC', city: 'Eindhoven', municipality_code: 'GM0772', municipality_name: 'Eindhoven',
          province: 'Noord-Brabant', latitude: '51.4433', longitude: '5.48', wheelchair_accessible: 'TRUE',
        },
        {
          location_id: 'fries-1', holder_id: 'inburg_2', street: 'Zaailand', house_number: '100', postcode: '8911 bl',
          city: 'Leeuwarden', municipality_code: 'GM0080', municipality_name: 'Leeuwarden', province: 'Fryslân',
          latitude: '53.2012', longitude: '5.7999',
        },
      ],
    },
    [ROUTES]: {
      columns: [...ROUTE_COLUMNS],
      rows: [
        { location_id: 'noord-a', route: 'B1', dayparts: 'ochtend|middag', modality: 'klassikaal' },
        { location_id: 'noord-a', route: 'z-route' },
        { location_id: 'zuid-1', route: 'B1-Route', dayparts: 'avond', modality: 'blended' },
        { location_id: 'fries-1', route: 'Z', dayparts: 'weekend | ochtend', modality: 'afstand' },
      ],
    },
    [PROFILES]: {
      columns: [...PROFILE_COLUMNS],
      rows: [
        { location_id: 'noord-a', profile: 'analfabeet', dayparts: 'ochtend', modality: 'klassikaal' },
        { location_id: 'noord-b', profile: 'hoog' },
      ],
    },
    [HISTORY]: {
      columns: [...HISTORY_COLUMNS],
      rows: [
        // Newest first on purpose: the model must sort history oldest first.
        { holder_id: 'taal-1', status: 'onbepaalde_tijd', effective_from: '2023-06-01', note: 'Omgezet naar onbepaalde tijd' },
        { holder_id: 'taal-1', status: 'herstelperiode', effective_from: '2022-01-10', note: 'Herstelperiode na audit' },
        { holder_id: 'taal-1', status: 'bepaalde_tijd', effective_from: '2019-03-15', note: 'Eerste keurmerk' },
        { holder_id: 'inburg_2', status: 'bepaalde_tijd', effective_from: '2024-02-29' },
      ],
    },
  };
}

/** A mutable export: change it with the methods, then turn it into bytes or validate it. */
export class Export {
  tables: Partial<Record<FileName, Table>>;
  /** Raw file contents that replace the generated bytes of a file (for hand-written CSV). */
  raw: Partial<Record<FileName, string | Uint8Array>> = {};

  constructor(tables: Partial<Record<FileName, Table>> = validTables()) {
    this.tables = tables;
  }

  table(file: FileName): Table {
    const t = this.tables[file];
    if (!t) throw new Error(`${file} is not in this export`);
    return t;
  }

  /** Sets one cell; an empty string empties it. */
  set(file: FileName, rowIndex: number, column: string, value: string): this {
    const row = this.table(file).rows[rowIndex];
    if (!row) throw new Error(`${file} has no row ${rowIndex}`);
    row[column] = value;
    return this;
  }

  get(file: FileName, rowIndex: number, column: string): string | undefined {
    return this.table(file).rows[rowIndex]?.[column];
  }

  addRow(file: FileName, row: Record<string, string>): this {
    this.table(file).rows.push(row);
    return this;
  }

  /** Empties a file down to its header row. */
  clearRows(file: FileName): this {
    this.table(file).rows = [];
    return this;
  }

  dropColumn(file: FileName, column: string): this {
    const t = this.table(file);
    t.columns = t.columns.filter((c) => c !== column);
    return this;
  }

  addColumn(file: FileName, column: string, value = ''): this {
    const t = this.table(file);
    t.columns.push(column);
    for (const row of t.rows) row[column] = value;
    return this;
  }

  /** Renames header cells (e.g. to upper case); row keys stay as they were. */
  renameColumns(file: FileName, rename: (column: string) => string): this {
    const t = this.table(file);
    const renamed = t.columns.map(rename);
    t.rows = t.rows.map((row) => Object.fromEntries(t.columns.map((c, i) => [renamed[i]!, row[c] ?? ''])));
    t.columns = renamed;
    return this;
  }

  reorderColumns(file: FileName, order: (columns: string[]) => string[]): this {
    const t = this.table(file);
    t.columns = order([...t.columns]);
    return this;
  }

  removeFile(file: FileName): this {
    delete this.tables[file];
    delete this.raw[file];
    return this;
  }

  /** Replaces a file by exactly this text (UTF-8) or these bytes. */
  setRaw(file: FileName, content: string | Uint8Array): this {
    this.raw[file] = content;
    return this;
  }

  text(file: FileName, options: WriteOptions = {}): string {
    return writeCsv(this.table(file), options);
  }

  bytes(options: WriteOptions = {}): ExportBytes {
    const out: ExportBytes = {};
    for (const [file, table] of Object.entries(this.tables) as [FileName, Table][]) {
      out[file] = encode(writeCsv(table, options), options);
    }
    for (const [file, content] of Object.entries(this.raw) as [FileName, string | Uint8Array][]) {
      out[file] = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    }
    return out;
  }

  validate(options: WriteOptions = {}, validateOptions: ValidateOptions = {}): ValidationResult {
    return validateExports(this.bytes(options), validateOptions);
  }

  clone(): Export {
    const copy = new Export(structuredClone(this.tables));
    copy.raw = { ...this.raw };
    return copy;
  }
}

export function validExport(): Export {
  return new Export();
}

/**
 * The valid export with a course planning (courses.csv is optional, so `validExport` has
 * none): for an export date of 2024-02-29 (the newest decision), one ended, one running, two
 * upcoming courses at noord-a, and one upcoming at zuid-1. Every column is used somewhere.
 */
export function withCourses(x: Export = validExport()): Export {
  x.tables[COURSES] = {
    columns: [...COURSE_COLUMNS],
    rows: [
      { location_id: 'noord-a', offer: 'B1', start_date: '2024-09-02', end_date: '2025-06-27', hours_per_week: '9', dayparts: 'ochtend', modality: 'klassikaal', max_group_size: '14', places_left: '0', price_eur: '6200' },
      { location_id: 'noord-a', offer: 'z-route', start_date: '2023-01-09', end_date: '2023-12-15', hours_per_week: '12.5' },
      { location_id: 'noord-a', offer: 'analfabeet', start_date: '2024-01-08', dayparts: 'middag|ochtend', max_group_size: '10' },
      { location_id: 'noord-a', offer: 'B1', start_date: '2024-03-04', end_date: '2024-12-20', hours_per_week: '6', dayparts: 'avond', modality: 'blended', max_group_size: '12', places_left: '3', price_eur: '5450.50' },
      { location_id: 'zuid-1', offer: 'B1-route', start_date: '2024-05-13', places_left: '7' },
    ],
  };
  return x;
}

/**
 * The optional files of contract version 2 (quality.csv, classroom_visits.csv) for the valid
 * export: every column used, every norm outcome and both kinds of visit. Kept out of
 * `validExport()` so the version-1 tests go on testing a version-1 export.
 */
function qualityTables(): Pick<Record<FileName, Table>, typeof QUALITY | typeof VISITS> {
  return {
    [QUALITY]: {
      columns: [...QUALITY_COLUMNS],
      rows: [
        // Newest first on purpose: the model must sort assessments by measurement year.
        {
          holder_id: 'taal-1', measurement_year: '2023', rating: '3', norm_organisation: 'behaald', norm_results: 'behaald',
          norm_satisfaction: 'niet_behaald', exam_candidates: '42', exam_pass_rate: '71.5', satisfaction_score: '6.8',
          satisfaction_respondents: '30', certified_teacher_share: '85', decision_date: '2024-02-12',
        },
        {
          holder_id: 'taal-1', measurement_year: '2022', rating: '2', norm_organisation: 'behaald', norm_results: 'niet_behaald',
          norm_satisfaction: 'geen_oordeel', exam_candidates: '12', exam_pass_rate: '50', satisfaction_respondents: '9',
          certified_teacher_share: '78.5',
        },
        {
          holder_id: 'inburg_2', measurement_year: '2023', rating: 'aspirant', norm_organisation: 'behaald', norm_results: 'geen_oordeel',
          norm_satisfaction: 'geen_oordeel', exam_candidates: '4', satisfaction_respondents: '0',
        },
      ],
    },
    [VISITS]: {
      columns: [...VISIT_COLUMNS],
      rows: [
        { holder_id: 'taal-1', location_id: 'noord-a', visit_date: '2022-10-04', kind: 'periodiek', outcome: 'voldoende' },
        { holder_id: 'taal-1', visit_date: '2023-03-14', kind: 'onaangekondigd', outcome: 'onvoldoende' },
        { holder_id: 'inburg_2', location_id: 'fries-1', visit_date: '2024-01-09', kind: 'periodiek', outcome: 'voldoende' },
      ],
    },
  };
}

/** The valid export with quality.csv and classroom_visits.csv added: still valid, no warnings. */
export function withQualityFiles(x: Export = validExport()): Export {
  Object.assign(x.tables, qualityTables());
  return x;
}

/**
 * Adds a holder and a location that no other row refers to, so that their identifiers can
 * be broken without also leaving references dangling. Returns their row indexes. The two
 * rows make the export warn (no locations, no coordinates) but not fail.
 */
export function withUnreferencedRows(x: Export): { holder: number; location: number } {
  x.addRow(HOLDERS, { holder_id: 'los-3', name: 'Losse Taalcoach', keurmerk_status: 'geschorst', status_since: '2025-01-06', laws: 'wi2021' });
  x.addRow(LOCATIONS, {
    location_id: 'leeg-5', holder_id: 'inburg_2', street: 'Markt', house_number: '1', postcode: '5611 EB', city: 'Eindhoven',
    municipality_code: 'GM0772', municipality_name: 'Eindhoven', province: 'Noord-Brabant',
  });
  return { holder: x.table(HOLDERS).rows.length - 1, location: x.table(LOCATIONS).rows.length - 1 };
}

/** Writes a table as CSV, quoting a cell when it holds a delimiter, quote, line break or edge space. */
export function writeCsv(table: Table, options: WriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const lineEnd = options.lineEnd ?? '\n';
  const cell = (v: string) =>
    options.quoteAll || /[",;\r\n]/.test(v) || v !== v.trim() ? `"${v.replaceAll('"', '""')}"` : v;
  const lines = [table.columns.map(cell).join(delimiter)];
  for (const row of table.rows) lines.push(table.columns.map((c) => cell(row[c] ?? '')).join(delimiter));
  return (options.bom ? '\uFEFF' : '') + lines.join(lineEnd) + lineEnd;
}

const CP1252_HIGH: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };

/** UTF-8, or Windows-1252 the way Excel writes it (one byte per letter). */
export function encode(text: string, options: WriteOptions = {}): Uint8Array {
  if ((options.encoding ?? 'utf-8') === 'utf-8') return new TextEncoder().encode(text);
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (CP1252_HIGH[ch] !== undefined) bytes.push(CP1252_HIGH[ch]);
    else if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else throw new Error(`cannot write ${ch} in Windows-1252`);
  }
  return new Uint8Array(bytes);
}

/** The parts of a problem a test asserts on; absent parts are left out, so `toEqual` checks them too. */
export function where(p: Problem): { file: string; line?: number; column?: string; value?: string } {
  const out: { file: string; line?: number; column?: string; value?: string } = { file: p.file };
  if (p.line !== undefined) out.line = p.line;
  if (p.column !== undefined) out.column = p.column;
  if (p.value !== undefined) out.value = p.value;
  return out;
}

/** The errors of a run that must fail; throws (failing the test) when the run passed. */
export function errorsOf(result: ValidationResult): Problem[] {
  if (result.ok) throw new Error('expected the export to be rejected, but it passed');
  return result.errors;
}

/** The one error of a run with exactly one problem. */
export function onlyError(result: ValidationResult): Problem {
  const errors = errorsOf(result);
  if (errors.length !== 1) {
    throw new Error(`expected exactly one error, got ${errors.length}:\n${errors.map((e) => JSON.stringify(e)).join('\n')}`);
  }
  return errors[0]!;
}

/**
 * Checks a run with exactly one problem: where it is (`where`'s parts) and that its message
 * says each of `says`. Returns the problem for anything more a test checks.
 */
export function expectOnlyError(result: ValidationResult, at: ReturnType<typeof where>, ...says: string[]): Problem {
  const e = onlyError(result);
  expect(where(e)).toEqual(at);
  for (const part of says) expect(e.message).toContain(part);
  return e;
}
