/**
 * One export file checked on its own: its header against the contract, then each row through
 * its Zod schema while the file is being read. The cross-file rules (cross-checks.ts and the
 * modules beside it) then only see checked rows, never the file's text.
 */
import type * as z from 'zod';
import { CellPool } from './cell-pool.ts';
import { scanCsv, type CsvRecord } from './csv.ts';
import type { Problem } from './problems.ts';
import {
  EXPORT_FILES,
  columnsOf,
  type ClassroomVisitRow,
  type CourseRow,
  type ExportFile,
  type HolderRow,
  type LocationRow,
  type ProfileRow,
  type QualityRow,
  type RouteRow,
  type StatusRow,
} from './schema.ts';

/**
 * One data row after its cells were checked. `row` holds the cells that passed (so the
 * cross-file checks can still run on the good cells of a row with one bad cell); `cell()`
 * gives a cell as written, for reports and for telling an empty cell from a refused one.
 */
export class CheckedRow<T> {
  readonly row: Partial<T>;
  /**
   * The spreadsheet line alone for most rows; for the few that start lower in a text editor or
   * have cells that cannot be told from their values, an object with those too. A large export
   * has a million rows, so every field of this class is megabytes.
   */
  private readonly where: number | RowDetail;

  constructor(row: Partial<T>, line: number, textLine: number, written: Readonly<Record<string, string>> | undefined) {
    this.row = row;
    this.where = textLine === line && written === undefined ? line : { line, textLine, written };
  }

  /** Spreadsheet row, as reports give it. */
  get line(): number {
    return typeof this.where === 'number' ? this.where : this.where.line;
  }

  /** Text-editor line where the row starts. */
  get textLine(): number {
    return typeof this.where === 'number' ? this.where : this.where.textLine;
  }

  /** The cell as written in the export (trimmed), or undefined when it was empty. */
  cell(column: string): string | undefined {
    const written = typeof this.where === 'number' ? undefined : this.where.written?.[column];
    return written ?? canonicalText((this.row as Record<string, unknown>)[column]);
  }
}

/** Where a row is, and what of it must be kept as written. */
interface RowDetail {
  line: number;
  textLine: number;
  /**
   * Only the cells that cannot be told from their parsed value: refused cells, booleans,
   * normalised postcodes, numbers and lists written otherwise than in their simplest form.
   * Most cells pass as the text they are, and keeping a second record of every row would
   * double what a large export holds.
   */
  written: Readonly<Record<string, string>> | undefined;
}

/**
 * How a parsed value is written in its simplest form: a text as itself, a number as
 * JavaScript writes it, a list joined by `|`. A cell written exactly so need not be kept
 * beside its value; a boolean (ja, true, 1) cannot be told back, so it always is.
 */
function canonicalText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.join('|');
  return undefined;
}

/** What one file yielded: rows that passed, plus what is needed to avoid cascading reports. */
export interface FileCheck<T> {
  rows: CheckedRow<T>[];
  /** False when the file is missing or its header is broken: references into it are not checked. */
  readable: boolean;
  /** Raw identifiers (first column) that failed their own check: references to them are not reported again. */
  rejectedIds: Set<string>;
  /**
   * Refused identifiers holding characters outside the identifier alphabet (a damaged byte, a
   * space): the rows elsewhere that refer to what they were meant to be are their follow-on
   * errors, counted here and reported as one line beside the root cause. Absent when none.
   */
  damagedIds?: DamagedId[];
  /** Data rows read, passed or not: the validator's summary counts them. */
  rowCount: number;
}

/** A refused identifier that references may still mean, and the rows that do. */
export interface DamagedId {
  /** The identifier as written. */
  raw: string;
  line: number;
  /** What it was meant to be: its identifier characters, with up to four unknown ones where it is damaged. */
  meant: RegExp;
  /** The first reference that matched, as written there. */
  as?: string;
  /** Rows that refer to it, per file. */
  followers: Map<string, number>;
}

/** A run of characters an identifier may not hold. */
const NOT_IDENTIFIER = /[^A-Za-z0-9_-]+/;

/** The identifier a refused one was meant to be, when it holds stray characters; undefined when it holds none. */
function damagedId(raw: string, line: number): DamagedId | undefined {
  const parts = raw.split(NOT_IDENTIFIER);
  if (parts.length < 2 || parts.join('').length < 2) return undefined;
  return { raw, line, meant: new RegExp(`^${parts.join('.{0,4}')}$`), followers: new Map() };
}

/**
 * Whether a reference from `from` names nothing in `target`: its file is readable, no row holds
 * the identifier, and it is not one that was refused. A reference to what a damaged identifier
 * was meant to be is a follow-on error: counted on that identifier, not reported on its own.
 */
export function dangling(target: FileCheck<unknown>, known: { has(id: string): boolean }, id: string | undefined, from: string): boolean {
  if (id === undefined || !target.readable || known.has(id) || target.rejectedIds.has(id)) return false;
  const damaged = target.damagedIds?.find((d) => d.meant.test(id));
  if (damaged === undefined) return true;
  damaged.as ??= id;
  damaged.followers.set(from, (damaged.followers.get(from) ?? 0) + 1);
  return false;
}

/**
 * What a reference that names nothing says, with the file named as the contract names it
 * (`EXPORT_FILES`): one wording for every file that refers to holders or locations.
 */
export const NOT_FOUND = {
  holder: `no holder with this identifier in ${EXPORT_FILES.holders.name}`,
  location: `no location with this identifier in ${EXPORT_FILES.locations.name}`,
} as const;

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

/** A row before its file's type is known: column name to parsed value. */
type Row = Record<string, unknown>;

/** A problem before the file it is in is added. */
type Finding = Omit<Problem, 'file' | 'severity'>;

type Column = ReturnType<typeof columnsOf>[number];

/** A line-number hint for rows that start lower in a text editor than in a spreadsheet. */
export function textLineHint(record: Pick<CsvRecord, 'line' | 'textLine'>): string {
  return record.textLine !== record.line ? ` (this row starts on line ${record.textLine} in a text editor)` : '';
}

/** Reports an error at a checked row; the rules that span rows and files all report this way. */
export type RowError = (file: string, at: CheckedRow<unknown>, column: string, message: string, value?: string) => void;

/** A `RowError` that adds to `problems`, with the row's line and its text-line hint. */
export function rowErrors(problems: Problem[]): RowError {
  return (file, at, column, message, value) =>
    problems.push({ severity: 'error', file, line: at.line, column, message: message + textLineHint(at), value });
}

/** What the header row says about the rest of the file. */
interface HeaderCheck {
  findings: Finding[];
  /**
   * False when the header does not say which cell is which column (a name used twice, or
   * values under no name): then no row can be read.
   */
  readable: boolean;
  /** Required columns the header lacks: reported once for the file, never per row. */
  missing: Set<string>;
}

/**
 * Checks the header row. An unknown or a missing column is reported once and leaves the other
 * columns readable, so their problems come out in the same run; the run fails either way, so
 * an unknown column never reaches the site. `unnamedValues` says whether any row has a value
 * under a column without a name, which is only known once every row was read.
 */
function checkHeader(header: readonly string[], columns: readonly Column[], unnamedValues: boolean): HeaderCheck {
  const known = new Set(columns.map((c) => c.name));
  const findings: Finding[] = [];
  let readable = true;
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name === '') {
      if (unnamedValues) {
        findings.push({ line: 1, message: `column ${i + 1} has values but no name in the header row` });
        readable = false;
      }
      return;
    }
    if (seen.has(name)) {
      findings.push({ line: 1, column: name, message: 'this column appears twice in the header row' });
      readable = false;
    }
    seen.add(name);
    if (!known.has(name)) {
      findings.push({
        line: 1,
        column: name,
        message: `the contract has no such column; remove it (it may hold data that must not be published). Known columns: ${[...known].join(', ')}`,
      });
    }
  });
  const missing = new Set<string>();
  for (const column of columns) {
    if (column.required && !seen.has(column.name)) {
      findings.push({ line: 1, column: column.name, message: 'this required column is missing from the header row' });
      missing.add(column.name);
    }
  }
  return { findings, readable, missing };
}

/** A file's columns and their rules, looked up once rather than per row. */
interface FileRules {
  columns: readonly Column[];
  shape: Record<string, z.ZodType>;
  idColumn: string;
}

/** Where a file's refused identifiers are collected while its rows are read. */
interface Rejected {
  add(id: string, line: number): void;
}

/**
 * Runs every cell of one row through its column's rule. A failed identifier goes to
 * `rejectedIds`, so rows elsewhere that refer to it are not reported again.
 */
function checkRow(record: CsvRecord, rules: FileRules, pool: CellPool, missing: ReadonlySet<string>, rejected: Rejected, findings: Finding[]): CheckedRow<Row> {
  const row: Row = {};
  let written: Record<string, string> | undefined;
  for (const { name } of rules.columns) {
    const value = record.values[name];
    // Already reported once for the whole file, or for its characters when it was read.
    if (missing.has(name) || record.refused?.has(name)) {
      if (value !== undefined) {
        (written ??= {})[name] = value;
        if (name === rules.idColumn) rejected.add(value, record.line);
      }
      continue;
    }
    const { raw, data, issues } = pool.cell(name, value);
    if (issues === undefined) {
      if (data !== undefined) row[name] = data;
      if (raw !== undefined && data !== raw && canonicalText(data) !== raw) (written ??= {})[name] = raw;
      continue;
    }
    if (raw !== undefined) {
      (written ??= {})[name] = raw;
      if (name === rules.idColumn) rejected.add(raw, record.line);
    }
    for (const message of issues) {
      findings.push({ line: record.line, column: name, message: message + textLineHint(record), value: raw });
    }
  }
  return new CheckedRow(row, record.line, record.textLine, written);
}

/**
 * Reads one file: header checks, then every row through its Zod schema as it is read, so the
 * file's text and its raw rows are never all held beside the checked rows. Problems come out
 * in the order a steward reads them: reading, header, quoting, cell counts, then cells.
 */
/** What a file that cannot be read yields: no rows, and no references into it are checked. */
export function unreadableFile(): FileCheck<Row> {
  return { rows: [], readable: false, rejectedIds: new Set(), rowCount: 0 };
}

export function checkFile(file: ExportFile, bytes: Uint8Array | undefined, problems: Problem[]): FileCheck<Row> {
  const unreadable = unreadableFile();
  const report = (p: Finding, severity: Problem['severity'] = 'error') => problems.push({ severity, file: file.name, ...p });

  if (bytes === undefined) {
    if (file.required) report({ message: 'the file is missing; the register needs it, even if it holds only a header row' });
    return { ...unreadable, readable: !file.required };
  }
  const columns = columnsOf(file);
  const rules: FileRules = { columns, shape: file.row.shape as Record<string, z.ZodType>, idColumn: columns[0]!.name };
  const pool = new CellPool(rules.shape);
  const rows: CheckedRow<Row>[] = [];
  const rejectedIds = new Set<string>();
  const damagedIds: DamagedId[] = [];
  const rejected: Rejected = {
    add: (id, line) => {
      rejectedIds.add(id);
      const damaged = damagedId(id, line);
      if (damaged) damagedIds.push(damaged);
    },
  };
  const cellFindings: Finding[] = [];
  // Rows are checked while they are read, under what the header alone tells; whether a column
  // without a name holds values is only known at the end, and then the rows are dropped.
  let layout: HeaderCheck | undefined;
  let unnamedValues = false;
  let rowCount = 0;
  // The reading rules (size, encoding, line ends, forbidden characters) are the same for every file.
  const table = scanCsv(bytes, { multiline: new Set(columns.filter((c) => c.multiline).map((c) => c.name)) }, {
    header: (header) => {
      layout = checkHeader(header, columns, false);
    },
    record: (record) => {
      rowCount++;
      if (Object.hasOwn(record.values, '')) unnamedValues = true;
      if (layout?.readable) rows.push(checkRow(record, rules, pool, layout.missing, rejected, cellFindings));
    },
  });
  for (const { severity, ...issue } of table.issues) report(issue, severity);
  if (table.unreadable) return unreadable;
  if (table.header.length === 0) {
    report({ line: 1, message: 'the first row must name the columns, but it is empty' });
    return unreadable;
  }
  const header = checkHeader(table.header, columns, unnamedValues);
  for (const finding of header.findings) report(finding);
  for (const q of table.quoteErrors) {
    report({ line: q.line, message: 'a quoted value is not closed: a " is missing, so the rest of the file cannot be read correctly' });
  }
  for (const m of table.malformed) {
    report({
      line: m.line,
      message: `this row has ${m.cells} cells but the header has ${table.header.length}; check for a stray ${table.delimiter} or an unclosed quote${textLineHint(m)}`,
    });
  }
  if (!header.readable) return { ...unreadable, rowCount };

  // A stray delimiter usually sits in an address or a name, after the identifier, so the cell
  // under the identifier column is taken as the row's identifier: the rows that refer to it
  // are not reported again as pointing to nothing.
  const idIndex = table.header.indexOf(rules.idColumn);
  for (const m of table.malformed) {
    const id = m.values[idIndex];
    if (idIndex !== -1 && id) rejectedIds.add(id);
  }
  for (const finding of cellFindings) report(finding);
  // Without its identifier column nothing can point into the file, so references to it are not checked.
  return { rows, readable: !header.missing.has(rules.idColumn), rejectedIds, rowCount, ...(damagedIds.length > 0 ? { damagedIds } : {}) };
}
