/**
 * The government's geo services (PDOK) the map and the place search call, set in one place:
 * the pages' CSP allows exactly these origins, the browser scripts call them, and the tests
 * intercept them so they never need a network. Here, not in src/client/, because the pages
 * (at build time) and the scripts (in the browser) both need them.
 */
import { NETHERLANDS } from './geo.ts';

/** PDOK Locatieserver "free" search; the one third-party origin search and map may call. */
export const PDOK_LOCATIESERVER = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1/free';

/**
 * The background map: PDOK BRT-Achtergrondkaart (Kadaster), Web Mercator, CC BY 4.0: the
 * government's own topographic map of the Netherlands, with Dutch place names, free and
 * without a key.
 */

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
