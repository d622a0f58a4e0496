/**
 * Reading the bytes: encodings, delimiters, line ends, quoting, and line numbers as a
 * spreadsheet shows them. The same register must come out however Excel or a database
 * wrote the files.
 */
import { describe, expect, it } from 'vitest';
import { decode, detectDelimiter, parseCsv } from '../../src/register/index.ts';
import { encode, errorsOf, onlyError, validExport, where, HISTORY, HOLDERS, LOCATIONS, PROFILES, ROUTES, type Export, expectOnlyError } from '../support/exports.ts';
import { registerOf } from '../support/register.ts';

const FILES = [HOLDERS, LOCATIONS, ROUTES, PROFILES, HISTORY] as const;
const utf8 = (text: string) => new TextEncoder().encode(text);

/** An export with letters outside ASCII, as Dutch exports have them. */
function accented(): Export {
  return validExport()
    .set(HOLDERS, 1, 'name', 'Inburgering Zuid – Café Taal B.V.')
    .set(HOLDERS, 1, 'trade_name', 'Zuidelijk Taalcentrum ‘De Brug’')
    .set(LOCATIONS, 2, 'street', 'IJsselstraat')
    .set(LOCATIONS, 2, 'house_number_suffix', 'bis')
    .set(LOCATIONS, 3, 'name', 'Fryske Taalskoalle Ljouwert, ûnderwiis')
    .set(HISTORY, 3, 'note', 'Eerste keurmerk; €0 kosten, geëvalueerd');
}

describe('decoding', () => {
  it('reads UTF-8 with and without a byte order mark', () => {
    expect(decode(utf8('\uFEFFholder_id'))).toEqual({ text: 'holder_id', encoding: 'utf-8' });
    expect(decode(utf8('Fryslân'))).toEqual({ text: 'Fryslân', encoding: 'utf-8' });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    const bytes = new Uint8Array([0x46, 0x72, 0x79, 0x73, 0x6c, 0xe2, 0x6e, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x20, 0x80]);
    expect(decode(bytes)).toEqual({ text: 'Fryslân café €', encoding: 'windows-1252' });
  });

  it('detects the delimiter from the header row, outside quotes', () => {
    expect(detectDelimiter('a,b,c\n1;2;3;4;5\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n1,2,3,4,5\n')).toBe(';');
    expect(detectDelimiter('"a,b,c";d;e\r\n')).toBe(';');
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
  });
});

describe('round trips', () => {
  const expected = () => registerOf(accented().validate());

  it('reads UTF-8 with a BOM, semicolons and CRLF line ends into the same register', () => {
    const x = accented();
    const bytes = x.bytes({ bom: true, delimiter: ';', lineEnd: '\r\n' });
    expect([...bytes[HOLDERS]!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes[ROUTES]!)).toContain('location_id;route;dayparts;modality\r\nnoord-a;B1;');
    const result = x.validate({ bom: true, delimiter: ';', lineEnd: '\r\n' });
    expect(registerOf(result)).toEqual(expected());
    expect(result.warnings).toEqual([]);
  });

  it('quotes values with the delimiter in them, either way', () => {
    for (const delimiter of [',', ';'] as const) {
      const x = accented().set(LOCATIONS, 0, 'name', 'Noord, Centrum; ingang B').set(HISTORY, 0, 'note', 'Zei: "prima"');
      const register = registerOf(x.validate({ delimiter }));
      expect(register.locations[0]!.name).toBe('Noord, Centrum; ingang B');
      expect(register.holders[0]!.history[2]!.note).toBe('Zei: "prima"');
    }
  });

  it('reads every cell quoted just as unquoted', () => {
    expect(registerOf(accented().validate({ quoteAll: true }))).toEqual(expected());
  });

  it('reads Windows-1252 bytes right, and warns once per file read that way', () => {
    const x = accented();
    const bytes = x.bytes({ encoding: 'windows-1252', delimiter: ';', lineEnd: '\r\n' });
    // One byte per letter: â is 0xE2, é is 0xE9, – is 0x96, € is 0x80.
    const locations = [...bytes[LOCATIONS]!];
    const fryslan = [0x46, 0x72, 0x79, 0x73, 0x6c, 0xe2, 0x6e];
    expect(locations.some((_, i) => fryslan.every((b, j) => locations[i + j] === b))).toBe(true);
    expect([...bytes[HOLDERS]!]).toContain(0xe9);
    expect([...bytes[HOLDERS]!]).toContain(0x96);

    const result = x.validate({ encoding: 'windows-1252', delimiter: ';', lineEnd: '\r\n' });
    const register = registerOf(result);
    expect(register).toEqual(expected());
    expect(register.locations[3]!.province).toBe('Fryslân');
    expect(register.holders[1]!.name).toBe('Inburgering Zuid – Café Taal B.V.');
    expect(register.holders[1]!.history[0]!.note).toBe('Eerste keurmerk; €0 kosten, geëvalueerd');

    // Files of plain ASCII are valid UTF-8 too, so only the others warn.
    expect(result.warnings.map(where)).toEqual([{ file: HOLDERS }, { file: LOCATIONS }, { file: HISTORY }]);
    for (const w of result.warnings) {
      expect(w.severity).toBe('warning');
      expect(w.message).toContain('not valid UTF-8 and was read as Windows-1252');
      expect(w.message).toContain('CSV UTF-8');
    }
  });

  it('reports a problem in a Windows-1252 file with the value decoded', () => {
    const x = accented().set(LOCATIONS, 3, 'province', 'Fryslân (NL)');
    const result = x.validate({ encoding: 'windows-1252' });
    expectOnlyError(result, { file: LOCATIONS, line: 5, column: 'province', value: 'Fryslân (NL)' });
    expect(result.warnings.map((w) => w.file)).toContain(LOCATIONS);
  });

  it('reads upper-case headers in a shuffled order into the same register', () => {
    const x = accented();
    for (const file of FILES) {
      x.reorderColumns(file, (columns) => [...columns.filter((_, i) => i % 2 === 1), ...columns.filter((_, i) => i % 2 === 0)]);
      x.renameColumns(file, (c) => c.toUpperCase());
    }
    expect(x.text(ROUTES).split('\n')[0]).toBe('ROUTE,MODALITY,LOCATION_ID,DAYPARTS');
    expect(registerOf(x.validate())).toEqual(expected());
  });

  it('reads all of it at once: Windows-1252, semicolons, CRLF, upper case, shuffled, quoted', () => {
    const x = accented();
    for (const file of FILES) {
      x.reorderColumns(file, (columns) => columns.reverse());
      x.renameColumns(file, (c) => c.toUpperCase());
    }
    const options = { encoding: 'windows-1252', delimiter: ';', lineEnd: '\r\n', quoteAll: true } as const;
    expect(registerOf(x.validate(options))).toEqual(expected());
  });

  it('reads a file without a line end after its last row', () => {
    const x = validExport();
    x.setRaw(PROFILES, x.text(PROFILES).trimEnd());
    expect(registerOf(x.validate())).toEqual(registerOf(validExport().validate()));
  });
});

describe('line numbers', () => {
  it('numbers rows as a spreadsheet does: the header is line 1', () => {
    const x = validExport().set(LOCATIONS, 3, 'postcode', '0000XX');
    expect(where(onlyError(x.validate()))).toEqual({ file: LOCATIONS, line: 5, column: 'postcode', value: '0000XX' });
  });

  for (const lineEnd of ['\n', '\r\n'] as const) {
    it(`counts a quoted note over several lines as one row (${JSON.stringify(lineEnd)}), and names the text-editor line`, () => {
      // Line 2's note spans three text lines, so line 3 of the spreadsheet starts on text line 5.
      const x = validExport()
        .set(HISTORY, 0, 'note', ['Omgezet naar', 'onbepaalde tijd', 'na audit'].join(lineEnd))
        .set(HISTORY, 1, 'status', 'verlopen');
      const text = x.text(HISTORY, { lineEnd });
      expect(text.split(lineEnd)[4]).toMatch(/^taal-1,verlopen,/);
      const e = onlyError(validateText(x, HISTORY, text));
      expect(where(e)).toEqual({ file: HISTORY, line: 3, column: 'status', value: 'verlopen' });
      expect(e.message).toContain('is not a known keurmerk status');
      expect(e.message).toContain('(this row starts on line 5 in a text editor)');
    });
  }

  it('keeps the multi-line note whole', () => {
    const x = validExport().set(HISTORY, 0, 'note', 'Omgezet naar\r\nonbepaalde tijd');
    expect(registerOf(x.validate()).holderById.get('taal-1')!.history.at(-1)!.note).toBe('Omgezet naar\r\nonbepaalde tijd');
  });

  it('refuses a line break in any column but a note, and a tab anywhere, once, as that problem', () => {
    const x = validExport().set(LOCATIONS, 0, 'name', 'Noord Centrum\ningang achterzijde').set(HOLDERS, 1, 'trade_name', 'Inburg\tTwee');
    const errors = errorsOf(x.validate());
    expect(errors.map(where)).toEqual([
      { file: HOLDERS, line: 3, column: 'trade_name', value: 'Inburg\tTwee' },
      { file: LOCATIONS, line: 2, column: 'name', value: 'Noord Centrum\ningang achterzijde' },
    ]);
    expect(errors[0]!.message).toBe('holds a control character (U+0009, a tab), which text may not contain; remove it');
    expect(errors[1]!.message).toBe('holds a line break; only a note may span several lines, so remove it (in a spreadsheet, a line break inside a cell)');
  });

  it('refuses C1 controls, line and paragraph separators, zero-width characters and a byte order mark inside a value, naming the code point', () => {
    const cases = [
      ['Taal\u0085Noord', 'holds a control character (U+0085), which text may not contain; remove it'],
      ['Taal\u009BNoord', 'holds a control character (U+009B), which text may not contain; remove it'],
      ['Taal\u2028Noord', 'holds a line separator (U+2028), an invisible line break that text may not contain; remove it'],
      ['Taal\u2029Noord', 'holds a paragraph separator (U+2029), an invisible line break that text may not contain; remove it'],
      ['Taal\u200BNoord', 'holds an invisible zero-width character (U+200B), which makes two values that look the same differ; remove it'],
      ['Taal\u200DNoord', 'holds an invisible zero-width character (U+200D), which makes two values that look the same differ; remove it'],
      ['Taal\u2060Noord', 'holds an invisible zero-width character (U+2060), which makes two values that look the same differ; remove it'],
      ['Taal\uFEFFNoord', 'holds a byte order mark (U+FEFF) inside the value, usually left over from two files pasted into one; remove it'],
    ] as const;
    for (const [value, message] of cases) {
      // In a note too, which may hold line breaks but none of these.
      for (const [file, row, column] of [[HOLDERS, 1, 'name'], [HISTORY, 0, 'note']] as const) {
        const e = onlyError(validExport().set(file, row, column, value).validate());
        expect(where(e), JSON.stringify(value)).toEqual({ file, line: row + 2, column, value });
        expect(e.message).toBe(message);
      }
    }
    // A byte order mark at the start of the file is still the encoding's, not text.
    expect(validExport().validate().ok).toBe(true);
  });

  it('names no text-editor line while the two agree', () => {
    const x = validExport().set(HISTORY, 0, 'note', 'Omgezet\nnaar onbepaalde tijd').set(HISTORY, 0, 'status', 'verlopen');
    const e = onlyError(x.validate());
    expect(where(e)).toEqual({ file: HISTORY, line: 2, column: 'status', value: 'verlopen' });
    expect(e.message).not.toContain('text editor');
  });

  it('counts blank lines as rows, also after a multi-line value', () => {
    const text =
      'holder_id,status,effective_from,note\n' + // 1
      '\n' + // 2 (blank)
      'taal-1,onbepaalde_tijd,2023-06-01,"Omgezet\n' + // 3, text lines 3-4
      '"\n' +
      '\n' + // 4 (blank)
      'taal-1,verlopen,2019-03-15,\n'; // 5, text line 6
    expectOnlyError(validateText(validExport(), HISTORY, text), { file: HISTORY, line: 5, column: 'status', value: 'verlopen' }, '(this row starts on line 6 in a text editor)');
  });

  it('names the text-editor line in problems found across rows and files too', () => {
    const x = validExport()
      .set(HISTORY, 0, 'note', 'Omgezet\nnaar onbepaalde tijd')
      .set(HISTORY, 2, 'holder_id', 'taal-9');
    const errors = errorsOf(x.validate());
    expect(errors.map(where)).toEqual([{ file: HISTORY, line: 4, column: 'holder_id', value: 'taal-9' }]);
    expect(errors[0]!.message).toBe('no holder with this identifier in holders.csv (this row starts on line 5 in a text editor)');
  });

  it('names the text-editor line of a row with a stray delimiter', () => {
    const text = 'location_id,profile\n"noord-a","laag\n"\nnoord-b,hoog,avond\n';
    expect(expectOnlyError(validExport().setRaw(PROFILES, text).validate(), { file: PROFILES, line: 3 }).message).toBe('this row has 3 cells but the header has 2; check for a stray , or an unclosed quote (this row starts on line 4 in a text editor)');
  });

  it('gives parseCsv records their spreadsheet row and text line', () => {
    const table = parseCsv(utf8('a;b\r\n1;"x\r\ny"\r\n\r\n  2 ; z \r\n'), { multiline: new Set(['b']) });
    expect(table.delimiter).toBe(';');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.records).toEqual([
      { line: 2, textLine: 2, values: { a: '1', b: 'x\r\ny' } },
      { line: 4, textLine: 5, values: { a: '2', b: 'z' } },
    ]);
  });
});

/** Validates the export with one file replaced by this text. */
function validateText(x: Export, file: typeof LOCATIONS | typeof ROUTES | typeof HISTORY, text: string) {
  return x.clone().setRaw(file, encode(text)).validate();
}
