/**
 * The map page: every located location on a Leaflet map, clustered with supercluster,
 * filtered by the FilterPanel that search uses (same URL keys, same default, same place
 * resolver), and mirrored by a list of the locations in view for people who cannot use a
 * map. Loaded only by the LocationMap component.
 *
 * Clusters are computed for the visible area on every move (supercluster answers in well
 * under a millisecond), and markers that stay in view keep their element, so keyboard
 * focus survives panning. The map pane stays left to right in every language; popup and
 * list text follow the page's direction.
 */
import L from 'leaflet';
import Supercluster, { type AnyProps, type ClusterFeature, type PointFeature } from 'supercluster';
import { countFacets, matchesSelection, type FilterSelection } from '../register/facets.ts';
import { distanceKm, type LatLon } from '../register/geo.ts';
import { decodeMapMarkers, type MapMarker, type MapMarkerData } from '../register/map-markers.ts';
import { BASE_MAP, NETHERLANDS_BOUNDS } from './base-map.ts';
import { effectiveSelection, parseFilterState } from './filter-state.ts';
import { bindFilterPanel, type FilterPanelChange } from './filter-panel.ts';
import { clusterIcon, fill, locationCard, markerIcon, sameSpotCard, type MapLabels } from './map-dom.ts';

/** List items shown at once; "show more" adds as many again. */
const LIST_PAGE = 50;
/** Cluster radius in screen pixels (with `extent: 256`, Leaflet's tile size): pins never overlap, places stay apart. */
const CLUSTER_RADIUS = 48;
/** Zoom used when the visitor goes to a place or postcode: a town and its surroundings. */
const PLACE_ZOOM = 12;
const PIN_SIZE = 30;

type PointProps = { i: number };
type Feature = PointFeature<PointProps> | ClusterFeature<AnyProps>;

export async function initLocationMap(root: HTMLElement): Promise<void> {
  const canvas = root.querySelector<HTMLElement>('[data-map-canvas]')!;
  const notice = root.querySelector<HTMLElement>('[data-map-notice]')!;
  const countLine = root.querySelector<HTMLElement>('[data-map-count]')!;
  const list = root.querySelector<HTMLOListElement>('[data-map-list]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-map-more]')!;
  const labels = JSON.parse(root.dataset.labels!) as MapLabels;
  const hrefTemplate = root.dataset.locationHref!;
  const href = (id: string) => hrefTemplate.replace('__ID__', encodeURIComponent(id));
  const numbers = new Intl.NumberFormat(document.documentElement.lang);
  const byName = new Intl.Collator(document.documentElement.lang, { sensitivity: 'base', numeric: true });

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

  let markers: MapMarker[];
  try {
    const response = await fetch(root.dataset.markersUrl!);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    markers = decodeMapMarkers((await response.json()) as MapMarkerData);
  } catch {
    showNotice(labels.loadFailed);
    root.dataset.state = 'failed';
    return;
  }
  markers.sort((a, b) => byName.compare(a.name, b.name));

  let selection: FilterSelection = effectiveSelection(parseFilterState(new URLSearchParams(location.search)));
  /** Markers that match the filters, in name order; supercluster's point `i` indexes this. */
  let shown: MapMarker[] = [];
  let index = new Supercluster<PointProps>();
  let drawn = new Map<string, L.Marker>();
  const layer = L.layerGroup().addTo(map);
  /** Where the visitor went ("Utrecht", a postcode, their own position): the list sorts by distance from it. */
  let origin: LatLon | undefined;
  let listLimit = LIST_PAGE;
  /** After zooming into a cluster with the keyboard, focus the marker nearest to where it was. */
  let focusNear: L.LatLng | undefined;

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

  function clusterMarker(feature: ClusterFeature<AnyProps>): L.Marker {
    const { cluster_id: id, point_count: count } = feature.properties;
    const [lon, lat] = feature.geometry.coordinates as [number, number];
    const size = count < 10 ? 36 : count < 100 ? 44 : 52;
    const marker = L.marker([lat, lon], {
      icon: L.divIcon({ html: clusterIcon(count, numbers.format(count)), className: 'kr-map-icon', iconSize: [size, size] }),
      keyboard: true,
    });
    onActivate(marker, fill(labels.cluster, { count: numbers.format(count) }), (el) => (el.dataset.count = String(count)), () => {
      const zoom = index.getClusterExpansionZoom(id);
      if (zoom > map.getMaxZoom() || map.getZoom() >= map.getMaxZoom()) {
        // Locations at (nearly) one address: no zoom level separates them, so list them.
        const here = index.getLeaves(id, Infinity).map((f) => shown[f.properties.i]!);
        openPopup(marker.getLatLng(), sameSpotCard(here, labels, href, numbers.format(here.length)), marker.getElement());
        return;
      }
      focusNear = document.activeElement === marker.getElement() ? marker.getLatLng() : undefined;
      map.setView(marker.getLatLng(), zoom);
    });
    return marker;
  }

  /** Draws the clusters and pins of the visible area (and a margin, so panning shows no gaps). */
  function render() {
    const zoom = Math.round(map.getZoom());
    const area = map.getBounds().pad(0.25);
    const features = index.getClusters([area.getWest(), area.getSouth(), area.getEast(), area.getNorth()], zoom) as Feature[];
    const next = new Map<string, L.Marker>();
    for (const feature of features) {
      const props = feature.properties;
      const key = 'cluster' in props && props.cluster ? `c${props.cluster_id}` : `p${shown[(props as PointProps).i]!.id}`;
      next.set(
        key,
        drawn.get(key) ??
          ('cluster' in props && props.cluster
            ? clusterMarker(feature as ClusterFeature<AnyProps>)
            : pointMarker(shown[(props as PointProps).i]!)),
      );
    }
    for (const [key, marker] of drawn) if (!next.has(key)) layer.removeLayer(marker);
    for (const [key, marker] of next) if (!drawn.has(key)) layer.addLayer(marker);
    drawn = next;
    if (focusNear) {
      const target = nearestDrawn(focusNear);
      focusNear = undefined;
      target?.getElement()?.focus({ preventScroll: true });
    }
    renderList();
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

  /** The list: exactly the filtered locations inside the visible area. */
  function renderList() {
    const view = map.getBounds();
    canvas.dataset.view = [view.getSouth(), view.getWest(), view.getNorth(), view.getEast()].join(',');
    let inView = shown.filter((m) => view.contains([m.lat, m.lon]));
    if (origin) {
      const from = origin;
      inView = inView
        .map((m) => ({ m, d: distanceKm(from, m) }))
        .sort((a, b) => a.d - b.d)
        .map(({ m }) => m);
    }
    const total = inView.length;
    const text =
      total === 0 ? labels.countNone : total === 1 ? labels.countOne : fill(labels.count, { count: numbers.format(total) });
    if (countLine.textContent !== text) countLine.textContent = text;
    countLine.dataset.count = String(total);
    list.replaceChildren(...inView.slice(0, listLimit).map((m) => locationCard(m, labels, href(m.id), 'list')));
    more.hidden = total <= listLimit;
    more.textContent = fill(labels.more, { shown: numbers.format(Math.min(listLimit, total)), count: numbers.format(total) });
  }

  more.addEventListener('click', () => {
    const first = list.children.length;
    listLimit += LIST_PAGE;
    renderList();
    list.children[first]?.querySelector('a')?.focus();
  });

  function applyFilters() {
    shown = markers.filter((m) => matchesSelection(m.facets, selection));
    index = new Supercluster<PointProps>({ radius: CLUSTER_RADIUS, extent: 256, maxZoom: BASE_MAP.maxZoom });
    index.load(
      shown.map((m, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [m.lon, m.lat] }, properties: { i } })),
    );
    layer.clearLayers();
    drawn = new Map();
    listLimit = LIST_PAGE;
    render();
  }

  map.on('moveend', () => {
    listLimit = LIST_PAGE;
    render();
  });

  /** The panel reports every change (and the state on load); the map redraws and goes to the place. */
  function onFilterChange(change: FilterPanelChange) {
    const moved = change.origin && (change.origin.lat !== origin?.lat || change.origin.lon !== origin?.lon);
    origin = change.origin;
    selection = change.selection;
    applyFilters();
    panel?.setCounts(countFacets(shown.map((m) => m.facets)));
    if (moved) map.setView([origin!.lat, origin!.lon], PLACE_ZOOM);
    if (change.cause === 'load') {
      root.dataset.state = 'ready';
      performance.mark('kr-map-ready');
    }
  }

  const form = root.querySelector<HTMLFormElement>('[data-filter-panel]');
  const panel = form ? bindFilterPanel(form, onFilterChange) : undefined;
  if (!panel) onFilterChange({ state: parseFilterState(new URLSearchParams(location.search)), selection, origin: undefined, cause: 'load' });
}

for (const root of document.querySelectorAll<HTMLElement>('[data-location-map]')) void initLocationMap(root);
