/**
 * File-level and cross-file rules: which files must be there, header rows, blank lines,
 * trimming, uniqueness, references between files, laws, and the status history.
 */
import { describe, expect, it } from 'vitest';
import { columnsOf, EXPORT_FILES } from '../../src/register/index.ts';
import { COLUMNS, errorsOf, onlyError, validExport, where, COURSES, HISTORY, HOLDERS, LOCATIONS, PROFILES, QUALITY, ROUTES, VISITS, type FileName, expectOnlyError } from '../support/exports.ts';
import { registerOf } from '../support/register.ts';

const REQUIRED_FILES = [HOLDERS, LOCATIONS, ROUTES, PROFILES] as const;
const ALL_FILES = [...REQUIRED_FILES, HISTORY] as const;

describe('files', () => {
  it.each(REQUIRED_FILES)('reports a missing %s once, without a line', (file) => {
    expectOnlyError(validExport().removeFile(file).validate(), { file }, 'the file is missing', 'even if it holds only a header row');
  });

  it('accepts an export without status_history.csv', () => {
    const register = registerOf(validExport().removeFile(HISTORY).validate());
    expect(register.holders.map((h) => h.history)).toEqual([[], []]);
  });

  it.each([PROFILES, ROUTES, HISTORY] as const)('accepts %s with a header row and no data rows', (file) => {
    const x = validExport().clearRows(file);
    const register = registerOf(x.validate());
    expect(register.holders).toHaveLength(2);
  });

  it('accepts an export in which every file is only a header row', () => {
    const x = validExport();
    for (const file of ALL_FILES) x.clearRows(file);
    const result = x.validate();
    expect(registerOf(result).holders).toEqual([]);
    expect(result.counts).toEqual({ holders: 0, locations: 0, routes: 0, profiles: 0 });
    expect(result.warnings).toEqual([]);
  });

  it.each(['', '\n', '\r\n\r\nholder_id,name\n'])('refuses a file whose first row is empty: %j', (text) => {
    expectOnlyError(validExport().setRaw(PROFILES, text).validate(), { file: PROFILES, line: 1 }, 'the first row must name the columns');
  });

  it('reports every problem of every file in one run, in file order', () => {
    const x = validExport()
      .set(HISTORY, 3, 'effective_from', '2024-02-30')
      .set(PROFILES, 1, 'profile', 'expert')
      .set(ROUTES, 3, 'route', 'onderwijsroute')
      .set(LOCATIONS, 2, 'postcode', '0000XX')
      .set(LOCATIONS, 0, 'municipality_code', 'GM14')
      .set(HOLDERS, 1, 'kvk_number', '123')
      .set(HOLDERS, 0, 'website', 'javascript:alert(1)');
    const errors = errorsOf(x.validate());
    expect(errors.map(where)).toEqual([
      { file: HOLDERS, line: 2, column: 'website', value: 'javascript:alert(1)' },
      { file: HOLDERS, line: 3, column: 'kvk_number', value: '123' },
      { file: LOCATIONS, line: 2, column: 'municipality_code', value: 'GM14' },
      { file: LOCATIONS, line: 4, column: 'postcode', value: '0000XX' },
      { file: ROUTES, line: 5, column: 'route', value: 'onderwijsroute' },
      { file: PROFILES, line: 3, column: 'profile', value: 'expert' },
      { file: HISTORY, line: 5, column: 'effective_from', value: '2024-02-30' },
    ]);
  });

  it('reports a missing file together with the problems of the other files', () => {
    const errors = errorsOf(validExport().removeFile(ROUTES).set(LOCATIONS, 1, 'house_number', '5b').validate());
    expect(errors.map(where)).toEqual([
      { file: LOCATIONS, line: 3, column: 'house_number', value: '5b' },
      { file: ROUTES },
    ]);
  });
});

describe('header row', () => {
  it('matches column names case-insensitively, after trimming', () => {
    const x = validExport();
    x.renameColumns(HOLDERS, (c) => c.toUpperCase());
    x.renameColumns(LOCATIONS, (c) => `  ${c.replace(/^./, (ch) => ch.toUpperCase())} `);
    x.renameColumns(ROUTES, (c) => `\t${c.toUpperCase()}`);
    expect(x.text(HOLDERS).split('\n')[0]).toContain('HOLDER_ID,NAME');
    expect(registerOf(x.validate())).toEqual(registerOf(validExport().validate()));
  });

  it('takes the columns in any order', () => {
    const x = validExport();
    for (const file of ALL_FILES) x.reorderColumns(file, (columns) => columns.reverse());
    x.reorderColumns(LOCATIONS, (columns) => [...columns.slice(7), ...columns.slice(0, 7)]);
    expect(x.text(ROUTES).split('\n')[0]).toBe('modality,dayparts,route,location_id');
    expect(registerOf(x.validate())).toEqual(registerOf(validExport().validate()));
  });

  it('accepts files without any optional column', () => {
    const x = validExport();
    for (const file of ALL_FILES) {
      for (const column of columnsOf(Object.values(EXPORT_FILES).find((f) => f.name === file)!)) {
        if (!column.required) x.dropColumn(file, column.name);
      }
    }
    expect(x.text(ROUTES).split('\n')[0]).toBe('location_id,route');
    const register = registerOf(x.validate());
    expect(register.holders[0]!.website).toBeUndefined();
    expect(register.locations[0]!.latitude).toBeUndefined();
  });

  it('refuses an unknown column once, on line 1, however many rows fill it', () => {
    expectOnlyError(validExport().addColumn(LOCATIONS, 'cursist_email', 'jan@example.nl').validate(), { file: LOCATIONS, line: 1, column: 'cursist_email' }, 'the contract has no such column', 'must not be published', 'Known columns: location_id, holder_id, name');
  });

  it('refuses each unknown column of each file', () => {
    const x = validExport()
      .addColumn(HOLDERS, 'BSN', '123456782')
      .addColumn(HOLDERS, 'opmerking')
      .addColumn(HISTORY, 'Auditor ', 'Piet');
    expect(errorsOf(x.validate()).map(where)).toEqual([
      { file: HOLDERS, line: 1, column: 'bsn' },
      { file: HOLDERS, line: 1, column: 'opmerking' },
      { file: HISTORY, line: 1, column: 'auditor' },
    ]);
  });

  it('still checks the other columns of a file with an unknown column', () => {
    const x = validExport().addColumn(LOCATIONS, 'cursist_email', 'jan@example.nl').set(LOCATIONS, 3, 'postcode', '0000XX');
    x.set(ROUTES, 1, 'location_id', 'nergens');
    expect(errorsOf(x.validate()).map(where)).toEqual([
      { file: LOCATIONS, line: 1, column: 'cursist_email' },
      { file: LOCATIONS, line: 5, column: 'postcode', value: '0000XX' },
      { file: ROUTES, line: 3, column: 'location_id', value: 'nergens' },
    ]);
  });

  for (const file of ALL_FILES) {
    const file_ = Object.values(EXPORT_FILES).find((f) => f.name === file)!;
    const required = columnsOf(file_).filter((c) => c.required).map((c) => c.name);
    it.each(required)(`reports a missing required column of ${file} once, not once per row: %s`, (column) => {
      const x = validExport().dropColumn(file, column);
      expect(x.table(file).rows.length).toBeGreaterThan(1);
      expect(expectOnlyError(x.validate(), { file, line: 1, column }).message).toBe('this required column is missing from the header row');
    });
  }

  it('knows exactly the documented columns, required as the contract says', () => {
    const contract: Record<FileName, string[]> = {
      [HOLDERS]: ['holder_id', 'name', 'keurmerk_status', 'status_since', 'laws'],
      [LOCATIONS]: ['location_id', 'holder_id', 'street', 'house_number', 'postcode', 'city', 'municipality_code', 'municipality_name', 'province'],
      [ROUTES]: ['location_id', 'route'],
      [PROFILES]: ['location_id', 'profile'],
      [HISTORY]: ['holder_id', 'status', 'effective_from'],
      [COURSES]: ['location_id', 'offer', 'start_date'],
      [QUALITY]: ['holder_id', 'measurement_year', 'rating', 'norm_organisation', 'norm_results', 'norm_satisfaction'],
      [VISITS]: ['holder_id', 'visit_date', 'kind', 'outcome'],
    };
    for (const f of Object.values(EXPORT_FILES)) {
      const file = f.name as FileName;
      expect(columnsOf(f).map((c) => c.name)).toEqual(COLUMNS[file]);
      expect(columnsOf(f).filter((c) => c.required).map((c) => c.name)).toEqual(contract[file]);
      expect(f.required).toBe(![HISTORY, QUALITY, VISITS, COURSES].includes(file));
    }
  });

  it('still checks the other columns of a file with a missing column', () => {
    const x = validExport().dropColumn(HOLDERS, 'name').set(HOLDERS, 1, 'kvk_number', '1234');
    expect(errorsOf(x.validate()).map(where)).toEqual([
      { file: HOLDERS, line: 1, column: 'name' },
      { file: HOLDERS, line: 3, column: 'kvk_number', value: '1234' },
    ]);
  });

  it('does not report references into a file whose identifier column is missing', () => {
    const e = onlyError(validExport().dropColumn(LOCATIONS, 'location_id').validate());
    expect(where(e)).toEqual({ file: LOCATIONS, line: 1, column: 'location_id' });
  });

  it('refuses a column named twice', () => {
    const x = validExport().setRaw(ROUTES, 'location_id,route,Route\nnoord-a,B1,Z\n');
    const e = onlyError(x.validate());
    expect(where(e)).toEqual({ file: ROUTES, line: 1, column: 'route' });
    expect(e.message).toContain('appears twice');
  });

  it('refuses values in a column without a name, and ignores an empty trailing column', () => {
    const withValues = validExport().setRaw(PROFILES, 'location_id,profile,\nnoord-a,laag,x\n');
    expect(expectOnlyError(withValues.validate(), { file: PROFILES, line: 1 }).message).toBe('column 3 has values but no name in the header row');
    const empty = validExport().setRaw(PROFILES, 'location_id,profile,\nnoord-a,laag,\nnoord-b,hoog,\n');
    expect(registerOf(empty.validate()).locations[1]!.profiles).toEqual([{ location_id: 'noord-b', profile: 'hoog' }]);
  });
});

describe('rows and values', () => {
  it('skips blank lines, but counts them as the spreadsheet does', () => {
    const x = validExport().setRaw(
      PROFILES,
      'location_id,profile\n\nnoord-a,laag\n,\n   \n \t , \nnoord-b,expert\n\n\n',
    );
    expectOnlyError(x.validate(), { file: PROFILES, line: 7, column: 'profile', value: 'expert' });
  });

  it('skips blank lines without changing the register', () => {
    const x = validExport();
    x.setRaw(LOCATIONS, x.text(LOCATIONS).replaceAll('\n', '\n\n') + ' ,  , \n');
    expect(registerOf(x.validate())).toEqual(registerOf(validExport().validate()));
  });

  it('trims every value, and reports the trimmed value', () => {
    const x = validExport();
    for (const file of ALL_FILES) {
      for (const row of x.table(file).rows) for (const k of Object.keys(row)) row[k] = ` ${row[k]}\t `;
    }
    expect(x.text(HOLDERS)).toContain('" taal-1\t "');
    expect(registerOf(x.validate())).toEqual(registerOf(validExport().validate()));

    x.set(LOCATIONS, 0, 'postcode', '  0000 XX  ');
    expect(where(onlyError(x.validate()))).toEqual({ file: LOCATIONS, line: 2, column: 'postcode', value: '0000 XX' });
  });

  it('treats a value of only spaces as empty', () => {
    const register = registerOf(validExport().set(HOLDERS, 0, 'trade_name', '   ').validate());
    expect(register.holders[0]).not.toHaveProperty('trade_name');
    expect(expectOnlyError(validExport().set(HOLDERS, 0, 'name', '  ').validate(), { file: HOLDERS, line: 2, column: 'name' }).message).toBe('a value is required here');
  });

  it('reports a row with more or fewer cells than the header', () => {
    const x = validExport().setRaw(PROFILES, 'location_id,profile,dayparts\nnoord-a,laag,ochtend,avond\nnoord-b\nnoord-b,hoog,avond\n');
    const errors = errorsOf(x.validate());
    expect(errors.map(where)).toEqual([{ file: PROFILES, line: 2 }, { file: PROFILES, line: 3 }]);
    expect(errors[0]!.message).toBe('this row has 4 cells but the header has 3; check for a stray , or an unclosed quote');
    expect(errors[1]!.message).toContain('this row has 1 cells but the header has 3');
  });

  it('does not also report references to a row that has a stray delimiter', () => {
    // An unquoted comma in the street name splits the row; its routes and profile are
    // not reported again as pointing to a location that does not exist.
    const x = validExport();
    const text = x.text(LOCATIONS).replace('Vismarkt', 'Vismarkt, achterzijde');
    x.setRaw(LOCATIONS, text);
    const e = onlyError(x.validate());
    expect(where(e)).toEqual({ file: LOCATIONS, line: 2 });
    expect(e.message).toContain('this row has 17 cells but the header has 16');
  });

  it('reports a quoted value that is never closed', () => {
    const x = validExport().setRaw(ROUTES, 'location_id,route\nnoord-a,B1\n"zuid-1,Z\nfries-1,Z\n');
    const errors = errorsOf(x.validate());
    expect(errors.some((e) => e.file === ROUTES && e.line === 3 && e.message.includes('a quoted value is not closed'))).toBe(true);
  });
});

describe('uniqueness', () => {
  it('refuses a holder_id used twice', () => {
    const x = validExport().addRow(HOLDERS, { ...x0(HOLDERS, 1), name: 'Andere naam' });
    expect(expectOnlyError(x.validate(), { file: HOLDERS, line: 4, column: 'holder_id', value: 'inburg_2' }).message).toBe('this identifier is already used on line 3');
  });

  it('refuses a location_id used twice', () => {
    const x = validExport().addRow(LOCATIONS, { ...x0(LOCATIONS, 0), street: 'Herestraat' });
    expect(expectOnlyError(x.validate(), { file: LOCATIONS, line: 6, column: 'location_id', value: 'noord-a' }).message).toBe('this identifier is already used on line 2');
  });

  it('refuses identifiers that differ only in case: inburg_2 and INBURG_2 would be one page on many servers', () => {
    const x = validExport()
      .addRow(HOLDERS, { ...x0(HOLDERS, 1), holder_id: 'INBURG_2' })
      .addRow(LOCATIONS, { ...x0(LOCATIONS, 1), location_id: 'Noord-B', holder_id: 'INBURG_2' });
    // One error each, and the location of INBURG_2 is not reported again as pointing to nothing.
    const errors = errorsOf(x.validate());
    expect(errors.map(where)).toEqual([
      { file: HOLDERS, line: 4, column: 'holder_id', value: 'INBURG_2' },
      { file: LOCATIONS, line: 6, column: 'location_id', value: 'Noord-B' },
    ]);
    expect(errors[0]!.message).toBe('differs only in upper and lower case from inburg_2 on line 3; identifiers must differ in more than case, because they become web addresses and file names that many servers and file systems treat as one');
    expect(errors[1]!.message).toContain('differs only in upper and lower case from noord-b on line 3');
  });

  it('refuses a second row for the same location and route, however the route is written', () => {
    const x = validExport().addRow(ROUTES, { location_id: 'noord-a', route: 'b1-ROUTE', modality: 'afstand' });
    expect(expectOnlyError(x.validate(), { file: ROUTES, line: 6, column: 'route', value: 'b1-ROUTE' }).message).toBe('location noord-a already has this route on line 2; one row per location and route');
  });

  it('refuses a second row for the same location and profile', () => {
    const x = validExport().addRow(PROFILES, { location_id: 'noord-b', profile: 'hoog', dayparts: 'avond' });
    expect(expectOnlyError(x.validate(), { file: PROFILES, line: 4, column: 'profile', value: 'hoog' }).message).toBe('location noord-b already has this profile on line 3; one row per location and profile');
  });

  it('allows the same route at two locations and two routes at one location', () => {
    const x = validExport().addRow(ROUTES, { location_id: 'noord-b', route: 'B1' }).addRow(ROUTES, { location_id: 'noord-b', route: 'Z' });
    expect(registerOf(x.validate()).locationById.get('noord-b')!.routes.map((r) => r.route)).toEqual(['B1', 'Z']);
  });
});

describe('references and laws', () => {
  it('refuses a location of an unknown holder', () => {
    expect(expectOnlyError(validExport().set(LOCATIONS, 1, 'holder_id', 'taal-2').validate(), { file: LOCATIONS, line: 3, column: 'holder_id', value: 'taal-2' }).message).toBe('no holder with this identifier in holders.csv');
  });

  it.each([ROUTES, PROFILES] as const)('refuses a row of %s at an unknown location', (file) => {
    expect(expectOnlyError(validExport().set(file, 1, 'location_id', 'noord-x').validate(), { file, line: 3, column: 'location_id', value: 'noord-x' }).message).toBe('no location with this identifier in locations.csv');
  });

  it('refuses a route at a location whose holder does not have wi2021', () => {
    const x = validExport().set(HOLDERS, 0, 'laws', 'wi2013');
    const errors = errorsOf(x.validate());
    expect(errors.map(where)).toEqual([
      { file: ROUTES, line: 2, column: 'location_id', value: 'noord-a' },
      { file: ROUTES, line: 3, column: 'location_id', value: 'noord-a' },
    ]);
    expect(errors[0]!.message).toBe('the holder of this location (taal-1) does not have wi2021 in its laws in holders.csv');
  });

  it('refuses a profile at a location whose holder does not have wi2013', () => {
    const x = validExport().addRow(PROFILES, { location_id: 'fries-1', profile: 'middel' });
    expect(expectOnlyError(x.validate(), { file: PROFILES, line: 4, column: 'location_id', value: 'fries-1' }).message).toBe('the holder of this location (inburg_2) does not have wi2013 in its laws in holders.csv');
  });

  it('lets a holder with both laws offer routes and profiles', () => {
    const location = registerOf(validExport().validate()).locationById.get('noord-a')!;
    expect(location.routes).toHaveLength(2);
    expect(location.profiles).toHaveLength(1);
  });

  it('does not report references into a file that is missing', () => {
    expectOnlyError(validExport().removeFile(HOLDERS).validate(), { file: HOLDERS });
  });

  it('keeps a holder whose keurmerk is withdrawn or ended', () => {
    const x = validExport().set(HOLDERS, 1, 'keurmerk_status', 'ingetrokken').set(HOLDERS, 1, 'status_since', '2025-03-01');
    x.addRow(HISTORY, { holder_id: 'inburg_2', status: 'ingetrokken', effective_from: '2025-03-01', note: 'Ingetrokken na audit' });
    const holder = registerOf(x.validate()).holderById.get('inburg_2')!;
    expect(holder.keurmerk_status).toBe('ingetrokken');
    expect(holder.locations).toHaveLength(2);
  });
});

describe('status history', () => {
  it('refuses a decision about an unknown holder', () => {
    expect(expectOnlyError(validExport().set(HISTORY, 3, 'holder_id', 'inburg_3').validate(), { file: HISTORY, line: 5, column: 'holder_id', value: 'inburg_3' }).message).toBe('no holder with this identifier in holders.csv');
  });

  it('refuses two decisions about one holder with the same date', () => {
    const x = validExport().addRow(HISTORY, { holder_id: 'taal-1', status: 'geschorst', effective_from: '2022-01-10' });
    expect(expectOnlyError(x.validate(), { file: HISTORY, line: 6, column: 'effective_from', value: '2022-01-10' }).message).toBe('holder taal-1 already has a decision with this date on line 3');
  });

  it('allows two holders a decision on the same date', () => {
    const x = validExport().addRow(HISTORY, { holder_id: 'inburg_2', status: 'bepaalde_tijd', effective_from: '2022-01-10' });
    expect(registerOf(x.validate()).holders[1]!.history).toHaveLength(2);
  });

  it('refuses a newest decision whose status disagrees with holders.csv', () => {
    const x = validExport().set(HOLDERS, 0, 'keurmerk_status', 'geschorst');
    const e = onlyError(x.validate());
    expect(where(e)).toEqual({ file: HISTORY, line: 2, column: 'status', value: 'onbepaalde_tijd' });
    expect(e.message).toContain('this is the newest decision for taal-1, so it must agree with holders.csv');
    expect(e.message).toContain('keurmerk_status geschorst, status_since 2023-06-01');
    expect(e.message).toContain('but it says onbepaalde_tijd from 2023-06-01');
  });

  it('refuses a newest decision whose date disagrees with status_since', () => {
    const e = onlyError(validExport().set(HOLDERS, 1, 'status_since', '2024-03-01').validate());
    expect(where(e)).toEqual({ file: HISTORY, line: 5, column: 'status', value: 'bepaalde_tijd' });
    expect(e.message).toContain('status_since 2024-03-01');
    expect(e.message).toContain('from 2024-02-29');
  });

  it('finds the newest decision by date, not by row order', () => {
    // A later decision added at the bottom with a date before the newest one changes nothing...
    const older = validExport().addRow(HISTORY, { holder_id: 'taal-1', status: 'geschorst', effective_from: '2021-05-01' });
    expect(registerOf(older.validate()).holders[0]!.history.map((h) => h.effective_from)).toEqual([
      '2019-03-15', '2021-05-01', '2022-01-10', '2023-06-01',
    ]);
    // ...but one dated after it is the newest, and must then agree with holders.csv.
    const newer = validExport().addRow(HISTORY, { holder_id: 'taal-1', status: 'geschorst', effective_from: '2025-05-01' });
    const e = onlyError(newer.validate());
    expect(where(e)).toEqual({ file: HISTORY, line: 6, column: 'status', value: 'geschorst' });
  });

  it('does not check the newest decision when a date of that holder cannot be read', () => {
    const e = onlyError(validExport().set(HISTORY, 0, 'effective_from', '2023-06-31').validate());
    expect(where(e)).toEqual({ file: HISTORY, line: 2, column: 'effective_from', value: '2023-06-31' });
  });

  it('reports a mistyped holder_id on the newest decision once', () => {
    expectOnlyError(validExport().set(HISTORY, 0, 'holder_id', 'taal-l').validate(), { file: HISTORY, line: 2, column: 'holder_id', value: 'taal-l' });
  });

  it('still reports a disagreeing newest decision when another holder has a broken row', () => {
    const x = validExport().set(HISTORY, 3, 'holder_id', 'inburg 2').set(HOLDERS, 0, 'status_since', '2023-07-01');
    expect(errorsOf(x.validate()).map(where)).toEqual([
      { file: HISTORY, line: 2, column: 'status', value: 'onbepaalde_tijd' },
      { file: HISTORY, line: 5, column: 'holder_id', value: 'inburg 2' },
    ]);
  });

  it('lets a holder have no history at all', () => {
    const x = validExport();
    x.table(HISTORY).rows = x.table(HISTORY).rows.filter((r) => r.holder_id !== 'taal-1');
    expect(registerOf(x.validate()).holders[0]!.history).toEqual([]);
  });
});

/** A copy of one row of the valid export. */
function x0(file: FileName, row: number): Record<string, string> {
  return { ...validExport().table(file).rows[row]! };
}
