/**
 * Keeps the checked cells of a large export small in memory, and their checking fast.
 *
 * Two things make a naive read of a 100 MB export hold several times its size:
 * - A cell cut from the file's text by the CSV parser is, in V8, a view into that text, so
 *   one kept cell keeps the whole text alive (twice the file's size when the file holds one
 *   letter beyond Latin-1). Cells that are kept are therefore copied out of the text.
 * - Most columns repeat a few values (statuses, dates, codes, municipality names): each row
 *   had its own copy of the same string, and ran the same Zod rule on it again. A column's
 *   values are therefore pooled: one string and one checked result per distinct value.
 * Pooling stops for a column whose values hardly repeat (names, identifiers, coordinates),
 * where it would only cost memory.
 */
import type * as z from 'zod';

/** A cell's value as its column's rule judged it: the parsed value, or why it was refused. */
export interface CheckedCell {
  /** The cell as written (trimmed), one shared string per distinct value; undefined when empty. */
  raw: string | undefined;
  /** The parsed value when the rule passed (undefined for a refused cell). */
  data?: unknown;
  /** The rule's messages when it refused the value. */
  issues?: readonly string[];
}

/** V8 keeps a string cut from a longer one as a view into it from this length on. */
const VIEW_LENGTH = 13;
/** Distinct values a column is watched over before pooling is judged worth it. */
const TRIAL = 2048;
/** At most this many distinct values per column are pooled, whatever the repeats. */
const MAX_POOLED = 65_536;

/**
 * A copy of the string that does not keep the text it was cut from alive. JSON's round trip
 * is the cheapest copy V8 offers, and it stores Latin-1 text in one byte per letter again.
 */
export function detached(value: string): string {
  return value.length < VIEW_LENGTH ? value : (JSON.parse(JSON.stringify(value)) as string);
}

/** A column's rule applied to a cell. */
function check(rule: z.ZodType, raw: string | undefined): CheckedCell {
  const result = rule.safeParse(raw);
  if (!result.success) return { raw, issues: result.error.issues.map((i) => i.message) };
  // A list (laws, dayparts) is shared by every row with the same cell: frozen, so that no
  // reader can change it for the others.
  const data = Array.isArray(result.data) ? Object.freeze(result.data) : result.data;
  return { raw, data };
}

/** The pool of one column of one file. */
class ColumnPool {
  private readonly rule: z.ZodType;
  private cells: Map<string, CheckedCell> | undefined = new Map();
  private hits = 0;
  private empty: CheckedCell | undefined;

  constructor(rule: z.ZodType) {
    this.rule = rule;
  }

  /** The checked cell for a value (undefined: an empty cell), from the pool when the value was seen before. */
  cell(value: string | undefined): CheckedCell {
    if (value === undefined) return (this.empty ??= check(this.rule, undefined));
    const cells = this.cells;
    if (cells === undefined) return check(this.rule, detached(value));
    const known = cells.get(value);
    if (known !== undefined) {
      this.hits++;
      return known;
    }
    const fresh = check(this.rule, detached(value));
    cells.set(value, fresh);
    // Hardly a repeat by the end of the trial: a column of names, addresses or identifiers.
    if ((cells.size === TRIAL && this.hits * 4 < TRIAL) || cells.size >= MAX_POOLED) this.cells = undefined;
    return fresh;
  }
}

/** Pools for the columns of one file, made when a column is first seen. */
export class CellPool {
  private readonly rules: Readonly<Record<string, z.ZodType>>;
  private readonly columns = new Map<string, ColumnPool>();

  constructor(rules: Readonly<Record<string, z.ZodType>>) {
    this.rules = rules;
  }

  /** The value of `column` checked by its rule; the same object for the same value, while pooled. */
  cell(column: string, value: string | undefined): CheckedCell {
    let pool = this.columns.get(column);
    if (pool === undefined) {
      pool = new ColumnPool(this.rules[column]!);
      this.columns.set(column, pool);
    }
    return pool.cell(value);
  }
}
