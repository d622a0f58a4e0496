/**
 * Telling a real match from Pagefind's guess: for a word no indexed word starts with,
 * Pagefind matches the longest indexed word the typed word starts with ("amsterdm" → the
 * postcode letters "am"). The search page treats such a result as nothing found.
 */
import { describe, expect, it } from 'vitest';
import { holdsWords } from '../../src/client/search-correction.ts';

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
