/**
 * No silence about schools without a valid keurmerk. Search and the map show only holders
 * with a valid keurmerk unless the visitor asks for more; when suspended, withdrawn or
 * ended holders match what the visitor asked for, the results say so at the top, with their
 * names and statuses, and one button that shows them. Someone checking the school they
 * signed up with must not get "nothing found", or only other schools with similar names.
 */
import type { Status } from '../register/vocabulary.ts';
import type { HiddenSummary } from '../register/hidden-by-default.ts';
import type { FilterState } from './filter-state.ts';
import { dutchTerms, el, fill } from './dom.ts';
import { formatCount } from './format-count.ts';
import { statusBadgeElement } from '../components/StatusBadge/status-badge-dom.ts';

/** Whether the default filter is what decides the statuses (the visitor chose none and did not ask for all). */
export const statusesDefaulted = (state: FilterState) => !state.includeInactive && !(state.filters.status?.length);

/** Interface text, handed over by the page. */
export interface HiddenLabels {
  /** The sentence above the names, with the `{count}` of hidden locations (the search page's and the map's differ). */
  intro: string;
  /** Said below the names when there are more holders than names shown. */
  more: string;
  /** The button that shows them. */
  show: string;
  status: Record<Status, string>;
}

/**
 * The notice above the results (search) or the list (map). `show` fills it (or empties and
 * hides it): how many locations are hidden, the names and statuses of their holders (and
 * whether there are more), and a button that ticks the filter panel's "also show schools
 * without a valid keurmerk" box, as if the visitor had, so the URL and the panel follow.
 */
export class HiddenHoldersNotice {
  /** What the notice on screen was made for (the search's words and filters), if the page says. */
  #shownFor: string | undefined;

  readonly #box: HTMLElement;
  readonly #labels: HiddenLabels;
  /** Ticks the filter panel's box as the visitor would, so the URL and the panel follow. */
  readonly #showAll: () => void;

  constructor(box: HTMLElement, labels: HiddenLabels, form: HTMLFormElement) {
    [this.#box, this.#labels] = [box, labels];
    this.#showAll = () => {
      const inactive = form.querySelector<HTMLInputElement>('input[name="inactive"]');
      if (!inactive) return;
      inactive.checked = true;
      inactive.dispatchEvent(new Event('change', { bubbles: true }));
    };
  }

  /** Shows the hidden holders; `shownFor` names the question they answer, for `keepOnlyFor`. */
  show(hidden: HiddenSummary, shownFor?: string): void {
    this.#shownFor = shownFor;
    const box = this.#box;
    const labels = this.#labels;
    box.hidden = hidden.locations === 0;
    if (hidden.locations === 0) return box.replaceChildren();
    const intro = el('p', 'kr-hidden-holders__intro', fill(labels.intro, { count: formatCount(hidden.locations) }));
    const list = el('ul', 'kr-hidden-holders__list');
    for (const holder of hidden.holders) {
      const item = el('li');
      item.dataset.hiddenHolder = holder.status;
      item.append(el('bdi', 'kr-hidden-holders__name', holder.name), ' ', statusBadgeElement(holder.status, dutchTerms(labels.status[holder.status])));
      list.append(item);
    }
    const parts: HTMLElement[] = [intro, list];
    if (hidden.more) parts.push(el('p', undefined, labels.more));
    const button = el('button', 'kr-button kr-button--secondary', labels.show);
    button.type = 'button';
    button.dataset.showHidden = '';
    button.addEventListener('click', this.#showAll);
    parts.push(button);
    box.replaceChildren(...parts);
  }

  /**
   * Takes the notice away at once when it was made for another question (other words or
   * filters), so it never names holders for words no longer searched; the same question's
   * notice stays until the new one follows the results.
   */
  keepOnlyFor(question: string): void {
    if (question !== this.#shownFor) this.show(NOTHING_HIDDEN, this.#shownFor);
  }
}

/** No hidden holder: the notice stays away. */
export const NOTHING_HIDDEN: HiddenSummary = { locations: 0, holders: [], more: false };
