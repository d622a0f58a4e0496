/**
 * A list of results shown a page at a time, as the search page and the map's list both
 * have it: a count line (a live region, so it changes only when its text does), the list,
 * and a "show more" button that says how many of how many are shown. After "show more",
 * keyboard focus goes to the first new item, not back to the top.
 */
import { fill } from './dom.ts';
import { formatCount } from './format-count.ts';

/** One paged list in a page (search results, the map's list), so both count, page and focus alike. */
export class PagedList {

  readonly #countLine: HTMLElement;
  readonly list: HTMLOListElement;
  readonly #more: HTMLButtonElement;
  readonly #moreLabel: string;

  /**
   * `name`: the page's prefix of the elements' data attributes (`data-{name}-count`, `-list`,
   * `-more`); `moreLabel`: "{shown} of {count} shown, show more" in the page's language.
   */
  constructor(root: HTMLElement, name: 'search' | 'map', moreLabel: string) {
    this.#countLine = root.querySelector<HTMLElement>(`[data-${name}-count]`)!;
    this.list = root.querySelector<HTMLOListElement>(`[data-${name}-list]`)!;
    this.#more = root.querySelector<HTMLButtonElement>(`[data-${name}-more]`)!;
    this.#moreLabel = moreLabel;
  }

  /** Says how many there are; `data-count` carries the number for tests and tooling. */
  showCount(total: number, text: string): void {
    if (this.#countLine.textContent !== text) this.#countLine.textContent = text;
    this.#countLine.dataset.count = String(total);
  }

  /** Says a failure where the count goes. */
  showFailure(text: string): void {
    this.#countLine.textContent = text;
  }

  /** Shows the button while fewer than `total` are shown. */
  showMore(shown: number, total: number): void {
    this.#more.hidden = total <= shown;
    this.#more.textContent = fill(this.#moreLabel, { shown: formatCount(shown), count: formatCount(total) });
  }

  /** Runs `showMore` on a press of the button; it adds items and answers the first it added, whose link gets focus. */
  onMore(showMore: () => Promise<Element | undefined>): void {
    this.#more.addEventListener('click', async () => (await showMore())?.querySelector('a')?.focus());
  }
}
