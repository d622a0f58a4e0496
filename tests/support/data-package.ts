/**
 * Checks a Frictionless Data Package against its own files: sizes and hashes, every cell
 * against its field's type and constraints, primary keys unique, foreign keys resolved.
 *
 * A small validator for the parts of the Table Schema spec the downloads use (no well-kept
 * JavaScript Frictionless validator exists on npm), so the tests can say "the documentation
 * holds over the data" instead of only "the documentation looks right".
 */
import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import type { TableField, TableSchema } from '../../src/register/table-schema.ts';

/**
 * A field as the package describes it: the shape the site writes (the type only; every check
 * below reads the package's own words, never the register's rules).
 */
type Field = TableField;

interface Resource {
  name: string;
  path: string;
  type?: string;
  bytes?: number;
  hash?: string;
  schema?: TableSchema;
}

export interface DataPackage {
  name: string;
  resources: Resource[];
}

/** Rows of a tabular resource as the package describes them: header checked, cells as text or null. */
function readTable(resource: Resource, text: string, problems: string[]): (string | null)[][] {
  // A byte order mark is allowed in front of UTF-8 (the downloads have one, for Excel).
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  for (const e of parsed.errors) problems.push(`${resource.path}: CSV error on row ${e.row}: ${e.message}`);
  const [header = [], ...rows] = parsed.data;
  const names = resource.schema!.fields.map((f) => f.name);
  if (JSON.stringify(header) !== JSON.stringify(names)) problems.push(`${resource.path}: header ${header.join(',')} is not the schema's ${names.join(',')}`);
  const missing = new Set(resource.schema!.missingValues ?? ['']);
  return rows.map((row) => row.map((cell) => (missing.has(cell) ? null : cell)));
}

function realDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function checkCell(resource: Resource, field: Field, value: string | null, row: number, problems: string[]): void {
  const at = `${resource.path}:${row + 2}: ${field.name}`;
  const c = field.constraints ?? {};
  if (value === null) {
    if (c.required) problems.push(`${at}: required but empty`);
    return;
  }
  switch (field.type) {
    case 'string':
      if (field.format === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) problems.push(`${at}: not an e-mail address (${value})`);
      if (field.format === 'uri' && !/^https?:\/\/\S+$/.test(value)) problems.push(`${at}: not a URI (${value})`);
      break;
    case 'number':
      if (!/^-?\d+(\.\d+)?$/.test(value)) problems.push(`${at}: not a number (${value})`);
      break;
    case 'boolean':
      if (![...(field.trueValues ?? ['true']), ...(field.falseValues ?? ['false'])].includes(value)) problems.push(`${at}: not a boolean (${value})`);
      break;
    case 'date':
      if (!realDate(value)) problems.push(`${at}: not a date (${value})`);
      break;
    default:
      problems.push(`${at}: unknown type ${field.type}`);
  }
  if (c.enum && !c.enum.includes(value)) problems.push(`${at}: ${value} not in enum`);
  if (c.pattern && !new RegExp(`^(?:${c.pattern})$`, 'u').test(value)) problems.push(`${at}: ${JSON.stringify(value)} does not match ${c.pattern}`);
  if (c.maxLength !== undefined && [...value].length > c.maxLength) problems.push(`${at}: longer than ${c.maxLength}`);
  if (c.minimum !== undefined && Number(value) < c.minimum) problems.push(`${at}: below ${c.minimum}`);
  if (c.maximum !== undefined && Number(value) > c.maximum) problems.push(`${at}: above ${c.maximum}`);
}

/**
 * Every problem found, as text; an empty list means the package describes its files exactly.
 * `files` holds each resource's content by path.
 */
export function checkDataPackage(pkg: DataPackage, files: Record<string, string>): string[] {
  const problems: string[] = [];
  const tables = new Map<string, { resource: Resource; rows: (string | null)[][] }>();
  for (const resource of pkg.resources) {
    const text = files[resource.path];
    if (text === undefined) {
      problems.push(`${resource.path}: no such file`);
      continue;
    }
    if (resource.bytes !== undefined && Buffer.byteLength(text, 'utf8') !== resource.bytes) problems.push(`${resource.path}: bytes ${resource.bytes} is wrong`);
    if (resource.hash !== undefined && resource.hash !== `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`) problems.push(`${resource.path}: hash is wrong`);
    if (!resource.schema) continue;
    const rows = readTable(resource, text, problems);
    tables.set(resource.name, { resource, rows });
    const fields = resource.schema.fields;
    rows.forEach((row, i) => {
      if (row.length !== fields.length) problems.push(`${resource.path}:${i + 2}: ${row.length} cells for ${fields.length} fields`);
      fields.forEach((field, j) => checkCell(resource, field, row[j] ?? null, i, problems));
    });
    fields.forEach((field, j) => {
      if (!field.constraints?.unique) return;
      const seen = new Set<string>();
      for (const row of rows) {
        const v = row[j];
        if (v === null || v === undefined) continue;
        if (seen.has(v)) problems.push(`${resource.path}: ${field.name} ${v} is not unique`);
        seen.add(v);
      }
    });
    const pk = resource.schema.primaryKey;
    if (pk) {
      const idx = pk.map((name) => fields.findIndex((f) => f.name === name));
      const seen = new Set<string>();
      for (const row of rows) {
        const key = JSON.stringify(idx.map((i) => row[i]));
        if (idx.some((i) => row[i] === null)) problems.push(`${resource.path}: primary key ${key} has an empty part`);
        if (seen.has(key)) problems.push(`${resource.path}: primary key ${key} is not unique`);
        seen.add(key);
      }
    }
  }
  for (const { resource, rows } of tables.values()) {
    for (const fk of resource.schema!.foreignKeys ?? []) {
      const target = tables.get(fk.reference.resource);
      if (!target) {
        problems.push(`${resource.path}: foreign key to unknown resource ${fk.reference.resource}`);
        continue;
      }
      const tIdx = fk.reference.fields.map((n) => target.resource.schema!.fields.findIndex((f) => f.name === n));
      const keys = new Set(target.rows.map((r) => JSON.stringify(tIdx.map((i) => r[i]))));
      const idx = fk.fields.map((n) => resource.schema!.fields.findIndex((f) => f.name === n));
      rows.forEach((row, i) => {
        if (idx.some((j) => row[j] === null)) return;
        const key = JSON.stringify(idx.map((j) => row[j]));
        if (!keys.has(key)) problems.push(`${resource.path}:${i + 2}: ${fk.fields.join('+')} ${key} not found in ${target.resource.path}`);
      });
    }
  }
  return problems;
}
