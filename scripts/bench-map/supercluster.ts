/** The benchmark's supercluster variant: the same approach as src/client/map.ts. */
import L from 'leaflet';
import Supercluster from 'supercluster';
import { clusterIcon, markDrawn, markerIcon, panZoomRun, setUp } from './common.ts';

const { map, markers } = await setUp();
performance.mark('data');
const index = new Supercluster<{ i: number }>({ radius: 48, extent: 256, maxZoom: 18 });
index.load(markers.map((m, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [m.lon, m.lat] }, properties: { i } })));
performance.mark('clustered');
const layer = L.layerGroup().addTo(map);
let drawn = new Map<string, L.Marker>();

function render() {
  const area = map.getBounds().pad(0.25);
  const next = new Map<string, L.Marker>();
  for (const f of index.getClusters([area.getWest(), area.getSouth(), area.getEast(), area.getNorth()], Math.round(map.getZoom()))) {
    const [lon, lat] = f.geometry.coordinates as [number, number];
    const p = f.properties as { cluster?: boolean; cluster_id?: number; point_count?: number; i?: number };
    const key = p.cluster ? `c${p.cluster_id}` : `p${p.i}`;
    next.set(
      key,
      drawn.get(key) ??
        L.marker([lat, lon], {
          keyboard: true,
          icon: p.cluster
            ? L.divIcon({ html: clusterIcon(p.point_count!, String(p.point_count)), className: 'kr-map-icon', iconSize: [44, 44] })
            : L.divIcon({ html: markerIcon(markers[p.i!]!), className: 'kr-map-icon', iconSize: [30, 30] }),
        }),
    );
  }
  for (const [k, m] of drawn) if (!next.has(k)) layer.removeLayer(m);
  for (const [k, m] of next) if (!drawn.has(k)) layer.addLayer(m);
  drawn = next;
}
render();
map.on('moveend', render);
markDrawn();
(window as unknown as { bench: unknown }).bench = { run: () => panZoomRun(map), count: () => document.querySelectorAll('.leaflet-marker-icon').length };
