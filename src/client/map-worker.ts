/**
 * The map's data side, in a Web Worker: decoding the marker file, sorting by
 * name, filtering, building the supercluster index and answering "what is in this view".
 * At ten times the real register that is about 6,500 locations and half a second of work
 * on a mid-range phone; on the page's own thread it froze taps and scrolling while the map
 * loaded. Here the page only draws what the worker answers: the pins and clusters in view
 * and the first page of the list.
 *
 * Requests are answered in the order they arrive, each with the `id` it came with.
 */
import Supercluster, { type AnyProps, type ClusterFeature, type PointFeature } from 'supercluster';
import { countFacets, matchesSelection, type FilterKey, type FilterSelection } from '../register/facets.ts';
import { distanceKm, type LatLon } from '../register/geo.ts';
import { decodeMapMarkers, type MapMarker, type MapMarkerData } from '../register/map-markers.ts';
import { compareLocations } from '../register/model.ts';
import { BASE_MAP } from '../register/pdok.ts';
import { summariseHidden, type HiddenSummary } from '../register/hidden-by-default.ts';
import type { Status } from '../register/vocabulary.ts';

/** Cluster radius in screen pixels (with `extent: 256`, Leaflet's tile size): pins never overlap, places stay apart. */
const CLUSTER_RADIUS = 48;

/** What the page asks. */
export type MapRequest =
  /** The marker file as downloaded (the page fetches it, so it downloads while this worker starts). */
  | { type: 'load'; body: ArrayBuffer }
  /** `hiddenStatuses`: the statuses left out by the default filter, whose matching locations in view the notice names; none when the visitor chose statuses. */
  | { type: 'filter'; selection: FilterSelection; hiddenStatuses?: readonly Status[] }
  | {
      type: 'view';
      /** Area to draw markers for (the view with a margin): west, south, east, north. */
      area: [number, number, number, number];
      zoom: number;
      /** The visible area, which the list holds: west, south, east, north. */
      visible: [number, number, number, number];
      /** Sort the list by distance from here instead of by name. */
      origin: LatLon | undefined;
      /** List items wanted. */
      limit: number;
    };

/** A cluster or a single location to draw. */
export type ViewFeature =
  | { kind: 'point'; marker: MapMarker }
  | {
      kind: 'cluster';
      id: number;
      lat: number;
      lon: number;
      count: number;
      /** Zoom at which the cluster splits. */
      expansionZoom: number;
      /** Its locations, when no zoom level separates them (one address, or the deepest zoom). */
      leaves: MapMarker[] | undefined;
    };

/** What the worker answers, by request type. */
export interface MapReplies {
  load: { ok: boolean };
  /** Counts per filter value over the locations now shown, for the panel. */
  filter: { counts: Record<FilterKey, Record<string, number>> };
  /** `generation` counts the filters applied: a cluster id means one cluster within one generation. */
  view: { generation: number; features: ViewFeature[]; list: MapMarker[]; total: number; hidden: HiddenSummary };
}

type PointProps = { i: number };

let markers: MapMarker[] = [];
/** Markers that match the filters, in the one location order; supercluster's point `i` indexes this. */
let shown: MapMarker[] = [];
let index = new Supercluster<PointProps>();
let generation = 0;
/** Markers that match the filters but for a status the default filter hides. */
let hiddenByDefault: MapMarker[] = [];

function load(body: ArrayBuffer): MapReplies['load'] {
  try {
    markers = decodeMapMarkers(JSON.parse(new TextDecoder().decode(body)) as MapMarkerData);
  } catch {
    return { ok: false };
  }
  // The list beside the map in the site's one location order, as every other list.
  markers.sort(compareLocations);
  return { ok: true };
}

function filter(selection: FilterSelection, hiddenStatuses: readonly Status[] = []): MapReplies['filter'] {
  shown = markers.filter((m) => matchesSelection(m.facets, selection));
  hiddenByDefault = hiddenStatuses.length > 0 ? markers.filter((m) => matchesSelection(m.facets, { ...selection, status: hiddenStatuses })) : [];
  index = new Supercluster<PointProps>({ radius: CLUSTER_RADIUS, extent: 256, maxZoom: BASE_MAP.maxZoom });
  generation += 1;
  index.load(shown.map((m, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [m.lon, m.lat] }, properties: { i } })));
  return { counts: countFacets(shown.map((m) => m.facets)) };
}

function view(request: Extract<MapRequest, { type: 'view' }>): MapReplies['view'] {
  const { area, zoom, visible, origin, limit } = request;
  const features = index.getClusters(area, zoom) as (PointFeature<PointProps> | ClusterFeature<AnyProps>)[];
  const out: ViewFeature[] = features.map((feature) => {
    const [lon, lat] = feature.geometry.coordinates as [number, number];
    if (!('cluster' in feature.properties && feature.properties.cluster)) return { kind: 'point', marker: shown[(feature.properties as PointProps).i]! };
    const { cluster_id: id, point_count: count } = feature.properties as ClusterFeature<AnyProps>['properties'];
    const expansionZoom = index.getClusterExpansionZoom(id);
    const split = expansionZoom <= BASE_MAP.maxZoom && zoom < BASE_MAP.maxZoom;
    const leaves = split ? undefined : index.getLeaves(id, Infinity).map((f) => shown[f.properties.i]!);
    return { kind: 'cluster', id, lat, lon, count, expansionZoom, leaves };
  });
  const [west, south, east, north] = visible;
  const within = (m: MapMarker) => m.lat >= south && m.lat <= north && m.lon >= west && m.lon <= east;
  let inView = shown.filter(within);
  const hidden = summariseHidden(hiddenByDefault.filter(within).map((m) => ({ name: m.holderName, status: m.status })));
  if (origin) {
    inView = inView
      .map((m) => ({ m, d: distanceKm(origin, m) }))
      .sort((a, b) => a.d - b.d)
      .map(({ m }) => m);
  }
  return { generation, features: out, list: inView.slice(0, limit), total: inView.length, hidden };
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ id: number; request: MapRequest }>) => void) | null;
  postMessage(message: { id: number; reply?: unknown; error?: string }): void;
};
// Every answer is computed at once, so requests are answered in the order they came: a view
// asked for after a filter comes from the new index.
scope.onmessage = ({ data: { id, request } }) => {
  try {
    const reply = request.type === 'load' ? load(request.body) : request.type === 'filter' ? filter(request.selection, request.hiddenStatuses) : view(request);
    scope.postMessage({ id, reply });
  } catch (error) {
    scope.postMessage({ id, error: String(error) });
  }
};
