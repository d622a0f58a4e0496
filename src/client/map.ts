/**
 * The map page: every located location on a Leaflet map, clustered with supercluster,
 * filtered by the FilterPanel that search uses (same URL keys, same default, same place
 * resolver), and mirrored by a list of the locations in view for people who cannot use a
 * map. Loaded only by the LocationMap component.
 *
 * The data work (marker file, filters, cluster index, what is in view) runs in a worker
 * (map-worker.ts, through map-data.ts), so the page stays responsive while some 6,500
 * locations load; this script draws what the worker answers, in small parts with one job
 * each: the frame (map-frame.ts), the pins and clusters (map-marker-layer.ts), their popup
 * (map-popup.ts) and the list (map-list.ts). The map pane stays left to right in every
 * language; popup and list text follow the page's direction.
 */
import type L from 'leaflet';
import { fillPlaceholders } from '../i18n/fill.ts';
import type { LatLon } from '../register/geo.ts';
import { HIDDEN_BY_DEFAULT } from '../register/hidden-by-default.ts';
import { bindFilterPanelOrUrl, type FilterPanelChange, type FilterPanelHandle } from './filter-panel.ts';
import { statusesDefaulted } from './hidden-holders.ts';
import { LatestOnly } from './latest-only.ts';
import { MapData } from './map-data.ts';
import type { MapLabels } from './map-dom.ts';
import { drawBaseMap, nextTask } from './map-frame.ts';
import { MapList } from './map-list.ts';
import { MarkerLayer } from './map-marker-layer.ts';
import { MapPopup } from './map-popup.ts';
import { SearchSummary } from './search-summary.ts';
import { readFilterUrl } from './filter-url.ts';
import type { MapReplies } from './map-worker.ts';

/** Zoom used when the visitor goes to a place or postcode: a town and its surroundings. */
const PLACE_ZOOM = 12;

/** The page's parts, once the frame is drawn and the marker file loaded; redraws them for every view and filter change. */
class LocationMap {
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

/** The line above the map that says what does not work: the tiles, the data (then the page's state says so too, for tooling). */
class MapNotice {
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

async function initLocationMap(root: HTMLElement): Promise<void> {
  const labels = JSON.parse(root.dataset.labels!) as MapLabels;
  const notice = new MapNotice(root, labels);
  // On a phone the introduction and the filters fold into one line at once, so the map is on the first screen.
  const form = root.querySelector<HTMLFormElement>('[data-filter-panel]');
  const ask = root.querySelector<HTMLDetailsElement>('[data-search-ask]');
  if (form && ask) {
    const summary = new SearchSummary(ask, form, { fold: 'always' });
    summary.show(readFilterUrl(), true);
    form.addEventListener('change', () => summary.show(readFilterUrl(), false));
    addEventListener('popstate', () => summary.show(readFilterUrl(), false));
  }
  // Leaflet's stylesheet and the marker file download while the worker starts; the worker
  // decodes and indexes the file while the frame is drawn.
  const framed = drawBaseMap(root.querySelector<HTMLElement>('[data-map-canvas]')!, root.dataset.leafletCss!, labels, () => {
    root.classList.add('kr-location-map--no-tiles');
    notice.say(labels.tilesFailed);
  });
  const data = new MapData();
  const loaded = data.load(root.dataset.markersUrl!);
  const map = await framed;
  try {
    await loaded;
  } catch {
    notice.fail();
    return;
  }
  new LocationMap(root, map, data, notice, labels);
}

for (const root of document.querySelectorAll<HTMLElement>('[data-location-map]')) void initLocationMap(root);
