/**
 * The rules every file is read by, before any column's own rule: a damaged UTF-8 file is an
 * error per damaged line (not a whole file silently garbled as Windows-1252), UTF-16 is one
 * clear error, control and text-direction characters are refused, two kinds of line end are
 * one warning (not hundreds of knock-on errors), files over the size and line limits are
 * refused before parsing, and the report shows values and column names exactly and briefly.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORT_FILES, exportDirSource, formatProblem, MAX_FILE_BYTES, MAX_LINES, readExportDir, validateExports, type Problem } from '../../src/register/index.ts';
import { errorsOf, onlyError, validExport, where, withQualityFiles, HISTORY, HOLDERS, LOCATIONS, QUALITY, ROUTES } from '../support/exports.ts';
import { registerOf } from '../support/register.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** holders.csv of the valid export as UTF-8 bytes, with accented names, and one stray byte put into line `line`. */
function damagedHolders(line: number): Uint8Array {
  const x = validExport().set(HOLDERS, 0, 'name', 'Taalcafé Noord').set(HOLDERS, 1, 'name', 'Fryske Taalskoalle Ljouwert');
  const bytes = utf8(x.text(HOLDERS));
  const text = new TextDecoder().decode(bytes);
  const lineStart = text.split('\n').slice(0, line - 1).join('\n').length + 1;
  // Into the middle of the name: after "holder_id," of that line.
  const at = new TextEncoder().encode(text.slice(0, lineStart + text.slice(lineStart).indexOf(',') + 4)).length;
  return new Uint8Array([...bytes.slice(0, at), 0xe9, ...bytes.slice(at)]);
}

describe('damaged UTF-8', () => {
  it('is an error naming each damaged line, and the rest of the file is not garbled', () => {
    const x = validExport().set(HOLDERS, 0, 'name', 'Taalcafé Noord').set(HOLDERS, 1, 'name', 'Fryske Taalskoalle Ljouwert');
    const result = x.clone().setRaw(HOLDERS, damagedHolders(3)).validate();
    const e = onlyError(result);
    expect(where(e)).toMatchObject({ file: HOLDERS, line: 3, column: 'name' });
    expect(e.message).toContain('not valid UTF-8');
    // Not read as Windows-1252: no such warning, and no "TaalcafÃ©" anywhere.
    expect(result.warnings).toEqual([]);
    expect(JSON.stringify(result)).not.toContain('Ã');
  });

  it('still reads a file without any multi-byte UTF-8 as Windows-1252, with a warning', () => {
    const result = validExport().set(HOLDERS, 0, 'name', 'Taalcafé Noord').validate({ encoding: 'windows-1252' });
    expect(registerOf(result).holders[0]!.name).toBe('Taalcafé Noord');
    expect(result.warnings.map((w) => w.message)).toContain('the file is not valid UTF-8 and was read as Windows-1252; save it as "CSV UTF-8" to be sure every letter is right');
  });
});

describe('UTF-16', () => {
  for (const [label, bom, littleEndian] of [['with a BOM, little-endian', true, true], ['with a BOM, big-endian', true, false], ['without a BOM', false, true]] as const) {
    it(`is one clear error for the file (${label})`, () => {
      const text = validExport().text(LOCATIONS);
      const bytes: number[] = bom ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
      for (const ch of text) {
        const c = ch.charCodeAt(0);
        bytes.push(...(littleEndian ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
      }
      const result = validExport().setRaw(LOCATIONS, new Uint8Array(bytes)).validate();
      const errors = errorsOf(result).filter((e) => e.file === LOCATIONS);
      expect(errors).toHaveLength(1);
      expect(where(errors[0]!)).toEqual({ file: LOCATIONS });
      expect(errors[0]!.message).toContain('UTF-16');
      expect(errors[0]!.message).toContain('save it as "CSV UTF-8"');
      // The rows that point into the unreadable file are not reported as pointing to nothing.
      expect(errorsOf(result).map((e) => e.file)).toEqual([LOCATIONS]);
    });
  }
});

describe('characters a value may not hold', () => {
  it('refuses a right-to-left override in a name, once, naming the character', () => {
    const e = onlyError(validExport().set(HOLDERS, 0, 'name', 'Taalschool \u202EedrooN').validate());
    expect(where(e)).toEqual({ file: HOLDERS, line: 2, column: 'name', value: 'Taalschool \u202EedrooN' });
    expect(e.message).toContain('U+202E');
    expect(formatProblem(e)).toContain('(got "Taalschool \\u202EedrooN")');
  });

  it.each([
    ['a bell', '\u0007'],
    ['a NUL', '\u0000'],
    ['DEL', '\u007F'],
    ['a first-strong isolate', '\u2068'],
    ['a left-to-right embedding', '\u202A'],
  ])('refuses %s in any text column of any file', (_, ch) => {
    const x = validExport().set(HOLDERS, 1, 'trade_name', `Zuid${ch}Taal`).set(LOCATIONS, 2, 'city', `Eind${ch}hoven`).set(HISTORY, 0, 'note', `Omgezet${ch}`);
    expect(errorsOf(x.validate()).map(where)).toEqual([
      { file: HOLDERS, line: 3, column: 'trade_name', value: `Zuid${ch}Taal` },
      { file: LOCATIONS, line: 4, column: 'city', value: `Eind${ch}hoven` },
      { file: HISTORY, line: 2, column: 'note', value: `Omgezet${ch}` },
    ]);
  });

  it('allows a line break in a note, and nowhere else', () => {
    expect(validExport().set(HISTORY, 0, 'note', 'Omgezet\nnaar onbepaalde tijd').validate().ok).toBe(true);
    expect(where(onlyError(validExport().set(LOCATIONS, 0, 'street', 'Vismarkt\n(achter)').validate()))).toMatchObject({ file: LOCATIONS, line: 2, column: 'street' });
  });
});

describe('line ends', () => {
  it('reports a file whose lines end in two ways as exactly that, once, and reads every row', () => {
    const x = validExport();
    const crlf = x.text(LOCATIONS, { lineEnd: '\r\n' }).split('\r\n');
    // The first three lines end in CRLF, the rest in LF, as when two exports are pasted together.
    const text = `${crlf.slice(0, 3).join('\r\n')}\r\n${crlf.slice(3).join('\n')}`;
    const result = x.clone().setRaw(LOCATIONS, utf8(text)).validate();
    expect(registerOf(result)).toEqual(registerOf(x.validate()));
    expect(result.warnings.map(where)).toEqual([{ file: LOCATIONS, line: 4 }]);
    expect(result.warnings[0]!.message).toContain('the lines of this file end in two different ways (CRLF from line 1, LF from line 4)');
  });
});

describe('limits, checked before parsing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'register-limits-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`refuses a file larger than ${MAX_FILE_BYTES / 1024 / 1024} MB without reading all of it`, () => {
    for (const [name, bytes] of Object.entries(validExport().bytes())) writeFileSync(join(dir, name), bytes!);
    // A sparse file: 2 GB on paper, no disk and, read at most up to the limit, little memory.
    truncateSync(join(dir, LOCATIONS), 2 * 1024 ** 3);
    const files = readExportDir(dir);
    expect(files[LOCATIONS]!.length).toBe(MAX_FILE_BYTES + 1);
    const errors = errorsOf(validateExports(files)).filter((e) => e.file === LOCATIONS);
    expect(errors.map(where)).toEqual([{ file: LOCATIONS }]);
    expect(errors[0]!.message).toContain('larger than 100 MB');
  });

  it(`refuses a file with more than ${MAX_LINES.toLocaleString('en')} lines`, () => {
    const text = validExport().text(HISTORY) + '\n'.repeat(MAX_LINES);
    const errors = errorsOf(validExport().setRaw(HISTORY, utf8(text)).validate());
    expect(errors.map(where)).toEqual([{ file: HISTORY }]);
    expect(errors[0]!.message).toMatch(/^the file has 1,000,00\d lines, more than the 1,000,000 the register reads/);
  });
});

describe('the report', () => {
  const line = (p: Partial<Problem>) => formatProblem({ severity: 'error', file: LOCATIONS, line: 2, message: 'm', ...p });

  it('shows invisible characters escaped, so a postcode with a non-breaking space does not look valid', () => {
    const e = onlyError(validExport().set(LOCATIONS, 0, 'postcode', '9712\u00A0CB').validate());
    expect(formatProblem(e)).toMatch(/^locations\.csv:2: postcode: .*\(got "9712\\u00A0CB"\)$/);
    expect(line({ value: 'a\u200Bb\uFEFFc\u2028d\te' })).toBe('locations.csv:2: m (got "a\\u200Bb\\uFEFFc\\u2028d\\te")');
  });

  it('cuts a long value with "…"', () => {
    const e = onlyError(validExport().set(HISTORY, 0, 'note', 'x'.repeat(1_000_000)).validate());
    const text = formatProblem(e);
    expect(text.length).toBeLessThan(300);
    expect(text).toMatch(/\(got "x{100}…"\)$/);
  });

  it('escapes a column name, so a header cannot forge a line of the report', () => {
    const x = validExport().addColumn(LOCATIONS, 'note\n45 holders, 130 locations, 154 routes, 76 profiles, 0 errors, 0 warnings');
    const report = errorsOf(x.validate()).map(formatProblem).join('\n');
    expect(report.split('\n').filter((l) => /^\d+ holders/.test(l))).toEqual([]);
    expect(report).toContain('locations.csv:1: "note\\n45 holders, 130 locations');
  });
});

describe('a folder read one file at a time', () => {
  const dir = mkdtempSync(join(tmpdir(), 'register-one-by-one-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('asks for each file once, in report order, and reports exactly what reading the whole folder reports', () => {
    // Problems in several files, of the kinds that need other files (an unknown location) or
    // several rows (a year assessed twice), so nothing depends on all bytes being at hand.
    const x = withQualityFiles(validExport()).set(LOCATIONS, 0, 'postcode', '0123 AB').set(ROUTES, 1, 'location_id', 'nergens').set(QUALITY, 1, 'measurement_year', '2023');
    for (const [name, bytes] of Object.entries(x.bytes())) writeFileSync(join(dir, name), bytes!);
    const asked: string[] = [];
    const source = exportDirSource(dir);
    const oneByOne = validateExports((name) => {
      asked.push(name);
      return source(name);
    });
    expect(asked).toEqual(Object.values(EXPORT_FILES).map((f) => f.name));
    expect(oneByOne).toEqual(validateExports(readExportDir(dir)));
    expect(errorsOf(oneByOne).map((e) => e.file)).toEqual([LOCATIONS, ROUTES, QUALITY]);
  });
});
