/**
 * The map itself, once Leaflet is in: the frame (map-frame.ts), the pins and clusters
 * (map-marker-layer.ts), their popup (map-popup.ts) and the list (map-list.ts), redrawn for
 * every view and filter change from what the worker answers (map-data.ts). Loaded by map.ts
 * with a dynamic import: Leaflet is most of the page's script, and evaluated in a task of its
 * own it no longer holds up the page's first paint and its first answer to a tap.
 */
import type L from 'leaflet';
import { fillPlaceholders } from '../i18n/fill.ts';
import type { LatLon } from '../register/geo.ts';
import { HIDDEN_BY_DEFAULT } from '../register/hidden-by-default.ts';
import { nextTask } from './dom.ts';
import { bindFilterPanelOrUrl, type FilterPanelChange, type FilterPanelHandle } from './filter-panel.ts';
import { statusesDefaulted } from './hidden-holders.ts';
import { LatestOnly } from './latest-only.ts';
import type { MapData } from './map-data.ts';
import type { MapLabels } from './map-dom.ts';
import type { MapNotice } from './map-notice.ts';
import { MapList } from './map-list.ts';
import { MarkerLayer } from './map-marker-layer.ts';
import { MapPopup } from './map-popup.ts';
import type { MapReplies } from './map-worker.ts';

export { drawBaseMap } from './map-frame.ts';

/** Zoom used when the visitor goes to a place or postcode: a town and its surroundings. */
const PLACE_ZOOM = 12;

/** The page's parts, once the frame is drawn and the marker file loaded; redraws them for every view and filter change. */
export class LocationMap {
  readonly #markers: MarkerLayer;
  readonly #list: MapList;
  readonly #views = new LatestOnly();
  readonly #panel: FilterPanelHandle | undefined;
  /** Where the visitor went ("Utrecht", a postcode, their own position): the list sorts by distance from it. */
  #origin: LatLon | undefined;

  readonly #root: HTMLElement;
  readonly #map: L.Map;
  readonly #data: MapData;
  readonly #notice: MapNotice;
  readonly #labels: MapLabels;

  constructor(root: HTMLElement, map: L.Map, data: MapData, notice: MapNotice, labels: MapLabels) {
    this.#root = root;
    this.#map = map;
    this.#data = data;
    this.#notice = notice;
    this.#labels = labels;
    const template = root.dataset.locationHref!;
    const href = (id: string) => fillPlaceholders(template, { id: encodeURIComponent(id) });
    const canvas = map.getContainer();
    this.#markers = new MarkerLayer(map, new MapPopup(map, canvas, labels.popupClose), labels, href);
    const form = root.querySelector<HTMLFormElement>('[data-filter-panel]');
    this.#list = new MapList(root, labels, href, form);
    this.#list.onMore(() => this.#render());
    map.on('moveend', () => {
      this.#list.restart();
      void this.#render();
    });
    this.#panel = bindFilterPanelOrUrl(form, (change) => void this.#onFilterChange(change));
  }

  /**
   * Asks the worker for the clusters and pins of the visible area (and a margin, so panning
   * shows no gaps) and the list, then draws the markers and, in the next task, the list.
   */
  async #render(announce = false): Promise<void> {
    const stillCurrent = this.#views.start();
    const map = this.#map;
    const area = map.getBounds().pad(0.25);
    const view = map.getBounds();
    let answer: MapReplies['view'];
    try {
      answer = await this.#data.ask({
        type: 'view',
        area: [area.getWest(), area.getSouth(), area.getEast(), area.getNorth()],
        zoom: Math.round(map.getZoom()),
        visible: [view.getWest(), view.getSouth(), view.getEast(), view.getNorth()],
        origin: this.#origin,
        limit: this.#list.limit,
      });
    } catch {
      this.#notice.say(this.#labels.loadFailed);
      return;
    }
    if (!stillCurrent()) return;
    this.#markers.draw(answer);
    await nextTask();
    if (!stillCurrent()) return;
    map.getContainer().dataset.view = [view.getSouth(), view.getWest(), view.getNorth(), view.getEast()].join(',');
    this.#list.draw(answer, announce);
  }

  /** The panel reports every change (and the state on load); the map redraws and goes to the place. */
  async #onFilterChange(change: FilterPanelChange): Promise<void> {
    const moved = change.origin && (change.origin.lat !== this.#origin?.lat || change.origin.lon !== this.#origin?.lon);
    this.#origin = change.origin;
    try {
      const hiddenStatuses = statusesDefaulted(change.state) ? HIDDEN_BY_DEFAULT : [];
      this.#panel?.setCounts((await this.#data.ask({ type: 'filter', selection: change.selection, hiddenStatuses })).counts);
    } catch {
      this.#notice.fail();
      return;
    }
    this.#list.restart();
    await this.#render(change.cause !== 'load');
    if (moved) this.#map.setView([change.origin!.lat, change.origin!.lon], PLACE_ZOOM);
    if (change.cause === 'load') {
      this.#root.dataset.state = 'ready';
      performance.mark('kr-map-ready');
    }
  }
}
