/**
 * The background map, set in one place: the map page's CSP allows exactly this origin, the
 * map script loads its tiles, and the tests intercept it so they never need a network.
 *
 * PDOK BRT-Achtergrondkaart (Kadaster), Web Mercator, CC BY 4.0: the government's own
 * topographic map of the Netherlands, with Dutch place names, free and without a key.
 */
import { NETHERLANDS } from '../register/geo.ts';

export const BASE_MAP = {
  tileUrl: 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png',
  origin: 'https://service.pdok.nl',
  /** Static text with links, no data: Leaflet writes attributions as HTML. */
  attribution:
    '<a href="https://www.kadaster.nl/">Kadaster</a> / <a href="https://www.pdok.nl/">PDOK</a>, <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>',
  minZoom: 6,
  maxZoom: 18,
} as const;

/** South-west and north-east corners that hold every location the contract allows. */
export const NETHERLANDS_BOUNDS: [[number, number], [number, number]] = [
  [NETHERLANDS.latitude.minimum, NETHERLANDS.longitude.minimum],
  [NETHERLANDS.latitude.maximum, NETHERLANDS.longitude.maximum],
];
