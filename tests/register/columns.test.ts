/**
 * Column rules: every rule of every file's columns, one broken cell at a time.
 * Each refused value must come back as exactly one problem (or several about that one
 * cell) naming the file, the spreadsheet line, the column and the value as exported.
 */
import { describe, expect, it } from 'vitest';
import { errorsOf, lineOf, validExport, where, withCourses, withQualityFiles, withUnreferencedRows, COURSES, HISTORY, HOLDERS, LOCATIONS, PROFILES, ROUTES, type Export, type FileName,  } from '../support/exports.ts';
import { registerOf } from '../support/register.ts';
import { isoDate } from '../../src/register/index.ts';
import { addMonths, newestDecisionDate } from '../../src/register/dates.ts';

interface Refusal {
  file: FileName;
  row: number;
  column: string;
  value: string;
  /** Key parts of the message, each of which must appear in it. */
  message: (string | RegExp)[];
  /** The export to break; a fresh `validExport()` when absent. */
  base?: Export;
}

/** Breaks one cell and expects that cell, and only that cell, to be reported. */
function expectRefused({ file, row, column, value, message, base = validExport() }: Refusal) {
  const errors = errorsOf(base.set(file, row, column, value).validate());
  const reported = value.trim() === '' ? undefined : value.trim();
  for (const e of errors) {
    expect(where(e)).toEqual({ file, line: lineOf(row), column, ...(reported === undefined ? {} : { value: reported }) });
    expect(e.severity).toBe('error');
  }
  // The first issue of a cell carries the rule's own reason.
  for (const part of message) expect(errors[0]!.message).toMatch(part);
}

/** Sets one cell to a value the contract allows and returns the parsed register. */
function accepted(file: FileName, row: number, column: string, value: string) {
  return registerOf(validExport().set(file, row, column, value).validate());
}

const IDENTIFIER_MESSAGE = ['2 to 32 characters', 'A-Z, a-z, 0-9, - and _'];
const REQUIRED = ['a value is required here'];

describe('identifiers', () => {
  const bad = ['x', 'a'.repeat(33), 'taal 1', 'taal.1', 'taal/1', 'tааl-1' /* Cyrillic a */, 'café', '<script>'];
  for (const [file, column] of [
    [HOLDERS, 'holder_id'],
    [LOCATIONS, 'location_id'],
  ] as const) {
    it.each(bad)(`${file} ${column} refuses %j`, (value) => {
      const base = validExport();
      const rows = withUnreferencedRows(base);
      const row = file === HOLDERS ? rows.holder : rows.location;
      expectRefused({ base, file, row, column, value, message: IDENTIFIER_MESSAGE });
    });
  }
  for (const [file, column] of [
    [LOCATIONS, 'holder_id'],
    [ROUTES, 'location_id'],
    [PROFILES, 'location_id'],
    // Row 0 is the newest decision of taal-1: a broken holder_id there must not make the
    // older decision look like the newest one and be reported as disagreeing with holders.csv.
    [HISTORY, 'holder_id'],
  ] as const) {
    it.each(bad)(`${file} ${column} refuses %j`, (value) => {
      expectRefused({ file, row: 0, column, value, message: IDENTIFIER_MESSAGE });
    });
  }

  it('reports a reference spelled like a refused identifier only by its own rule', () => {
    // The steward mistyped the identifier everywhere: each cell is reported, and no
    // reference is reported again as pointing to a holder that does not exist.
    const x = validExport();
    for (const file of [HOLDERS, LOCATIONS, HISTORY] as const) {
      for (const row of x.table(file).rows) if (row.holder_id === 'taal-1') row.holder_id = 'taal.1';
    }
    const errors = errorsOf(x.validate());
    expect(errors.map(where)).toEqual([
      { file: HOLDERS, line: 2, column: 'holder_id', value: 'taal.1' },
      { file: LOCATIONS, line: 2, column: 'holder_id', value: 'taal.1' },
      { file: LOCATIONS, line: 3, column: 'holder_id', value: 'taal.1' },
      { file: HISTORY, line: 2, column: 'holder_id', value: 'taal.1' },
      { file: HISTORY, line: 3, column: 'holder_id', value: 'taal.1' },
      { file: HISTORY, line: 4, column: 'holder_id', value: 'taal.1' },
    ]);
  });

  it('reports references to an identifier that was changed in one file only', () => {
    const errors = errorsOf(validExport().set(HOLDERS, 1, 'holder_id', 'inburg-2').validate());
    expect(errors.map(where)).toEqual([
      { file: LOCATIONS, line: 4, column: 'holder_id', value: 'inburg_2' },
      { file: LOCATIONS, line: 5, column: 'holder_id', value: 'inburg_2' },
      { file: HISTORY, line: 5, column: 'holder_id', value: 'inburg_2' },
    ]);
    for (const e of errors) expect(e.message).toBe('no holder with this identifier in holders.csv');
  });

  it('accepts 2 and 32 characters of the whole alphabet', () => {
    const x = validExport();
    const long = 'Ab0-_'.repeat(6) + 'zZ';
    expect(long).toHaveLength(32);
    x.set(HOLDERS, 1, 'holder_id', 'A9');
    for (const row of x.table(LOCATIONS).rows) if (row.holder_id === 'inburg_2') row.holder_id = 'A9';
    for (const row of x.table(HISTORY).rows) if (row.holder_id === 'inburg_2') row.holder_id = 'A9';
    x.set(LOCATIONS, 3, 'location_id', long).set(ROUTES, 3, 'location_id', long);
    const register = registerOf(x.validate());
    expect(register.holderById.get('A9')?.locations.map((l) => l.location_id)).toEqual(['zuid-1', long]);
  });

  it('reports a damaged identifier once, and the rows that refer to what it was meant to be as one line', () => {
    // One byte of "taal-1" damaged in a UTF-8 file ("é" elsewhere makes it UTF-8, not Windows-1252).
    const x = withQualityFiles(validExport()).set(HOLDERS, 0, 'name', 'Taalschool Noord – Café');
    const text = x.text(HOLDERS).replace('taal-1,', 'taal\u00001,');
    const bytes = new TextEncoder().encode(text).map((b) => (b === 0 ? 0xa3 : b));
    const errors = errorsOf(x.setRaw(HOLDERS, bytes).validate());
    expect(errors.map(where)).toEqual([
      { file: HOLDERS, line: 2, column: 'holder_id', value: 'taal\uFFFD1' },
      { file: HOLDERS, line: 2, column: 'holder_id', value: 'taal\uFFFD1' },
    ]);
    expect(errors[0]!.message).toMatch(/^this line of the file is damaged/);
    expect(errors[1]!.message).toBe('9 rows refer to it as "taal-1" (2 in locations.csv, 3 in status_history.csv, 2 in quality.csv, 2 in classroom_visits.csv); they are not reported one by one: correct this identifier and they find it again');
    // A reference to anything else is still its own error.
    const other = errorsOf(x.setRaw(HOLDERS, bytes).set(HISTORY, 0, 'holder_id', 'taal-9').validate());
    expect(other.map(where)).toContainEqual({ file: HISTORY, line: 2, column: 'holder_id', value: 'taal-9' });
    expect(other.find((e) => e.file === HOLDERS && e.message.startsWith('8 rows'))).toBeDefined();
  });

  it('is required', () => {
    expectRefused({ file: ROUTES, row: 2, column: 'location_id', value: '', message: REQUIRED });
    expectRefused({ file: PROFILES, row: 1, column: 'location_id', value: '', message: REQUIRED });
    expectRefused({ file: HISTORY, row: 1, column: 'holder_id', value: '', message: REQUIRED });
    expectRefused({ file: LOCATIONS, row: 1, column: 'holder_id', value: '', message: REQUIRED });
    // A row without its own identifier cannot be referred to, so the rows that referred to
    // it are reported as well: the export really does lack holder taal-1 then.
    const errors = errorsOf(validExport().set(HOLDERS, 0, 'holder_id', '').validate());
    expect(where(errors[0]!)).toEqual({ file: HOLDERS, line: 2, column: 'holder_id' });
    expect(errors[0]!.message).toBe('a value is required here');
    expect(errors.slice(1).every((e) => e.message === 'no holder with this identifier in holders.csv')).toBe(true);
  });
});

describe('holders.csv', () => {
  it.each([
    ['name', '', REQUIRED],
    ['name', 'n'.repeat(201), ['at most 200 characters']],
    ['trade_name', 't'.repeat(201), ['at most 200 characters']],
    ['kvk_number', '1234567', ['exactly 8 digits', 'KvK']],
    ['kvk_number', '123456789', ['exactly 8 digits']],
    ['kvk_number', '1234567a', ['exactly 8 digits']],
    ['kvk_number', '1234 5678', ['exactly 8 digits']],
    ['website', 'javascript:alert(1)', ['http:// or https://']],
    ['website', 'ftp://ftp.taalnoord.nl/', ['http:// or https://']],
    ['website', 'www.taalnoord.nl', ['http:// or https://']],
    ['website', '/inburgeren', ['http:// or https://']],
    ['website', 'data:text/html,<b>hoi</b>', ['http:// or https://']],
    ['website', 'mailto:info@taalnoord.nl', ['http:// or https://']],
    // User information: the link text names one site, the link leads to another.
    ['website', 'https://www.blikopwerk.nl@evil.example/', ['user name or password before an @', 'not the one it seems to be']],
    ['website', 'https://user:secret@www.taalnoord.nl/', ['user name or password before an @']],
    ['website', 'http://@taalnoord.nl/', ['user name or password before an @']],
    ['email', 'info.taalnoord.nl', ['not an e-mail address']],
    ['email', 'info@', ['not an e-mail address']],
    ['email', 'in fo@taalnoord.nl', ['not an e-mail address']],
    ['phone', '050-1234', ['9 to 15 digits']],
    ['phone', '+31 6 1234 5678 90123', ['9 to 15 digits']],
    ['phone', '050 123 456x', ['only digits, spaces and + - ( )']],
    ['keurmerk_status', '', REQUIRED],
    ['keurmerk_status', 'actief', ['not a known keurmerk status', 'bepaalde_tijd', 'beeindigd']],
    ['keurmerk_status', 'Geschorst', ['not a known keurmerk status', '(in lower case)']],
    ['status_since', '', REQUIRED],
    ['status_since', '01-06-2023', ['YYYY-MM-DD']],
    ['status_since', '2023-6-1', ['YYYY-MM-DD']],
    ['status_since', '2023-02-29', ['not a real calendar date']],
    ['status_since', '1900-02-29', ['not a real calendar date']],
    ['status_since', '2023-04-31', ['not a real calendar date']],
    ['status_since', '2023-13-01', ['not a real calendar date']],
    ['status_since', '2023-00-10', ['not a real calendar date']],
    ['first_granted', '2023-02-30', ['not a real calendar date']],
    ['first_granted', '2023-06-02', ['must not be after status_since', '2023-06-01']],
    ['laws', '', REQUIRED],
    ['laws', 'wi2015', ['"wi2015"', 'not a known law', 'wi2013, wi2021']],
    ['laws', 'wi2013,wi2021', ['not a known law']],
    ['laws', 'wi2013||wi2021', ['empty item']],
    ['laws', 'wi2021|wi2021', ['names the same law twice']],
    ['distance_learning', 'misschien', ['ja, nee, true, false, 1 or 0']],
    ['distance_learning', 'yes', ['ja, nee, true, false, 1 or 0']],
    ['distance_learning', '2', ['ja, nee, true, false, 1 or 0']],
  ] as [string, string, string[]][])('refuses %s %j', (column, value, message) => {
    expectRefused({ file: HOLDERS, row: 0, column, value, message });
  });

  it.each([
    ['website', 'http://taalnoord.nl'],
    ['website', 'HTTPS://WWW.TAALNOORD.NL/a?b=c#d'],
    ['website', 'https://www.taalnoord.nl/contact?mail=info@taalnoord.nl#team@noord'],
    ['kvk_number', '01234567'],
    ['phone', '0501234567'],
    ['phone', '+31 (0)50-123 45 67 8'],
    ['name', 'n'.repeat(200)],
    ['first_granted', '2023-06-01'],
    ['status_since', '2023-06-01'],
  ])('accepts %s %j', (column, value) => {
    const holder = accepted(HOLDERS, 0, column, value).holders[0]!;
    expect((holder as unknown as Record<string, unknown>)[column]).toBe(value);
  });

  it.each(['bepaalde_tijd', 'onbepaalde_tijd', 'herstelperiode', 'geschorst', 'ingetrokken', 'beeindigd'])(
    'accepts status %s',
    (status) => {
      const x = validExport().set(HOLDERS, 1, 'keurmerk_status', status).set(HISTORY, 3, 'status', status);
      expect(registerOf(x.validate()).holders[1]!.keurmerk_status).toBe(status);
    },
  );

  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2023-02-28', true],
    ['2023-12-31', true],
    ['2100-02-29', false],
    ['2023-02-29', false],
    ['2024-02-30', false],
    ['2024-06-31', false],
  ])('knows leap years and month lengths: %s is real: %s', (date, real) => {
    // The date rule itself; years before the keurmerk are refused by a bound of their own (below).
    expect(isoDate.safeParse(date).success).toBe(real);
  });

  it('checks real dates in the first centuries too, by the Gregorian calendar', () => {
    // Date.UTC maps years 0-99 onto 1900-1999; the check must not.
    expect(isoDate.safeParse('0024-02-29').success).toBe(true);
    expectRefused({ file: HOLDERS, row: 0, column: 'first_granted', value: '0100-02-29', message: ['not a real calendar date'] });
  });

  it('refuses dates before the keurmerk began, and courses planned more than three years past the export date, saying which bound was crossed', () => {
    const x = withCourses(validExport()).set(HOLDERS, 0, 'first_granted', '0001-05-01').set(HISTORY, 2, 'effective_from', '2012-12-31');
    const exportDate = newestDecisionDate({ holders: x.table(HOLDERS).rows, history: x.table(HISTORY).rows, quality: [], visits: [] })!;
    const latest = addMonths(exportDate, 36);
    x.set(COURSES, 0, 'start_date', '2099-03-01').set(COURSES, 0, 'end_date', '2099-06-30').set(COURSES, 1, 'start_date', latest).set(COURSES, 1, 'end_date', '');
    const errors = errorsOf(x.validate());
    expect(errors.map(where)).toEqual([
      { file: HOLDERS, line: 2, column: 'first_granted', value: '0001-05-01' },
      { file: HISTORY, line: 4, column: 'effective_from', value: '2012-12-31' },
      { file: COURSES, line: 2, column: 'start_date', value: '2099-03-01' },
      { file: COURSES, line: 2, column: 'end_date', value: '2099-06-30' },
    ]);
    expect(errors.find((e) => e.column === 'first_granted')!.message).toBe('is before 2013-01-01, when the Keurmerk Inburgeren began; no date of the register is older, so check the year');
    expect(errors.find((e) => e.column === 'start_date')!.message).toBe(`is after ${latest}, more than 3 years past the export date (${exportDate}); no course is planned that far ahead, so check the year`);
    // The last day of the horizon itself is still a plan.
    expect(errors.filter((e) => e.file === COURSES && e.line === 3)).toEqual([]);
  });

  it.each([
    ['ja', true], ['JA', true], ['Ja', true], ['true', true], ['TRUE', true], ['True', true], ['1', true],
    ['nee', false], ['NEE', false], ['Nee', false], ['false', false], ['FALSE', false], ['0', false],
  ] as const)('reads boolean %j as %s', (value, expected) => {
    expect(accepted(HOLDERS, 0, 'distance_learning', value).holders[0]!.distance_learning).toBe(expected);
    expect(accepted(LOCATIONS, 1, 'wheelchair_accessible', value).locations[1]!.wheelchair_accessible).toBe(expected);
  });

  it.each([
    ['wi2013', ['wi2013']],
    ['wi2021', ['wi2021']],
    ['wi2013|wi2021', ['wi2013', 'wi2021']],
    ['wi2021 | wi2013', ['wi2021', 'wi2013']],
  ])('reads laws %j', (value, laws) => {
    // inburg_2 offers only routes, so any list with wi2021 is valid for it.
    const x = validExport().set(HOLDERS, 1, 'laws', value);
    if (!laws.includes('wi2021')) x.table(ROUTES).rows = x.table(ROUTES).rows.filter((r) => r.location_id === 'noord-a');
    expect(registerOf(x.validate()).holders[1]!.laws).toEqual(laws);
  });
});

describe('locations.csv', () => {
  it.each([
    ['name', 'n'.repeat(201), ['at most 200 characters']],
    ['street', '', REQUIRED],
    ['street', 's'.repeat(201), ['at most 200 characters']],
    ['house_number', '', REQUIRED],
    ['house_number', '123456', ['1 to 5 digits']],
    ['house_number', '12a', ['1 to 5 digits']],
    ['house_number', '-1', ['1 to 5 digits']],
    ['house_number_suffix', 'achterzijde', ['at most 10 characters']],
    ['postcode', '', REQUIRED],
    ['postcode', '0123 AB', ['not a Dutch postcode', 'first 1-9', '1234 AB']],
    ['postcode', '0000XX', ['not a Dutch postcode']],
    ['postcode', '1234', ['not a Dutch postcode']],
    ['postcode', '123 AB', ['not a Dutch postcode']],
    ['postcode', '12345 AB', ['not a Dutch postcode']],
    ['postcode', '1234 ABC', ['not a Dutch postcode']],
    ['postcode', '1234-AB', ['not a Dutch postcode']],
    ['postcode', '1234  AB', ['not a Dutch postcode']],
    ['postcode', '1234 A1', ['not a Dutch postcode']],
    ['postcode', 'AB 1234', ['not a Dutch postcode']],
    ['city', '', REQUIRED],
    ['city', 'c'.repeat(101), ['at most 100 characters']],
    ['municipality_code', '', REQUIRED],
    ['municipality_code', 'GM014', ['GM and four digits', 'GM0363']],
    ['municipality_code', 'GM00140', ['GM and four digits']],
    ['municipality_code', '0014', ['GM and four digits']],
    ['municipality_code', 'gm0014', ['GM and four digits']],
    ['municipality_name', '', REQUIRED],
    ['province', '', REQUIRED],
    ['province', 'Friesland', ['not a known province', 'Fryslân']],
    ['province', 'Fryslan', ['not a known province', 'Fryslân']],
    ['province', 'Noord Holland', ['not a known province', 'Noord-Holland']],
    ['latitude', '53,2172', ['decimal number with a dot']],
    ['latitude', 'N53.2', ['decimal number with a dot']],
    ['latitude', '50.6', ['outside the Netherlands', 'between 50.7 and 53.7']],
    ['latitude', '53.71', ['outside the Netherlands', 'between 50.7 and 53.7']],
    ['latitude', '-53.2', ['outside the Netherlands']],
    ['longitude', '6,5665', ['decimal number with a dot']],
    ['longitude', '3.1', ['outside the Netherlands', 'between 3.2 and 7.3']],
    ['longitude', '7.31', ['outside the Netherlands', 'between 3.2 and 7.3']],
    ['phone', '12345678', ['9 to 15 digits']],
    ['phone', '050/1234567', ['only digits, spaces and + - ( )']],
    ['email', 'centrum@', ['not an e-mail address']],
    ['wheelchair_accessible', 'wel', ['ja, nee, true, false, 1 or 0']],
  ] as [string, string, string[]][])('refuses %s %j', (column, value, message) => {
    expectRefused({ file: LOCATIONS, row: 0, column, value, message });
  });

  it.each([
    ['9712cb', '9712 CB'],
    ['9712CB', '9712 CB'],
    ['9712 cb', '9712 CB'],
    ['9712 Cb', '9712 CB'],
    ['1000 AA', '1000 AA'],
  ])('normalises postcode %j to %j', (value, normalised) => {
    expect(accepted(LOCATIONS, 0, 'postcode', value).locations[0]!.postcode).toBe(normalised);
  });

  it('reports 40 bad postcodes as 40 error lines', () => {
    const x = validExport();
    const template = x.table(LOCATIONS).rows[1]!;
    const bad: string[] = [];
    for (let i = 0; i < 40; i++) {
      const postcode = `0${String(i).padStart(3, '0')} AB`;
      bad.push(postcode);
      x.addRow(LOCATIONS, { ...template, location_id: `extra-${i}`, postcode });
    }
    const errors = errorsOf(x.validate());
    expect(errors).toHaveLength(40);
    expect(errors.map(where)).toEqual(bad.map((value, i) => ({ file: LOCATIONS, line: lineOf(4 + i), column: 'postcode', value })));
  });

  it.each(['1', '12345', '0'])('accepts house number %j', (value) => {
    expect(accepted(LOCATIONS, 0, 'house_number', value).locations[0]!.house_number).toBe(value);
  });

  it.each(['50.7', '53.7', '52', '52.123456789'])('accepts latitude %j as a number', (value) => {
    expect(accepted(LOCATIONS, 0, 'latitude', value).locations[0]!.latitude).toBe(Number(value));
  });

  it.each(['3.2', '7.3', '5'])('accepts longitude %j as a number', (value) => {
    expect(accepted(LOCATIONS, 0, 'longitude', value).locations[0]!.longitude).toBe(Number(value));
  });

  it.each(['latitude', 'longitude'])('needs latitude and longitude together: %s left empty', (missing) => {
    const errors = errorsOf(validExport().set(LOCATIONS, 2, missing, '').validate());
    expect(errors.map(where)).toEqual([{ file: LOCATIONS, line: lineOf(2), column: missing }]);
    expect(errors[0]!.message).toContain('latitude and longitude are given together or not at all');
    expect(errors[0]!.message).toContain(`${missing} is empty`);
  });

  it('accepts a location with neither latitude nor longitude', () => {
    const location = registerOf(validExport().set(LOCATIONS, 2, 'latitude', '').set(LOCATIONS, 2, 'longitude', '').validate()).locations[2]!;
    expect(location.latitude).toBeUndefined();
    expect(location.longitude).toBeUndefined();
  });

  it.each(['Groningen', 'Fryslân', 'Drenthe', 'Overijssel', 'Flevoland', 'Gelderland', 'Utrecht', 'Noord-Holland', 'Zuid-Holland', 'Zeeland', 'Noord-Brabant', 'Limburg'])(
    'accepts province %s',
    (province) => {
      expect(accepted(LOCATIONS, 3, 'province', province).locations[3]!.province).toBe(province);
    },
  );

  it('gives one municipality code one name', () => {
    const errors = errorsOf(validExport().set(LOCATIONS, 1, 'municipality_name', 'Stad Groningen').validate());
    expect(errors.map(where)).toEqual([{ file: LOCATIONS, line: 3, column: 'municipality_name', value: 'Stad Groningen' }]);
    expect(errors[0]!.message).toContain('GM0014');
    expect(errors[0]!.message).toContain('"Groningen" on line 2');
    expect(errors[0]!.message).toContain('one code, one name');
  });

  it('gives one municipality code one province', () => {
    const errors = errorsOf(validExport().set(LOCATIONS, 1, 'province', 'Drenthe').validate());
    expect(errors.map(where)).toEqual([{ file: LOCATIONS, line: 3, column: 'province', value: 'Drenthe' }]);
    expect(errors[0]!.message).toContain('GM0014 lies in Groningen on line 2');
    expect(errors[0]!.message).toContain('one municipality, one province');
  });

  it('lets different codes share a name and a province', () => {
    const x = validExport().set(LOCATIONS, 3, 'municipality_name', 'Groningen').set(LOCATIONS, 3, 'province', 'Groningen');
    expect(registerOf(x.validate()).locations).toHaveLength(4);
  });

  it('compares a municipality with the first row whose name and province were readable', () => {
    // Line 2's province is refused on its own; lines 3 and 4 still disagree with each other.
    const x = validExport().set(LOCATIONS, 0, 'province', 'Friesland');
    x.addRow(LOCATIONS, { ...x.table(LOCATIONS).rows[1]!, location_id: 'noord-c', municipality_name: 'Grunn', province: 'Drenthe' });
    const errors = errorsOf(x.validate());
    expect(errors.map(where)).toEqual([
      { file: LOCATIONS, line: 2, column: 'province', value: 'Friesland' },
      { file: LOCATIONS, line: 6, column: 'municipality_name', value: 'Grunn' },
      { file: LOCATIONS, line: 6, column: 'province', value: 'Drenthe' },
    ]);
    expect(errors[1]!.message).toContain('"Groningen" on line 2');
    expect(errors[2]!.message).toContain('lies in Groningen on line 3');
  });
});

describe('routes.csv', () => {
  it.each([
    ['route', '', REQUIRED],
    ['route', 'A2', ['not a Wi2021 route', 'B1 or Z']],
    ['route', 'B2-route', ['not a Wi2021 route']],
    ['route', 'route', ['not a Wi2021 route']],
    ['route', 'zelfredzaamheid', ['not a Wi2021 route']],
    ['dayparts', 'nacht', ['"nacht"', 'not a known daypart', 'ochtend, middag, avond, weekend']],
    ['dayparts', 'ochtend,avond', ['not a known daypart']],
    ['dayparts', 'ochtend||avond', ['empty item', 'single |']],
    ['dayparts', 'ochtend|', ['empty item']],
    ['dayparts', 'avond|avond', ['names the same daypart twice']],
    ['modality', 'online', ['not a known modality', 'klassikaal, blended, afstand']],
  ] as [string, string, string[]][])('refuses %s %j', (column, value, message) => {
    expectRefused({ file: ROUTES, row: 0, column, value, message });
  });

  it.each(['onderwijsroute', 'Onderwijsroute', 'ONDERWIJSROUTE', 'Onderwijs-route', 'onderwijs route'])(
    'refuses the Onderwijsroute (%j) and says the Inspectie van het Onderwijs supervises it',
    (value) => {
      const errors = errorsOf(validExport().set(ROUTES, 2, 'route', value).validate());
      expect(errors.map(where)).toEqual([{ file: ROUTES, line: 4, column: 'route', value }]);
      expect(errors[0]!.message).toContain('Onderwijsroute is not covered by the Keurmerk Inburgeren');
      expect(errors[0]!.message).toContain('Inspectie van het Onderwijs');
      expect(errors[0]!.message).toContain('take this row out of the export');
    },
  );

  it.each([
    ['B1', 'B1'], ['b1', 'B1'], ['B1-route', 'B1'], ['b1-ROUTE', 'B1'], ['B1route', 'B1'],
    ['Z', 'Z'], ['z', 'Z'], ['Z-route', 'Z'], ['z-Route', 'Z'],
  ])('reads route %j as %s', (value, code) => {
    // Row 2 is zuid-1's only route, so any spelling of either code is valid there.
    expect(accepted(ROUTES, 2, 'route', value).locationById.get('zuid-1')!.routes[0]!.route).toBe(code);
  });

  it.each(['klassikaal', 'blended', 'afstand'])('accepts modality %s', (modality) => {
    expect(accepted(ROUTES, 1, 'modality', modality).locations[0]!.routes[1]!.modality).toBe(modality);
  });

  it('reads every daypart, in the order given', () => {
    const route = accepted(ROUTES, 1, 'dayparts', 'weekend|avond|middag|ochtend').locations[0]!.routes[1]!;
    expect(route.dayparts).toEqual(['weekend', 'avond', 'middag', 'ochtend']);
  });
});

describe('profiles.csv', () => {
  it.each([
    ['profile', '', REQUIRED],
    ['profile', 'gemiddeld', ['not a known Wi2013 learner profile', 'analfabeet, laag, middel, hoog']],
    ['profile', 'B1', ['not a known Wi2013 learner profile']],
    ['profile', 'Hoog', ['(in lower case)']],
    ['dayparts', 'savonds', ['not a known daypart']],
    ['modality', 'hybride', ['not a known modality']],
  ] as [string, string, string[]][])('refuses %s %j', (column, value, message) => {
    expectRefused({ file: PROFILES, row: 0, column, value, message });
  });

  it.each(['analfabeet', 'laag', 'middel', 'hoog'])('accepts profile %s', (profile) => {
    expect(accepted(PROFILES, 1, 'profile', profile).locations[1]!.profiles[0]!.profile).toBe(profile);
  });
});

describe('status_history.csv', () => {
  it.each([
    ['status', '', REQUIRED],
    ['status', 'verlengd', ['not a known keurmerk status']],
    ['effective_from', '', REQUIRED],
    ['effective_from', '2019-3-15', ['YYYY-MM-DD']],
    ['effective_from', '2019-02-29', ['not a real calendar date']],
    ['note', 'n'.repeat(501), ['at most 500 characters']],
  ] as [string, string, string[]][])('refuses %s %j', (column, value, message) => {
    // Row 1 is neither the newest nor the oldest decision of its holder.
    expectRefused({ file: HISTORY, row: 1, column, value, message });
  });

  it('accepts a note of 500 characters', () => {
    const register = accepted(HISTORY, 1, 'note', 'n'.repeat(500));
    expect(register.holders[0]!.history[1]!.note).toHaveLength(500);
  });
});
