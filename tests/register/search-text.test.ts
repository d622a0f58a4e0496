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
    ['مَدْرَسَة', 'مدرسة'],
  ])('%s → %s', (typed, folded) => {
    expect(foldSearchText(typed)).toBe(folded);
  });

  it('folds a text once and for all: folding the folded text changes nothing', () => {
    for (const text of ['Yıldız Çınar', 'Straße', 'Lânskip', "'s-Gravenhage", 'مَدْرَسَة']) expect(foldSearchText(foldSearchText(text))).toBe(foldSearchText(text));
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
    expect(vocabulary.known.has('b')).toBe(false);
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
