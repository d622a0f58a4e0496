/**
 * The FilterPanel's behaviour in the browser, for every page that shows the panel (search,
 * map). The page calls `bindFilterPanel(form, onChange)` once and gets the state whenever
 * it changes: on load, when the visitor changes a field, and on back/forward. The panel
 * keeps the URL in step and resolves the place, so pages only draw.
 *
 * This module is the panel's events and their order; each job is a part of its own: the
 * fields (filter-fields.ts), the address (filter-url.ts), the place field (place-field.ts),
 * what folds and the counts (filter-toggles.ts).
 */
import type { FilterSelection } from '../register/facets.ts';
import { FilterFields } from './filter-fields.ts';
import { effectiveSelection, type FilterState } from './filter-state.ts';
import { FilterToggles, type FilterCounts } from './filter-toggles.ts';
import { carryStateToLanguageLinks, readFilterUrl, writeFilterUrl } from './filter-url.ts';
import { LatestOnly } from './latest-only.ts';
import { PlaceField, type PlaceMessages } from './place-field.ts';
import type { ResolvedPlace } from './place-resolver.ts';

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

/** What a page may do with the panel once bound: show the counts of what it shows. */
export interface FilterPanelHandle {
  /** Shows the counts of what is shown now beside each value (missing values count 0). */
  setCounts(counts: FilterCounts): void;
}

/** Typing waits this long for the next key before the page searches, so a word is one search. */
const TYPING_DELAY_MS = 60;

const isTextField = (target: EventTarget | null): target is HTMLInputElement =>
  target instanceof HTMLInputElement && (target.type === 'text' || target.type === 'search');

/** The panel's events in their order: a change is read from the fields, written to the address, shown, resolved and reported. */
class FilterPanel {
  readonly #fields: FilterFields;
  readonly #toggles: FilterToggles;
  readonly #place: PlaceField;
  readonly #changes = new LatestOnly();
  readonly #onChange: (change: FilterPanelChange) => void;
  #state = readFilterUrl();
  #origin: ResolvedPlace | undefined;
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** While the visitor types, the URL is replaced instead of adding a history entry per key. */
  #typing = false;

  constructor(form: HTMLFormElement, onChange: (change: FilterPanelChange) => void) {
    const messages = JSON.parse(form.dataset.messages ?? '{}') as PlaceMessages & { active: string };
    this.#fields = new FilterFields(form);
    this.#toggles = new FilterToggles(form, this.#fields.rendered, messages.active);
    this.#place = new PlaceField(form, messages);
    this.#onChange = onChange;
    form.addEventListener('input', (event) => this.#typed(event.target));
    form.addEventListener('change', (event) => this.#chose(event.target));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.#typingTimer);
      this.#typing = false;
      this.#changed({ typed: false, offerPdok: true });
    });
    this.#place.onPdok(
      () => this.#state.place,
      () => void this.#emit('input', false),
    );
    this.#place.onDevice(
      () => {
        this.#state = this.#fields.read(this.#state);
        writeFilterUrl(this.#state, true);
      },
      () => void this.#emit('input', false),
    );
    addEventListener('popstate', () => this.#wentBack());
    this.#show(this.#state);
    carryStateToLanguageLinks();
    this.#toggles.openWhenWide();
    // A shared link may carry a place this register does not know: offer PDOK for it too.
    void this.#emit('load', true);
  }

  /** Shows the counts of what the page shows now beside each value. */
  setCounts(counts: FilterCounts): void {
    this.#toggles.showCounts(counts);
  }

  /** Typing in a text field: one change once the visitor pauses. */
  #typed(target: EventTarget | null): void {
    if (!isTextField(target)) return;
    clearTimeout(this.#typingTimer);
    this.#typingTimer = setTimeout(() => this.#changed({ typed: true, offerPdok: false }), TYPING_DELAY_MS);
  }

  /**
   * A box ticked or a value chosen. Text fields report "change" on leaving them; their typing
   * has already been handled, but leaving the place field is when an unknown place is worth a
   * PDOK offer.
   */
  #chose(target: EventTarget | null): void {
    if (isTextField(target)) {
      if (target.name === 'place' && target.value.trim() !== '' && this.#origin === undefined) void this.#emit('input', true);
      return;
    }
    this.#typing = false;
    this.#changed({ typed: false, offerPdok: false });
  }

  /** Back or forward: the address says the state. */
  #wentBack(): void {
    carryStateToLanguageLinks();
    this.#state = readFilterUrl();
    this.#typing = false;
    this.#show(this.#state);
    void this.#emit('history', true);
  }

  #changed(options: { typed: boolean; offerPdok: boolean }): void {
    this.#state = this.#fields.read(this.#state);
    writeFilterUrl(this.#state, !(options.typed && this.#typing));
    this.#typing = options.typed;
    this.#show(this.#state);
    void this.#emit('input', options.offerPdok);
  }

  #show(state: FilterState): void {
    this.#fields.write(state);
    this.#toggles.follow(state);
  }

  /** Resolves the place, then reports the state, unless a newer change came meanwhile. */
  async #emit(cause: FilterPanelChange['cause'], offerPdok: boolean): Promise<void> {
    const stillCurrent = this.#changes.start();
    const resolved = await this.#place.resolve(this.#state.place, offerPdok);
    if (!stillCurrent()) return;
    this.#origin = resolved;
    this.#onChange({ state: this.#state, selection: effectiveSelection(this.#state), origin: resolved, cause });
  }
}

/** Binds the panel in `form`; `onChange` gets the state on load and on every change. */
export function bindFilterPanel(form: HTMLFormElement, onChange: (change: FilterPanelChange) => void): FilterPanelHandle {
  return new FilterPanel(form, onChange);
}

/**
 * The panel when the page has one; without it, the state the address says, reported once
 * as on load, so a page draws the same way with or without the panel.
 */
export function bindFilterPanelOrUrl(form: HTMLFormElement | null, onChange: (change: FilterPanelChange) => void): FilterPanelHandle | undefined {
  if (form) return bindFilterPanel(form, onChange);
  const state = readFilterUrl();
  onChange({ state, selection: effectiveSelection(state), origin: undefined, cause: 'load' });
  return undefined;
}
