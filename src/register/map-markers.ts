/**
 * The map's marker data (`/kaart/locaties.json`): one compact, language-neutral file with
 * every located location, written by the build and fetched by the map page (and by search
 * for distance sorting). Labels are not in it: each page translates the codes with its own
 * dictionary, so one file serves every language.
 *
 * Compact because it is fetched whole on a phone: at ten times the real register (about
 * 6,500 located locations) it must stay a small download once gzipped: columns instead of
 * rows, holders and municipalities as tables referenced by index, coordinates as integer
 * steps, facets as one bit field per location.
 * Pure: no DOM, no Astro, so the build, the browser and the tests share it.
 */
import type { LocationFacets } from './facets.ts';
import { DAYPARTS, LAWS, MODALITIES, PROFILES, PROVINCES, ROUTES, STATUSES, type Province, type Status } from './vocabulary.ts';
import { START_VALUES } from './courses.ts';

/** Bumped when the row layout changes, so a cached old file is never misread. */
export const MAP_MARKERS_VERSION = 2;

/**
 * The whole file, column by column (one array per field, one entry per location, all in
 * the same order), because columns of like values compress far better than rows. Rows are
 * in postcode order, so neighbours sit together: cities repeat, postcodes share prefixes
 * and coordinates are small steps from the previous location.
 */
export interface MapMarkerData {
  v: typeof MAP_MARKERS_VERSION;
  /** `[holder_id, name, index into STATUSES]` per holder that has a located location. */
  holders: [string, string, number][];
  /** `[code, name, index into PROVINCES]` per municipality (`GM0363`, Amsterdam, Noord-Holland). */
  municipalities: [string, string, number][];
  /** `location_id`. */
  id: string[];
  /** The location's own name; `''` when it goes by its holder's name. */
  name: string[];
  /** Index into `holders`. */
  holder: number[];
  /** Street line as pages write it (`Dorpsstraat 12 A`). */
  street: string[];
  postcode: string[];
  city: string[];
  /** Index into `municipalities`. */
  municipality: number[];
  /**
   * Latitude and longitude in units of 0.00001 degree (about 1 m), each the difference from
   * the previous location's (the first from zero): small integers instead of long decimals.
   */
  lat: number[];
  lon: number[];
  /** Offer bits, see `OFFER_BITS`. */
  offer: number[];
  /** The export date the next starts are counted from (`YYYY-MM-DD`). */
  exportDate: string;
  /** Days from the export date to the next course start; -1 when none is planned or published. Small numbers compress well. */
  start: number[];
}

/** Coordinates are stored in units of this fraction of a degree. */
export const COORDINATE_SCALE = 1e5;

/**
 * Bit positions of the facets that can hold several values, in vocabulary order: route
 * (B1, Z), profile (4), law (2), daypart (4), modality (3), start (soon): sixteen bits in all.
 */
export const OFFER_BITS = (() => {
  const keys = [
    ['route', ROUTES],
    ['profile', PROFILES],
    ['law', LAWS],
    ['daypart', DAYPARTS],
    ['modality', MODALITIES],
    ['start', START_VALUES],
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

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` plus a number of days, in UTC so no time zone shifts it. */
function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one `YYYY-MM-DD` to a later one (the build's side of `start`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
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
  /** The next course start, if any. */
  nextStart?: string;
}

/**
 * Reads the file into markers. Facets come out exactly as `locationFacets` made them, so
 * `matchesSelection` gives the map the same answer it gives search and the tests.
 */
export function decodeMapMarkers(data: MapMarkerData): MapMarker[] {
  if (data.v !== MAP_MARKERS_VERSION) throw new Error(`map markers: unknown version ${String(data.v)}`);
  let lat = 0;
  let lon = 0;
  return data.id.map((id, i) => {
    const [holderId, holderName, statusIndex] = data.holders[data.holder[i]!]!;
    const [municipalityCode, municipalityName, provinceIndex] = data.municipalities[data.municipality[i]!]!;
    const status = STATUSES[statusIndex]!;
    const province = PROVINCES[provinceIndex]!;
    const offer = data.offer[i]!;
    const facets = { status: [status], province: [province], municipality: [municipalityCode] } as Partial<LocationFacets>;
    for (const { key, values, shift } of OFFER_BITS) facets[key] = values.filter((_, bit) => offer & (1 << (shift + bit)));
    lat += data.lat[i]!;
    lon += data.lon[i]!;
    return {
      id,
      name: data.name[i] || holderName,
      holderId,
      holderName,
      street: data.street[i]!,
      postcode: data.postcode[i]!,
      city: data.city[i]!,
      municipalityCode,
      municipalityName,
      status,
      province,
      lat: lat / COORDINATE_SCALE,
      lon: lon / COORDINATE_SCALE,
      facets: facets as LocationFacets,
      ...(data.start[i]! >= 0 ? { nextStart: addDays(data.exportDate, data.start[i]!) } : {}),
    };
  });
}
