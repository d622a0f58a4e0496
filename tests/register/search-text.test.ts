/**
 * Folding, everyday place names and spelling correction: the pure pieces that make search
 * forgive. The index and the query are folded by the same function, so each case here is a
 * pair a visitor would expect to meet.
 */
import { describe, expect, it } from 'vitest';
import { buildPlaceIndex, resolvePlace } from '../../src/register/geo.ts';
import type { Register } from '../../src/register/model.ts';
import { PLACE_ALIASES, otherPlaceNames } from '../../src/register/place-aliases.ts';
import { foldPlaceName, foldSearchText, joinedCompounds, searchWords, typedWords } from '../../src/register/search-text.ts';
import { dutchSoundKey } from '../../src/register/dutch-sound.ts';
import { buildVocabulary, correctQuery, editBudget, nearestWord, readVocabulary, resolveMisspeltPlace } from '../../src/register/spelling.ts';

describe('foldSearchText', () => {
  it.each([
    ['Yıldız Çınar', 'yildiz cinar'],
    ['İSTANBUL', 'istanbul'],
    ['Şahin Öğretim', 'sahin ogretim'],
    ['Straße', 'strasse'],
    ['Zeeën', 'zeeen'],
    ['Fryslân', 'fryslan'],
    ['Taalcafé', 'taalcafe'],
    ['ĳmuiden', 'ijmuiden'],
    ['Søren Ærø', 'soren aero'],
    ['’s-Hertogenbosch', "'s-hertogenbosch"],
    ['مَدْرَسَة', 'مدرسه'],
  ])('%s → %s', (typed, folded) => {
    expect(foldSearchText(typed)).toBe(folded);
  });

  it.each([
    ['Arabic-Indic digits (an Arabic phone keyboard)', '٣٥١١ AB', '3511 ab'],
    ['Persian digits (a Persian phone keyboard)', '۳۵۱۱ اب', '3511 اب'],
    ['a KvK number in Persian digits', '۹۸۰۰۷۲۴۷', '98007247'],
    ['full-width Latin letters and digits', 'ＴＡＡＬＨＵＩＳ　２５３１ＰＧ', 'taalhuis 2531pg'],
    ['Persian yeh and keheh as Arabic yeh and kaf', 'کیان', 'كيان'],
    ['alef maksura as yeh', 'مصطفى', 'مصطفي'],
    ['teh marbuta as heh', 'مدرسة', 'مدرسه'],
    ['tatweel left out', 'مـــدرســة', 'مدرسه'],
    ['harakat and hamza left out', 'أَحْمَد', 'احمد'],
    ['Ethiopic wordspace and full stop as spaces', 'ቤት፡ትምህርቲ።', 'ቤት ትምህርቲ '],
  ])('folds %s: %s → %s', (_, typed, folded) => {
    expect(foldSearchText(typed)).toBe(folded);
  });

  it('hands the search engine words it splits: an Ethiopic wordspace between two words is a space', () => {
    expect(foldSearchText('Den፡Haag').split(' ')).toEqual(['den', 'haag']);
  });

  it('folds a text once and for all: folding the folded text changes nothing', () => {
    for (const text of ['Yıldız Çınar', 'Straße', 'Lânskip', "'s-Gravenhage", 'مَدْرَسَة', '۳۵۱۱ ＡＢ', 'کیان']) expect(foldSearchText(foldSearchText(text))).toBe(foldSearchText(text));
  });

  it('splits words at punctuation and spaces, keeping decomposed accents with their letter', () => {
    expect(typedWords("'s-Hertogenbosch, Taal & Co")).toEqual(['s', 'Hertogenbosch', 'Taal', 'Co']);
    expect(typedWords('Frysla\u0302n')).toEqual(['Fryslân']);
    expect(searchWords('Stichting Taalhuis Lânskip')).toEqual(['stichting', 'taalhuis', 'lanskip']);
    expect(foldPlaceName("  's-HERTOGENBOSCH ")).toBe('s hertogenbosch');
  });
});

describe('everyday place names', () => {
  it('name the official place for each everyday name, both ways, in any case and spelling', () => {
    expect(otherPlaceNames('den bosch')).toEqual(["'s-Hertogenbosch"]);
    expect(otherPlaceNames("'s-Hertogenbosch")).toEqual(['Den Bosch']);
    expect(otherPlaceNames('DEN HAAG')).toContain("'s-Gravenhage");
    expect(otherPlaceNames('Fryslan')).toEqual(['Friesland']);
    expect(otherPlaceNames('Ljouwert')).toEqual(['Leeuwarden']);
    expect(otherPlaceNames('Amsterdam')).toEqual([]);
  });

  it('give every name to one place only', () => {
    const names = PLACE_ALIASES.flat().map(foldPlaceName);
    expect(new Set(names).size).toBe(names.length);
  });

  /** The place index of a register with one location in each place: [name, lat, lon]. */
  const placeIndex = (places: [string, number, number][]) =>
    buildPlaceIndex({
      locations: places.map(([city, latitude, longitude]) => ({ postcode: '1000 AA', city, municipality_name: city, latitude, longitude })),
    } as unknown as Register);

  it('are understood by the place resolver', () => {
    const index = placeIndex([
      ["'s-Hertogenbosch", 51.69, 5.3],
      ['Leeuwarden', 53.2, 5.8],
    ]);
    expect(resolvePlace(index, 'Den Bosch')).toEqual({ lat: 51.69, lon: 5.3, label: "'s-Hertogenbosch" });
    expect(resolvePlace(index, 'den-bosch')).toEqual({ lat: 51.69, lon: 5.3, label: "'s-Hertogenbosch" });
    expect(resolvePlace(index, 'LJOUWERT')).toEqual({ lat: 53.2, lon: 5.8, label: 'Leeuwarden' });
    expect(resolvePlace(index, 'Den Haag')).toBeUndefined();
  });

  it('are found misspelt too, official and everyday names alike, but not a place far from any', () => {
    const index = placeIndex([
      ['Rotterdam', 51.92, 4.48],
      ["'s-Hertogenbosch", 51.69, 5.3],
    ]);
    expect(resolveMisspeltPlace(index, 'Roterdam')).toEqual({ lat: 51.92, lon: 4.48, label: 'Rotterdam' });
    expect(resolveMisspeltPlace(index, 'Den Bosh')).toEqual({ lat: 51.69, lon: 5.3, label: "'s-Hertogenbosch" });
    expect(resolveMisspeltPlace(index, 'Hertogenbos')).toBeUndefined();
    expect(resolveMisspeltPlace(index, 'Utrecht')).toBeUndefined();
    expect(resolveMisspeltPlace(index, '1000')).toBeUndefined();
  });

  it('are found as they sound in Dutch, even where more letters differ than a typing error allows', () => {
    const index = placeIndex([
      ['Leiden', 52.16, 4.49],
      ['Nijmegen', 51.84, 5.86],
      ['Gouda', 52.01, 4.71],
      ['Linden', 51.74, 5.82],
    ]);
    expect(resolveMisspeltPlace(index, 'Lijden')).toEqual({ lat: 52.16, lon: 4.49, label: 'Leiden' });
    expect(resolveMisspeltPlace(index, 'Leyden')).toEqual({ lat: 52.16, lon: 4.49, label: 'Leiden' });
    expect(resolveMisspeltPlace(index, 'Nymegen')).toEqual({ lat: 51.84, lon: 5.86, label: 'Nijmegen' });
    expect(resolveMisspeltPlace(index, 'Gauda')).toEqual({ lat: 52.01, lon: 4.71, label: 'Gouda' });
    // The place field, the comparison's distance field and the guide all resolve through this.
    expect(resolvePlace(index, 'ＬＥＩＤＥＮ')).toEqual({ lat: 52.16, lon: 4.49, label: 'Leiden' });
  });
});

describe('dutchSoundKey', () => {
  it.each([
    ['lijden', 'leiden'],
    ['leyden', 'leiden'],
    ['nymegen', 'nijmegen'],
    ['neimegen', 'nijmegen'],
    ['gauda', 'gouda'],
    ['neimegen', 'nijmegen'],
    ['filips', 'philips'],
    ['kapelle', 'capelle'],
    ['sentrum', 'centrum'],
    ['stadt', 'stad'],
    ['stat', 'stad'],
    ['harlem', 'haarlem'],
    ['roterdam', 'rotterdam'],
    ['amersfort', 'amersfoort'],
    ['tetsjer', 'thetsjer'],
  ])('hears %s as %s', (typed, meant) => {
    expect(dutchSoundKey(typed)).toBe(dutchSoundKey(meant));
  });

  it.each([
    ['leiden', 'linden'],
    ['nieuw', 'nauw'],
    ['zeist', 'seist'],
    ['vaals', 'faals'],
    ['goes', 'choes'],
    ['lier', 'leer'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(dutchSoundKey(a)).not.toBe(dutchSoundKey(b));
  });
});

describe('spelling correction', () => {
  const vocabulary = readVocabulary(
    buildVocabulary([
      ['Taalcafé Klankroos B.V.', 'Dorpsstraat', "'s-Gravenhage", 'Den Haag', 'Zuid-Holland'],
      ['Taalpunt Klankroos B.V.', 'Kerkstraat', 'Rotterdam', 'Zuid-Holland'],
      ['Leerhuis Leesbaken B.V.', 'Kerkstraat', 'Rotterdam', 'Zuid-Holland'],
      ['Stichting Taalhuis Lânskip', 'Markt', 'Sneek', 'Súdwest-Fryslân', 'Fryslân'],
      ['Taalhuis Yıldız', 'Markt', 'Amsterdam', 'Noord-Holland'],
    ]),
  );

  it('knows each folded word once, with how many locations hold it, in the register\'s spelling', () => {
    const data = buildVocabulary([['Taalpunt Klankroos B.V.', 'Rotterdam'], ['Taalpunt Klankroos', 'Rotterdam', 'ROTTERDAM']]);
    expect(data.words).toEqual(['Klankroos', 'Rotterdam', 'Taalpunt']);
    expect(data.counts).toEqual([2, 2, 2]);
    expect(vocabulary.spelling.get('lanskip')).toBe('Lânskip');
    expect(vocabulary.countOf.has('b')).toBe(false);
  });

  it('allows more edits for longer words', () => {
    expect([3, 4, 7, 8, 12].map(editBudget)).toEqual([0, 1, 1, 2, 2]);
  });

  it.each([
    ['klankros', 'klankroos'],
    ['klnakroos', 'klankroos'],
    ['taalhuiss', 'taalhuis'],
    ['leesbakken', 'leesbaken'],
    ['lesbaaken', 'leesbaken'],
    ['roterdam', 'rotterdam'],
    ['amsterdm', 'amsterdam'],
    ['yildis', 'yildiz'],
  ])('corrects %s to %s', (typed, meant) => {
    expect(nearestWord(typed, vocabulary)).toBe(meant);
  });

  it('leaves short words, far words and numbers alone', () => {
    expect(nearestWord('mrk', vocabulary)).toBeUndefined();
    expect(nearestWord('xqxqxq', vocabulary)).toBeUndefined();
    expect(correctQuery('2531 PG', vocabulary)).toBeUndefined();
    expect(correctQuery('Klankroos', vocabulary)).toBeUndefined();
  });

  it('corrects a word spelled as it sounds, before a word one typing error away', () => {
    const said = readVocabulary(buildVocabulary([['Taalhuis Leiden'], ['Taalhuis Linden'], ['Nijmegen Taalpunt']]));
    expect(nearestWord('lijden', said)).toBe('leiden');
    expect(nearestWord('leyden', said)).toBe('leiden');
    expect(nearestWord('nymegen', said)).toBe('nijmegen');
  });

  it('corrects a rare word to a much more frequent one within reach only when asked (a query that found very little), and never a place', () => {
    const texts = [
      ...Array.from({ length: 12 }, () => ['Taalhuis Leiden', 'Breestraat', 'Leiden']),
      ['Taalpunt Noord', 'Lijdenweg', 'Uden'],
      ...Array.from({ length: 12 }, () => ['Taalpunt Den Ouden', 'Markt', 'Amsterdam']),
    ];
    const places = texts.map((text) => text[2]!);
    const counted = readVocabulary(buildVocabulary(texts, places));
    expect(correctQuery('lijdenweg', counted)).toBeUndefined();
    expect(correctQuery('lijdenweg', counted, { keep: new Set() })).toBeUndefined();
    const rare = readVocabulary(buildVocabulary([...texts, ['Taalpunt Zuid', 'Lijden', 'Ede']], places));
    expect(correctQuery('lijden', rare)).toBeUndefined();
    expect(correctQuery('lijden', rare, { keep: new Set() })).toEqual({ query: 'leiden', shown: 'Leiden', replaced: [['lijden', 'leiden']] });
    // What the query found is named so: the visitor may mean exactly that.
    expect(correctQuery('lijden', rare, { keep: new Set(['lijden']) })).toBeUndefined();
    // A rare place ("Uden", one location) is not a slip for "den" (twelve).
    expect(correctQuery('uden', rare, { keep: new Set() })).toBeUndefined();
  });

  it('corrects only the unknown words of a query, and shows them as the register spells them', () => {
    expect(correctQuery('Taalhuis Lanskipp', vocabulary)).toEqual({ query: 'taalhuis lanskip', shown: 'Taalhuis Lânskip', replaced: [['lanskipp', 'lanskip']] });
    expect(correctQuery('taalcafe klankros roterdam', vocabulary)).toEqual({
      query: 'taalcafe klankroos rotterdam',
      shown: 'taalcafe Klankroos Rotterdam',
      replaced: [
        ['klankros', 'klankroos'],
        ['roterdam', 'rotterdam'],
      ],
    });
  });
});

describe('joinedCompounds', () => {
  it('writes hyphenated and apostrophed names as one word, as people type them', () => {
    expect(joinedCompounds("Taalhuis Al-Nūr in 's-Gravenhage, Súdwest-Fryslân")).toEqual(['AlNūr', 'sGravenhage', 'SúdwestFryslân']);
    expect(joinedCompounds('Taalpunt B.V.')).toEqual([]);
  });
});
