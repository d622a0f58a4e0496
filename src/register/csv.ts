/**
 * Turns the bytes of one export file into trimmed records that know their spreadsheet row.
 *
 * Decoding and delimiter detection happen here, before Papaparse, because Papaparse only
 * sees text: it cannot tell a Windows-1252 file from UTF-8, and its own delimiter guess
 * looks at data rows, where a semicolon inside an address would mislead it.
 */
import Papa from 'papaparse';

/** One data row of a file, keyed by lower-cased header name. Empty cells are absent. */
export interface CsvRecord {
  /** Row number as a spreadsheet shows it (header = 1). Blank lines count, as Excel shows them. */
  line: number;
  /** Line in a text editor where the row starts; differs from `line` after a multi-line value. */
  textLine: number;
  values: Record<string, string>;
  /** Columns whose value was refused while reading (a forbidden character): their own rule is not run as well. */
  refused?: Set<string>;
}

export interface CsvTable {
  /** Header cells, trimmed and lower-cased, in file order. */
  header: string[];
  records: CsvRecord[];
  encoding: 'utf-8' | 'windows-1252';
  delimiter: ',' | ';';
  /**
   * Rows whose cell count differs from the header's: the contract cannot say what they mean.
   * `values` holds their trimmed cells, from which at most a best guess can be read.
   */
  malformed: { line: number; textLine: number; cells: number; values: string[] }[];
  /** Quoting errors Papaparse found (an unclosed quote swallows the rest of the file). */
  quoteErrors: { line: number; message: string }[];
  /**
   * What reading found wrong with the file itself: its size, its encoding, its line ends, a
   * forbidden character in a cell. Every file goes through here, so these rules hold for
   * every file of the contract, whichever it is.
   */
  issues: ReadIssue[];
  /** True when the file cannot be read at all (too large, UTF-16): `header` and `records` are empty. */
  unreadable: boolean;
}

/** A problem found while reading a file, before any column's own rule runs. */
export interface ReadIssue {
  severity: 'error' | 'warning';
  line?: number;
  column?: string;
  message: string;
  value?: string;
}

/**
 * The largest file the build reads: 100 MB, over a hundred times the real register's largest
 * file. Checked on the bytes before decoding, so a runaway export is refused before it can
 * fill the machine's memory (`readExportDir` does not even read past it).
 */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/** The most lines a file may have: 1,000,000 (the real register has under a thousand rows per file). */
export const MAX_LINES = 1_000_000;

/**
 * Every character a value may never hold, in one class, so the common cell (which holds none)
 * costs one scan: C0 controls, DEL and C1 controls (U+0080 to U+009F, what a Windows-1252 file
 * misread or a Mac export leaves), the line and paragraph separators U+2028 and U+2029 (line
 * breaks to a browser's script and to JSON readers, invisible in a spreadsheet), the
 * zero-width characters U+200B to U+200D and U+2060, a byte order mark (U+FEFF) inside a value
 * (two files pasted into one), and the text-direction overrides and isolates. CR and LF are in
 * it too: a `note` may hold them, which the slower check below sorts out.
 */
export const FORBIDDEN_CHARACTER = /[\u0000-\u001F\u007F-\u009F\u200B-\u200D\u2028\u2029\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;
/** Characters that make text display as something other than it is. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** Invisible characters that split or join a word without showing it. */
const INVISIBLE = /[\u200B-\u200D\u2060]/;
/** C0 and C1 controls and DEL; line breaks are looked at separately (a `note` may hold them). */
const CONTROL = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Line and paragraph separators: line breaks to a script or a JSON reader, invisible in a spreadsheet. */
const SEPARATOR = /[\u2028\u2029]/;
const LINE_BREAK = /[\r\n]/;

/** A character's name for a message: `U+202E`. */
export function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Why a cell's value is refused for its characters, or undefined when they are all right.
 * `damaged` is set for a file that is UTF-8 with invalid bytes: the replacement character
 * then marks where such a byte was. One precompiled scan decides for nearly every cell; only a
 * value that holds a forbidden character (or, in a damaged file, a replacement character) is
 * looked at again to say which.
 */
function characterProblem(value: string, multiline: boolean, damaged: boolean): string | undefined {
  if (damaged && value.includes('\uFFFD')) {
    return 'this line of the file is damaged: it holds a byte that is not valid UTF-8 (shown as \\uFFFD), while the rest of the file is UTF-8; retype the value or export the file again as "CSV UTF-8"';
  }
  if (!FORBIDDEN_CHARACTER.test(value)) return undefined;
  const bidi = BIDI_CONTROL.exec(value);
  if (bidi) {
    return `holds an invisible text-direction character (${codePoint(bidi[0])}), which can make a name display as something else; remove it`;
  }
  const control = CONTROL.exec(value);
  if (control) {
    return `holds a control character (${codePoint(control[0])}${control[0] === '\t' ? ', a tab' : ''}), which text may not contain; remove it`;
  }
  const invisible = INVISIBLE.exec(value);
  if (invisible) {
    return `holds an invisible zero-width character (${codePoint(invisible[0])}), which makes two values that look the same differ; remove it`;
  }
  const separator = SEPARATOR.exec(value);
  if (separator) {
    return `holds a ${separator[0] === '\u2028' ? 'line' : 'paragraph'} separator (${codePoint(separator[0])}), an invisible line break that text may not contain; remove it`;
  }
  if (value.includes('\uFEFF')) {
    return 'holds a byte order mark (U+FEFF) inside the value, usually left over from two files pasted into one; remove it';
  }
  if (!multiline && LINE_BREAK.test(value)) {
    return 'holds a line break; only a note may span several lines, so remove it (in a spreadsheet, a line break inside a cell)';
  }
  return undefined;
}

/** What `parseCsv` needs to know about the file's columns. */
export interface ReadOptions {
  /** Columns whose values may hold line breaks (the contract's `note`). */
  multiline?: ReadonlySet<string>;
}

/**
 * How the bytes of a file are text. UTF-8 (a BOM is dropped). Bytes that are not UTF-8 at all
 * are Windows-1252: Excel's "CSV (gescheiden door lijstscheidingsteken)" writes that. But a
 * file with valid multi-byte UTF-8 *and* invalid bytes is UTF-8 that was damaged: read as
 * Windows-1252, every accented name in it would be garbled ("TaalcafÃ©"), so it is read as
 * UTF-8 with U+FFFD where the bad bytes were, and each such line is an error. UTF-16 cannot be
 * read as either.
 */
export function decode(bytes: Uint8Array): { text: string; encoding: CsvTable['encoding'] | 'damaged-utf-8' | 'utf-16' } {
  if (isUtf16(bytes)) return { text: '', encoding: 'utf-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    if (hasMultiByteUtf8(bytes)) return { text: new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes), encoding: 'damaged-utf-8' };
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** A UTF-16 byte order mark, or the zero bytes that UTF-16 puts beside every ASCII letter. */
function isUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  return bytes.length >= 4 && ((bytes[1] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[2] === 0));
}

/** True when the bytes hold at least one well-formed multi-byte UTF-8 sequence (so the file was meant as UTF-8). */
function hasMultiByteUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0xc2 || b > 0xf4) continue;
    const length = b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    let ok = i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) return true;
  }
  return false;
}

/** Counts line feeds without decoding: the row limit is checked before anything is parsed. */
function countLines(bytes: Uint8Array): number {
  let lines = 1;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lines++;
  return lines;
}

/**
 * The line ends that end rows (outside quoted values, where a spreadsheet's own line breaks
 * inside a cell do not count). A file whose rows end in two ways (some CRLF, some LF) gets one
 * warning saying exactly that, and its row ends are made the same before parsing; otherwise the
 * parser takes one kind for the row end and the other for text, and every row after the
 * change becomes one long broken row.
 */
function rowEnds(text: string): { kinds: { kind: 'CRLF' | 'LF' | 'CR'; firstLine: number }[]; normalised?: string } {
  const seen = new Map<'CRLF' | 'LF' | 'CR', number>();
  let quoted = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 13 || c === 10) {
      const kind = c === 13 ? (text.charCodeAt(i + 1) === 10 ? 'CRLF' : 'CR') : 'LF';
      if (kind === 'CRLF') i++;
      if (!quoted && !seen.has(kind)) seen.set(kind, line);
      line++;
    }
  }
  const kinds = [...seen].map(([kind, firstLine]) => ({ kind, firstLine })).sort((a, b) => a.firstLine - b.firstLine);
  if (kinds.length < 2) return { kinds };
  // Only the row ends change; line breaks inside quoted values stay exactly as they were.
  let out = '';
  let from = 0;
  quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && c === 13) {
      out += text.slice(from, i) + '\n';
      if (text.charCodeAt(i + 1) === 10) i++;
      from = i + 1;
    }
  }
  return { kinds, normalised: out + text.slice(from) };
}

/** Picks comma or semicolon by counting each outside quotes on the header row. */
export function detectDelimiter(text: string): CsvTable['delimiter'] {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** The characters that make a spreadsheet read a cell as a formula; the patterns here and the Table Schema's are built from this list. */
export const FORMULA_STARTS: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

/** FORMULA_STARTS as a regular-expression character class. */
function formulaStart(): string {
  return `[${FORMULA_STARTS.map((c) => c.replace(/[-\\\]^]/g, '\\$&')).join('')}]`;
}

/**
 * A cell that a spreadsheet would run as a formula: it starts with `=`, `+`, `-`, `@`, a tab
 * or a carriage return, possibly behind apostrophes. OWASP's advice against CSV injection is
 * to put an apostrophe in front of such a cell, which spreadsheets read as "this is text";
 * the downloads do that (Papaparse's `escapeFormulae` with this pattern).
 */
export const SPREADSHEET_UNSAFE: RegExp = new RegExp(`^'*${formulaStart()}`);

const NEUTRALISED = new RegExp(`^'+${formulaStart()}`);

/**
 * Takes that apostrophe off again when reading, so a download read back with this ingestion
 * gives the very same register. Only one apostrophe goes, and only in front of an unsafe
 * start, so `'=x` reads as `=x` and `''=x` (written for the value `'=x`) as `'=x`.
 */
export function unneutralise(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}

/** Parses a whole file and keeps every record. `header` is empty when the first row is blank or the file is empty. */
export function parseCsv(bytes: Uint8Array, options: ReadOptions = {}): CsvTable {
  const records: CsvRecord[] = [];
  return { ...scanCsv(bytes, options, { record: (r) => records.push(r) }), records };
}

/** What a read of a file found besides its records (see `CsvTable`). */
export type CsvScan = Omit<CsvTable, 'records'>;

/** Receives a file's rows while it is read. */
export interface CsvVisitor {
  /** The header row, once, before any record; not called when the first row is blank. */
  header?(header: readonly string[]): void;
  /** One data row, as soon as it is read. */
  record(record: CsvRecord): void;
}

/**
 * Reads a file row by row and hands each record to `visitor` instead of keeping it: the
 * validator checks a row while it is read, so a large export is never held as text, raw rows
 * and parsed rows at once.
 */
export function scanCsv(bytes: Uint8Array, options: ReadOptions, visitor: CsvVisitor): CsvScan {
  const issues: ReadIssue[] = [];
  const unreadable = (): CsvScan => ({ header: [], encoding: 'utf-8', delimiter: ',', malformed: [], quoteErrors: [], issues, unreadable: true });
  if (bytes.length > MAX_FILE_BYTES) {
    issues.push({ severity: 'error', message: `the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, the most the register reads (the contract's limit per file); check that it is the right export` });
    return unreadable();
  }
  const lines = countLines(bytes);
  if (lines > MAX_LINES) {
    issues.push({ severity: 'error', message: `the file has ${lines.toLocaleString('en')} lines, more than the ${MAX_LINES.toLocaleString('en')} the register reads (the contract's limit per file); check that it is the right export` });
    return unreadable();
  }
  const decoded = decode(bytes);
  if (decoded.encoding === 'utf-16') {
    issues.push({ severity: 'error', message: 'the file is UTF-16 ("Unicode text"), which the register cannot read; save it as "CSV UTF-8" (in Excel: Save as, CSV UTF-8 (comma delimited))' });
    return unreadable();
  }
  const damaged = decoded.encoding === 'damaged-utf-8';
  const encoding = damaged ? 'utf-8' : (decoded.encoding as CsvTable['encoding']);
  if (encoding === 'windows-1252') {
    issues.push({ severity: 'warning', message: 'the file is not valid UTF-8 and was read as Windows-1252; save it as "CSV UTF-8" to be sure every letter is right' });
  }
  // NFC: a Mac tool may write "Fryslân" with a separate combining accent; both spellings are one value.
  let text = decoded.text.normalize('NFC');
  const ends = rowEnds(text);
  if (ends.normalised !== undefined) {
    const [first, second] = ends.kinds as [(typeof ends.kinds)[0], (typeof ends.kinds)[0]];
    // A warning, not an error: once the row ends are made the same, every row reads as it was
    // meant, so nothing is lost; but a file put together from two sources deserves a look.
    issues.push({
      severity: 'warning',
      line: second.firstLine,
      message: `the lines of this file end in two different ways (${first.kind} from line ${first.firstLine}, ${second.kind} from line ${second.firstLine}); every row was still read correctly, but save the file again so that all lines end the same way`,
    });
    text = ends.normalised;
  }
  const newline = ends.normalised !== undefined ? '\n' : ends.kinds[0]?.kind === 'CRLF' ? '\r\n' : ends.kinds[0]?.kind === 'CR' ? '\r' : '\n';
  const delimiter = detectDelimiter(text);
  const header: string[] = [];
  const malformed: CsvTable['malformed'] = [];
  const quoteErrors: CsvTable['quoteErrors'] = [];
  const multiline = options.multiline ?? new Set<string>();

  let row = 0; // spreadsheet row of the current record
  let rowStart = 0; // offset where the current record starts
  let textLine = 1; // text line at rowStart
  let counted = 0; // offset up to which line breaks were counted into textLine

  Papa.parse<string[]>(text, {
    delimiter,
    newline,
    quoteChar: '"',
    skipEmptyLines: false,
    // Papaparse's fast mode splits a file without quotes into all its lines at once, an array
    // as large as the file; the full parser reads it as it goes, and is not slower.
    fastMode: false,
    step: (result) => {
      row++;
      for (; counted < rowStart; counted++) {
        const ch = text.charCodeAt(counted);
        if (ch === 10 || (ch === 13 && text.charCodeAt(counted + 1) !== 10)) textLine++;
      }
      const cells = result.data;
      rowStart = result.meta.cursor;
      for (const error of result.errors) {
        if (error.type === 'Quotes') quoteErrors.push({ line: row, message: error.message });
      }
      const blank = cells.every((c) => c.trim() === '');
      if (row === 1) {
        if (blank) return;
        header.push(...cells.map((c) => c.trim().toLowerCase()));
        // A damaged or forbidden character in a column name: the name is reported as it is.
        header.forEach((name) => {
          const problem = characterProblem(name, false, damaged);
          if (problem) issues.push({ severity: 'error', line: 1, column: name, message: `column name: ${problem}` });
        });
        visitor.header?.(header);
        return;
      }
      if (blank) return;
      if (cells.length !== header.length) {
        malformed.push({ line: row, textLine, cells: cells.length, values: cells.map((c) => c.trim()) });
        return;
      }
      const values: Record<string, string> = {};
      let refused: Set<string> | undefined;
      cells.forEach((cell, i) => {
        const v = cell.trim();
        if (v === '') return;
        const column = header[i]!;
        const value = unneutralise(v);
        values[column] = value;
        const problem = characterProblem(value, multiline.has(column), damaged);
        if (problem) {
          issues.push({ severity: 'error', line: row, column, message: problem + (textLine !== row ? ` (this row starts on line ${textLine} in a text editor)` : ''), value });
          (refused ??= new Set()).add(column);
        }
      });
      visitor.record(refused ? { line: row, textLine, values, refused } : { line: row, textLine, values });
    },
  });
  return { header, encoding, delimiter, malformed, quoteErrors, issues, unreadable: false };
}
