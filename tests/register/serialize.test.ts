/**
 * The open-data CSVs are the register itself: read back with the project's own ingestion
 * they give the same model, they hold exactly the register's rows, and no cell can run as a
 * spreadsheet formula. Checked on the sample, the hostile fixture, generated registers and
 * on random text in every free-text column.
 */
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EXPORT_FILES,
  countRegister,
  validateExports,
  type ExportFileKey,
  type Register,
} from '../../src/register/index.ts';
import { FORBIDDEN_CHARACTER, SPREADSHEET_UNSAFE, unneutralise } from '../../src/register/csv.ts';
import {
  csvBytes,
  exportColumns,
  locationsGeoJson,
  readPublishedRegister,
  registerJson,
  serializeRegister,
  serializeRows,
} from '../../src/register/serialize.ts';
import { generateRegister } from '../../scripts/generate-register.ts';
import { HISTORY, HOLDERS, LOCATIONS, validExport } from '../support/exports.ts';
import { loadRegister, registerOf } from '../support/register.ts';

const dir = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const load = (path: string): Register => loadRegister(dir(path));

function fromText(files: Record<string, string>): Register {
  return registerOf(validateExports(csvBytes(files)));
}

/** What a spreadsheet or any CSV reader sees: the raw cells, apostrophes and all. */
function rawCells(text: string): string[][] {
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

const KEYS = Object.keys(EXPORT_FILES) as ExportFileKey[];
const registers: [string, () => Register][] = [
  ['the sample in data/', () => load('../../data/')],
  ['the hostile fixture', () => load('../fixtures/hostile/')],
  ['a generated register (scale 1)', () => fromText(generateRegister({ scale: 1, seed: 7 }))],
];

describe.each(registers)('the downloads of %s', (_, make) => {
  const register = make();
  const files = serializeRegister(register);

  it('read back with the ingestion, give the same register', () => {
    expect(fromText(files)).toEqual(register);
  });

  it('hold exactly the register’s rows, under one header row in contract order', () => {
    const counts = countRegister(register);
    const expected: Record<ExportFileKey, number> = {
      holders: counts.holders,
      locations: counts.locations,
      routes: counts.routes,
      profiles: counts.profiles,
      status_history: counts.statusEvents,
      courses: counts.courses,
      quality: counts.assessments,
      classroom_visits: counts.classroomVisits,
    };
    // The version-2 files only when the export had them (the hostile fixture is a version-1 export).
    expect(Object.keys(files)).toEqual(
      KEYS.filter((key) => (key !== 'quality' || register.published.quality) && (key !== 'classroom_visits' || register.published.classroomVisits) && (key !== 'courses' || register.published.courses)).map((key) => EXPORT_FILES[key].name),
    );
    for (const key of KEYS.filter((k) => files[EXPORT_FILES[k].name] !== undefined)) {
      const [header, ...rows] = rawCells(files[EXPORT_FILES[key].name]!);
      expect(header, key).toEqual(exportColumns(key));
      expect(rows.length, key).toBe(expected[key]);
    }
  });

  it('are RFC 4180 with CRLF line ends, and the same bytes every time', () => {
    for (const [name, text] of Object.entries(files)) {
      expect(text.endsWith('\r\n'), name).toBe(true);
      const strict = Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: true });
      expect(strict.errors, name).toEqual([]);
      expect(strict.data, name).toEqual(rawCells(text));
    }
    expect(serializeRegister(make())).toEqual(files);
  });

  it('have no cell a spreadsheet would run as a formula', () => {
    for (const text of Object.values(files)) {
      for (const row of rawCells(text)) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('register.json read back gives the same register', () => {
    const read = readPublishedRegister(registerJson(register, '2025-01-01'));
    expect(read.ok && read.register).toEqual(register);
    expect(read.ok && read.exportDate).toBe('2025-01-01');
  });

  it('locations.geojson has one point per location with coordinates, longitude first', () => {
    const geo = JSON.parse(locationsGeoJson(register)) as { features: { id: string; geometry: { coordinates: [number, number] } }[] };
    const located = register.locations.filter((l) => l.latitude !== undefined);
    expect(geo.features.map((f) => f.id)).toEqual(located.map((l) => l.location_id));
    for (const [i, f] of geo.features.entries()) expect(f.geometry.coordinates).toEqual([located[i]!.longitude, located[i]!.latitude]);
  });
});

describe('spreadsheet safety', () => {
  it('a trade name =HYPERLINK(...) reaches the CSV behind an apostrophe, and the model unchanged', () => {
    const register = load('../fixtures/hostile/');
    const holder = register.holderById.get('KH-XSS2')!;
    expect(holder.trade_name).toBe('=HYPERLINK("http://x","klik")');
    const [header, ...rows] = rawCells(serializeRegister(register)['holders.csv']!);
    const row = rows.find((r) => r[0] === 'KH-XSS2')!;
    expect(row[header!.indexOf('trade_name')]).toBe(`'=HYPERLINK("http://x","klik")`);
  });

  it('reading takes exactly one apostrophe off, and only in front of an unsafe start', () => {
    expect(unneutralise(`'=SUM(A1)`)).toBe('=SUM(A1)');
    expect(unneutralise(`''=SUM(A1)`)).toBe(`'=SUM(A1)`);
    expect(unneutralise(`'+31 20 123 4567`)).toBe('+31 20 123 4567');
    expect(unneutralise(`'-2`)).toBe('-2');
    expect(unneutralise(`'@home`)).toBe('@home');
    expect(unneutralise(`'t Hoekje`)).toBe(`'t Hoekje`);
    expect(unneutralise(`'`)).toBe(`'`);
    expect(unneutralise('=x')).toBe('=x');
  });

  it('an export cell written as text in a spreadsheet (apostrophe first) is read without it', () => {
    const x = validExport().set(HOLDERS, 0, 'phone', `'+31 50 123 45 67`).set(LOCATIONS, 0, 'house_number_suffix', `'-2`);
    const register = registerOf(x.validate());
    expect(register.holders[0]!.phone).toBe('+31 50 123 45 67');
    expect(register.locations[0]!.house_number_suffix).toBe('-2');
  });

  it('a subset of rows of one file is written with the full header, safely', () => {
    const register = load('../fixtures/hostile/');
    const text = serializeRows('holders', register.holders.filter((h) => h.holder_id === 'KH-XSS3'));
    const [header, row, ...rest] = rawCells(text);
    expect(header).toEqual(exportColumns('holders'));
    expect(rest).toEqual([]);
    expect(row![header!.indexOf('trade_name')]).toBe(`'@SUM(1+1)`);
  });
});

/**
 * Text as an export can hold it: trimmed (the ingestion trims), NFC (it normalises), not empty,
 * and without the characters the contract refuses (control and text-direction characters; line
 * breaks only in a multi-line column, the note).
 */
const cellText = (max: number, multiline = false) =>
  fc
    .oneof(
      fc.string({ unit: 'grapheme', maxLength: max }),
      fc
        .tuple(fc.constantFrom('=', '+', '-', '@', "'", "''", "'=", "''+", "'\t", '"', '|'), fc.string({ maxLength: 20 }))
        .map(([start, rest]) => start + rest),
    )
    .map((s) => s.normalize('NFC').trim())
    .filter((s) => s.length > 0 && s.length <= max && s.isWellFormed())
    .filter((s) => !FORBIDDEN_CHARACTER.test(multiline ? s.replace(/[\r\n]/g, '') : s));

describe('round trip property', () => {
  it('any text in the free-text columns survives serialise → validate unchanged', () => {
    fc.assert(
      fc.property(cellText(200), cellText(200), cellText(200), cellText(10), cellText(500, true), (name, tradeName, street, suffix, note) => {
        const x = validExport()
          .set(HOLDERS, 0, 'name', name)
          .set(HOLDERS, 0, 'trade_name', tradeName)
          .set(LOCATIONS, 0, 'street', street)
          .set(LOCATIONS, 0, 'house_number_suffix', suffix)
          .set(HISTORY, 0, 'note', note);
        // The export writes the value as a spreadsheet would, so protect it the way the downloads do.
        for (const [file, column] of [[HOLDERS, 'name'], [HOLDERS, 'trade_name'], [LOCATIONS, 'street'], [LOCATIONS, 'house_number_suffix'], [HISTORY, 'note']] as const) {
          const row = x.table(file).rows[0]!;
          if (SPREADSHEET_UNSAFE.test(row[column]!)) row[column] = `'${row[column]}`;
        }
        const register = registerOf(x.validate());
        expect(register.holders[0]!.name).toBe(name);
        expect(register.holders[0]!.trade_name).toBe(tradeName);
        expect(fromText(serializeRegister(register))).toEqual(register);
      }),
      { numRuns: 200 },
    );
  });
});

describe('round trip over generated registers', () => {
  it('any seed: serialise → validate gives the same register, and the same bytes again', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 30 }), (seed, holders) => {
        const register = fromText(generateRegister({ seed, holders, locations: holders * 3 }));
        const files = serializeRegister(register);
        const back = fromText(files);
        expect(back).toEqual(register);
        expect(serializeRegister(back)).toEqual(files);
      }),
      { numRuns: 25 },
    );
  });

  it('values with line breaks (in a note), quotes, commas and bars inside survive', () => {
    const x = validExport()
      .set(HOLDERS, 0, 'name', 'Regel één, regel "twee", drie | vier')
      .set(HISTORY, 0, 'note', 'Eerste regel\r\nTweede regel; =niet een formule')
      .set(LOCATIONS, 0, 'street', '-Straat, met komma');
    const register = registerOf(x.validate());
    expect(fromText(serializeRegister(register))).toEqual(register);
  });
});
