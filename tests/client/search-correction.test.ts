/**
 * Telling a real match from Pagefind's guess: for a word no indexed word starts with,
 * Pagefind matches the longest indexed word the typed word starts with ("amsterdm" → the
 * postcode letters "am"). The search page treats such a result as nothing found.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { holdsWords, searchForgiving } from '../../src/client/search-correction.ts';
import { buildVocabulary } from '../../src/register/spelling.ts';
import { foldSearchText, searchWords } from '../../src/register/search-text.ts';

describe('holdsWords', () => {
  const text = "taalcafe klankroos b.v.\ndorpsstraat 1\n2531 pg\n2531pg\n's-gravenhage\nden haag\n98007247";

  it('finds typed words, whole or begun, and numbers', () => {
    expect(holdsWords(text, ['klankroos'])).toBe(true);
    expect(holdsWords(text, ['klankr', 'gravenhage'])).toBe(true);
    expect(holdsWords(text, ['2531pg'])).toBe(true);
    expect(holdsWords(text, ['98007247'])).toBe(true);
    expect(holdsWords(text, ['den', 'haag'])).toBe(true);
  });

  it('allows words of six letters or more the two letters at the end that stemming changes', () => {
    expect(holdsWords('taalhuis het kruispunt', ['taalhuiss'])).toBe(true);
    expect(holdsWords("'s-hertogenbosch\nden bosch", ['den', 'bosh'])).toBe(false);
  });

  it('does not take a short word the typed word begins with for a match', () => {
    expect(holdsWords('julianalaan 44\n5146 am\nwaalwijk', ['amsterdm'])).toBe(false);
    expect(holdsWords(text, ['klankroos', 'roterdam'])).toBe(false);
  });
});

describe('searchForgiving, a query that finds very little', () => {
  /** A small register: twelve schools in Leiden, one on the Lijdenweg, one in Uden. */
  const records = [
    ...Array.from({ length: 12 }, (_, i) => ({ title: `Taalhuis Leiden ${i + 1}`, holder: 'Taalhuis Leiden', city: 'Leiden', street: 'Breestraat' })),
    { title: 'Taalpunt Noord', holder: 'Taalpunt Noord', city: 'Amersfoort', street: 'Lijden' },
    { title: 'Taalpunt Zuid', holder: 'Taalpunt Zuid', city: 'Uden', street: 'Markt' },
  ].map((meta) => ({ meta, content: foldSearchText([meta.title, meta.holder, meta.street, meta.city].join('\n')) }));
  const vocabulary = buildVocabulary(
    records.map(({ meta }) => [meta.title, meta.holder, meta.street, meta.city]),
    records.map(({ meta }) => meta.city),
  );
  /** Pagefind's part: every record holding each word (as a word's start). */
  const search = async (term: string | null) => ({
    results: records.filter(({ content }) => term !== null && holdsWords(content, searchWords(term))).map((record) => ({ data: async () => record })),
  });
  const fetched = vi.fn(async () => new Response(JSON.stringify(vocabulary)));
  afterEach(() => fetched.mockClear());
  // Stubbed for this block only: the unit tests share their workers (no isolation), so a
  // stub left behind would answer every later file's fetch.
  beforeAll(() => vi.stubGlobal('fetch', fetched));
  afterAll(() => vi.unstubAllGlobals());
  const run = (typed: string) => searchForgiving(typed, search, { vocabularyUrl: '/zoeken/woorden.json', literal: false });

  it('searches for the much more frequent word said alike, and says so', async () => {
    const answer = await run('Lijden');
    expect(answer?.correction).toEqual({ query: 'leiden', shown: 'Leiden', replaced: [['lijden', 'leiden']] });
    expect(answer?.response.results).toHaveLength(12);
    expect(fetched).toHaveBeenCalledTimes(1);
  });

  it('loads nothing more for a query that finds more than a few, a school by its name, a place or a postcode', async () => {
    for (const typed of ['Leiden', 'Taalpunt Noord', 'Uden', 'taalhuis leiden 3']) {
      const answer = await run(typed);
      expect(answer?.correction, typed).toBeUndefined();
      expect(answer?.response.results.length, typed).toBeGreaterThan(0);
    }
    expect(fetched).not.toHaveBeenCalled();
  });

  it('searches as typed when asked to', async () => {
    const answer = await searchForgiving('Lijden', search, { vocabularyUrl: '/zoeken/woorden.json', literal: true });
    expect(answer?.correction).toBeUndefined();
    expect(answer?.response.results).toHaveLength(1);
  });
});
