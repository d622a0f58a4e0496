/**
 * The search page: Pagefind's JS API over one record per location (src/site/search-index.ts),
 * driven by the shared FilterPanel. Loaded only by /{lang}/zoeken/; Pagefind itself (its
 * script, WebAssembly and the index every language shares) is fetched from `/pagefind/` at run time.
 *
 * This module orders one search's steps; each job is a part of its own: Pagefind
 * (pagefind.ts), the query with its corrections (search-query.ts, search-correction.ts),
 * distances (search-distances.ts), the result cards (search-results.ts) and the notice of
 * holders the default filter hides (search-hidden.ts, hidden-holders.ts).
 */
import type { FilterSelection } from '../register/facets.ts';
import { foldSearchText } from '../register/search-text.ts';
import { fillPlaceholders } from '../i18n/fill.ts';
import { bindFilterPanel, type FilterPanelChange, type FilterPanelHandle } from './filter-panel.ts';
import { HiddenHoldersNotice, type HiddenLabels } from './hidden-holders.ts';
import { LatestOnly } from './latest-only.ts';
import { PagefindIndex } from './pagefind.ts';
import { loadPlaceIndex } from './place-resolver.ts';
import { showCorrection, type CorrectionLabels } from './search-correction.ts';
import { SearchDistances } from './search-distances.ts';
import { hiddenMatches } from './search-hidden.ts';
import { SearchQuery } from './search-query.ts';
import { SearchResults, type ResultsLabels } from './search-results.ts';
import { SearchSummary } from './search-summary.ts';
import { readFilterUrl } from './filter-url.ts';

/** Interface text in the page's language, handed over by the page. */
export interface SearchLabels extends ResultsLabels {
  loading: string;
  failed: string;
  /** "Sorted: {order}", said when the visitor changes the order (the count may stay the same). */
  sorted: string;
  correction: CorrectionLabels;
  hidden: Omit<HiddenLabels, 'status'>;
}

/** The page's parts, once Pagefind is loaded; runs a search for every change of the panel. */
class SearchPage {
  readonly #searches = new LatestOnly();
  readonly #query: SearchQuery;
  readonly #distances: SearchDistances;
  readonly #results: SearchResults;
  readonly #notice: HiddenHoldersNotice;
  readonly #correctionLine: HTMLElement;
  readonly #panel: FilterPanelHandle;
  readonly #sortLive: HTMLElement;
  /** The order the results on screen are in, so a change of order is said once they are redrawn. */
  #shownSort: string | undefined;

  readonly #root: HTMLElement;
  readonly #index: PagefindIndex;
  readonly #labels: SearchLabels;

  constructor(root: HTMLElement, index: PagefindIndex, labels: SearchLabels) {
    this.#root = root;
    this.#index = index;
    this.#labels = labels;
    const { dataset } = root;
    const form = root.querySelector<HTMLFormElement>('[data-filter-panel]')!;
    this.#query = new SearchQuery(index, { orderKey: dataset.orderKey!, ratingKey: dataset.ratingKey!, vocabularyUrl: dataset.vocabulary! });
    this.#distances = new SearchDistances(index, dataset);
    this.#results = new SearchResults(root, labels, this.#searches, dataset.locationHref!);
    this.#notice = new HiddenHoldersNotice(root.querySelector<HTMLElement>('[data-search-hidden]')!, { ...labels.hidden, status: labels.status }, form);
    this.#correctionLine = root.querySelector<HTMLElement>('[data-search-correction]')!;
    this.#sortLive = root.querySelector<HTMLElement>('[data-search-sort-live]')!;
    this.#warmUp(form);
    this.#panel = bindFilterPanel(form, (change) => void this.#run(change));
  }

  /**
   * While the visitor types, Pagefind fetches the index chunks for the words so far, so the
   * search that follows the pause in typing finds them loaded; a visitor who goes to the
   * place field is about to sort by distance, so what that needs is fetched then.
   */
  #warmUp(form: HTMLFormElement): void {
    form.querySelector<HTMLInputElement>('input[name="q"]')?.addEventListener('input', (event) => {
      const words = foldSearchText((event.target as HTMLInputElement).value.trim());
      if (words) this.#index.preload(words);
    });
    const place = form.querySelector<HTMLInputElement>('input[name="place"]');
    place?.addEventListener(
      'focus',
      () => {
        void loadPlaceIndex(place).catch(() => undefined);
        void this.#distances.load().catch(() => undefined);
      },
      { once: true },
    );
  }

  async #run(change: FilterPanelChange): Promise<void> {
    const stillCurrent = this.#searches.start();
    this.#results.busy();
    this.#root.dataset.state = 'searching';
    try {
      const answer = await this.#query.run(change, stillCurrent);
      if (!answer) return;
      const { response, term, correction } = answer;
      showCorrection(this.#correctionLine, correction, change.state.q.trim(), this.#labels.correction);
      // The notice of hidden holders follows the results; one about other words goes at once.
      const question = JSON.stringify([term, change.selection]);
      this.#notice.keepOnlyFor(question);
      if (this.#index.filtersReady) this.#panel.setCounts(response.filters);
      const placed = change.origin && (await this.#distances.measure(response.results, change.origin, change.state.sort === 'rating'));
      if (!stillCurrent()) return;
      const shown = placed ?? response.results.map((result) => ({ result, km: undefined }));
      if (!(await this.#results.show(shown, placed !== undefined, stillCurrent))) return;
      // Holders without a valid keurmerk that match but are filtered out, named above the results.
      const hidden = await hiddenMatches((words, selection) => this.#index.searchIn(words, selection), term, change.state, change.selection);
      if (!stillCurrent()) return;
      this.#notice.show(hidden, question);
      this.#results.done();
      this.#sayOrder(change);
      this.#root.dataset.state = 'ready';
      await this.#countEveryKey(term, change.selection, stillCurrent);
    } catch {
      if (!stillCurrent()) return;
      this.#results.fail(this.#labels.failed);
      this.#root.dataset.state = 'failed';
    }
  }

  /**
   * Says the new order once the results are redrawn in it: re-sorting keeps the count, so the
   * count line (a live region) would say nothing, and a screen reader user would not know
   * the list changed (WCAG 4.1.3).
   */
  #sayOrder(change: FilterPanelChange): void {
    const sort = change.state.sort ?? '';
    const changed = this.#shownSort !== undefined && sort !== this.#shownSort;
    this.#shownSort = sort;
    if (!changed) return;
    const select = this.#root.querySelector<HTMLSelectElement>('select[name="sort"]');
    const order = select?.selectedOptions[0]?.textContent ?? '';
    this.#sortLive.textContent = fillPlaceholders(this.#labels.sorted, { order }, document.dir === 'rtl' ? 'rtl' : 'ltr');
  }

  /**
   * The counts beside every filter value: a search answers with counts for every key only
   * once every filter's index is loaded, which waits until the first results are on screen;
   * then the counts of what is on screen follow.
   */
  async #countEveryKey(term: string | null, selection: FilterSelection, stillCurrent: () => boolean): Promise<void> {
    if (this.#index.filtersReady) return;
    await this.#index.loadAllFilters();
    if (!stillCurrent()) return;
    const counted = await this.#index.searchIn(term, selection);
    if (counted && stillCurrent()) this.#panel.setCounts(counted.filters);
  }
}

/** Starts the search page in `root` (its `data-search` element); called by the page's script. */
export async function initSearch(root: HTMLElement): Promise<void> {
  const labels = JSON.parse(root.dataset.labels!) as SearchLabels;
  root.querySelector<HTMLElement>('[data-search-results]')!.hidden = false;
  // The question folds into one line before Pagefind loads, so the results do not jump down later.
  const form = root.querySelector<HTMLFormElement>('[data-filter-panel]')!;
  const summary = new SearchSummary(root.querySelector<HTMLDetailsElement>('[data-search-ask]')!, form);
  summary.show(readFilterUrl(), true);
  form.addEventListener('change', () => summary.show(readFilterUrl(), false));
  addEventListener('popstate', () => summary.show(readFilterUrl(), false));
  let index: PagefindIndex;
  try {
    index = await PagefindIndex.load(root.dataset.pagefind!);
  } catch {
    root.querySelector<HTMLElement>('[data-search-count]')!.textContent = labels.failed;
    root.dataset.state = 'failed';
    return;
  }
  new SearchPage(root, index, labels);
}
