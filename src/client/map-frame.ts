/**
 * The map's frame: Leaflet's stylesheet, the map with its zoom buttons in the page's
 * language, and PDOK's background tiles. Drawn in tasks of their own, so the page can paint
 * and answer taps between them while the marker file loads.
 */
import L from 'leaflet';
import { BASE_MAP, NETHERLANDS_BOUNDS } from '../register/pdok.ts';

/** Ends the current task, so the browser can paint and answer a tap between two pieces of work. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));

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

/** The frame's interface text, in the page's language. */
interface FrameLabels {
  zoomIn: string;
  zoomOut: string;
}

/**
 * Draws the map over the Netherlands once Leaflet's stylesheet is in. The stylesheet starts
 * loading at the call, before the first `await`, so a caller that starts other downloads
 * right after still has them run side by side. `onNoTiles` is called once when the tiles
 * cannot be loaded (offline, blocked): everything else keeps working on a plain background.
 */
export async function drawBaseMap(canvas: HTMLElement, stylesheet: string, labels: FrameLabels, onNoTiles: () => void): Promise<L.Map> {
  await addStylesheet(stylesheet);
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
  tiles.once('tileerror', onNoTiles);
  tiles.addTo(map);
  return map;
}
