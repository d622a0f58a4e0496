/**
 * The Dutch of the pages a newcomer reads first, at taalniveau B1 or simpler: the guide
 * (/wegwijzer/), the home page and the "what to watch out for" section. The texts are the
 * dictionary values of every key these pages' sources pass to `t()` (a key built from a
 * template, such as `route.${route}.meaning`, stands for every key it can be), so a new text on
 * one of these pages is measured as soon as the page uses it.
 *
 * Measured: no sentence over 20 words, 12 words a sentence on average, none of the officialese
 * a B1 reader stumbles over ("middels", "inzake", "dient te", …), and "u", never "je" or "jij".
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import nl from '../../src/i18n/dictionaries/nl.ts';
import { ROOT } from '../support/site.ts';

/** The pages (each with the components that carry its text) whose Dutch is measured. */
const PAGES: Record<string, readonly string[]> = {
  guide: ['src/pages/[lang]/wegwijzer/index.astro', 'src/components/WatchOut/WatchOut.astro'],
  home: ['src/pages/[lang]/index.astro', 'src/components/SearchBox/SearchBox.astro', 'src/components/ProvinceList/ProvinceList.astro'],
  'watch out': ['src/components/WatchOut/WatchOut.astro'],
};

const MAX_WORDS = 20;
const MAX_AVERAGE = 12;

/** Officialese and bookish words with a plain everyday word beside them (in brackets: what to write instead). */
const OFFICIALESE = [
  'middels', // met
  'inzake', // over
  'teneinde', // om
  'dient te', 'dienen te', 'diende te', // moet
  'ten behoeve van', // voor
  'ingevolge', // volgens
  'alsmede', // en
  'onverminderd', // maar
  'derhalve', // daarom
  'hetgeen', // wat
  'reeds', // al
  'indien', // als
  'omtrent', // over
  'aangaande', // over
  'voornoemd', 'bovengenoemd', // deze
  'conform', // volgens
  'ter zake', // over
  'doch', // maar
  'tevens', // ook
  'echter', // maar
  'zulks', // dat
  'dan wel', // of
  'woonachtig', // wonen
  'verstrekken', // geven
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The dictionary keys a source passes to `t()`; a template key matches every key it can become. */
function keysOf(file: string): string[] {
  const source = readFileSync(resolve(ROOT, file), 'utf8');
  const keys = new Set<string>();
  for (const [, quote, key] of source.matchAll(/\bt\(\s*(['`])([^'`]+)\1/g)) {
    if (quote === '`' && key!.includes('${')) {
      const pattern = new RegExp(`^${key!.split(/\$\{[^}]*\}/).map(escape).join('[^.]+')}$`);
      for (const k of Object.keys(nl)) if (pattern.test(k)) keys.add(k);
    } else keys.add(key!);
  }
  return [...keys];
}

/** A text's sentences: ended by . ! ? or a colon before a list, placeholders read as one word. */
function sentencesOf(text: string): string[] {
  return text
    .replace(/\{\w+\}/g, 'X')
    .split(/(?<=[.!?])\s+|:\s+(?=\p{Lu})/u)
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
}

const wordsOf = (sentence: string) => sentence.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w));

/** What a B1 reader would stumble over in these texts: long sentences, a long average, officialese, "je". */
function plainLanguageProblems(texts: readonly string[]): string[] {
  const sentences = texts.flatMap(sentencesOf);
  const problems: string[] = [];
  for (const sentence of sentences) {
    const words = wordsOf(sentence).length;
    if (words > MAX_WORDS) problems.push(`${words} words: "${sentence}"`);
  }
  const average = sentences.reduce((sum, s) => sum + wordsOf(s).length, 0) / sentences.length;
  if (average > MAX_AVERAGE) problems.push(`average ${average.toFixed(1)} words a sentence (at most ${MAX_AVERAGE})`);
  for (const text of texts) {
    for (const word of OFFICIALESE) if (new RegExp(`(?<!\\p{L})${escape(word)}(?!\\p{L})`, 'iu').test(text)) problems.push(`officialese "${word}": "${text}"`);
    if (/(?<!\p{L})(je|jij|jouw)(?!\p{L})/iu.test(text)) problems.push(`"je" instead of "u": "${text}"`);
  }
  return problems;
}

describe('plain Dutch (taalniveau B1) on the pages a newcomer reads first', () => {
  for (const [page, files] of Object.entries(PAGES)) {
    it(`the ${page}: short sentences, no officialese, "u"`, () => {
      const keys = [...new Set(files.flatMap(keysOf))];
      expect(keys.length, `${page}: no t() keys found; has the page moved?`).toBeGreaterThan(5);
      const unknown = keys.filter((k) => !(k in nl));
      expect(unknown, `${page}: keys the Dutch dictionary lacks`).toEqual([]);
      expect(plainLanguageProblems(keys.map((k) => nl[k as keyof typeof nl]))).toEqual([]);
    });
  }

  it('finds every key of a template key, so a text added to a family of keys is measured too', () => {
    const keys = keysOf('src/pages/[lang]/wegwijzer/index.astro');
    for (const key of ['route.B1.meaning', 'route.Z.meaning', 'guide.profile.analfabeet', 'guide.profile.hoog', 'watch.sign']) {
      expect(keys.concat(keysOf('src/components/WatchOut/WatchOut.astro'))).toContain(key);
    }
  });

  it('fails a long sentence, a long average, officialese and "je"', () => {
    const long = 'Wij vragen u om het formulier dat u van de gemeente heeft gekregen helemaal in te vullen en het daarna op tijd terug te sturen.';
    expect(plainLanguageProblems([long])).toEqual([expect.stringMatching(/^2\d words/), expect.stringMatching(/^average/)]);
    expect(plainLanguageProblems(['U kunt dit middels het formulier doen.'])).toEqual([expect.stringContaining('middels')]);
    expect(plainLanguageProblems(['U dient te betalen.'])).toEqual([expect.stringContaining('dient te')]);
    expect(plainLanguageProblems(['Kies je school.'])).toEqual([expect.stringContaining('"je"')]);
    expect(plainLanguageProblems(['Kies uw school. Dat is alles.'])).toEqual([]);
  });
});
