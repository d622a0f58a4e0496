/** Apart from the map itself (map-view.ts), so the page's first script can speak before Leaflet has loaded. */
import type { MapLabels } from './map-dom.ts';

/** The line above the map that says what does not work: the tiles, the data (then the page's state says so too, for tooling). */
export class MapNotice {
  readonly #line: HTMLElement;

  readonly #root: HTMLElement;
  readonly #labels: MapLabels;

  constructor(root: HTMLElement, labels: MapLabels) {
    this.#root = root;
    this.#labels = labels;
    this.#line = root.querySelector<HTMLElement>('[data-map-notice]')!;
  }

  say(text: string): void {
    this.#line.textContent = text;
    this.#line.hidden = false;
  }

  /** The data could not be loaded: nothing to draw. */
  fail(): void {
    this.say(this.#labels.loadFailed);
    this.#root.dataset.state = 'failed';
  }
}
