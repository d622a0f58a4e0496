/**
 * What both clustering variants of the map benchmark share: the same marker file, the same
 * Leaflet map (no tiles: the benchmark measures clustering and drawing, not the network),
 * the same pin and cluster DOM as the real map, and the same pan/zoom run with a frame log.
 */
import L from 'leaflet';
import { decodeMapMarkers, type MapMarker, type MapMarkerData } from '../../src/register/map-markers.ts';
import { NETHERLANDS_BOUNDS } from '../../src/client/base-map.ts';

export { clusterIcon, markerIcon } from '../../src/client/map-dom.ts';

export async function setUp(): Promise<{ map: L.Map; markers: MapMarker[] }> {
  const data = (await (await fetch('markers.json')).json()) as MapMarkerData;
  const markers = decodeMapMarkers(data);
  const map = L.map(document.getElementById('map')!, { minZoom: 6, maxZoom: 18 });
  map.fitBounds(NETHERLANDS_BOUNDS);
  return { map, markers };
}

/** Marks the first render once the browser has painted the markers (two frames later). */
export function markDrawn(): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      performance.mark('drawn');
      document.body.dataset.state = 'drawn';
    }),
  );
}

const settle = (map: L.Map, also?: () => Promise<void>) =>
  new Promise<void>((resolve) => map.once('moveend', () => void (also ? also().then(resolve) : setTimeout(resolve, 50))));

/**
 * Zooms in step by step to street level over a busy area, pans around, and zooms back out,
 * with Leaflet's animations on, logging every frame. Returns frame intervals in ms.
 */
export async function panZoomRun(map: L.Map, afterMove?: () => Promise<void>): Promise<{ frames: number[]; ms: number }> {
  const stamps: number[] = [];
  let running = true;
  const tick = (t: number) => {
    stamps.push(t);
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const started = performance.now();
  const randstad: L.LatLngExpression = [52.09, 4.9];
  for (const zoom of [8, 9, 10, 11, 12, 13]) {
    const moved = settle(map, afterMove);
    map.setView(randstad, zoom, { animate: true });
    await moved;
  }
  for (const [x, y] of [[300, 0], [0, 300], [-300, 0], [0, -300], [600, 200], [-600, -200]] as const) {
    const moved = settle(map, afterMove);
    map.panBy([x, y], { animate: true, duration: 0.4 });
    await moved;
  }
  for (const zoom of [11, 9, 7]) {
    const moved = settle(map, afterMove);
    map.setZoom(zoom, { animate: true });
    await moved;
  }
  running = false;
  const ms = performance.now() - started;
  return { frames: stamps.slice(1).map((t, i) => t - stamps[i]!), ms };
}
