/**
 * The search page's results: the count, the cards a page at a time, and the state a screen
 * reader hears (`aria-busy` while a search runs). The first screen of cards is drawn before
 * the rest of the page's cards have loaded their data, so a phone shows results early.
 */
import type { LatestOnly } from './latest-only.ts';
import { fill } from './dom.ts';
import { formatCount } from './format-count.ts';
import { PagedList } from './paged-list.ts';
import type { PlacedResult } from './search-distances.ts';
import { resultCard, type ResultCardLabels } from './search-result-card.ts';

/** Cards shown at once; "show more" adds as many again. */
const PAGE_SIZE = 20;
/** Cards drawn first, before the rest of the first page has loaded: a phone's first screen. */
const FIRST_CARDS = 6;
/** Performance mark set when the page view's first result cards are on screen (scripts/bench/bench-search.ts). */
export const FIRST_RESULTS_MARK = 'kr-search-first-results';

/** The results' interface text, in the page's language. */
export interface ResultsLabels extends ResultCardLabels {
  count: string;
  none: string;
  more: string;
}

/** The shown results and how many of them are drawn, so "show more" continues where the page stopped. */
export class SearchResults {
  readonly #paged: PagedList;
  readonly #kilometres = new Intl.NumberFormat(document.documentElement.lang, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 });
  #shown: PlacedResult[] = [];
  #withDistance = false;
  #limit = PAGE_SIZE;

  readonly #labels: ResultsLabels;
  readonly #locationHref: string;

  /**
   * `searches`: the page's searches, so that cards of a search that a newer one replaced are
   * never drawn; `locationHref`: a location page's address in the page's language, `{id}` for its
   * id (the page's `data-location-href`, as the map has it).
   */
  constructor(root: HTMLElement, labels: ResultsLabels, searches: LatestOnly, locationHref: string) {
    this.#labels = labels;
    this.#locationHref = locationHref;
    this.#paged = new PagedList(root, 'search', labels.more);
    this.#paged.onMore(async () => {
      const from = this.#limit;
      this.#limit += PAGE_SIZE;
      return (await this.#draw(from, this.#limit, searches.current()))?.[0];
    });
  }

  /** A search runs: the list is busy until `done` or `fail`. */
  busy(): void {
    this.#paged.list.setAttribute('aria-busy', 'true');
  }

  done(): void {
    this.#paged.list.removeAttribute('aria-busy');
  }

  /** Says that searching failed, where the count goes. */
  fail(text: string): void {
    this.#paged.showFailure(text);
    this.done();
  }

  /**
   * Shows a search's results (with their distances when `withDistance`): the count, the
   * first screen of cards, then the rest of the first page. False when a newer search took
   * over meanwhile.
   */
  async show(shown: PlacedResult[], withDistance: boolean, stillCurrent: () => boolean): Promise<boolean> {
    this.#shown = shown;
    this.#withDistance = withDistance;
    this.#limit = PAGE_SIZE;
    const total = shown.length;
    this.#paged.showCount(total, total === 0 ? this.#labels.none : fill(this.#labels.count, { count: formatCount(total) }));
    if (!(await this.#draw(0, FIRST_CARDS, stillCurrent))) return false;
    // For the benchmark and browser tooling: when the first results of the page view were on screen.
    if (performance.getEntriesByName(FIRST_RESULTS_MARK).length === 0) performance.mark(FIRST_RESULTS_MARK);
    return (await this.#draw(FIRST_CARDS, this.#limit, stillCurrent)) !== undefined;
  }

  /** Draws cards `from`…`to` of the shown results and answers them; nothing when a newer search took over meanwhile. */
  async #draw(from: number, to: number, stillCurrent: () => boolean): Promise<HTMLLIElement[] | undefined> {
    const page = this.#shown.slice(from, to);
    const data = await Promise.all(page.map((s) => s.result.data()));
    if (!stillCurrent()) return undefined;
    const cards = data.map((d, i) => resultCard(d, page[i]!.km, this.#withDistance, this.#labels, this.#kilometres, this.#locationHref));
    if (from === 0) this.#paged.list.replaceChildren(...cards);
    else this.#paged.list.append(...cards);
    this.#paged.showMore(Math.min(this.#limit, this.#shown.length), this.#shown.length);
    return cards;
  }
}
