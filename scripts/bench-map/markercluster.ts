/**
 * The benchmark's leaflet.markercluster variant. The plugin is a UMD script that expects a
 * global `L`, which `./global-leaflet.ts` provides before it loads.
 */
import L from 'leaflet';
import './global-leaflet.ts';
import 'leaflet.markercluster';
import { clusterIcon, markDrawn, markerIcon, panZoomRun, setUp } from './common.ts';

const { map, markers } = await setUp();
performance.mark('data');
const group = L.markerClusterGroup({
  maxClusterRadius: 48,
  showCoverageOnHover: false,
  iconCreateFunction: (c) => L.divIcon({ html: clusterIcon(c.getChildCount(), String(c.getChildCount())), className: 'kr-map-icon', iconSize: [44, 44] }),
});
// On the map first, so addLayers clusters at once (off the map it only queues the markers).
map.addLayer(group);
group.addLayers(
  markers.map((m) => L.marker([m.lat, m.lon], { keyboard: true, icon: L.divIcon({ html: markerIcon(m), className: 'kr-map-icon', iconSize: [30, 30] }) })),
);
performance.mark('clustered');
markDrawn();
// markercluster animates cluster splits after Leaflet's own zoom; wait for it too.
const animated = () => new Promise<void>((resolve) => setTimeout(resolve, 350));
(window as unknown as { bench: unknown }).bench = { run: () => panZoomRun(map, animated), count: () => document.querySelectorAll('.leaflet-marker-icon').length };
