/**
 * Property: break exactly one cell of a valid export with a value that is certainly wrong
 * for its column, and exactly that cell (file, line, column) is reported, with the value
 * as exported, and nothing else: no cascade into other rows or files.
 *
 * Identifier cells are only broken on rows nothing refers to: changing a referenced
 * identifier alone makes the references really point to nothing, which is then a true
 * second problem (files.test.ts checks that case).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/register/dates.ts';
import { DAYPARTS, LAWS, MODALITIES, NORM_OUTCOMES, PROFILES as PROFILE_CODES, PROVINCES, RATINGS, STATUSES, VISIT_KINDS, VISIT_OUTCOMES } from '../../src/register/index.ts';
import {
  COLUMNS, lineOf, validExport, withCourses, withQualityFiles, withUnreferencedRows,
  COURSES, HISTORY, HOLDERS, LOCATIONS, PROFILES, QUALITY, ROUTES, VISITS, type Export, type FileName,
} from '../support/exports.ts';

/** The export every run breaks: the valid one, plus a holder and a location nothing refers to. */
function baseExport(): { x: Export; unreferenced: { holder: number; location: number } } {
  const x = withCourses(withQualityFiles(validExport()));
  const unreferenced = withUnreferencedRows(x);
  // With coordinates, a broken latitude on this row is one problem, not also "longitude alone".
  x.set(LOCATIONS, unreferenced.location, 'latitude', '51.4416').set(LOCATIONS, unreferenced.location, 'longitude', '5.4697');
  return { x, unreferenced };
}

/** The base export's own export date (its newest decision date) in the year its quality rows allow. */
const BASE_EXPORT_DATE = '2024-12-31';

const LETTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const DIGITS = [...'0123456789'];
const ID_CHARS = [...LETTERS, ...DIGITS, '-', '_'];

const word = (chars: string[], min: number, max: number) =>
  fc.array(fc.constantFrom(...chars), { minLength: min, maxLength: max }).map((a) => a.join(''));
const digits = (min: number, max: number) => word(DIGITS, min, max);
const letters = (min: number, max: number) => word(LETTERS, min, max);
/** More than `max` characters, without edge spaces (which trimming would take off). */
const tooLong = (max: number) => word([...LETTERS, ' ', '.', ','], max + 1, max + 40).map((s) => `x${s}x`);
/** A lower-case word that is none of the given codes. */
const notOneOf = (codes: readonly string[], caseInsensitive = false) =>
  word([...'abcdefghijklmnopqrstuvwxyz_0123456789'], 1, 16).filter(
    (s) => !codes.includes(s) && !(caseInsensitive && codes.map((c) => c.toLowerCase()).includes(s.toLowerCase())),
  );

const badIdentifier = fc.oneof(
  word(ID_CHARS, 1, 1),
  word(ID_CHARS, 33, 60),
  fc
    .tuple(word(ID_CHARS, 1, 10), fc.constantFrom(' ', '.', '/', '!', 'é', '@', ':', '"', ',', ';', '|', '\n', '€'), word(ID_CHARS, 1, 10))
    .map((parts) => parts.join('')),
);
/** A well-formed identifier that no row of the base export has. */
const unknownIdentifier = word(ID_CHARS, 1, 20).map((s) => `zz-${s}`);

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const badDate = fc.oneof(
  // A day past the end of its month, leap years included.
  fc.tuple(fc.integer({ min: 1000, max: 2999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 70 })).map(
    ([y, m, extra]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(Math.min(99, daysIn(y, m) + extra), 2)}`,
  ),
  fc.tuple(fc.integer({ min: 1000, max: 2999 }), fc.constantFrom(0, 13, 14, 20, 99), fc.integer({ min: 1, max: 28 })).map(
    ([y, m, d]) => `${y}-${pad(m, 2)}-${pad(d, 2)}`,
  ),
  // A real date, written some other way than YYYY-MM-DD.
  fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 0, max: 2 })).map(
    ([d, m, y, form]) => [`${pad(d, 2)}-${pad(m, 2)}-${y}`, `${y}/${pad(m, 2)}/${pad(d, 2)}`, `${y}-${m}-${d}0`][form]!,
  ),
  fc.constantFrom('gisteren', '2023-06', '20230601'),
);
/** A real date after the given one, so after status_since. */
const dateAfter = (date: string) =>
  fc.integer({ min: 1, max: 3000 }).map((days) => addDays(date, days));

const REQUIRED_EMPTY = fc.constant('');

const badValue: Record<string, (x: Export, file: FileName, row: number) => fc.Arbitrary<string>> = {
  'holders.csv:holder_id': () => badIdentifier,
  'holders.csv:name': () => fc.oneof(REQUIRED_EMPTY, tooLong(200)),
  'holders.csv:trade_name': () => tooLong(200),
  'holders.csv:kvk_number': () =>
    fc.oneof(digits(1, 7), digits(9, 14), fc.tuple(digits(1, 4), letters(1, 1), digits(3, 3)).map((p) => p.join('').padEnd(8, '1'))),
  'holders.csv:website': () =>
    fc.oneof(
      fc.tuple(fc.constantFrom('javascript:', 'ftp://', 'data:text/html,', 'mailto:', 'file:///', 'gopher://'), letters(1, 12)).map((p) => p.join('')),
      letters(1, 12).map((s) => `www.${s}.nl`),
      letters(1, 12).map((s) => `/${s}`),
    ),
  'holders.csv:email': () =>
    fc.oneof(
      letters(1, 10).map((s) => `${s}.nl`),
      letters(1, 10).map((s) => `${s}@`),
      letters(1, 10).map((s) => `@${s}.nl`),
      fc.tuple(letters(1, 5), letters(1, 5)).map(([a, b]) => `${a} ${b}@taal.nl`),
    ),
  'holders.csv:phone': () => fc.oneof(digits(1, 8), digits(16, 22), fc.tuple(digits(5, 10), letters(1, 2)).map((p) => p.join(''))),
  'holders.csv:keurmerk_status': () => fc.oneof(REQUIRED_EMPTY, notOneOf(STATUSES)),
  'holders.csv:status_since': () => fc.oneof(REQUIRED_EMPTY, badDate),
  'holders.csv:first_granted': (x, file, row) => fc.oneof(badDate, dateAfter(x.get(file, row, 'status_since')!)),
  'holders.csv:laws': () =>
    fc.oneof(
      REQUIRED_EMPTY,
      notOneOf(LAWS),
      fc.constantFrom('wi2013|', '|wi2021', 'wi2021|wi2021', 'WI2021', 'wi2013,wi2021', 'wi2013||wi2021'),
    ),
  'holders.csv:distance_learning': () => notOneOf(['ja', 'nee', 'true', 'false', '1', '0'], true),
  'locations.csv:location_id': () => badIdentifier,
  'locations.csv:holder_id': () => fc.oneof(REQUIRED_EMPTY, badIdentifier, unknownIdentifier),
  'locations.csv:name': () => tooLong(200),
  'locations.csv:street': () => fc.oneof(REQUIRED_EMPTY, tooLong(200)),
  'locations.csv:house_number': () => fc.oneof(REQUIRED_EMPTY, digits(6, 9), fc.tuple(digits(1, 4), letters(1, 2)).map((p) => p.join(''))),
  'locations.csv:house_number_suffix': () => tooLong(10),
  'locations.csv:postcode': () =>
    fc.oneof(
      REQUIRED_EMPTY,
      fc.tuple(digits(3, 3), letters(2, 2)).map(([d, l]) => `0${d}${l}`),
      fc.tuple(digits(3, 3), letters(2, 2)).map(([d, l]) => `0${d} ${l}`),
      fc.tuple(digits(1, 3), letters(2, 2)).map(([d, l]) => `${d}${l}`),
      fc.tuple(digits(4, 4), letters(0, 1)).map(([d, l]) => `${d === '0000' ? '1000' : d.replace(/^0/, '1')}${l}`),
      fc.tuple(digits(5, 6), letters(2, 2)).map(([d, l]) => `1${d}${l}`),
      fc.tuple(digits(3, 3), letters(3, 4)).map(([d, l]) => `1${d}${l}`),
      fc.tuple(digits(3, 3), letters(2, 2), fc.constantFrom('-', '  ', '.')).map(([d, l, s]) => `1${d}${s}${l}`),
    ),
  'locations.csv:city': () => fc.oneof(REQUIRED_EMPTY, tooLong(100)),
  'locations.csv:municipality_code': () =>
    fc.oneof(
      REQUIRED_EMPTY,
      digits(1, 3).map((d) => `GM${d}`),
      digits(5, 7).map((d) => `GM${d}`),
      digits(4, 4).map((d) => `gm${d}`),
      digits(4, 4),
      digits(4, 4).map((d) => `GN${d}`),
    ),
  'locations.csv:municipality_name': () => fc.oneof(REQUIRED_EMPTY, tooLong(100)),
  'locations.csv:province': () =>
    fc.oneof(REQUIRED_EMPTY, fc.constantFrom('Friesland', 'Fryslan', 'Noord Holland', 'Brabant', 'Vlaanderen'), letters(1, 12).filter((s) => !(PROVINCES as readonly string[]).includes(s))),
  'locations.csv:latitude': () =>
    fc.oneof(
      REQUIRED_EMPTY, // then longitude stands alone: reported at the emptied latitude
      fc.tuple(fc.integer({ min: -90, max: 49 }), digits(1, 4)).map(([i, f]) => `${i}.${f}`),
      fc.tuple(fc.integer({ min: 54, max: 90 }), digits(1, 4)).map(([i, f]) => `${i}.${f}`),
      fc.tuple(fc.integer({ min: 51, max: 53 }), digits(1, 4)).map(([i, f]) => `${i},${f}`),
      letters(1, 6),
    ),
  'locations.csv:longitude': () =>
    fc.oneof(
      REQUIRED_EMPTY,
      fc.tuple(fc.integer({ min: -180, max: 2 }), digits(1, 4)).map(([i, f]) => `${i}.${f}`),
      fc.tuple(fc.integer({ min: 8, max: 180 }), digits(1, 4)).map(([i, f]) => `${i}.${f}`),
      fc.tuple(fc.integer({ min: 4, max: 6 }), digits(1, 4)).map(([i, f]) => `${i},${f}`),
      letters(1, 6).map((s) => `E${s}`),
    ),
  'locations.csv:phone': () => fc.oneof(digits(1, 8), digits(16, 22), fc.tuple(digits(9, 10), fc.constantFrom('/', '.', '#')).map((p) => p.join(''))),
  'locations.csv:email': () => letters(1, 10).map((s) => `${s}(at)taal.nl`),
  'locations.csv:wheelchair_accessible': () => notOneOf(['ja', 'nee', 'true', 'false', '1', '0'], true),
  'routes.csv:location_id': () => fc.oneof(REQUIRED_EMPTY, badIdentifier, unknownIdentifier),
  'routes.csv:route': () =>
    fc.oneof(
      REQUIRED_EMPTY,
      fc.constantFrom('onderwijsroute', 'Onderwijsroute', 'ONDERWIJS-ROUTE', 'A2', 'B2', 'Z2-route', 'route'),
      word([...'abcdefghijklmnopqrstuvwxyz0123456789-'], 1, 12).filter((s) => !['b1', 'z'].includes(s.toLowerCase().replace(/-?route$/, ''))),
    ),
  'routes.csv:dayparts': () => badList(DAYPARTS),
  'routes.csv:modality': () => notOneOf(MODALITIES),
  'profiles.csv:location_id': () => fc.oneof(REQUIRED_EMPTY, badIdentifier, unknownIdentifier),
  'profiles.csv:profile': () => fc.oneof(REQUIRED_EMPTY, notOneOf(PROFILE_CODES)),
  'profiles.csv:dayparts': () => badList(DAYPARTS),
  'profiles.csv:modality': () => notOneOf(MODALITIES),
  'status_history.csv:holder_id': () => fc.oneof(REQUIRED_EMPTY, badIdentifier, unknownIdentifier),
  'status_history.csv:status': () => fc.oneof(REQUIRED_EMPTY, notOneOf(STATUSES)),
  'status_history.csv:effective_from': () => fc.oneof(REQUIRED_EMPTY, badDate),
  'status_history.csv:note': () => tooLong(500),
  'courses.csv:location_id': () => fc.oneof(REQUIRED_EMPTY, badIdentifier, unknownIdentifier),
  'courses.csv:offer': () =>
    fc.oneof(
      REQUIRED_EMPTY,
      fc.constantFrom('onderwijsroute', 'B2', 'A2', 'Z2-route', 'route', 'Laag', 'HOOG', 'middelbaar'),
      notOneOf([...PROFILE_CODES, 'b1', 'z']).filter((s) => !['b1', 'z'].includes(s.replace(/-?route$/, ''))),
    ),
  'courses.csv:start_date': () => fc.oneof(REQUIRED_EMPTY, badDate),
  // A malformed date, or a real one on or before the course's start.
  'courses.csv:end_date': (x, file, row) =>
    fc.oneof(badDate, fc.integer({ min: 0, max: 400 }).map((days) => addDays(x.get(file, row, 'start_date')!, -days))),
  'courses.csv:hours_per_week': () =>
    fc.oneof(
      fc.constantFrom('0', '0.9', '40.1', '41', '7.25', '7,5', 'zes', '-6'),
      fc.integer({ min: 41, max: 999 }).map(String),
    ),
  'courses.csv:dayparts': () => badList(DAYPARTS),
  'courses.csv:modality': () => notOneOf(MODALITIES),
  'courses.csv:max_group_size': () => fc.oneof(fc.constantFrom('0', '12.5', 'twaalf', '-3'), fc.integer({ min: 41, max: 9999 }).map(String)),
  // Malformed, or more places than the row's group holds (absent group: only malformed).
  'courses.csv:places_left': (x, file, row) => {
    const group = x.get(file, row, 'max_group_size');
    const bad = fc.constantFrom('-1', '2.5', 'vol', '1e2');
    return group ? fc.oneof(bad, fc.integer({ min: Number(group) + 1, max: 999 }).map(String)) : bad;
  },
  'courses.csv:price_eur': () =>
    fc.oneof(fc.constantFrom('20000.01', '99.999', '€ 2950', '2.950,00', '-5', 'op aanvraag'), fc.integer({ min: 20001, max: 999999 }).map(String)),
  'quality.csv:holder_id': () => fc.oneof(REQUIRED_EMPTY, badIdentifier, unknownIdentifier),
  'quality.csv:measurement_year': () =>
    fc.oneof(REQUIRED_EMPTY, fc.integer({ min: 1900, max: 2012 }).map(String), fc.integer({ min: 2025, max: 2999 }).map(String), digits(1, 3), digits(5, 6), fc.constantFrom('2023/24', '23', 'twintig')),
  'quality.csv:rating': () => fc.oneof(REQUIRED_EMPTY, notOneOf(RATINGS), fc.constantFrom('0', '5', '3.5', '***')),
  'quality.csv:norm_organisation': () => fc.oneof(REQUIRED_EMPTY, notOneOf(['behaald', 'niet_behaald']), fc.constant('geen_oordeel')),
  'quality.csv:norm_results': () => fc.oneof(REQUIRED_EMPTY, notOneOf(NORM_OUTCOMES)),
  'quality.csv:norm_satisfaction': () => fc.oneof(REQUIRED_EMPTY, notOneOf(NORM_OUTCOMES)),
  'quality.csv:exam_candidates': () => badCount,
  'quality.csv:exam_pass_rate': () => badPercentage,
  'quality.csv:satisfaction_score': () =>
    fc.oneof(
      fc.tuple(fc.integer({ min: 10, max: 99 }), digits(1, 1)).map(([i, f]) => `${i}.${f}`),
      fc.constantFrom('0.9', '0', '7,5', '7.55', 'goed', '-3'),
    ),
  'quality.csv:satisfaction_respondents': () => badCount,
  'quality.csv:certified_teacher_share': () => badPercentage,
  'quality.csv:decision_date': (x, file, row) =>
    fc.oneof(badDate, fc.integer({ min: 1, max: 4000 }).map((days) => addDays(`${x.get(file, row, 'measurement_year')}-01-01`, -days))),
  'classroom_visits.csv:holder_id': () => fc.oneof(REQUIRED_EMPTY, badIdentifier, unknownIdentifier),
  // Or a location of the other holder: it must belong to the visit's own holder.
  'classroom_visits.csv:location_id': (x, file, row) =>
    fc.oneof(badIdentifier, unknownIdentifier, fc.constant(x.get(file, row, 'holder_id') === 'taal-1' ? 'zuid-1' : 'noord-b')),
  'classroom_visits.csv:visit_date': () => fc.oneof(REQUIRED_EMPTY, badDate),
  'classroom_visits.csv:kind': () => fc.oneof(REQUIRED_EMPTY, notOneOf(VISIT_KINDS)),
  'classroom_visits.csv:outcome': () => fc.oneof(REQUIRED_EMPTY, notOneOf(VISIT_OUTCOMES)),
};

/** Not a whole number of 0 or more. */
const badCount = fc.oneof(fc.integer({ min: -500, max: -1 }).map(String), fc.tuple(digits(1, 3), digits(1, 2)).map(([i, f]) => `${i}.${f}`), letters(1, 6));
/** Not a percentage 0 to 100 with at most one decimal. */
const badPercentage = fc.oneof(
  fc.integer({ min: 101, max: 100000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 99 }), digits(2, 4)).map(([i, f]) => `${i}.${f}`),
  fc.tuple(fc.integer({ min: 0, max: 99 }), digits(1, 1)).map(([i, f]) => `${i},${f}`),
  fc.constantFrom('-1', '50%', 'hoog'),
);

/** A `|` list with an unknown item, an empty item or a repeated one. */
function badList(codes: readonly string[]): fc.Arbitrary<string> {
  const good = fc.subarray([...codes], { minLength: 1 });
  return fc.oneof(
    fc.tuple(good, notOneOf(codes), fc.nat()).map(([items, bad, at]) => insert(items, bad, at).join('|')),
    fc.tuple(good, fc.nat()).map(([items, at]) => insert(items, '', at).join('|')),
    fc.tuple(fc.constantFrom(...codes), good, fc.nat()).map(([twice, items, at]) => insert([...items.filter((i) => i !== twice), twice], twice, at).join('|')),
  );
}
function insert<T>(items: T[], item: T, at: number): T[] {
  const i = at % (items.length + 1);
  return [...items.slice(0, i), item, ...items.slice(i)];
}

interface Cell {
  file: FileName;
  row: number;
  column: string;
}

/** Every cell that can be broken on its own (see the file comment). */
function breakableCells(): Cell[] {
  const { x, unreferenced } = baseExport();
  const cells: Cell[] = [];
  for (const file of [HOLDERS, LOCATIONS, ROUTES, PROFILES, HISTORY, QUALITY, VISITS, COURSES] as const) {
    x.table(file).rows.forEach((_, row) => {
      for (const column of COLUMNS[file]) {
        if (file === HOLDERS && column === 'holder_id' && row !== unreferenced.holder) continue;
        if (file === LOCATIONS && column === 'location_id' && row !== unreferenced.location) continue;
        cells.push({ file, row, column });
      }
    });
  }
  return cells;
}

describe('one broken cell is reported as that cell and nothing else', () => {
  it('has a rule to break every column with', () => {
    for (const [file, columns] of Object.entries(COLUMNS)) {
      for (const column of columns) expect(badValue).toHaveProperty([`${file}:${column}`]);
    }
    expect(baseExport().x.validate().ok).toBe(true);
  });

  const cells = breakableCells();
  const brokenCell = fc.constantFrom(...cells).chain((cell) => {
    const { x } = baseExport();
    return badValue[`${cell.file}:${cell.column}`]!(x, cell.file, cell.row).map((value) => ({ ...cell, value }));
  });

  it('for any cell and any certainly-wrong value', () => {
    fc.assert(
      fc.property(brokenCell, fc.constantFrom(',', ';'), ({ file, row, column, value }, delimiter) => {
        const { x } = baseExport();
        x.set(file, row, column, value);
        // The export date pinned: a broken newest decision date would otherwise move the
        // contract's default export date, and judge measurement years against another year.
        const result = x.validate({ delimiter }, { exportDate: BASE_EXPORT_DATE });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.errors.length).toBeGreaterThan(0);
        const reported = value.trim() === '' ? undefined : value.trim();
        for (const e of result.errors) {
          expect({ file: e.file, line: e.line, column: e.column, value: e.value }).toEqual({ file, line: lineOf(row), column, value: reported });
          expect(e.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('for every column at least once', () => {
    // The random walk above may miss a column; this walks each one with a few values.
    for (const cell of cells.filter((c, i) => cells.findIndex((d) => d.file === c.file && d.column === c.column) === i)) {
      const { x } = baseExport();
      for (const value of fc.sample(badValue[`${cell.file}:${cell.column}`]!(x, cell.file, cell.row), { numRuns: 5, seed: 42 })) {
        const broken = baseExport().x.set(cell.file, cell.row, cell.column, value);
        const result = broken.validate({}, { exportDate: BASE_EXPORT_DATE });
        const where = result.ok ? [] : result.errors.map((e) => `${e.file}:${e.line}:${e.column}`);
        expect({ value, where: [...new Set(where)] }).toEqual({ value, where: [`${cell.file}:${lineOf(cell.row)}:${cell.column}`] });
      }
    }
  });
});
