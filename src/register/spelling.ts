/**
 * Spelling correction from the register's own words. The build collects the words of
 * names, trade names, streets, places and municipalities with how often each occurs (the
 * correction vocabulary); when a query finds nothing, each word the register does not know
 * is replaced by the nearest word it does know, by edit distance with transpositions
 * ("Klankros" → klankroos, "Roterdam" → rotterdam, "Taalhusi" → taalhuis).
 *
 * The distance comes from the `damerau-levenshtein` package (optimal string alignment:
 * insertions, deletions, substitutions and swaps of two neighbouring letters, each one
 * step). Pure: the build writes the vocabulary, the browser loads and searches it, and the
 * tests check both against the same functions.
 */
import damerauLevenshtein from 'damerau-levenshtein';
import { parsePlaceQuery, type LatLon, type PlaceIndex } from './geo.ts';
import { otherPlaceNames } from './place-aliases.ts';
import { foldPlaceName, foldSearchText, typedWords } from './search-text.ts';

/** Bumped when the file layout changes, so a cached old file is never misread. */
export const VOCABULARY_VERSION = 1;

/**
 * The vocabulary file: each word as the register spells it (its most frequent spelling,
 * "Lânskip", "Rotterdam"), in the order of its folded form (sorted, they compress well), and
 * beside each the number of locations whose searchable text holds it. The page folds the
 * words itself to compare them, and shows a correction in the register's own spelling.
 */
export interface VocabularyData {
  v: typeof VOCABULARY_VERSION;
  words: string[];
  counts: number[];
}

/**
 * Words shorter than this are never corrected nor offered: "de", "het" and "aan" are in
 * every other name, and a two-letter word is a typo of half the dictionary.
 */
const MIN_WORD = 3;

/** Whether a folded word is one that correction deals with: letters only, long enough. */
export const isCorrectable = (word: string) => word.length >= MIN_WORD && !/\p{N}/u.test(word);

/** Builds the vocabulary from each location's searchable texts (one array per location). */
export function buildVocabulary(texts: Iterable<readonly string[]>): VocabularyData {
  const counts = new Map<string, number>();
  /** Folded word → how often each spelling of it occurs. */
  const spellings = new Map<string, Map<string, number>>();
  for (const parts of texts) {
    const seen = new Set<string>();
    for (const spelling of parts.flatMap(typedWords)) {
      const word = foldSearchText(spelling);
      if (!isCorrectable(word)) continue;
      const forms = spellings.get(word) ?? new Map<string, number>();
      forms.set(spelling, (forms.get(spelling) ?? 0) + 1);
      spellings.set(word, forms);
      if (!seen.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
      seen.add(word);
    }
  }
  const folded = [...counts.keys()].sort();
  const usual = (word: string) => [...spellings.get(word)!].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  return { v: VOCABULARY_VERSION, words: folded.map(usual), counts: folded.map((w) => counts.get(w)!) };
}

/**
 * How many edits a typed word may be away from the word meant: none for short words
 * (three letters leave too little to recognise), one for up to seven letters, two from
 * eight on ("Roterdam", "Lesbaaken"). Longer words carry more letters to get wrong and
 * more letters that still identify them.
 */
export function editBudget(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return 2;
}

/** A vocabulary ready to search: folded words, their spellings and counts, and a set for "does the register know this word". */
export interface Vocabulary {
  /** Folded words, as the query is folded. */
  words: readonly string[];
  /** Folded word → the register's spelling, to show. */
  spelling: ReadonlyMap<string, string>;
  counts: readonly number[];
  known: ReadonlySet<string>;
}

export function readVocabulary(data: VocabularyData): Vocabulary {
  if (data.v !== VOCABULARY_VERSION || data.words.length !== data.counts.length) throw new Error('vocabulary: unexpected file');
  const words = data.words.map(foldSearchText);
  return { words, spelling: new Map(words.map((w, i) => [w, data.words[i]!])), counts: data.counts, known: new Set(words) };
}

/**
 * The candidate nearest to a typed (folded) word within its edit budget, or `undefined`
 * when none is near enough. Among equally near candidates, one that starts with the same
 * letter wins (people rarely get the first letter wrong), then the more frequent one.
 */
export function nearestOf(word: string, candidates: readonly string[], frequency: (index: number) => number = () => 0): number | undefined {
  const budget = editBudget(word.length);
  if (budget === 0) return undefined;
  let best: { index: number; distance: number; sameStart: boolean; count: number } | undefined;
  candidates.forEach((candidate, index) => {
    if (Math.abs(candidate.length - word.length) > budget) return;
    const distance = damerauLevenshtein(word, candidate).steps;
    if (distance === 0 || distance > budget) return;
    const sameStart = candidate[0] === word[0];
    const count = frequency(index);
    if (!best || distance < best.distance || (distance === best.distance && (sameStart !== best.sameStart ? sameStart : count > best.count))) {
      best = { index, distance, sameStart, count };
    }
  });
  return best?.index;
}

/** The register word nearest to a typed (folded) word, the more frequent among equals. */
export function nearestWord(word: string, vocabulary: Vocabulary): string | undefined {
  const index = nearestOf(word, vocabulary.words, (i) => vocabulary.counts[i]!);
  return index === undefined ? undefined : vocabulary.words[index];
}

/**
 * A place of the offline place index for a misspelt place name ("Amsterdm", "Roterdam",
 * "Den Bosh"): the official or everyday name nearest to what was typed, as a whole.
 */
export function resolveMisspeltPlace(index: PlaceIndex, input: string): (LatLon & { label: string }) | undefined {
  const query = parsePlaceQuery(input);
  if (query?.kind !== 'name') return undefined;
  const names: [string, string][] = Object.keys(index.places).flatMap((key) => [
    [key, key] as [string, string],
    ...otherPlaceNames(key).map((alias) => [foldPlaceName(alias), key] as [string, string]),
  ]);
  const nearest = nearestOf(query.folded, names.map(([name]) => name));
  if (nearest === undefined) return undefined;
  const [label, lat, lon] = index.places[names[nearest]![1]]!;
  return { lat, lon, label };
}

/** A corrected query: the words to search for instead, and which typed words changed. */
export interface Correction {
  /** The query with every unknown word replaced by its nearest register word (folded, for the index). */
  query: string;
  /** The query to show: the typed words, each replaced one in the register's spelling. */
  shown: string;
  /** Typed (folded) word → the folded register word searched for instead. */
  replaced: [string, string][];
}

/**
 * Corrects a query that found nothing: every word the register does not know (letters
 * only, three or more of them) that has a near register word is replaced by it. Words the
 * register knows, numbers (postcodes, KvK numbers) and words with nothing near stay as
 * typed. `undefined` when nothing could be corrected.
 */
export function correctQuery(query: string, vocabulary: Vocabulary): Correction | undefined {
  const replaced: [string, string][] = [];
  const typed = typedWords(query);
  const words: string[] = [];
  const shown: string[] = [];
  for (const spelling of typed) {
    const word = foldSearchText(spelling);
    const nearest = !isCorrectable(word) || vocabulary.known.has(word) ? undefined : nearestWord(word, vocabulary);
    words.push(nearest ?? word);
    shown.push(nearest ? vocabulary.spelling.get(nearest)! : spelling);
    if (nearest) replaced.push([word, nearest]);
  }
  return replaced.length > 0 ? { query: words.join(' '), shown: shown.join(' '), replaced } : undefined;
}
