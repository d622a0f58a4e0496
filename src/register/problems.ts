/**
 * Problems found in an export, and the one format in which they are reported.
 *
 * The format `FILE:LINE: COLUMN: message (got "VALUE")` is part of the contract: data
 * stewards read it, and their tooling may grep it. Parts that do not apply are left out.
 */

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  file: string;
  /** Row number as a spreadsheet shows it; the header is 1. Absent for whole-file problems. */
  line?: number;
  column?: string;
  message: string;
  /** The offending value as it stood in the export (trimmed). */
  value?: string;
}

/** Values longer than this are cut in a report, with "…": a 1 MB cell must not flood it. */
export const VALUE_SHOWN = 100;

/**
 * Characters a reader cannot see or tell apart from a space: control and format characters
 * (zero-width, direction marks, the BOM), every space other than the plain one (a
 * non-breaking space in a postcode looks valid), line and paragraph separators, and U+FFFD.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}\uFFFD]|(?! )\p{Zs}/gu;

/**
 * Text as a report shows it: quoted, with `"` and `\` escaped and every invisible character
 * written as `\n`, `\t` or `\u00A0`, so what the steward reads is exactly what the file holds,
 * and no value or column name can start a line of its own in the report. Cut at `max`
 * characters with "…".
 */
export function quoteForReport(text: string, max = VALUE_SHOWN): string {
  // Whole characters are cut, never half an emoji (the length check first: most values are short).
  const cut = text.length > max && Array.from(text).length > max ? `${Array.from(text).slice(0, max).join('')}…` : text;
  const escaped = cut.replace(/[\\"]/g, (c) => `\\${c}`).replace(INVISIBLE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.codePointAt(0)!;
    return code > 0xffff ? `\\u{${code.toString(16).toUpperCase()}}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}

/** A column name as the contract writes them; anything else (read from a header) is quoted. */
const PLAIN_COLUMN = /^[a-z0-9_]{1,40}$/;

/** Formats a problem in the contract's format; warnings carry a `warning:` prefix on the message. */
export function formatProblem(p: Problem): string {
  let out = p.file;
  if (p.line !== undefined) out += `:${p.line}`;
  out += ':';
  if (p.column !== undefined) out += ` ${PLAIN_COLUMN.test(p.column) ? p.column : quoteForReport(p.column, 40)}:`;
  out += ` ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
  if (p.value !== undefined) out += ` (got ${quoteForReport(p.value)})`;
  return out;
}

/** Orders problems by file order, then line, so a steward can work down the report. */
export function sortProblems(problems: Problem[], fileOrder: string[]): Problem[] {
  const rank = (f: string) => {
    const i = fileOrder.indexOf(f);
    return i === -1 ? fileOrder.length : i;
  };
  return [...problems].sort(
    (a, b) => rank(a.file) - rank(b.file) || (a.line ?? 0) - (b.line ?? 0),
  );
}

/**
 * A published JSON file (register.json, changes.json) read back: the parsed value, or why it
 * could not be read, in the words the build reports.
 */
export function parsePublishedJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: `it is not JSON (${(e as Error).message})` };
  }
}
