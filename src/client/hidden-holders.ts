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
import { fill } from './dom.ts';
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
 * Fills (or empties and hides) the notice: how many locations are hidden, the names and
 * statuses of their holders (and whether there are more), and a button that ticks the
 * filter panel's "also show schools without a valid keurmerk" box, as if the visitor had,
 * so the URL and the panel follow.
 */
export function showHiddenNotice(
  box: HTMLElement,
  hidden: HiddenSummary,
  labels: HiddenLabels,
  form: HTMLFormElement,
): void {
  const { holders } = hidden;
  box.hidden = hidden.locations === 0;
  if (hidden.locations === 0) return box.replaceChildren();
  const intro = document.createElement('p');
  intro.className = 'kr-hidden-holders__intro';
  const numbers = new Intl.NumberFormat(document.documentElement.lang);
  intro.textContent = fill(labels.intro, { count: numbers.format(hidden.locations) });
  const list = document.createElement('ul');
  list.className = 'kr-hidden-holders__list';
  for (const holder of holders) {
    const item = document.createElement('li');
    item.dataset.hiddenHolder = holder.status;
    const name = document.createElement('bdi');
    name.className = 'kr-hidden-holders__name';
    name.textContent = holder.name;
    item.append(name, ' ', statusBadgeElement(holder.status, labels.status[holder.status]));
    list.append(item);
  }
  const parts: HTMLElement[] = [intro, list];
  if (hidden.more) parts.push(Object.assign(document.createElement('p'), { textContent: labels.more }));
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'kr-button kr-button--secondary';
  button.dataset.showHidden = '';
  button.textContent = labels.show;
  button.addEventListener('click', () => {
    const inactive = form.querySelector<HTMLInputElement>('input[name="inactive"]');
    if (!inactive) return;
    inactive.checked = true;
    inactive.dispatchEvent(new Event('change', { bubbles: true }));
  });
  parts.push(button);
  box.replaceChildren(...parts);
}
