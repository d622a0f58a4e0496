/**
 * One term per concept in every language (src/i18n/glossary.ts): where the Dutch text of a key
 * uses a domain concept, its translation uses the glossary's term for it, and no dictionary
 * uses a known wrong variant anywhere. A learner who learnt the word for "provincie" on the
 * search page must meet the same word on the figures page.
 */
import { describe, expect, it } from 'vitest';
import { DICTIONARIES, LANG_CODES, type UIKey } from '../../src/i18n/index.ts';
import { dutchTermForms, GLOSSARY, type GlossaryConcept } from '../../src/i18n/glossary.ts';

const nl = DICTIONARIES.nl;
const concepts = Object.entries(GLOSSARY as Record<string, GlossaryConcept>);

/**
 * Keys whose Dutch text names the CSV files' value codes (`herstelperiode`, `ingetrokken`,
 * `laag`): the translation keeps the codes, which are the same in every language, and glosses
 * only some of them, so the concept's term need not follow each code.
 */
const CODE_LISTS: ReadonlySet<UIKey> = new Set<UIKey>(['openData.column.keurmerk_status', 'openData.column.offer', 'openData.column.route']);

describe('the glossary', () => {
  for (const lang of LANG_CODES.filter((l) => l !== 'nl')) {
    const dictionary = DICTIONARIES[lang];

    it(`${lang} uses the glossary's term wherever the Dutch text uses the concept`, () => {
      const missing: string[] = [];
      for (const [id, concept] of concepts) {
        const { term, match } = concept.terms[lang];
        for (const key of Object.keys(nl) as UIKey[]) {
          if (CODE_LISTS.has(key) || !concept.dutch.test(nl[key])) continue;
          if (!match.test(dictionary[key])) missing.push(`${id} → "${term}" missing in ${key}: ${dictionary[key]}`);
        }
      }
      expect(missing).toEqual([]);
    });

    it(`${lang} never uses another word for a glossary concept`, () => {
      const wrong: string[] = [];
      for (const [id, concept] of concepts) {
        for (const forbidden of concept.terms[lang].forbidden ?? []) {
          for (const [key, value] of Object.entries(dictionary)) {
            if (forbidden.test(value)) wrong.push(`${id}: ${key} uses ${forbidden} instead of "${concept.terms[lang].term}": ${value}`);
          }
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('finds every concept in the Dutch dictionary, so no entry checks nothing', () => {
    const unused = concepts.filter(([, concept]) => !Object.values(nl).some((value) => concept.dutch.test(value))).map(([id]) => id);
    expect(unused).toEqual([]);
  });

  it('gives the Dutch form of every concept, longest first, for marking it lang="nl"', () => {
    const terms = dutchTermForms();
    expect(terms).toContain('provincie');
    expect(terms).toContain('herstelperiode');
    expect(terms.indexOf('onbepaalde tijd')).toBeLessThan(terms.indexOf('bepaalde tijd'));
    expect(terms.length).toBe(concepts.length);
  });
});
