/**
 * Pagefind's browser API as the search page uses it (pagefind.js ships no types): loading
 * the bundle, turning a filter selection into Pagefind's filters, and the filter
 * index for every key, which only the counts need and which therefore loads after the
 * first results.
 */
import type { FilterKey, FilterSelection } from '../register/facets.ts';

/** One result; its data (a small download each) is read only for what is shown or checked. */
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}
/** A result's record: its page, the meta fields written by src/site/search-records.ts, its filter values. */
export interface PagefindData {
  url: string;
  meta: Record<string, string | undefined>;
  filters: Partial<Record<FilterKey, string[]>>;
}
/** A search's answer: results in Pagefind's order, and the counts per filter value among them. */
export interface PagefindResponse {
  results: PagefindResult[];
  filters: Partial<Record<FilterKey, Record<string, number>>>;
}
/** Options of one search: filters, and a sort by one of the records' sort keys. */
interface PagefindSearchOptions {
  filters?: unknown;
  sort?: Record<string, 'asc' | 'desc'>;
}
interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse | null>;
  filters(): Promise<unknown>;
  preload(term: string, options?: { filters?: unknown }): Promise<void>;
}

/** Pagefind's filter object: any value within a key, every key (matchesSelection's semantics). */
export function pagefindFilters(selection: FilterSelection): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  for (const [key, values] of Object.entries(selection)) if (values && values.length > 0) filters[key] = { any: [...values] };
  return filters;
}

/** The loaded Pagefind bundle, with the one-time loading of every filter's index. */
export class PagefindIndex {
  #allFilters: Promise<unknown> | undefined;
  /** Whether searches answer with counts for every key (until then, only for the keys they filter on). */
  filtersReady = false;

  readonly #pagefind: PagefindModule;

  private constructor(pagefind: PagefindModule) {
    this.#pagefind = pagefind;
  }

  /**
   * Loads the bundle at `base` (`/pagefind/`); rejects when it cannot be loaded. The bundle
   * has one index, in Dutch; Pagefind reads it on every page whatever the page's `lang`,
   * since it falls back to its largest index when none has the page's language.
   */
  static async load(base: string): Promise<PagefindIndex> {
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind.js`)) as PagefindModule;
    await pagefind.options({ excerptLength: 0 });
    return new PagefindIndex(pagefind);
  }

  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse | null> {
    return this.#pagefind.search(term, options);
  }

  /** Searches the words within a selection (no sort), as the counts and the hidden-holder checks need. */
  searchIn(term: string | null, selection: FilterSelection): Promise<PagefindResponse | null> {
    return this.#pagefind.search(term, { filters: pagefindFilters(selection) });
  }

  /** Fetches the index chunks for words being typed, so the search after the pause finds them loaded. */
  preload(words: string): void {
    void this.#pagefind.preload(words).catch(() => undefined);
  }

  /** Every filter's index, once; from then on `filtersReady`. */
  loadAllFilters(): Promise<unknown> {
    return (this.#allFilters ??= this.#pagefind.filters().then(() => (this.filtersReady = true)));
  }
}
