/**
 * Every language has every key of the Dutch dictionary, no stray keys, and the same
 * placeholders; a missing or misspelt key would otherwise show a raw key or "undefined".
 */
import { describe, expect, it } from 'vitest';
import { DICTIONARIES, LANG_CODES, useTranslations } from '../../src/i18n/index.ts';

const nl = DICTIONARIES.nl;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  for (const lang of LANG_CODES) {
    const dictionary = DICTIONARIES[lang];

    it(`${lang} has exactly the Dutch keys`, () => {
      expect(Object.keys(dictionary).sort()).toEqual(Object.keys(nl).sort());
    });

    it(`${lang} keeps every placeholder and leaves no value empty`, () => {
      for (const [key, text] of Object.entries(nl)) {
        const translated = dictionary[key as keyof typeof nl];
        expect(translated?.trim(), `${lang} ${key}`).toBeTruthy();
        expect(placeholders(translated), `${lang} ${key}`).toEqual(placeholders(text));
      }
    });
  }

  it('t() fills placeholders and leaves unknown ones visible', () => {
    const t = useTranslations('nl');
    expect(t('status.since', { date: '1 maart 2024' })).toBe('sinds 1 maart 2024');
    expect(t('status.since')).toBe('sinds {date}');
  });
});
