/**
 * The map's frame: Leaflet's stylesheet, the map with its zoom buttons in the page's
 * language, and PDOK's background tiles. Drawn in tasks of their own, so the page can paint
 * and answer taps between them while the marker file loads.
 */
import L from 'leaflet';
import { BASE_MAP, NETHERLANDS_BOUNDS } from '../register/pdok.ts';
import { nextTask } from './dom.ts';


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
  pan: PanLabels;
}

/** The pan buttons' names, one per compass direction. */
export interface PanLabels {
  north: string;
  west: string;
  east: string;
  south: string;
}

/** How far one press of a pan button moves the map, in CSS pixels: a third of a phone-wide map. */
const PAN_STEP = 120;

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
  // Leaflet's zoom animation and popup fade are motion a visitor may have asked to be spared.
  const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const map = L.map(canvas, {
    zoomAnimation: !still,
    fadeAnimation: !still,
    markerZoomAnimation: !still,
    zoomControl: false,
    minZoom: BASE_MAP.minZoom,
    maxZoom: BASE_MAP.maxZoom,
    maxBounds: L.latLngBounds(NETHERLANDS_BOUNDS).pad(0.5),
    keyboard: true,
  });
  const zoom = L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(map);
  pressWithSpace(zoom.getContainer()!);
  panButtons(labels.pan).addTo(map);
  showFocusWhole(canvas);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
  map.fitBounds(NETHERLANDS_BOUNDS);
  await nextTask();
  const tiles = L.tileLayer(BASE_MAP.tileUrl, { attribution: BASE_MAP.attribution, minZoom: BASE_MAP.minZoom, maxZoom: BASE_MAP.maxZoom });
  tiles.once('tileerror', onNoTiles);
  tiles.addTo(map);
  return map;
}

/**
 * Leaflet's zoom buttons are links with `role="button"`: Enter works, but Space scrolls the
 * page, where a keyboard user expects a button to be pressed (WCAG 2.1.1).
 */
function pressWithSpace(controls: HTMLElement): void {
  controls.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.key !== ' ' || target.getAttribute('role') !== 'button') return;
    event.preventDefault();
    target.click();
  });
}

/**
 * When the map gets keyboard focus, its whole focus frame is brought on screen (the map is
 * never taller than the viewport), not only the edge the browser scrolled to (WCAG 2.4.7).
 */
function showFocusWhole(canvas: HTMLElement): void {
  canvas.addEventListener('focus', () => {
    if (canvas.matches(':focus-visible')) canvas.scrollIntoView({ block: 'nearest' });
  });
}

/**
 * Four buttons that move the map, so it can be panned with single taps or clicks instead of
 * dragging (WCAG 2.5.7); the zoom buttons do the same for pinching. Real buttons, so Space
 * and Enter both press them.
 */
function panButtons(labels: PanLabels): L.Control {
  const steps: [keyof PanLabels, string, L.PointExpression][] = [
    ['north', '↑', [0, -PAN_STEP]],
    ['west', '←', [-PAN_STEP, 0]],
    ['east', '→', [PAN_STEP, 0]],
    ['south', '↓', [0, PAN_STEP]],
  ];
  const control = new L.Control({ position: 'topleft' });
  control.onAdd = (map) => {
    const box = L.DomUtil.create('div', 'leaflet-bar kr-map-pan');
    for (const [direction, arrow, offset] of steps) {
      const button = L.DomUtil.create('button', `kr-map-pan__${direction}`, box);
      button.type = 'button';
      button.title = labels[direction];
      button.setAttribute('aria-label', labels[direction]);
      button.textContent = arrow;
      button.addEventListener('click', () => map.panBy(offset));
    }
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  return control;
}
