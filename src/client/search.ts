/**
 * The search page: Pagefind's JS API over one record per location (src/site/search-index.ts),
 * driven by the shared FilterPanel. Loaded only by /{lang}/zoeken/; Pagefind itself (its
 * script, WebAssembly and the language's index) is fetched from `/pagefind/{lang}/` at run time.
 *
 * Distance sorting needs every result's coordinates, and loading every result's data would
 * be thousands of requests at ten times the register. Instead, the coordinates come from one
 * small file in the index's own order (`/zoeken/coordinaten.json`), and one search sorted by
 * the `order` key tells which Pagefind id is which row of it (src/site/search-records.ts).
 * Only the cards on screen load their data.
 */
import type { FilterKey, FilterSelection } from '../register/facets.ts';
import { el, fill, type CardLabels } from './dom.ts';
import { distanceKm, type LatLon } from '../register/geo.ts';
import { decodeCoordinates, type CoordinateColumn } from '../register/coordinates.ts';
import { offerLine, type Rating, type Status } from '../register/vocabulary.ts';
import { ratingElement, type RatingLabels } from '../components/RatingStars/rating-dom.ts';
import { statusBadgeElement } from '../components/StatusBadge/status-badge-dom.ts';
import { postalAddressElement } from '../components/PostalAddress/postal-address-dom.ts';
import { bindFilterPanel, type FilterPanelChange, type FilterPanelHandle } from './filter-panel.ts';
import { loadPlaceIndex } from './place-resolver.ts';
import { resultCardExtras } from './result-card-extras.ts';
import { LITERAL_PARAM, searchForgiving, showCorrection, type CorrectionLabels } from './search-correction.ts';
import { NOTHING_HIDDEN, hiddenMatches, exactNamesFirst } from './search-hidden.ts';
import { foldSearchText } from '../register/search-text.ts';
import { showHiddenNotice, type HiddenLabels } from './hidden-holders.ts';

/** The parts of Pagefind's browser API this page uses (pagefind.js ships no types). */
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}
interface PagefindData {
  url: string;
  meta: Record<string, string | undefined>;
  filters: Partial<Record<FilterKey, string[]>>;
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: Partial<Record<FilterKey, Record<string, number>>>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: unknown; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindResponse | null>;
  filters(): Promise<Partial<Record<FilterKey, Record<string, number>>>>;
  preload(term: string, options?: { filters?: unknown }): Promise<void>;
}

/** Interface text in the page's language, handed over by the page. */
export interface SearchLabels extends CardLabels {
  count: string;
  none: string;
  loading: string;
  failed: string;
  more: string;
  distance: string;
  noDistance: string;
  offerNone: string;
  /** "Next start: {date}" on a card whose location has an upcoming course. */
  nextStart: string;
  correction: CorrectionLabels;
  hidden: Omit<HiddenLabels, 'status'>;
  rating: RatingLabels;
  ratingLabel: string;
}

/** Cards shown at once; "show more" adds as many again. */
const PAGE_SIZE = 20;
/** Performance mark set when the page view's first result cards are on screen (scripts/bench/bench-search.ts). */
export const FIRST_RESULTS_MARK = 'kr-search-first-results';
/** Cards drawn first, before the rest of the first page has loaded: a phone's first screen. */
const FIRST_CARDS = 6;


/** Pagefind's filter object: any value within a key, every key (matchesSelection's semantics). */
export function pagefindFilters(selection: FilterSelection): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  for (const [key, values] of Object.entries(selection)) if (values && values.length > 0) filters[key] = { any: [...values] };
  return filters;
}

/** One result: every value is export text, so only textContent, never markup. */
function resultCard(data: PagefindData, km: number | undefined, withDistance: boolean, labels: SearchLabels, format: Intl.NumberFormat): HTMLLIElement {
  const { meta } = data;
  const card = el('li', 'kr-search-result');
  card.dataset.searchResult = '';
  card.dataset.locationId = data.url.split('/').filter(Boolean).at(-1) ?? '';
  const heading = el('h3', 'kr-search-result__name');
  const link = el('a');
  link.href = data.url;
  link.append(el('bdi', undefined, meta.title ?? ''));
  heading.append(link);
  card.append(heading);
  if (meta.holder && meta.holder !== meta.title) {
    const holder = el('p', 'kr-search-result__holder');
    holder.append(el('bdi', undefined, meta.holder));
    card.append(holder);
  }
  const address = el('p', 'kr-search-result__address');
  address.append(postalAddressElement(meta.address ?? '', meta.postcode ?? '', meta.city ?? ''));
  card.append(address);
  const offer = offerLine(data.filters, labels);
  card.append(el('p', 'kr-search-result__offer', offer || labels.offerNone));
  const line = el('p', 'kr-search-result__status');
  const status = meta.status as Status;
  line.append(statusBadgeElement(status, labels.status[status] ?? status));
  if (withDistance) {
    const distance = el('span', 'kr-search-result__distance', km === undefined ? labels.noDistance : fill(labels.distance, { distance: format.format(km) }));
    if (km !== undefined) distance.dataset.km = km.toFixed(3);
    line.append(' ', distance);
  }
  card.append(line, ratingLine(meta.rating as Rating | undefined, labels), ...resultCardExtras(card.dataset.locationId, meta.title ?? '', meta, labels.nextStart));
  return card;
}

/** The holder's latest rating, in stars and words. */
function ratingLine(rating: Rating | undefined, labels: SearchLabels): HTMLParagraphElement {
  const line = el('p', 'kr-search-result__rating');
  line.append(`${labels.ratingLabel}: `, ratingElement(rating, labels.rating));
  return line;
}

export async function initSearch(root: HTMLElement): Promise<void> {
  const form = root.querySelector<HTMLFormElement>('[data-filter-panel]')!;
  const countLine = root.querySelector<HTMLElement>('[data-search-count]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-list]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const results = root.querySelector<HTMLElement>('[data-search-results]')!;
  const correctionLine = root.querySelector<HTMLElement>('[data-search-correction]')!;
  const hiddenBox = root.querySelector<HTMLElement>('[data-search-hidden]')!;
  const labels = JSON.parse(root.dataset.labels!) as SearchLabels;
  /** The query the page was opened with to search as typed ("search for what I typed"): not corrected while it stays. */
  const params = new URLSearchParams(location.search);
  const literalQuery = params.get(LITERAL_PARAM) === '1' ? (params.get('q') ?? '').trim() : undefined;
  const lang = document.documentElement.lang;
  const numbers = new Intl.NumberFormat(lang);
  const kilometres = new Intl.NumberFormat(lang, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 });
  results.hidden = false;

  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ `${root.dataset.pagefind}pagefind.js`)) as Pagefind;
    await pagefind.options({ excerptLength: 0 });
  } catch {
    countLine.textContent = labels.failed;
    root.dataset.state = 'failed';
    return;
  }

  /**
   * Every filter's index, so that searches answer with counts for every key (until then,
   * only for the keys they filter on). Loaded after the first results are on screen: the
   * counts can follow, the results should not wait for them.
   */
  let allFilters: Promise<unknown> | undefined;
  let filtersReady = false;
  const loadAllFilters = () => (allFilters ??= pagefind.filters().then(() => (filtersReady = true)));

  /** Pagefind id → position in the index's order, and each position's point; loaded on the first distance sort. */
  let places: Promise<{ position: Map<string, number>; at: (LatLon | undefined)[] }> | undefined;
  const loadPlaces = () =>
    (places ??= Promise.all([
      pagefind.search(null, { sort: { [root.dataset.orderKey!]: 'asc' } }),
      fetch(root.dataset.coordinates!).then((r) => {
        if (!r.ok) throw new Error(`coordinates: HTTP ${r.status}`);
        return r.json() as Promise<CoordinateColumn>;
      }),
    ]).then(([all, column]) => ({
      position: new Map(all!.results.map((r, i) => [r.id, i])),
      at: decodeCoordinates(column),
    })));

  let shown: { result: PagefindResult; km: number | undefined }[] = [];
  let withDistance = false;
  let limit = PAGE_SIZE;
  let sequence = 0;
  let panel: FilterPanelHandle | undefined;
  const hiddenLabels = { ...labels.hidden, status: labels.status };
  /** The words and filters the hidden-holder notice on screen was made for. */
  let hiddenShownFor = '';

  /** Draws cards `from`…`to` of the shown results; false when a newer search took over meanwhile. */
  async function renderCards(from: number, to: number, mine: number, focusFirst: boolean): Promise<boolean> {
    const page = shown.slice(from, to);
    const data = await Promise.all(page.map((s) => s.result.data()));
    if (mine !== sequence) return false;
    const cards = data.map((d, i) => resultCard(d, page[i]!.km, withDistance, labels, kilometres));
    if (from === 0) list.replaceChildren(...cards);
    else list.append(...cards);
    more.hidden = shown.length <= limit;
    more.textContent = fill(labels.more, { shown: numbers.format(Math.min(limit, shown.length)), count: numbers.format(shown.length) });
    // After "show more", keyboard focus goes to the first new result, not back to the top.
    if (focusFirst) cards[0]?.querySelector('a')?.focus();
    return true;
  }

  async function run(change: FilterPanelChange) {
    const mine = ++sequence;
    list.setAttribute('aria-busy', 'true');
    root.dataset.state = 'searching';
    const typed = change.state.q.trim();
    const origin = change.origin;
    const byRating = change.state.sort === 'rating';
    const filters = pagefindFilters(change.selection);
    try {
      const forgiving = await searchForgiving(
        typed,
        (words, filtered) =>
          pagefind.search(words, {
            filters: filtered ? filters : {},
            // Best rated first when asked; else browsing without words is alphabetical, so the list is the same on every visit.
            ...(byRating ? { sort: { [root.dataset.ratingKey!]: 'asc' as const } } : words === null && !origin ? { sort: { [root.dataset.orderKey!]: 'asc' as const } } : {}),
          }),
        { vocabularyUrl: root.dataset.vocabulary!, literal: typed === literalQuery },
      );
      if (!forgiving || mine !== sequence) return;
      const { term, correction } = forgiving;
      let response = forgiving.response;
      // Once holders without a valid keurmerk are shown, one whose name is exactly what was typed comes first.
      const searchIn = (words: string, selection: FilterSelection) => pagefind.search(words, { filters: pagefindFilters(selection) });
      const exact = await exactNamesFirst(searchIn, term, typed, change.state, change.selection);
      if (mine !== sequence) return;
      if (exact.length > 0 && !byRating) response = { ...response, results: [...response.results].sort((a, b) => Number(exact.includes(b.id)) - Number(exact.includes(a.id))) };
      showCorrection(correctionLine, correction, typed, labels.correction);
      // The notice of hidden holders follows the results; one about other words goes at once.
      const hiddenKey = JSON.stringify([term, change.selection]);
      if (hiddenKey !== hiddenShownFor) showHiddenNotice(hiddenBox, NOTHING_HIDDEN, hiddenLabels, form);
      if (filtersReady) panel?.setCounts(response.filters);
      // Without the coordinate file (offline after loading the page), the results still show, unsorted.
      let located: Awaited<ReturnType<typeof loadPlaces>> | undefined;
      if (origin) {
        try {
          located = await loadPlaces();
        } catch {
          places = undefined; // try again on the next search
        }
      }
      if (mine !== sequence) return;
      withDistance = located !== undefined;
      if (origin && located) {
        const { position, at } = located;
        shown = response.results
          .map((result) => {
            const point = at[position.get(result.id) ?? -1];
            return { result, km: point ? distanceKm(origin, point) : undefined };
          })
          // With "best rated first" the distance is shown but the order stays Pagefind's (by rating).
          .sort((a, b) => (byRating ? 0 : (a.km ?? Infinity) - (b.km ?? Infinity)));
      } else {
        shown = response.results.map((result) => ({ result, km: undefined }));
      }
      limit = PAGE_SIZE;
      const total = shown.length;
      const text = total === 0 ? labels.none : fill(labels.count, { count: numbers.format(total) });
      if (countLine.textContent !== text) countLine.textContent = text;
      countLine.dataset.count = String(total);
      // The first screen of cards first, the rest of the page's cards right after.
      if (!(await renderCards(0, FIRST_CARDS, mine, false))) return;
      // For the benchmark and browser tooling: when the first results of the page view were on screen.
      if (performance.getEntriesByName(FIRST_RESULTS_MARK).length === 0) performance.mark(FIRST_RESULTS_MARK);
      if (!(await renderCards(FIRST_CARDS, limit, mine, false))) return;
      // Holders without a valid keurmerk that match but are filtered out, named above the results.
      const hidden = await hiddenMatches(searchIn, term, change.state, change.selection);
      if (mine !== sequence) return;
      showHiddenNotice(hiddenBox, hidden, hiddenLabels, form);
      hiddenShownFor = hiddenKey;
      list.removeAttribute('aria-busy');
      root.dataset.state = 'ready';
      if (!filtersReady) {
        // Now the counts of every key, for what is on screen.
        await loadAllFilters();
        if (mine !== sequence) return;
        const counted = await pagefind.search(term, { filters: pagefindFilters(change.selection) });
        if (counted && mine === sequence) panel?.setCounts(counted.filters);
      }
    } catch {
      if (mine !== sequence) return;
      countLine.textContent = labels.failed;
      list.removeAttribute('aria-busy');
      root.dataset.state = 'failed';
    }
  }

  more.addEventListener('click', () => {
    const from = limit;
    limit += PAGE_SIZE;
    void renderCards(from, limit, sequence, true);
  });

  // While the visitor types, Pagefind fetches the index chunks for the words so far, so the
  // search that follows the pause in typing finds them loaded.
  form.querySelector<HTMLInputElement>('input[name="q"]')?.addEventListener('input', (event) => {
    const words = foldSearchText((event.target as HTMLInputElement).value.trim());
    if (words) void pagefind.preload(words).catch(() => undefined);
  });

  // A visitor who goes to the place field is about to sort by distance: fetch what that needs.
  form.querySelector<HTMLInputElement>('input[name="place"]')?.addEventListener(
    'focus',
    () => {
      void loadPlaceIndex().catch(() => undefined);
      void loadPlaces().catch(() => (places = undefined));
    },
    { once: true },
  );

  panel = bindFilterPanel(form, (change) => void run(change));
}
