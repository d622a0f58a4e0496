/**
 * The pins and clusters on the map, as the worker answers them for the visible area.
 * Markers that stay in view keep their element, so keyboard focus survives panning; every
 * marker is a button by keyboard (Enter and Space act as a click); a cluster zooms in, or,
 * when no zoom level separates its locations, lists them in the popup.
 */
import L from 'leaflet';
import type { MapMarker } from '../register/map-markers.ts';
import { fill } from './dom.ts';
import { formatCount } from './format-count.ts';
import { clusterIcon, locationCard, markerIcon, sameSpotCard, type MapLabels } from './map-dom.ts';
import type { MapPopup } from './map-popup.ts';
import type { MapReplies, ViewFeature } from './map-worker.ts';

const PIN_SIZE = 30;

type ClusterView = Extract<ViewFeature, { kind: 'cluster' }>;

/** Enter and Space act like a click on marker and cluster buttons (Leaflet gives them role=button). */
function onActivate(marker: L.Marker, label: string, extra: (el: HTMLElement) => void, activate: () => void): void {
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

/** The markers drawn now, kept by key so that a redraw adds and removes only what changed. */
export class MarkerLayer {
  readonly #layer: L.LayerGroup;
  /** Drawn markers by key: `p` and the location id, or `c`, the index generation and the cluster id. */
  #drawn = new Map<string, L.Marker>();
  /** After zooming into a cluster with the keyboard, focus the marker nearest to where it was. */
  #focusNear: L.LatLng | undefined;

  readonly #map: L.Map;
  readonly #popup: MapPopup;
  readonly #labels: MapLabels;
  readonly #href: (id: string) => string;

  /** `href` gives a location page's address, for the popup's link. */
  constructor(map: L.Map, popup: MapPopup, labels: MapLabels, href: (id: string) => string) {
    this.#map = map;
    this.#popup = popup;
    this.#labels = labels;
    this.#href = href;
    this.#layer = L.layerGroup().addTo(map);
  }

  /** Draws the answer's markers, keeping those already drawn and removing those gone. */
  draw({ generation, features }: MapReplies['view']): void {
    const next = new Map<string, L.Marker>();
    for (const feature of features) {
      const key = feature.kind === 'cluster' ? `c${generation}:${feature.id}` : `p${feature.marker.id}`;
      next.set(key, this.#drawn.get(key) ?? (feature.kind === 'cluster' ? this.#clusterMarker(feature) : this.#pointMarker(feature.marker)));
    }
    for (const [key, marker] of this.#drawn) if (!next.has(key)) this.#layer.removeLayer(marker);
    for (const [key, marker] of next) if (!this.#drawn.has(key)) this.#layer.addLayer(marker);
    this.#drawn = next;
    if (this.#focusNear) {
      const target = this.#nearestDrawn(this.#focusNear);
      this.#focusNear = undefined;
      target?.getElement()?.focus({ preventScroll: true });
    }
  }

  #pointMarker(location: MapMarker): L.Marker {
    const labels = this.#labels;
    const marker = L.marker([location.lat, location.lon], {
      icon: L.divIcon({ html: markerIcon(location), className: 'kr-map-icon', iconSize: [PIN_SIZE, PIN_SIZE] }),
      keyboard: true,
      title: location.name,
      riseOnHover: true,
    });
    const label = fill(labels.marker, { name: location.name, status: labels.status[location.status] });
    onActivate(marker, label, (el) => (el.dataset.locationId = location.id), () => {
      this.#popup.open(marker.getLatLng(), locationCard(location, labels, this.#href(location.id), 'popup'), marker.getElement());
    });
    return marker;
  }

  #clusterMarker(cluster: ClusterView): L.Marker {
    const { count } = cluster;
    const formatted = formatCount(count);
    const size = count < 10 ? 36 : count < 100 ? 44 : 52;
    const marker = L.marker([cluster.lat, cluster.lon], {
      icon: L.divIcon({ html: clusterIcon(count, formatted), className: 'kr-map-icon', iconSize: [size, size] }),
      keyboard: true,
    });
    onActivate(marker, fill(this.#labels.cluster, { count: formatted }), (el) => (el.dataset.count = String(count)), () => {
      if (cluster.leaves) {
        // Locations at (nearly) one address: no zoom level separates them, so list them.
        const card = sameSpotCard(cluster.leaves, this.#labels, this.#href, formatCount(cluster.leaves.length));
        this.#popup.open(marker.getLatLng(), card, marker.getElement());
        return;
      }
      this.#focusNear = document.activeElement === marker.getElement() ? marker.getLatLng() : undefined;
      this.#map.setView(marker.getLatLng(), cluster.expansionZoom);
    });
    return marker;
  }

  #nearestDrawn(at: L.LatLng): L.Marker | undefined {
    const map = this.#map;
    const point = map.latLngToContainerPoint(at);
    let best: L.Marker | undefined;
    let bestDistance = Infinity;
    for (const marker of this.#drawn.values()) {
      const distance = map.latLngToContainerPoint(marker.getLatLng()).distanceTo(point);
      if (distance < bestDistance && map.getBounds().contains(marker.getLatLng())) [best, bestDistance] = [marker, distance];
    }
    return best;
  }
}
