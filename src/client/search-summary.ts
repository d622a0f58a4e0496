/**
 * The search page's question as one line ("Your search: taal, B1-route, Utrecht · Change"),
 * so that on a phone the results, not the form, fill the first screen; the map page folds its
 * introduction and filters the same way, so the map starts on the first screen. The line is the
 * summary of a `<details>` that holds the introduction and the whole form: open without
 * JavaScript, folded here when the address already asks something and the screen is narrow
 * (on a wide screen the form stands beside the results anyway). Each value is named by the
 * form's own label, so the line says what the form says, in the page's language.
 */
import type { FilterState } from './filter-state.ts';

/** Below this width the form stands above the results (search-page.css). */
const NARROW = '(max-width: 59.99rem)';

/** What the state asks, in words: the text, the chosen values' labels, the place. */
export function askedOf(form: HTMLFormElement, state: FilterState): string[] {
  const asked: string[] = [];
  if (state.q) asked.push(state.q);
  for (const [key, values] of Object.entries(state.filters)) {
    for (const value of values ?? []) {
      const field = form.querySelector<HTMLInputElement | HTMLOptionElement>(`input[name="${key}"][value="${CSS.escape(value)}"], select[name="${key}"] option[value="${CSS.escape(value)}"]`);
      const label = field instanceof HTMLOptionElement ? field.dataset.label : field?.labels?.[0]?.firstChild?.textContent;
      asked.push(label?.trim() || value);
    }
  }
  if (state.place) asked.push(state.place);
  return asked;
}

/** The one-line summary of the search form, kept in step with the state. */
export class SearchSummary {
  readonly #details: HTMLDetailsElement;
  readonly #line: HTMLElement;
  readonly #change: HTMLElement;
  readonly #form: HTMLFormElement;
  readonly #heading: string;
  readonly #list: Intl.ListFormat;

  readonly #fold: 'asked' | 'always';

  /** `fold`: on a narrow screen, fold when the address asks something (search), or always (the map, which is the page's answer itself). */
  constructor(details: HTMLDetailsElement, form: HTMLFormElement, { fold = 'asked' }: { fold?: 'asked' | 'always' } = {}) {
    this.#details = details;
    this.#fold = fold;
    this.#form = form;
    this.#line = details.querySelector<HTMLElement>('[data-search-asked]')!;
    this.#change = details.querySelector<HTMLElement>('[data-search-change]')!;
    this.#heading = this.#line.textContent ?? '';
    this.#list = new Intl.ListFormat(document.documentElement.lang, { type: 'unit', style: 'short' });
  }

  /** Says what `state` asks; on the page's first draw, folds the form on a narrow screen, or opens the map page's on a wide one (see `fold`). */
  show(state: FilterState, first: boolean): void {
    const asked = askedOf(this.#form, state);
    this.#line.textContent = asked.length > 0 ? `${this.#heading}: ${this.#list.format(asked)}` : this.#heading;
    this.#change.hidden = asked.length === 0;
    if (!first) return;
    const narrow = matchMedia(NARROW).matches;
    // The map page sends its filters folded, so nothing moves on a phone as the page starts
    // (folding an open form pushed the map up: a layout shift of 0.35); on a wide screen they sit
    // in their own column beside the map, where opening them moves nothing.
    if (this.#fold === 'always') this.#details.open = !narrow;
    else if (asked.length > 0 && narrow) this.#details.open = false;
  }
}
