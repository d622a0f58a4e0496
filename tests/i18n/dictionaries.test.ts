/**
 * Every language has every key of the Dutch dictionary, no stray keys, and the same
 * placeholders; a missing or misspelt key would otherwise show a raw key or "undefined".
 * And every value is really translated: not the Dutch or English text copied over, in the
 * language's own script, with the Dutch terms from people's letters kept beside it.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DICTIONARIES, LANG_CODES, useTranslations, type Lang, type UIKey } from '../../src/i18n/index.ts';

const nl = DICTIONARIES.nl;
const en = DICTIONARIES.en;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const hasLetters = (text: string) => /\p{L}/u.test(text.replace(/\{\w+\}/g, ''));

/**
 * Values that may legitimately equal the Dutch (or, for other languages, the English) one,
 * per language and key. Keep this short: each entry is a word that is the same in both.
 */
const SAME_AS_SOURCE: Partial<Record<Lang, readonly UIKey[]>> = {
  // Loanwords and the Dutch names English keeps on purpose.
  en: ['nav.home', 'nav.onderwijsroute', 'route.B1', 'route.Z', 'holder.status', 'holder.website', 'location.contact', 'keurmerk.statuses.status', 'daypart.weekend',
    'openData.column.postcode', 'changes.entry.currentStatus', 'figures.ratingShort.aspirant'],
  // Turkish "Adres" is spelt as in Dutch.
  tr: ['location.address'],
};

/**
 * Short labels that are only a kept Dutch term, the same in every language: the figures
 * chart's rating "aspirant" (the glossary keeps Blik op Werk's word, src/i18n/glossary.ts).
 */
const KEPT_TERM_ONLY: ReadonlySet<UIKey> = new Set<UIKey>(['figures.ratingShort.aspirant']);

/** The script each non-Latin language is written in; every value with letters must use it. */
const SCRIPTS: Partial<Record<Lang, RegExp>> = {
  ar: /\p{Script=Arabic}/u,
  fa: /\p{Script=Arabic}/u,
  uk: /\p{Script=Cyrillic}/u,
  ti: /\p{Script=Ethiopic}/u,
  ps: /\p{Script=Arabic}/u,
};

/**
 * Dutch terms and names that translations keep in Latin letters, because people meet them
 * in their letters and on other sites. Any other Latin word in a non-Latin translation must
 * come from the Dutch text of the same key (a place name, a code); anything else is English
 * or Dutch left untranslated.
 */
const KEPT_TERMS = [
  'Keurmerk Inburgeren', 'Inburgeren.nl', 'Blik op Werk', 'Inspectie van het Onderwijs', 'Wet inburgering',
  'keurmerk', 'inburgering', 'gemeenten', 'gemeente', 'onderwijsroute', 'zelfredzaamheidsroute', 'DUO', 'B1-route', 'Z-route',
  'bepaalde tijd', 'onbepaalde tijd', 'herstelperiode', 'geschorst', 'ingetrokken', 'beëindigd',
  'analfabeet', 'laag', 'middel', 'hoog', 'B1', 'aspirant',
  'vestiging', 'provincie', 'postcode', 'meldpunt', 'bezwaar', 'KvK', 'Wi2013', 'mbo', 'hbo',
  'CSV', 'Excel', 'PDOK', 'JavaScript', 'Enter',
  // The quality assessment's own names: NT2 (Dutch as a second language) teachers, the classroom inspection.
  'NT2', 'Toezicht in de Klas',
];
/**
 * Latin words, numbers with letters and dotted names ("changes.csv"), without a full stop
 * after them; a non-breaking hyphen (kept "JJJJ‑MM‑DD" on one line) counts as a hyphen.
 */
const latinWords = (text: string) =>
  (text.replace(/\{\w+\}/g, ' ').replace(/\u2011/g, '-').match(/[\p{Script=Latin}\d][\p{Script=Latin}\d.-]*/gu) ?? [])
    .map((w) => w.replace(/[.-]+$/, ''))
    .filter((w) => /\p{L}/u.test(w));
const keptTerm = (term: string) => new RegExp(`(?<![\\p{L}\\d.])${term.replace(/[.]/g, '\\.')}(?![\\p{L}\\d])`, 'giu');
function foreignLatinWords(translated: string, dutch: string): string[] {
  let rest = translated;
  for (const term of [...KEPT_TERMS].sort((a, b) => b.length - a.length)) rest = rest.replaceAll(keptTerm(term), ' ');
  const allowed = new Set(latinWords(dutch).map((w) => w.toLowerCase()));
  return latinWords(rest).filter((w) => !allowed.has(w.toLowerCase()));
}

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

  for (const lang of LANG_CODES.filter((l) => l !== 'nl')) {
    const dictionary = DICTIONARIES[lang];
    const allowed = new Set<string>(SAME_AS_SOURCE[lang] ?? []);

    it(`${lang} translates every value instead of copying the Dutch${lang === 'en' ? '' : ' or English'} text`, () => {
      const copied = Object.keys(nl).filter((key) => {
        const value = dictionary[key as UIKey];
        if (allowed.has(key) || !hasLetters(value)) return false;
        return value === nl[key as UIKey] || (lang !== 'en' && value === en[key as UIKey]);
      });
      expect(copied, `${lang}: translate these, or list them in SAME_AS_SOURCE if they are the same word`).toEqual([]);
    });

    const script = SCRIPTS[lang];
    if (script) {
      it(`${lang} is written in its own script, with only the kept Dutch terms in Latin letters`, () => {
        const problems: string[] = [];
        for (const key of Object.keys(nl) as UIKey[]) {
          const value = dictionary[key];
          if (!hasLetters(value)) continue;
          if (!script.test(value) && !KEPT_TERM_ONLY.has(key)) problems.push(`${key}: no letters of the ${lang} script`);
          const foreign = foreignLatinWords(value, nl[key]);
          if (foreign.length > 0) problems.push(`${key}: untranslated Latin words ${foreign.join(', ')}`);
        }
        expect(problems).toEqual([]);
      });
    }

    it(`${lang} keeps the Dutch terms people meet in their letters beside the translation`, () => {
      expect(dictionary['route.B1']).toContain('B1-route');
      expect(dictionary['route.Z']).toContain('Z-route');
      expect(dictionary['home.intro']).toContain('Keurmerk Inburgeren');
      expect(dictionary['home.intro']).toContain('DUO');
      expect(dictionary['home.intro']).toMatch(/inburgering/);
      expect(dictionary['home.intro']).toMatch(/gemeenten/);
      expect(dictionary['location.municipality']).toMatch(/gemeente/);
    });
  }

  it('has a dictionary file for exactly the languages in languages.ts', () => {
    const files = readdirSync(new URL('../../src/i18n/dictionaries/', import.meta.url)).filter((f) => f.endsWith('.ts'));
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...LANG_CODES].sort());
  });

  it('t() isolates filled-in values in right-to-left languages only', () => {
    const name = 'Taalpunt B.V.';
    expect(useTranslations('ar')('location.otherLocations', { name })).toBe(`فروع أخرى لـ \u2068${name}\u2069`);
    expect(useTranslations('fa')('status.since', { date: '۱ مارس ۲۰۲۴' })).toBe('از \u2068۱ مارس ۲۰۲۴\u2069');
    expect(useTranslations('en')('location.otherLocations', { name })).toBe(`Other locations of ${name}`);
  });

  it('t() fills placeholders and leaves unknown ones visible', () => {
    const t = useTranslations('nl');
    expect(t('status.since', { date: '1 maart 2024' })).toBe('sinds 1 maart 2024');
    expect(t('status.since')).toBe('sinds {date}');
  });
});
