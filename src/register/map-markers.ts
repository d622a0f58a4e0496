/**
 * The map's marker data (`/kaart/locaties.json`): one compact, language-neutral file with
 * every located location, written by the build and fetched by the map page (and by search
 * for distance sorting). Labels are not in it: each page translates the codes with its own
 * dictionary, so one file serves every language.
 *
 * Compact because it is fetched whole on a phone: at ten times the real register (about
 * 6,500 located locations) it must stay a small download once gzipped. Holder names and
 * municipalities are tables referenced by index; facets are one bit field per location.
 * Pure: no DOM, no Astro, so the build, the browser and the tests share it.
 */
import type { LocationFacets } from './facets.ts';
import { DAYPARTS, LAWS, MODALITIES, PROFILES, PROVINCES, ROUTES, STATUSES, type Province, type Status } from './vocabulary.ts';

/** Bumped when the row layout changes, so a cached old file is never misread. */
export const MAP_MARKERS_VERSION = 1;

/**
 * One located location, as a positional array (field names would triple the file size):
 *
 * 0 `location_id` · 1 own name, `''` when the location uses its holder's name ·
 * 2 index into `holders` · 3 street line (`Dorpsstraat 12 A`) · 4 postcode · 5 city ·
 * 6 index into `municipalities` · 7 index into `STATUSES` (the holder's status) ·
 * 8 index into `PROVINCES` · 9 latitude · 10 longitude (5 decimals, about 1 m) ·
 * 11 offer bits, see `OFFER_BITS`.
 */
export type MapMarkerRow = [
  id: string,
  name: string,
  holder: number,
  street: string,
  postcode: string,
  city: string,
  municipality: number,
  status: number,
  province: number,
  lat: number,
  lon: number,
  offer: number,
];

/** The whole file. */
export interface MapMarkerData {
  v: typeof MAP_MARKERS_VERSION;
  /** `[holder_id, name]` per holder that has a located location. */
  holders: [string, string][];
  /** `[code, name]` per municipality (`GM0363`, Amsterdam). */
  municipalities: [string, string][];
  locations: MapMarkerRow[];
}

/**
 * Bit positions of the facets that can hold several values, in vocabulary order: route
 * (B1, Z), profile (4), law (2), daypart (4), modality (3): fifteen bits in all.
 */
export const OFFER_BITS = (() => {
  const keys = [
    ['route', ROUTES],
    ['profile', PROFILES],
    ['law', LAWS],
    ['daypart', DAYPARTS],
    ['modality', MODALITIES],
  ] as const;
  let bit = 0;
  return keys.map(([key, values]) => ({ key, values: values as readonly string[], shift: (bit += values.length) - values.length }));
})();

/** The offer bit field of a location's facets (the build's side of the encoding). */
export function encodeOfferBits(facets: LocationFacets): number {
  let bits = 0;
  for (const { key, values, shift } of OFFER_BITS) {
    values.forEach((value, i) => {
      if (facets[key].includes(value)) bits |= 1 << (shift + i);
    });
  }
  return bits;
}

/** A marker row read back into named fields, with the facets the shared filters match on. */
export interface MapMarker {
  id: string;
  name: string;
  holderId: string;
  holderName: string;
  street: string;
  postcode: string;
  city: string;
  municipalityCode: string;
  municipalityName: string;
  status: Status;
  province: Province;
  lat: number;
  lon: number;
  facets: LocationFacets;
}

/**
 * Reads the file into markers. Facets come out exactly as `locationFacets` made them, so
 * `matchesSelection` gives the map the same answer it gives search and the tests.
 */
export function decodeMapMarkers(data: MapMarkerData): MapMarker[] {
  if (data.v !== MAP_MARKERS_VERSION) throw new Error(`map markers: unknown version ${String(data.v)}`);
  return data.locations.map((row) => {
    const [id, ownName, holderIndex, street, postcode, city, municipalityIndex, statusIndex, provinceIndex, lat, lon, offer] = row;
    const [holderId, holderName] = data.holders[holderIndex]!;
    const [municipalityCode, municipalityName] = data.municipalities[municipalityIndex]!;
    const status = STATUSES[statusIndex]!;
    const province = PROVINCES[provinceIndex]!;
    const facets = { status: [status], province: [province], municipality: [municipalityCode] } as Partial<LocationFacets>;
    for (const { key, values, shift } of OFFER_BITS) facets[key] = values.filter((_, i) => offer & (1 << (shift + i)));
    return {
      id,
      name: ownName || holderName,
      holderId,
      holderName,
      street,
      postcode,
      city,
      municipalityCode,
      municipalityName,
      status,
      province,
      lat,
      lon,
      facets: facets as LocationFacets,
    };
  });
}
