/** leaflet.markercluster extends the global `L`; ES modules have none, so make one. */
import L from 'leaflet';

(window as unknown as { L: typeof L }).L = L;
