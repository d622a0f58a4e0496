/**
 * The Dutch words other languages keep in brackets are read in Dutch (WCAG 3.1.2): the
 * splitter finds them, and every Latin-script word a non-Latin dictionary puts in brackets is
 * either one of them or a name that is not Dutch (a file format, a standard). A translator who
 * adds a new Dutch word in brackets, without adding it to DUTCH_TERMS, makes this test fail.
 */
import { describe, expect, it } from 'vitest';
import { DICTIONARIES, LANG_CODES } from '../../src/i18n/index.ts';
import { DUTCH_TERMS, dutchTermParts } from '../../src/i18n/dutch-terms.ts';

/** Latin-script words in brackets that are not Dutch: formats, standards, product and file names. */
const NOT_DUTCH = new Set([
  'csv', 'html', 'atom', 'json schema', 'geojson', 'wgs84', 'sha-256', 'utf-8', 'rfc 4180', 'dcat-ap', 'json-ld',
  'frictionless data package', 'open data', 'changes.json', 'changes.csv', 'http', 'https', 'tab', 'duo', 'b1', 'z', 'km',
]);

describe('dutchTermParts', () => {
  it('marks the Dutch term in brackets and leaves the rest as it was', () => {
    expect(dutchTermParts('البلديات (gemeenten)', 'ar')).toEqual([
      { text: 'البلديات (', dutch: false },
      { text: 'gemeenten', dutch: true },
      { text: ')', dutch: false },
    ]);
  });

  it('marks each Dutch item of a list in brackets, and nothing that is not Dutch', () => {
    const parts = dutchTermParts('askıya alındı (askıya alındı, geschorst) ve (CSV)', 'tr');
    expect(parts.filter((p) => p.dutch).map((p) => p.text)).toEqual(['geschorst']);
    expect(parts.map((p) => p.text).join('')).toBe('askıya alındı (askıya alındı, geschorst) ve (CSV)');
  });

  it('marks nothing on a Dutch page, which is Dutch as a whole', () => {
    expect(dutchTermParts('Gemeenten (gemeenten)', 'nl')).toEqual([{ text: 'Gemeenten (gemeenten)', dutch: false }]);
  });

  it('marks a Dutch term in every language that keeps one, and the Arabic holder labels', () => {
    for (const lang of LANG_CODES.filter((l) => l !== 'nl')) {
      const marked = Object.values(DICTIONARIES[lang]).flatMap((text) => dutchTermParts(text, lang).filter((p) => p.dutch));
      expect(marked.length, lang).toBeGreaterThan(10);
    }
    expect(dutchTermParts(DICTIONARIES.ar['status.geschorst.label'], 'ar').some((p) => p.dutch && p.text === 'geschorst')).toBe(true);
  });
});

describe('every Latin word in brackets in a non-Latin dictionary is known', () => {
  const latinOnly = /^[\p{Script=Latin}\d\s\-.‑/]+$/u;
  for (const lang of LANG_CODES.filter((l) => ['ar', 'fa', 'uk', 'ti', 'ps'].includes(l))) {
    it(lang, () => {
      const unknown = new Set<string>();
      for (const [key, text] of Object.entries(DICTIONARIES[lang])) {
        for (const [, inner] of text.matchAll(/\(([^()]*)\)/g)) {
          for (const item of inner!.split(/[,،፣]/).map((i) => i.replace(/[\u2066-\u2069]/g, '').trim())) {
            if (!item || !latinOnly.test(item) || /^\{\w+\}$/.test(item)) continue;
            const word = item.toLowerCase().replace(/\u2011/g, '-');
            if (!DUTCH_TERMS.has(word) && !NOT_DUTCH.has(word)) unknown.add(`${key}: ${item}`);
          }
        }
      }
      expect([...unknown]).toEqual([]);
    });
  }
});
