/**
 * What the FilterPanel folds away and shows again: the panel itself (open beside the
 * results on wide screens, folded on a phone with the number of choices in its summary),
 * "more filters" (opened when one of its values is chosen, so no choice is out of sight),
 * and the suspended and former statuses (offered once the visitor asks for them, or a link
 * chose one). And the counts beside each value, for what is shown now.
 */
import type { FilterKey } from '../register/facets.ts';
import { holdsValidKeurmerk, type Status } from '../register/vocabulary.ts';
import { fill } from './dom.ts';
import { formatCount } from './format-count.ts';
import type { FilterState } from './filter-state.ts';

/** Counts per key and code value, as `facetCounts()` and Pagefind's `filters` give them. */
export type FilterCounts = Partial<Record<FilterKey, Record<string, number>>>;

/** From this width the filters sit open in a column beside the results. */
const WIDE = '(min-width: 60rem)';

/** One panel's foldable parts and counts, updated from the state so they never disagree with the fields. */
export class FilterToggles {
  readonly #details: HTMLDetailsElement | null;
  readonly #more: HTMLDetailsElement | null;
  readonly #active: HTMLElement | null;

  readonly #form: HTMLFormElement;
  readonly #rendered: readonly FilterKey[];
  readonly #activeLabel: string;

  /** `rendered`: the keys the panel shows, whose choices the summary counts; `activeLabel`: "({count} chosen)". */
  constructor(form: HTMLFormElement, rendered: readonly FilterKey[], activeLabel: string) {
    this.#form = form;
    this.#rendered = rendered;
    this.#activeLabel = activeLabel;
    this.#details = form.querySelector<HTMLDetailsElement>('[data-filter-details]');
    this.#more = form.querySelector<HTMLDetailsElement>('[data-filter-more]');
    this.#active = form.querySelector<HTMLElement>('[data-filter-active]');
  }

  /** Beside the results on wide screens the filters start open; on a phone they start folded, so the results are not a screen further down. */
  openWhenWide(): void {
    if (this.#details && matchMedia(WIDE).matches) this.#details.open = true;
  }

  /** Follows a new state: the number of choices, "more filters" and which statuses are offered. */
  follow(state: FilterState): void {
    const chosen = this.#rendered.reduce((n, key) => n + (state.filters[key]?.length ?? 0), 0) + (state.includeInactive ? 1 : 0);
    if (this.#active) this.#active.textContent = chosen > 0 ? ` ${fill(this.#activeLabel, { count: formatCount(chosen) })}` : '';
    if (this.#more && Array.from(this.#more.querySelectorAll<HTMLInputElement>('input')).some((i) => i.checked)) this.#more.open = true;
    for (const input of this.#form.querySelectorAll<HTMLInputElement>('input[name="status"]')) {
      if (!holdsValidKeurmerk(input.value as Status)) input.parentElement!.hidden = !state.includeInactive && !input.checked;
    }
  }

  /** Shows the counts of what is shown now beside each value (missing values count 0). */
  showCounts(counts: FilterCounts): void {
    for (const element of this.#form.querySelectorAll<HTMLElement>('[data-count]')) {
      const [key, value] = element.dataset.count!.split(':') as [FilterKey, string];
      const count = formatCount(counts[key]?.[value] ?? 0);
      const text = element instanceof HTMLOptionElement ? `${element.dataset.label} (${count})` : `(${count})`;
      if (element.textContent !== text) element.textContent = text;
    }
  }
}
