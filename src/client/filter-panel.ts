/**
 * The FilterPanel's behaviour in the browser, for every page that shows the panel (search,
 * map). The page calls `bindFilterPanel(form, onChange)` once and gets the state whenever
 * it changes: on load, when the visitor changes a field, and on back/forward. The panel
 * keeps the URL in step (filter-state.ts) and resolves the place, so pages only draw.
 *
 * Place lookups follow the privacy rule of place-resolver.ts: offline first; PDOK only
 * when the visitor presses its button; the device position only on "use my location",
 * and never written to the URL.
 */
import { FILTER_KEYS, type FilterKey, type FilterSelection } from '../register/facets.ts';
import { fill } from './dom.ts';
import { holdsValidKeurmerk, type Status } from '../register/vocabulary.ts';
import { effectiveSelection, filterStateToParams, parseFilterState, type FilterState } from './filter-state.ts';
import { PlaceLookupError, resolveDevicePosition, resolveOffline, resolveWithPdok, type ResolvedPlace } from './place-resolver.ts';

/** What the page receives on every change. */
export interface FilterPanelChange {
  state: FilterState;
  /** The selection to apply: the state with the valid-keurmerk default filled in. */
  selection: FilterSelection;
  /** The point to sort by distance from, when the visitor gave one that could be resolved. */
  origin: ResolvedPlace | undefined;
  /** `load` on the first call, `input` after the visitor changed something, `history` on back/forward. */
  cause: 'load' | 'input' | 'history';
}

/** Counts per key and code value, as `facetCounts()` and Pagefind's `filters` give them. */
export type FilterCounts = Partial<Record<FilterKey, Record<string, number>>>;

export interface FilterPanelHandle {
  readonly state: FilterState;
  readonly origin: ResolvedPlace | undefined;
  /** Shows the counts of what is shown now beside each value (missing values count 0). */
  setCounts(counts: FilterCounts): void;
}

interface Messages {
  found: string;
  foundDevice: string;
  notFound: string;
  pdokNotFound: string;
  unreachable: string;
  deviceFailed: string;
  active: string;
}

/** Typing waits this long for the next key before the page searches, so a word is one search. */
const TYPING_DELAY_MS = 60;
/** From this width the filters sit open in a column beside the results. */
const WIDE = '(min-width: 60rem)';


/**
 * The language switcher's links carry the query string along: the filters live in it, in
 * code values every language shares, and a visitor who switches to Arabic halfway through
 * choosing a school should not have to choose again.
 */
function carryStateToLanguageLinks(): void {
  // Path and query only: setting `link.search` would write the whole absolute URL into href.
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-language-link]')) link.setAttribute('href', `${link.pathname}${location.search}`);
}

export function bindFilterPanel(form: HTMLFormElement, onChange: (change: FilterPanelChange) => void): FilterPanelHandle {
  const messages = JSON.parse(form.dataset.messages ?? '{}') as Messages;
  const placeInput = form.querySelector<HTMLInputElement>('input[name="place"]');
  const placeMessage = form.querySelector<HTMLElement>('[data-place-message]');
  const pdok = form.querySelector<HTMLElement>('[data-place-pdok]');
  const device = form.querySelector<HTMLButtonElement>('[data-place-device]');
  const details = form.querySelector<HTMLDetailsElement>('[data-filter-details]');
  const more = form.querySelector<HTMLDetailsElement>('[data-filter-more]');
  const active = form.querySelector<HTMLElement>('[data-filter-active]');
  const numbers = new Intl.NumberFormat(document.documentElement.lang);
  /** Keys this panel shows; keys it does not show keep whatever the URL says. */
  const rendered = FILTER_KEYS.filter((key) => form.elements.namedItem(key) !== null);

  let state = parseFilterState(new URLSearchParams(location.search));
  let origin: ResolvedPlace | undefined;
  /** The device position, kept while the place field stays empty. */
  let devicePlace: ResolvedPlace | undefined;
  /** The last typed place and what it resolved to. */
  let lastPlace: { text: string; place: ResolvedPlace | undefined } = { text: '', place: undefined };
  /** PDOK's answer for the text the visitor asked it about. */
  let pdokPlace: { text: string; place: ResolvedPlace } | undefined;
  let sequence = 0;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** While the visitor types, the URL is replaced instead of adding a history entry per key. */
  let typing = false;

  function readForm(): FilterState {
    const fromForm = parseFilterState(new URLSearchParams(new FormData(form) as unknown as string[][]));
    const filters = { ...state.filters };
    for (const key of rendered) {
      if (fromForm.filters[key]) filters[key] = fromForm.filters[key];
      else delete filters[key];
    }
    return {
      q: form.elements.namedItem('q') ? fromForm.q : state.q,
      place: placeInput ? fromForm.place : state.place,
      filters,
      includeInactive: form.elements.namedItem('inactive') ? fromForm.includeInactive : state.includeInactive,
      ...((form.elements.namedItem('sort') ? fromForm.sort : state.sort) ? { sort: (form.elements.namedItem('sort') ? fromForm.sort : state.sort)! } : {}),
    };
  }

  function writeForm(next: FilterState) {
    for (const element of Array.from(form.elements)) {
      if (element instanceof HTMLInputElement && element.type === 'checkbox') {
        element.checked =
          element.name === 'inactive' ? next.includeInactive : (next.filters[element.name as FilterKey] ?? []).includes(element.value);
      } else if (element instanceof HTMLSelectElement && (FILTER_KEYS as readonly string[]).includes(element.name)) {
        const values = next.filters[element.name as FilterKey] ?? [];
        element.value = values.find((v) => Array.from(element.options).some((o) => o.value === v)) ?? '';
      } else if (element instanceof HTMLInputElement && (element.name === 'q' || element.name === 'place')) {
        element.value = next[element.name];
      } else if (element instanceof HTMLSelectElement && element.name === 'sort') {
        element.value = next.sort ?? '';
      }
    }
    const chosen = rendered.reduce((n, key) => n + (next.filters[key]?.length ?? 0), 0) + (next.includeInactive ? 1 : 0);
    if (active) active.textContent = chosen > 0 ? ` ${fill(messages.active, { count: numbers.format(chosen) })}` : '';
    // "More filters" opens when one of its keys is chosen, so no choice is out of sight.
    if (more && Array.from(more.querySelectorAll<HTMLInputElement>('input')).some((i) => i.checked)) more.open = true;
    // Suspended and former statuses are offered once the visitor asks for them (or a link chose one).
    for (const input of form.querySelectorAll<HTMLInputElement>('input[name="status"]')) {
      if (!holdsValidKeurmerk(input.value as Status)) input.parentElement!.hidden = !next.includeInactive && !input.checked;
    }
  }

  function say(text: string, offerPdok = false) {
    if (placeMessage) placeMessage.textContent = text;
    if (pdok) pdok.hidden = !offerPdok;
  }

  /**
   * The point for the typed place: the device position while the field is empty, a PDOK
   * answer while the text is the one PDOK answered, else the register's own index. Says
   * when the place is unknown and, if `ask`, offers PDOK.
   */
  async function resolveTyped(text: string, ask: boolean): Promise<ResolvedPlace | undefined> {
    if (!text) {
      if (!devicePlace) say('');
      return devicePlace;
    }
    devicePlace = undefined;
    // The same text as last time (the visitor changed something else): same answer, same message.
    if (text === lastPlace.text && !ask) return lastPlace.place;
    const hit = pdokPlace?.text === text ? pdokPlace.place : await resolveOffline(text).catch(() => undefined);
    if (hit) say(fill(messages.found, { place: hit.label }));
    else if (ask) say(messages.notFound, true);
    else say('');
    lastPlace = { text, place: hit };
    return hit;
  }

  async function emit(cause: FilterPanelChange['cause'], askPdok: boolean) {
    const mine = ++sequence;
    const resolved = await resolveTyped(state.place, askPdok);
    if (mine !== sequence) return;
    origin = resolved;
    onChange({ state, selection: effectiveSelection(state), origin, cause });
  }

  function writeUrl(push: boolean) {
    const query = filterStateToParams(state).toString();
    const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    carryStateToLanguageLinks();
  }

  function changed(options: { typed: boolean; askPdok: boolean }) {
    state = readForm();
    writeUrl(!(options.typed && typing));
    typing = options.typed;
    writeForm(state);
    void emit('input', options.askPdok);
  }

  form.addEventListener('input', (event) => {
    const target = event.target as HTMLElement;
    if (!(target instanceof HTMLInputElement) || (target.type !== 'text' && target.type !== 'search')) return;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => changed({ typed: true, askPdok: false }), TYPING_DELAY_MS);
  });
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLElement;
    // Text fields report "change" on leaving them; their typing has already been handled,
    // but leaving the place field is when an unknown place is worth a PDOK offer.
    if (target instanceof HTMLInputElement && (target.type === 'text' || target.type === 'search')) {
      if (target.name === 'place' && target.value.trim() !== '' && origin === undefined) void emit('input', true);
      return;
    }
    typing = false;
    changed({ typed: false, askPdok: false });
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    typing = false;
    changed({ typed: false, askPdok: true });
  });

  pdok?.querySelector('button')?.addEventListener('click', async () => {
    const text = state.place;
    if (!text) return;
    try {
      const place = await resolveWithPdok(text);
      pdokPlace = { text, place };
      lastPlace = { text, place };
      say(fill(messages.found, { place: place.label }));
      void emit('input', false);
    } catch (error) {
      const reason = error instanceof PlaceLookupError ? error.reason : 'unreachable';
      say(reason === 'not-found' ? messages.pdokNotFound : messages.unreachable, reason === 'unreachable');
    }
  });

  if (device && 'geolocation' in navigator) {
    device.hidden = false;
    device.addEventListener('click', async () => {
      try {
        const place = await resolveDevicePosition();
        if (placeInput) placeInput.value = '';
        state = readForm();
        writeUrl(true);
        devicePlace = place;
        say(messages.foundDevice);
        void emit('input', false);
      } catch {
        say(messages.deviceFailed);
      }
    });
  }

  addEventListener('popstate', () => {
    carryStateToLanguageLinks();
    state = parseFilterState(new URLSearchParams(location.search));
    typing = false;
    writeForm(state);
    void emit('history', true);
  });

  writeForm(state);
  carryStateToLanguageLinks();
  // Beside the results on wide screens the filters start open; on a phone they start folded
  // (the summary says how many are chosen), so the results are not a screen further down.
  if (details && matchMedia(WIDE).matches) details.open = true;
  // A shared link may carry a place this register does not know: offer PDOK for it too.
  void emit('load', true);

  return {
    get state() {
      return state;
    },
    get origin() {
      return origin;
    },
    setCounts(counts) {
      for (const element of form.querySelectorAll<HTMLElement>('[data-count]')) {
        const [key, value] = element.dataset.count!.split(':') as [FilterKey, string];
        const count = numbers.format(counts[key]?.[value] ?? 0);
        const text = element instanceof HTMLOptionElement ? `${element.dataset.label} (${count})` : `(${count})`;
        if (element.textContent !== text) element.textContent = text;
      }
    },
  };
}
