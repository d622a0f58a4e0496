/**
 * The list beside the map, for people who cannot use a map: exactly the filtered locations
 * inside the visible area, a page at a time, with the count and the notice of matching
 * locations the default filter hides. Its length is part of what the page asks the worker
 * for, so it starts at one page again whenever the view or the filters change.
 */
import { fill } from './dom.ts';
import { formatCount } from './format-count.ts';
import { HiddenHoldersNotice } from './hidden-holders.ts';
import { locationCard, type MapLabels } from './map-dom.ts';
import type { MapReplies } from './map-worker.ts';
import { PagedList } from './paged-list.ts';

/** List items shown at once; "show more" adds as many again. */
const LIST_PAGE = 50;

/** The list and how long it is, which the page asks the worker for with every view. */
export class MapList {
  readonly #paged: PagedList;
  readonly #notice: HiddenHoldersNotice | undefined;
  /** Items to ask the worker for. */
  limit = LIST_PAGE;

  readonly #labels: MapLabels;
  readonly #href: (id: string) => string;
  readonly #live: HTMLElement;

  /** `form`: the filter panel, whose "show them" box the hidden-holders notice ticks; without one there is no notice. */
  constructor(root: HTMLElement, labels: MapLabels, href: (id: string) => string, form: HTMLFormElement | null) {
    this.#labels = labels;
    this.#href = href;
    this.#paged = new PagedList(root, 'map', labels.more);
    this.#live = root.querySelector<HTMLElement>('[data-map-count-live]')!;
    const box = root.querySelector<HTMLElement>('[data-map-hidden]')!;
    this.#notice = form ? new HiddenHoldersNotice(box, { ...labels.hidden, status: labels.status }, form) : undefined;
  }

  /** Back to the first page, for a new view or new filters. */
  restart(): void {
    this.limit = LIST_PAGE;
  }

  /** On "show more": one page longer, redrawn by `redraw`; focus goes to the first new item. */
  onMore(redraw: () => Promise<void>): void {
    this.#paged.onMore(async () => {
      const first = this.#paged.list.children.length;
      this.limit += LIST_PAGE;
      await redraw();
      return this.#paged.list.children[first];
    });
  }

  /**
   * Draws the worker's answer: notice, count, items and the "show more" button. The count is
   * spoken only when `announce` (the filters changed), never on every pan or zoom.
   */
  draw({ list: items, total, hidden }: MapReplies['view'], announce: boolean): void {
    const labels = this.#labels;
    this.#notice?.show(hidden);
    const text = total === 0 ? labels.countNone : total === 1 ? labels.countOne : fill(labels.count, { count: formatCount(total) });
    this.#paged.showCount(total, text);
    if (announce) this.#live.textContent = text;
    this.#paged.list.replaceChildren(...items.map((m) => locationCard(m, labels, this.#href(m.id), 'list')));
    this.#paged.showMore(items.length, total);
  }
}
