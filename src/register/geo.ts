/**
 * Distances and the offline place index. Pure, so the region pages (nearest locations
 * across a border), the search page and the map share one idea of "near".
 */
import type { Register } from './model.ts';
import { otherPlaceNames } from './place-aliases.ts';
import { foldPlaceName, foldSearchText } from './search-text.ts';

export interface LatLon {
  lat: number;
  lon: number;
}

/**
 * The Netherlands' bounding box in WGS84 degrees, as the export contract states it: the
 * validator's range, the Table Schema's and the map's outer bounds.
 */
export const NETHERLANDS = {
  latitude: { minimum: 50.7, maximum: 53.7 },
  longitude: { minimum: 3.2, maximum: 7.3 },
} as const;

/** Great-circle distance in kilometres; plenty accurate at the scale of the Netherlands. */
export function distanceKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/**
 * Folds a place name for lookup (search-text.ts): "Den Haag", "den-haag" and "DEN HAAG"
 * meet, and so do "Fryslân" and "Fryslan". Here under its old name for the place index.
 */
export const normalisePlaceName = foldPlaceName;

/**
 * Place index written by the build and fetched by the search and map pages: centroids of
 * the register's own postcode areas (four digits) and places (cities and municipalities).
 * Nothing typed by a visitor leaves the browser when it resolves here.
 */
export interface PlaceIndex {
  /** Four-digit postcode area → [lat, lon] rounded to 4 decimals (about 10 m). */
  postcodes: Record<string, [number, number]>;
  /** Folded place name → [display name, lat, lon]. */
  places: Record<string, [string, number, number]>;
}

const round = (n: number) => Math.round(n * 1e4) / 1e4;

export function buildPlaceIndex(register: Register): PlaceIndex {
  const sums = new Map<string, { name: string; lat: number; lon: number; n: number }>();
  const add = (key: string, name: string, lat: number, lon: number) => {
    const s = sums.get(key) ?? { name, lat: 0, lon: 0, n: 0 };
    s.lat += lat;
    s.lon += lon;
    s.n += 1;
    sums.set(key, s);
  };
  for (const l of register.locations) {
    if (l.latitude === undefined || l.longitude === undefined) continue;
    add(`pc:${l.postcode.slice(0, 4)}`, l.postcode.slice(0, 4), l.latitude, l.longitude);
    add(`place:${normalisePlaceName(l.city)}`, l.city, l.latitude, l.longitude);
    if (normalisePlaceName(l.municipality_name) !== normalisePlaceName(l.city)) {
      add(`place:${normalisePlaceName(l.municipality_name)}`, l.municipality_name, l.latitude, l.longitude);
    }
  }
  const index: PlaceIndex = { postcodes: {}, places: {} };
  for (const [key, s] of [...sums].sort(([a], [b]) => a.localeCompare(b))) {
    const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    if (kind === 'pc') index.postcodes[id] = [round(s.lat / s.n), round(s.lon / s.n)];
    else index.places[id] = [s.name, round(s.lat / s.n), round(s.lon / s.n)];
  }
  return index;
}

/** What a visitor typed, understood: a postcode (four digits, maybe two letters) or a name. */
export type PlaceQuery = { kind: 'postcode'; area: string } | { kind: 'name'; folded: string };

export function parsePlaceQuery(input: string): PlaceQuery | undefined {
  // Folded first, so a postcode typed on an Arabic, Persian or full-width keyboard
  // ("٣٥١١ AB", "３５１１ＡＢ") is the postcode it means.
  const text = foldSearchText(input).trim();
  if (text === '') return undefined;
  const postcode = /^([1-9][0-9]{3})\s?([a-z]{2})?$/.exec(text);
  if (postcode) return { kind: 'postcode', area: postcode[1]! };
  return { kind: 'name', folded: normalisePlaceName(text) };
}

/**
 * Resolves a query against the offline index, understanding everyday names of places
 * (place-aliases.ts); `undefined` means "ask PDOK, if the visitor agrees".
 */
export function resolvePlace(index: PlaceIndex, input: string): (LatLon & { label: string }) | undefined {
  const query = parsePlaceQuery(input);
  if (!query) return undefined;
  if (query.kind === 'postcode') {
    const hit = index.postcodes[query.area];
    return hit && { lat: hit[0], lon: hit[1], label: query.area };
  }
  // The name as typed, else an everyday name's official one ("Den Bosch" → 's-Hertogenbosch).
  const hit = [query.folded, ...otherPlaceNames(query.folded).map(normalisePlaceName)].map((name) => index.places[name]).find(Boolean);
  return hit && { lat: hit[1], lon: hit[2], label: hit[0] };
}
