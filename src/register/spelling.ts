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
import { dutchSoundKey } from './dutch-sound.ts';
import { parsePlaceQuery, type LatLon, type PlaceIndex } from './geo.ts';
import { otherPlaceNames } from './place-aliases.ts';
import { foldPlaceName, foldSearchText, isCorrectable, searchWords, typedWords } from './search-text.ts';

/** Bumped when the file layout changes, so a cached old file is never misread. */
export const VOCABULARY_VERSION = 2;

/**
 * The vocabulary file: each word as the register spells it (its most frequent spelling,
 * "Lânskip", "Rotterdam"), in the order of its folded form (sorted, they compress well), and
 * beside each the number of locations whose searchable text holds it. The page folds the
 * words itself to compare them, and shows a correction in the register's own spelling.
 * `places` are the positions of the words that are (part of) a place's name: a rare place
 * ("Uden", "Hogeland") is what someone looking for it typed, never a slip for a frequent
 * word nearby ("den", "Holland").
 */
export interface VocabularyData {
  v: typeof VOCABULARY_VERSION;
  words: string[];
  counts: number[];
  places: number[];
}


/**
 * Builds the vocabulary from each location's searchable texts (one array per location) and
 * the names of the places they are in.
 */
export function buildVocabulary(texts: Iterable<readonly string[]>, placeNames: Iterable<string> = []): VocabularyData {
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
  const placeWords = new Set([...placeNames].flatMap(searchWords));
  const places = folded.flatMap((word, index) => (placeWords.has(word) ? [index] : []));
  return { v: VOCABULARY_VERSION, words: folded.map(usual), counts: folded.map((w) => counts.get(w)!), places };
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
  /** Folded word → how many locations hold it; a word missing is one the register does not know. */
  countOf: ReadonlyMap<string, number>;
  /** Folded words that are (part of) a place's name. */
  places: ReadonlySet<string>;
}

export function readVocabulary(data: VocabularyData): Vocabulary {
  if (data.v !== VOCABULARY_VERSION || data.words.length !== data.counts.length) throw new Error('vocabulary: unexpected file');
  const words = data.words.map(foldSearchText);
  return {
    words,
    spelling: new Map(words.map((w, i) => [w, data.words[i]!])),
    counts: data.counts,
    countOf: new Map(words.map((w, i) => [w, data.counts[i]!])),
    places: new Set(data.places.map((i) => words[i]!)),
  };
}

/** The sound keys of a candidate list, worked out once per list (the vocabulary is searched for every word typed). */
const soundKeysOf = new WeakMap<readonly string[], string[]>();
function soundKeys(candidates: readonly string[]): string[] {
  let keys = soundKeysOf.get(candidates);
  if (!keys) soundKeysOf.set(candidates, (keys = candidates.map(dutchSoundKey)));
  return keys;
}

/**
 * How near a candidate counts when it is said like the typed word (dutch-sound.ts): nearer
 * than any typing error, since "Lijden" means Leiden more surely than Linden.
 */
const SOUNDS_ALIKE = 0.5;

/**
 * The candidate nearest to a typed (folded) word, or `undefined` when none is near
 * enough: one said alike (the same Dutch sound key, "Lijden" for Leiden, however many
 * letters differ), else one within the word's edit budget. Among equally near candidates,
 * one that starts with the same letter wins (people rarely get the first letter wrong),
 * then the more frequent one.
 */
export function nearestOf(word: string, candidates: readonly string[], frequency: (index: number) => number = () => 0): number | undefined {
  const budget = editBudget(word.length);
  if (budget === 0) return undefined;
  const sound = dutchSoundKey(word);
  const keys = soundKeys(candidates);
  let best: { index: number; distance: number; sameStart: boolean; count: number } | undefined;
  candidates.forEach((candidate, index) => {
    const alike = keys[index] === sound;
    if (!alike && Math.abs(candidate.length - word.length) > budget) return;
    const distance = candidate === word ? 0 : alike ? SOUNDS_ALIKE : damerauLevenshtein(word, candidate).steps;
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

/** A register word held by this many locations or fewer is rare: maybe a slip for a frequent word near it. */
const RARE = 2;
/** How many times as many locations the word near a rare one must hold to be meant instead. */
const MUCH_MORE_FREQUENT = 10;

/**
 * The word meant instead of a rare register word that was typed ("Lijdenweg" in one street
 * when Leiden holds 30 locations): a word within reach (said alike, or within the edit
 * budget) that is much more frequent. Never for a place's name, nor for a word in `keep`
 * (the names and places of what the query found: the visitor may mean exactly that).
 */
function moreFrequentNear(word: string, vocabulary: Vocabulary, keep: ReadonlySet<string>): string | undefined {
  const count = vocabulary.countOf.get(word)!;
  if (count > RARE || vocabulary.places.has(word) || keep.has(word)) return undefined;
  const nearest = nearestWord(word, vocabulary);
  return nearest !== undefined && vocabulary.countOf.get(nearest)! >= MUCH_MORE_FREQUENT * count ? nearest : undefined;
}

/**
 * Corrects a query that found nothing: every word the register does not know (letters
 * only, three or more of them) that has a near register word is replaced by it. Words the
 * register knows, numbers (postcodes, KvK numbers) and words with nothing near stay as
 * typed. `undefined` when nothing could be corrected.
 *
 * With `rare` (a query that found very little), a rare register word that a much more
 * frequent one is near is replaced too, unless it is a place or one of the `rare` words
 * to keep.
 */
export function correctQuery(query: string, vocabulary: Vocabulary, rare?: { keep: ReadonlySet<string> }): Correction | undefined {
  const replaced: [string, string][] = [];
  const typed = typedWords(query);
  const words: string[] = [];
  const shown: string[] = [];
  for (const spelling of typed) {
    const word = foldSearchText(spelling);
    const nearest = !isCorrectable(word)
      ? undefined
      : !vocabulary.countOf.has(word)
        ? nearestWord(word, vocabulary)
        : rare && moreFrequentNear(word, vocabulary, rare.keep);
    words.push(nearest ?? word);
    shown.push(nearest ? vocabulary.spelling.get(nearest)! : spelling);
    if (nearest) replaced.push([word, nearest]);
  }
  return replaced.length > 0 ? { query: words.join(' '), shown: shown.join(' '), replaced } : undefined;
}
