/**
 * The map page: every located location on a Leaflet map, clustered with supercluster,
 * filtered by the FilterPanel that search uses (same URL keys, same default, same place
 * resolver), and mirrored by a list of the locations in view for people who cannot use a
 * map. Loaded only by the LocationMap component.
 *
 * The data work (marker file, filters, cluster index, what is in view) runs in a worker
 * (map-worker.ts), so the page stays responsive while some 6,500 locations load; this
 * script draws what the worker answers. Clusters are asked for the visible area on every
 * move, and markers that stay in view keep their element, so keyboard focus survives
 * panning. The map pane stays left to right in every language; popup and list text follow
 * the page's direction.
 */
import L from 'leaflet';
import type { LatLon } from '../register/geo.ts';
import type { MapMarker } from '../register/map-markers.ts';
import { BASE_MAP, NETHERLANDS_BOUNDS } from './base-map.ts';
import { effectiveSelection, parseFilterState } from './filter-state.ts';
import { HIDDEN_BY_DEFAULT } from '../register/hidden-by-default.ts';
import { showHiddenNotice, statusesDefaulted } from './hidden-holders.ts';
import { bindFilterPanel, type FilterPanelChange } from './filter-panel.ts';
import { fill } from './dom.ts';
import { clusterIcon, locationCard, markerIcon, sameSpotCard, type MapLabels } from './map-dom.ts';
import type { MapReplies, MapRequest, ViewFeature } from './map-worker.ts';

/** List items shown at once; "show more" adds as many again. */
const LIST_PAGE = 50;
/** Zoom used when the visitor goes to a place or postcode: a town and its surroundings. */
const PLACE_ZOOM = 12;
const PIN_SIZE = 30;

type ClusterView = Extract<ViewFeature, { kind: 'cluster' }>;

/** Ends the current task, so the browser can paint and answer a tap between two pieces of work. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));

/**
 * Adds a stylesheet and resolves once it has loaded (or failed). Leaflet's stylesheet comes
 * this way, so the page's text paints without waiting for it; the map waits for it here.
 * It goes before the site's own stylesheet, as a link in the head would, so the site's
 * rules (popup and card spacing, fonts) still win over Leaflet's where both apply.
 */
function addStylesheet(href: string): Promise<void> {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
  const settled = new Promise<void>((resolve) => {
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
  });
  document.head.insertBefore(link, document.head.querySelector('link[rel="stylesheet"]'));
  return settled;
}

/** Starts the data worker; each request returns a promise of its answer. */
function startMapData() {
  const worker = new Worker(new URL('./map-worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, { resolve: (reply: never) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let broken = false;
  worker.onmessage = ({ data }: MessageEvent<{ id: number; reply?: never; error?: string }>) => {
    const request = waiting.get(data.id);
    waiting.delete(data.id);
    if (data.error !== undefined) request?.reject(new Error(data.error));
    else request?.resolve(data.reply!);
  };
  // The worker could not start (or died): every open and later request fails.
  worker.onerror = () => {
    broken = true;
    for (const request of waiting.values()) request.reject(new Error('map worker failed'));
    waiting.clear();
  };
  return <T extends MapRequest>(request: T, transfer: Transferable[] = []) =>
    new Promise<MapReplies[T['type']]>((resolve, reject) => {
      if (broken) return reject(new Error('map worker failed'));
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, request }, transfer);
    });
}

export async function initLocationMap(root: HTMLElement): Promise<void> {
  const canvas = root.querySelector<HTMLElement>('[data-map-canvas]')!;
  const notice = root.querySelector<HTMLElement>('[data-map-notice]')!;
  const countLine = root.querySelector<HTMLElement>('[data-map-count]')!;
  const list = root.querySelector<HTMLOListElement>('[data-map-list]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-map-more]')!;
  const hiddenBox = root.querySelector<HTMLElement>('[data-map-hidden]')!;
  const filterForm = root.querySelector<HTMLFormElement>('[data-filter-panel]');
  const labels = JSON.parse(root.dataset.labels!) as MapLabels;
  const hrefTemplate = root.dataset.locationHref!;
  const href = (id: string) => hrefTemplate.replace('__ID__', encodeURIComponent(id));
  const numbers = new Intl.NumberFormat(document.documentElement.lang);

  // Leaflet's stylesheet and the marker file download while the worker starts; the file
  // is handed over unread, and the worker decodes and indexes it while this script draws
  // the map's frame, in tasks of their own so the page can paint and answer taps between.
  const styled = addStylesheet(root.dataset.leafletCss!);
  const ask = startMapData();
  const loaded = fetch(root.dataset.markersUrl!)
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.arrayBuffer();
    })
    .then((body) => ask({ type: 'load', body, lang: document.documentElement.lang }, [body]));
  await styled;
  // Apart from the map's own work: the page's layout with Leaflet's styles, done by the browser.
  await nextTask();
  const map = L.map(canvas, {
    zoomControl: false,
    minZoom: BASE_MAP.minZoom,
    maxZoom: BASE_MAP.maxZoom,
    maxBounds: L.latLngBounds(NETHERLANDS_BOUNDS).pad(0.5),
    keyboard: true,
  });
  L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
  map.fitBounds(NETHERLANDS_BOUNDS);
  await nextTask();
  const tiles = L.tileLayer(BASE_MAP.tileUrl, { attribution: BASE_MAP.attribution, minZoom: BASE_MAP.minZoom, maxZoom: BASE_MAP.maxZoom });
  // Offline or blocked: say so once, and keep everything else working on a plain background.
  tiles.once('tileerror', () => {
    root.classList.add('kr-location-map--no-tiles');
    showNotice(labels.tilesFailed);
  });
  tiles.addTo(map);

  function showNotice(text: string) {
    notice.textContent = text;
    notice.hidden = false;
  }

  try {
    if (!(await loaded).ok) throw new Error('marker file');
  } catch {
    showNotice(labels.loadFailed);
    root.dataset.state = 'failed';
    return;
  }

  const layer = L.layerGroup().addTo(map);
  /** Drawn markers by key: `p` and the location id, or `c`, the index generation and the cluster id. */
  let drawn = new Map<string, L.Marker>();
  /** Where the visitor went ("Utrecht", a postcode, their own position): the list sorts by distance from it. */
  let origin: LatLon | undefined;
  let listLimit = LIST_PAGE;
  /** After zooming into a cluster with the keyboard, focus the marker nearest to where it was. */
  let focusNear: L.LatLng | undefined;
  /** Counts the views asked for; an answer to an older one is not drawn. */
  let viewSeq = 0;

  // --- popups: reachable by keyboard, and focus goes back to the marker when they close.
  const popup = L.popup({ maxWidth: 300, autoPanPadding: [24, 24], autoPanPaddingTopLeft: [60, 24] });
  let opener: HTMLElement | undefined;
  map.on('popupopen', (e) => {
    e.popup.getElement()?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', labels.popupClose);
  });
  map.on('popupclose', (e) => {
    const active = document.activeElement;
    if (active && active !== document.body && !e.popup.getElement()?.contains(active)) return;
    if (opener?.isConnected) opener.focus({ preventScroll: true });
    else canvas.focus({ preventScroll: true });
  });
  // Leaflet closes popups on Escape only while the map itself has focus; focus is in the popup.
  canvas.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && map.hasLayer(popup)) map.closePopup(popup);
  });
  function openPopup(at: L.LatLng, content: HTMLElement, from: HTMLElement | undefined) {
    popup.setLatLng(at).setContent(content).openOn(map);
    opener = from;
    content.querySelector<HTMLElement>('[tabindex="-1"]')?.focus({ preventScroll: true });
  }

  /** Enter and Space act like a click on marker and cluster buttons (Leaflet gives them role=button). */
  function onActivate(marker: L.Marker, label: string, extra: (el: HTMLElement) => void, activate: () => void) {
    marker.on('click', activate);
    marker.on('add', () => {
      const element = marker.getElement()!;
      element.setAttribute('aria-label', label);
      extra(element);
      element.addEventListener('keydown', (e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        activate();
      });
    });
  }

  function pointMarker(location: MapMarker): L.Marker {
    const marker = L.marker([location.lat, location.lon], {
      icon: L.divIcon({ html: markerIcon(location), className: 'kr-map-icon', iconSize: [PIN_SIZE, PIN_SIZE] }),
      keyboard: true,
      title: location.name,
      riseOnHover: true,
    });
    const label = fill(labels.marker, { name: location.name, status: labels.status[location.status] });
    onActivate(marker, label, (el) => (el.dataset.locationId = location.id), () => {
      openPopup(marker.getLatLng(), locationCard(location, labels, href(location.id), 'popup'), marker.getElement());
    });
    return marker;
  }

  function clusterMarker(cluster: ClusterView): L.Marker {
    const { count } = cluster;
    const size = count < 10 ? 36 : count < 100 ? 44 : 52;
    const marker = L.marker([cluster.lat, cluster.lon], {
      icon: L.divIcon({ html: clusterIcon(count, numbers.format(count)), className: 'kr-map-icon', iconSize: [size, size] }),
      keyboard: true,
    });
    onActivate(marker, fill(labels.cluster, { count: numbers.format(count) }), (el) => (el.dataset.count = String(count)), () => {
      if (cluster.leaves) {
        // Locations at (nearly) one address: no zoom level separates them, so list them.
        openPopup(marker.getLatLng(), sameSpotCard(cluster.leaves, labels, href, numbers.format(cluster.leaves.length)), marker.getElement());
        return;
      }
      focusNear = document.activeElement === marker.getElement() ? marker.getLatLng() : undefined;
      map.setView(marker.getLatLng(), cluster.expansionZoom);
    });
    return marker;
  }

  /**
   * Asks the worker for the clusters and pins of the visible area (and a margin, so panning
   * shows no gaps) and the list, then draws the markers and, in the next task, the list.
   */
  async function render(): Promise<void> {
    const seq = ++viewSeq;
    const zoom = Math.round(map.getZoom());
    const area = map.getBounds().pad(0.25);
    const view = map.getBounds();
    let answer: MapReplies['view'];
    try {
      answer = await ask({
        type: 'view',
        area: [area.getWest(), area.getSouth(), area.getEast(), area.getNorth()],
        zoom,
        visible: [view.getWest(), view.getSouth(), view.getEast(), view.getNorth()],
        origin,
        limit: listLimit,
      });
    } catch {
      showNotice(labels.loadFailed);
      return;
    }
    if (seq !== viewSeq) return;
    drawMarkers(answer);
    await nextTask();
    if (seq !== viewSeq) return;
    drawList(answer, view);
  }

  function drawMarkers({ generation, features }: MapReplies['view']) {
    const next = new Map<string, L.Marker>();
    for (const feature of features) {
      const key = feature.kind === 'cluster' ? `c${generation}:${feature.id}` : `p${feature.marker.id}`;
      next.set(key, drawn.get(key) ?? (feature.kind === 'cluster' ? clusterMarker(feature) : pointMarker(feature.marker)));
    }
    for (const [key, marker] of drawn) if (!next.has(key)) layer.removeLayer(marker);
    for (const [key, marker] of next) if (!drawn.has(key)) layer.addLayer(marker);
    drawn = next;
    if (focusNear) {
      const target = nearestDrawn(focusNear);
      focusNear = undefined;
      target?.getElement()?.focus({ preventScroll: true });
    }
  }

  function nearestDrawn(at: L.LatLng): L.Marker | undefined {
    const point = map.latLngToContainerPoint(at);
    let best: L.Marker | undefined;
    let bestDistance = Infinity;
    for (const marker of drawn.values()) {
      const distance = map.latLngToContainerPoint(marker.getLatLng()).distanceTo(point);
      if (distance < bestDistance && map.getBounds().contains(marker.getLatLng())) [best, bestDistance] = [marker, distance];
    }
    return best;
  }

  /** The list: exactly the filtered locations inside the visible area, the first `listLimit` of them. */
  function drawList({ list: items, total, hidden }: MapReplies['view'], view: L.LatLngBounds) {
    if (filterForm) showHiddenNotice(hiddenBox, hidden, { ...labels.hidden, status: labels.status }, filterForm);
    canvas.dataset.view = [view.getSouth(), view.getWest(), view.getNorth(), view.getEast()].join(',');
    const text =
      total === 0 ? labels.countNone : total === 1 ? labels.countOne : fill(labels.count, { count: numbers.format(total) });
    if (countLine.textContent !== text) countLine.textContent = text;
    countLine.dataset.count = String(total);
    list.replaceChildren(...items.map((m) => locationCard(m, labels, href(m.id), 'list')));
    more.hidden = total <= items.length;
    more.textContent = fill(labels.more, { shown: numbers.format(items.length), count: numbers.format(total) });
  }

  more.addEventListener('click', async () => {
    const first = list.children.length;
    listLimit += LIST_PAGE;
    await render();
    list.children[first]?.querySelector('a')?.focus();
  });

  map.on('moveend', () => {
    listLimit = LIST_PAGE;
    void render();
  });

  /** The panel reports every change (and the state on load); the map redraws and goes to the place. */
  async function onFilterChange(change: FilterPanelChange) {
    const moved = change.origin && (change.origin.lat !== origin?.lat || change.origin.lon !== origin?.lon);
    origin = change.origin;
    try {
      const hiddenStatuses = statusesDefaulted(change.state) ? HIDDEN_BY_DEFAULT : [];
      panel?.setCounts((await ask({ type: 'filter', selection: change.selection, hiddenStatuses })).counts);
    } catch {
      showNotice(labels.loadFailed);
      root.dataset.state = 'failed';
      return;
    }
    listLimit = LIST_PAGE;
    await render();
    if (moved) map.setView([origin!.lat, origin!.lon], PLACE_ZOOM);
    if (change.cause === 'load') {
      root.dataset.state = 'ready';
      performance.mark('kr-map-ready');
    }
  }

  const form = root.querySelector<HTMLFormElement>('[data-filter-panel]');
  const panel = form ? bindFilterPanel(form, (change) => void onFilterChange(change)) : undefined;
  if (!panel) {
    const state = parseFilterState(new URLSearchParams(location.search));
    void onFilterChange({ state, selection: effectiveSelection(state), origin: undefined, cause: 'load' });
  }
}

for (const root of document.querySelectorAll<HTMLElement>('[data-location-map]')) void initLocationMap(root);
