/**
 * One search of the search page, from the panel's state to Pagefind's answer: the words
 * searched forgivingly (search-correction.ts), the order asked for, and, once holders
 * without a valid keurmerk are shown, the one whose name is exactly what was typed first
 * (search-hidden.ts), so the school someone is checking is not below similar names.
 */
import type { FilterPanelChange } from './filter-panel.ts';
import { pagefindFilters, type PagefindIndex, type PagefindResponse } from './pagefind.ts';
import type { Correction } from '../register/spelling.ts';
import { queryToKeepAsTyped, searchForgiving } from './search-correction.ts';
import { exactNamesFirst } from './search-hidden.ts';

/** What a search came to. */
export interface SearchAnswer {
  response: PagefindResponse;
  /** The folded words searched for; `null` without words, or when nothing matched them. */
  term: string | null;
  correction: Correction | undefined;
}

/** The records' sort keys and the correction vocabulary, as the page names them. */
interface SearchSources {
  orderKey: string;
  ratingKey: string;
  vocabularyUrl: string;
}

/** The page's searches: what stays the same between them (the index, the sort keys, the query kept as typed). */
export class SearchQuery {
  readonly #keepAsTyped = queryToKeepAsTyped();

  readonly #index: PagefindIndex;
  readonly #sources: SearchSources;

  constructor(index: PagefindIndex, sources: SearchSources) {
    this.#index = index;
    this.#sources = sources;
  }

  /** Runs the search for a change; nothing when Pagefind answered nothing or a newer search took over. */
  async run(change: FilterPanelChange, stillCurrent: () => boolean): Promise<SearchAnswer | undefined> {
    const index = this.#index;
    const sources = this.#sources;
    const typed = change.state.q.trim();
    const byRating = change.state.sort === 'rating';
    const filters = pagefindFilters(change.selection);
    const forgiving = await searchForgiving(
      typed,
      (words, filtered) =>
        index.search(words, {
          filters: filtered ? filters : {},
          // Best rated first when asked; else browsing without words is alphabetical, so the list is the same on every visit.
          ...(byRating ? { sort: { [sources.ratingKey]: 'asc' as const } } : words === null && !change.origin ? { sort: { [sources.orderKey]: 'asc' as const } } : {}),
        }),
      { vocabularyUrl: sources.vocabularyUrl, literal: typed === this.#keepAsTyped },
    );
    if (!forgiving || !stillCurrent()) return undefined;
    const { term, correction, response } = forgiving;
    const exact = await exactNamesFirst((words, selection) => index.searchIn(words, selection), term, typed, change.state, change.selection);
    if (!stillCurrent()) return undefined;
    if (exact.length === 0 || byRating) return { response, term, correction };
    const results = [...response.results].sort((a, b) => Number(exact.includes(b.id)) - Number(exact.includes(a.id)));
    return { response: { ...response, results }, term, correction };
  }
}
