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

/** Formats a problem in the contract's format; warnings carry a `warning:` prefix on the message. */
export function formatProblem(p: Problem): string {
  let out = p.file;
  if (p.line !== undefined) out += `:${p.line}`;
  out += ':';
  if (p.column !== undefined) out += ` ${p.column}:`;
  out += ` ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
  if (p.value !== undefined) out += ` (got ${JSON.stringify(p.value)})`;
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
