/**
 * The Dutch words the other languages keep in brackets ("البلديات (gemeenten)", "موقوفة
 * (geschorst)") so a learner recognises them in letters from the municipality or DUO. A
 * screen reader must say them in Dutch, or an Arabic or Persian voice mangles exactly the
 * words the brackets are there to teach (WCAG 3.1.2). This module finds them in a text, in
 * one place for the server's pages (`DutchTerms.astro`) and the browser's cards
 * (`dutchTermNodes`): no dictionary needs markup, and a new language that keeps the same
 * Dutch words in brackets is marked without any change here. Pure: safe in a client script.
 */

/**
 * Every Dutch word or phrase a dictionary keeps in brackets, lower case. Only whole items
 * count ("askıya alındı, geschorst" marks "geschorst"), so a Dutch word that happens to be a
 * word in another language inside a longer phrase is never marked. Technical names (CSV,
 * GeoJSON, SHA-256, Atom) are not Dutch and are not here.
 */
export const DUTCH_TERMS: ReadonlySet<string> = new Set([
  'gemeente',
  'gemeenten',
  'provincie',
  'vestiging',
  'vestigingen',
  'postcode',
  'keurmerk',
  'keurmerkhouder',
  'keurmerkhouders',
  'inburgering',
  'onderwijsroute',
  'zelfredzaamheidsroute',
  'b1-route',
  'z-route',
  'analfabeet',
  'laag',
  'middel',
  'hoog',
  'profiel',
  'route',
  'geschorst',
  'ingetrokken',
  'beëindigd',
  'herstelperiode',
  'hersteltermijn',
  'bepaalde tijd',
  'onbepaalde tijd',
  'pip',
  'intake',
  'statushouder',
  'statushouders',
  'cursusovereenkomst',
  'toezicht in de klas',
  'meldpunt',
  'bezwaar',
  'bezwaar maken',
  'handelsnaam',
  'afstandsonderwijs',
  'wijzigingen',
  'kvk',
  'kamer van koophandel',
  'inspectie van het onderwijs',
  'wet inburgering 2013',
  'wet inburgering 2021',
  'wi2013',
  'wi2021',
  'jjjj-mm-dd',
]);

/** A piece of a text: plain, or a Dutch term to be read in Dutch. */
export interface TextPart {
  text: string;
  dutch: boolean;
}

// A bracketed group, and the separators between its items: Latin, Arabic/Persian and Ethiopic commas.
const BRACKETS = /\(([^()]*)\)/g;
const ITEM_SEPARATOR = /([,،፣]\s*)/;
// Direction marks and isolates a text may carry around a word (⁦JJJJ‑MM‑DD⁩); a non-breaking hyphen reads as one.
const INVISIBLE = /[\u2066-\u2069\u200e\u200f]/g;

const isDutchTerm = (item: string) => DUTCH_TERMS.has(item.replace(INVISIBLE, '').replace(/\u2011/g, '-').trim().toLowerCase());

/**
 * Splits a text into plain parts and the Dutch terms it keeps in brackets. In Dutch itself
 * nothing is marked: the whole page already is `lang="nl"`.
 */
export function dutchTermParts(text: string, lang: string): readonly TextPart[] {
  if (lang === 'nl' || !text.includes('(')) return [{ text, dutch: false }];
  // The same few hundred texts come back on every page of a language: split each once. One map
  // per language, so the key is the dictionary's own string, whose hash is already known.
  let cache = partsCache.get(lang);
  if (!cache) partsCache.set(lang, (cache = new Map()));
  let parts = cache.get(text);
  if (!parts) cache.set(text, (parts = splitDutchTerms(text)));
  return parts;
}

const partsCache = new Map<string, Map<string, readonly TextPart[]>>();

function splitDutchTerms(text: string): readonly TextPart[] {
  const parts: TextPart[] = [];
  let plain = '';
  let last = 0;
  for (const match of text.matchAll(BRACKETS)) {
    const inner = match[1]!;
    const innerStart = match.index + 1;
    let offset = innerStart;
    for (const piece of inner.split(ITEM_SEPARATOR)) {
      const leading = piece.length - piece.trimStart().length;
      const item = piece.trim();
      if (item && isDutchTerm(item)) {
        plain += text.slice(last, offset + leading);
        if (plain) parts.push({ text: plain, dutch: false });
        parts.push({ text: item, dutch: true });
        plain = '';
        last = offset + leading + item.length;
      }
      offset += piece.length;
    }
  }
  plain += text.slice(last);
  if (plain) parts.push({ text: plain, dutch: false });
  return parts;
}

/**
 * The same parts as DOM nodes, for the cards a browser script builds: each Dutch term a
 * `<span lang="nl">`, every part set as text (never as HTML).
 */
export function dutchTermNodes(text: string, lang: string): Node[] {
  return dutchTermParts(text, lang).map(({ text: part, dutch }) => {
    if (!dutch) return document.createTextNode(part);
    const span = document.createElement('span');
    span.lang = 'nl';
    span.textContent = part;
    return span;
  });
}
