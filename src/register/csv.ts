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
}

/**
 * Decodes UTF-8 (a BOM is dropped), falling back to Windows-1252 when the bytes are not
 * valid UTF-8: Excel's "CSV (gescheiden door lijstscheidingsteken)" writes that.
 */
export function decode(bytes: Uint8Array): { text: string; encoding: CsvTable['encoding'] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
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

/** Parses a whole file. `header` is empty when the first row is blank or the file is empty. */
export function parseCsv(bytes: Uint8Array): CsvTable {
  const decoded = decode(bytes);
  // NFC: a Mac tool may write "Fryslân" with a separate combining accent; both spellings are one value.
  const text = decoded.text.normalize('NFC');
  const encoding = decoded.encoding;
  const delimiter = detectDelimiter(text);
  const header: string[] = [];
  const records: CsvRecord[] = [];
  const malformed: CsvTable['malformed'] = [];
  const quoteErrors: CsvTable['quoteErrors'] = [];

  let row = 0; // spreadsheet row of the current record
  let rowStart = 0; // offset where the current record starts
  let textLine = 1; // text line at rowStart
  let counted = 0; // offset up to which line breaks were counted into textLine

  Papa.parse<string[]>(text, {
    delimiter,
    quoteChar: '"',
    skipEmptyLines: false,
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
        if (!blank) header.push(...cells.map((c) => c.trim().toLowerCase()));
        return;
      }
      if (blank) return;
      if (cells.length !== header.length) {
        malformed.push({ line: row, textLine, cells: cells.length, values: cells.map((c) => c.trim()) });
        return;
      }
      const values: Record<string, string> = {};
      cells.forEach((cell, i) => {
        const v = cell.trim();
        if (v !== '') values[header[i]!] = unneutralise(v);
      });
      records.push({ line: row, textLine, values });
    },
  });
  return { header, records, encoding, delimiter, malformed, quoteErrors };
}
