/**
 * Frictionless Table Schemas and the data dictionary of the open-data CSVs, derived from the
 * Zod schemas that validate the export: `z.toJSONSchema` gives each column's type, pattern,
 * length and codes, and the columns' `.meta()` (src/register/schema.ts) gives their meaning and
 * how the downloads write them. Documentation and data come from one source, so they cannot
 * drift apart: change a rule in schema.ts and the open-data page and datapackage.json follow.
 */
import * as z from 'zod';
import { FORMULA_STARTS } from './csv.ts';
import { columnsOf, type ColumnMeta, type ExportFile, type ForeignKey } from './schema.ts';

/** The Table Schema types the downloads use. Lists are strings with a pattern: `wi2013|wi2021`. */
export type FieldType = 'string' | 'number' | 'boolean' | 'date';

/**
 * What a column's values are, as a reader of the downloads needs to know it: the rule of the
 * value itself, before spreadsheet safety (the open-data page shows this).
 */
export interface ColumnRule {
  name: string;
  required: boolean;
  type: FieldType;
  /** Meaning of the column, in English (the page translates it through the dictionaries). */
  description?: string;
  format?: 'email' | 'uri';
  /** The only values allowed. */
  enum?: readonly string[];
  /** A `|`-separated list of these codes. */
  listOf?: readonly string[];
  /** Pattern of the whole value, without ^ and $ (Table Schema patterns are anchored). */
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

type JsonSchema = {
  type?: string;
  format?: string;
  pattern?: string;
  enum?: string[];
  maxLength?: number;
  description?: string;
} & ColumnMeta;

const unanchored = (pattern: string) => pattern.replace(/^\^/, '').replace(/\$$/, '');

/** The rule of one column, read from its Zod schema. */
export function columnRule(name: string, schema: z.ZodType, required: boolean): ColumnRule {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const published = json.published ?? {};
  const rule: ColumnRule = { name, required, type: 'string' };
  if (json.description) rule.description = json.description;
  if (json.format === 'email' || json.format === 'uri') rule.format = json.format;
  if (json.enum) rule.enum = json.enum;
  if (json.pattern) rule.pattern = unanchored(json.pattern);
  if (json.maxLength !== undefined) rule.maxLength = json.maxLength;
  // What the downloads write, where that is stricter than what an export may send.
  if (published.type) rule.type = published.type;
  if (published.enum) rule.enum = published.enum;
  if (published.pattern) rule.pattern = unanchored(published.pattern);
  if (published.minimum !== undefined) rule.minimum = published.minimum;
  if (published.maximum !== undefined) rule.maximum = published.maximum;
  if (published.listOf) {
    rule.listOf = published.listOf;
    const code = `(${published.listOf.join('|')})`;
    rule.pattern = `${code}(\\|${code})*`;
  }
  // A date, number or boolean is said by its type; the input's text pattern no longer applies.
  if (rule.type !== 'string') delete rule.pattern;
  return rule;
}

/** The rules of every column of a file, in the downloads' column order. */
export function columnRules(file: Pick<ExportFile, 'row'>): ColumnRule[] {
  const shape = file.row.shape as Record<string, z.ZodType>;
  return columnsOf(file as ExportFile).map(({ name, required }) => columnRule(name, shape[name]!, required));
}

/** The characters that put an apostrophe in front of a value (SPREADSHEET_UNSAFE), apostrophe included. */
const UNSAFE_FIRST = [...FORMULA_STARTS, "'"];

/**
 * Whether a pattern lets a value start with one of these characters, judged from its first
 * atom (a class like `[0-9 +()-]`, an escape like `\d`, or a literal). When the first atom
 * may be skipped or cannot be read, the answer is yes: a looser schema is still true.
 */
function mayStartWith(pattern: string, chars: readonly string[]): boolean {
  const atom = /^(\[(?:\\.|[^\]\\])*\]|\\.|[^\\[(|?*+{.])/.exec(pattern)?.[0];
  if (!atom) return true;
  const next = pattern.slice(atom.length);
  if (/^(\?|\*|\{0)/.test(next)) return true;
  const re = new RegExp(`^${atom}$`);
  return chars.some((c) => re.test(c));
}

/**
 * Whether a column's values can start with `=`, `+`, `-` or `@` and so reach the CSV behind
 * an apostrophe (see SPREADSHEET_UNSAFE): free text, identifiers, phone numbers, e-mail. Codes,
 * dates, numbers, booleans, digit-only values and http(s) addresses cannot.
 */
export function mayBeNeutralised(rule: ColumnRule): boolean {
  if (rule.type !== 'string' || rule.enum || rule.listOf || rule.format === 'uri') return false;
  return rule.pattern === undefined || mayStartWith(rule.pattern, UNSAFE_FIRST);
}

/** A field of a Frictionless Table Schema (v2, compatible with v1 readers). */
export interface TableField {
  name: string;
  type: FieldType;
  format?: 'email' | 'uri';
  description?: string;
  trueValues?: string[];
  falseValues?: string[];
  constraints: {
    required: boolean;
    unique?: boolean;
    enum?: string[];
    pattern?: string;
    maxLength?: number;
    minimum?: number;
    maximum?: number;
  };
}

/** A Frictionless Table Schema: what datapackage.json says about one CSV, for tools that check or load it. */
export interface TableSchema {
  fields: TableField[];
  primaryKey?: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  missingValues: string[];
}

/**
 * The field as it stands in the CSV. A value that may have been neutralised can carry one
 * apostrophe in front, so its pattern allows one and its maximum length is one more; the
 * e-mail format is left to the description, since `'+info@…` is no e-mail address until the
 * apostrophe is taken off.
 */
export function tableField(rule: ColumnRule, unique = false): TableField {
  const safe = mayBeNeutralised(rule);
  const field: TableField = { name: rule.name, type: rule.type, constraints: { required: rule.required } };
  if (rule.format && !(safe && rule.format === 'email')) field.format = rule.format;
  if (rule.description) field.description = rule.description;
  if (rule.type === 'boolean') {
    field.trueValues = ['true'];
    field.falseValues = ['false'];
  }
  const c = field.constraints;
  if (unique) c.unique = true;
  if (rule.enum) c.enum = [...rule.enum];
  if (rule.pattern) c.pattern = safe ? `'?(${rule.pattern})` : rule.pattern;
  if (rule.maxLength !== undefined) c.maxLength = rule.maxLength + (safe ? 1 : 0);
  if (rule.minimum !== undefined) c.minimum = rule.minimum;
  if (rule.maximum !== undefined) c.maximum = rule.maximum;
  return field;
}

/** Something that can be described as a table: a row schema and its keys. */
export interface TableFile {
  row: ExportFile['row'];
  primaryKey?: readonly string[];
  foreignKeys?: readonly ForeignKey[];
}

/** The Table Schema of one CSV download: fields in column order, keys as the validator enforces them. */
export function tableSchema(file: TableFile): TableSchema {
  const single = file.primaryKey?.length === 1 ? file.primaryKey[0] : undefined;
  const schema: TableSchema = {
    fields: columnRules(file).map((rule) => tableField(rule, rule.name === single)),
    missingValues: [''],
  };
  if (file.primaryKey?.length) schema.primaryKey = [...file.primaryKey];
  if (file.foreignKeys?.length) {
    schema.foreignKeys = file.foreignKeys.map((fk) => ({
      fields: [...fk.fields],
      reference: { resource: fk.reference.resource, fields: [...fk.reference.fields] },
    }));
  }
  return schema;
}
