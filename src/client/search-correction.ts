/**
 * Searching that forgives typing errors, for the search page. A query is folded as the
 * index is (search-text.ts) and searched as typed; only when it finds nothing at all, under
 * any filter, does the page fetch the correction vocabulary (`/zoeken/woorden.json`, once
 * per page view) and search again with the nearest register words (spelling.ts), saying so:
 * "Resultaten voor Zonnebloem. U zocht: Zonebloem.", with a link to search the words as
 * typed. A query that finds very little (a rare word, perhaps a slip for a frequent one
 * near it) is checked the same way, unless what it found is named by the words typed (a
 * school's exact name, a place). A query that finds more never loads the vocabulary.
 */
import type { Correction, Vocabulary, VocabularyData } from '../register/spelling.ts';
import { foldSearchText, isCorrectable, searchWords } from '../register/search-text.ts';

/** URL parameter of "search for what I typed": the page then does not correct. */
export const LITERAL_PARAM = 'exact';

/**
 * The query the page was opened with to search as typed (the correction line's "search for
 * what I typed" link): not corrected while it stays in the field.
 */
export function queryToKeepAsTyped(): string | undefined {
  const params = new URLSearchParams(location.search);
  return params.get(LITERAL_PARAM) === '1' ? (params.get('q') ?? '').trim() : undefined;
}

/** Interface text for the correction line, handed over by the page. */
export interface CorrectionLabels {
  /** "Resultaten voor {corrected}. U zocht: {typed}." */
  resultsFor: string;
  /** "Zoek toch naar {typed}" */
  searchTyped: string;
}

let vocabulary: Promise<{ vocabulary: Vocabulary; correctQuery: typeof import('../register/spelling.ts').correctQuery }> | undefined;

/** A query with this many results or fewer found "very little": a rare word in it may be a slip for a frequent one. */
const FEW_RESULTS = 2;

/** The vocabulary and the code that searches it, both fetched on the first query that needs them. */
function loadVocabulary(url: string) {
  vocabulary ??= Promise.all([
    import('../register/spelling.ts'),
    fetch(url).then((response) => {
      if (!response.ok) throw new Error(`vocabulary: HTTP ${response.status}`);
      return response.json() as Promise<VocabularyData>;
    }),
  ]).then(([spelling, data]) => ({ vocabulary: spelling.readVocabulary(data), correctQuery: spelling.correctQuery }));
  // A failed fetch (offline) may succeed on the next query.
  vocabulary.catch(() => (vocabulary = undefined));
  return vocabulary;
}

/** What one search came to: the words searched for and, if they were corrected, how. */
export interface ForgivingSearch<R> {
  response: R;
  /** The folded words Pagefind searched for; `null` without words, or when nothing matched them. */
  term: string | null;
  correction: Correction | undefined;
}

interface Result {
  data(): Promise<{ content: string; meta: Record<string, string | undefined> }>;
}
type ResultData = Awaited<ReturnType<Result['data']>>;

/** Results whose text is read to tell a real match from Pagefind's guess (their cards need it anyway). */
const CHECKED = 3;

/**
 * Whether a text holds every typed word, as a word or the start of one, allowing words of
 * six letters or more the last two letters that stemming changes ("taalhuiss", "taalhuis").
 */
export function holdsWords(text: string, words: readonly string[]): boolean {
  const own = searchWords(text);
  return words.every((word) => {
    const needed = word.length < 6 ? word.length : word.length - 2;
    return own.some((candidate) => {
      let common = 0;
      while (common < word.length && candidate[common] === word[common]) common++;
      return common >= needed;
    });
  });
}

/**
 * Whether a response really matches the words. For a word that no indexed word starts
 * with, Pagefind falls back to the longest indexed word that the typed word starts with:
 * "amsterdm" then matches the postcode letters "AM" of some school in Waalwijk. Such a
 * guess is not a match; when the first results hold the words, the response is real.
 */
async function matchesWords(response: { results: unknown[] }, words: readonly string[]): Promise<ResultData[] | undefined> {
  const checked = (response.results as Result[]).slice(0, CHECKED);
  if (checked.length === 0) return undefined;
  const data = await Promise.all(checked.map((result) => result.data()));
  return data.some(({ content }) => holdsWords(content, words)) ? data : undefined;
}

/** The words of what was found's names and places (title, holder, place): words the visitor may mean exactly. */
function namedWords(found: readonly ResultData[]): Set<string> {
  return new Set(found.flatMap(({ meta }) => [meta.title, meta.holder, meta.city].flatMap((text) => (text ? searchWords(text) : []))));
}

/**
 * Searches for the typed words, folded. When that finds only Pagefind's guesses, or nothing
 * and nothing without filters either (so no filter is hiding the words), searches for the
 * corrected words instead; when nothing can be corrected, the answer is nothing
 * found, not the guesses. A vocabulary that cannot be loaded leaves it at that too.
 */
export async function searchForgiving<R extends { results: unknown[] }>(
  typed: string,
  search: (term: string | null, filtered: boolean) => Promise<R | null>,
  options: { vocabularyUrl: string; literal: boolean },
): Promise<ForgivingSearch<R> | null> {
  const term = typed.trim() ? foldSearchText(typed.trim()) : null;
  const response = await search(term, true);
  if (!response || term === null) return response && { response, term, correction: undefined };
  const words = searchWords(term).filter((word) => word.length >= 3);
  const found = await matchesWords(response, words);
  if (found) return options.literal ? { response, term, correction: undefined } : moreIfRare(typed, response, term, found, search, options.vocabularyUrl);
  const nothing = { response: { ...response, results: [] }, term: null, correction: undefined };
  // Guesses mean a word that no indexed word starts with, whatever the filters. Only when
  // nothing at all matched under the filters may they be what hides the words: then the
  // answer stands (and the page says what is hidden).
  if (response.results.length === 0) {
    const unfiltered = await search(term, false);
    if (!unfiltered || (await matchesWords(unfiltered, words))) return { response, term, correction: undefined };
  }
  if (options.literal) return nothing;
  let correction: Correction | undefined;
  try {
    const { vocabulary, correctQuery } = await loadVocabulary(options.vocabularyUrl);
    correction = correctQuery(typed, vocabulary);
  } catch {
    return nothing;
  }
  if (!correction) return nothing;
  const corrected = await search(correction.query, true);
  return corrected && { response: corrected, term: correction.query, correction };
}

/**
 * A query that really matched: as it is, unless it found very little and not by the names
 * or places typed, and a rare word in it is near a much more frequent one (spelling.ts);
 * then the search for the frequent word, if that finds more. Loads the vocabulary only
 * in that case, so a query finding a school by its name, a place or more than a few
 * results transfers nothing more than before.
 */
async function moreIfRare<R extends { results: unknown[] }>(
  typed: string,
  response: R,
  term: string,
  found: readonly ResultData[],
  search: (term: string | null, filtered: boolean) => Promise<R | null>,
  vocabularyUrl: string,
): Promise<ForgivingSearch<R> | null> {
  const asFound = { response, term, correction: undefined };
  if (response.results.length > FEW_RESULTS) return asFound;
  const keep = namedWords(found);
  // Postcodes, numbers and short words are never corrected: nothing to load for them.
  const correctable = searchWords(typed).filter(isCorrectable);
  if (correctable.every((word) => keep.has(word))) return asFound;
  let correction: Correction | undefined;
  try {
    const { vocabulary, correctQuery } = await loadVocabulary(vocabularyUrl);
    correction = correctQuery(typed, vocabulary, { keep });
  } catch {
    return asFound;
  }
  if (!correction) return asFound;
  const corrected = await search(correction.query, true);
  return corrected && corrected.results.length > response.results.length ? { response: corrected, term: correction.query, correction } : asFound;
}

/** Puts a dictionary text into an element, each `{name}` replaced by the given node or text. */
function fillNodes(target: HTMLElement, template: string, values: Record<string, Node>): void {
  target.replaceChildren(...template.split(/\{(\w+)\}/).map((part, i) => (i % 2 === 1 ? (values[part]?.cloneNode(true) ?? `{${part}}`) : part)));
}

function isolated(text: string, tag: 'strong' | 'span' = 'span'): HTMLElement {
  const outer = document.createElement(tag);
  const bdi = document.createElement('bdi');
  bdi.textContent = text;
  outer.append(bdi);
  return outer;
}

/**
 * Shows (or hides, without a correction) the line above the results: what was searched
 * for instead, what was typed, and a link to the same page searching the typed words as
 * they are (every other parameter kept).
 */
export function showCorrection(line: HTMLElement, correction: Correction | undefined, typed: string, labels: CorrectionLabels): void {
  line.hidden = !correction;
  if (!correction) return line.replaceChildren();
  const sentence = document.createElement('span');
  fillNodes(sentence, labels.resultsFor, { corrected: isolated(correction.shown, 'strong'), typed: isolated(typed) });
  const params = new URLSearchParams(location.search);
  params.set('q', typed);
  params.set(LITERAL_PARAM, '1');
  const link = document.createElement('a');
  link.href = `${location.pathname}?${params}`;
  link.dataset.searchTyped = '';
  fillNodes(link, labels.searchTyped, { typed: isolated(typed) });
  line.replaceChildren(sentence, ' ', link);
}
