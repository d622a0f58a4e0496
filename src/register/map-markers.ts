/**
 * The map's marker data (`/kaart/locaties.json`): one compact, language-neutral file with
 * every located location, written by the build and fetched by the map page. Labels are not
 * in it: each page translates the codes with its own dictionary, so one file serves every
 * language. The encoder and the decoder live together here, so the format has one home.
 *
 * Compact because it is fetched whole on a phone: at ten times the real register (about
 * 6,500 located locations) it must stay a small download once gzipped: columns instead of
 * rows, holders and municipalities as tables referenced by index, coordinates as integer
 * steps, facets as one bit field per location.
 * Pure: no DOM, no Astro, so the build, the browser and the tests share it.
 */
import { decodeCoordinates, encodeCoordinates } from './coordinates.ts';
import { locationFacets, ratingFacet, type LocationFacets } from './facets.ts';
import { latestRating } from './quality.ts';
import { holderOf, streetLine, type Register } from './model.ts';
import { DAYPARTS, LAWS, MODALITIES, PROFILES, PROVINCES, RATINGS, ROUTES, STATUSES, type Province, type Rating, type Status } from './vocabulary.ts';
import { START_VALUES, nextStart } from './courses.ts';
import { addDays, daysBetween, exportDateOf } from './dates.ts';

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
  /**
   * `[holder_id, name, index into STATUSES, index into RATINGS or -1]` per holder that has a
   * located location; the last is the holder's latest quality rating (-1: none published).
   */
  holders: [string, string, number, number][];
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
  /** Latitude and longitude as `coordinates.ts` codes them: steps of 0.00001 degree (about 1 m) from the previous location. */
  lat: number[];
  lon: number[];
  /** Offer bits, see `OFFER_BITS`. */
  offer: number[];
  /** The export date the next starts are counted from (`YYYY-MM-DD`). */
  exportDate: string;
  /** Days from the export date to the next course start; -1 when none is planned or published. Small numbers compress well. */
  start: number[];
}

/**
 * Bit positions of the facets that can hold several values, in vocabulary order: route
 * (B1, Z), profile (4), law (2), daypart (4), modality (3), start (soon): sixteen bits in all.
 */
const OFFER_BITS = (() => {
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

/** The offer bit field of a location's facets. */
function encodeOfferBits(facets: LocationFacets): number {
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
  /** The holder's latest rating; absent when none is published. */
  rating?: Rating;
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
  const points = decodeCoordinates(data);
  return data.id.map((id, i) => {
    const [holderId, holderName, statusIndex, ratingIndex] = data.holders[data.holder[i]!]!;
    const rating = RATINGS[ratingIndex];
    const [municipalityCode, municipalityName, provinceIndex] = data.municipalities[data.municipality[i]!]!;
    const status = STATUSES[statusIndex]!;
    const province = PROVINCES[provinceIndex]!;
    const offer = data.offer[i]!;
    const facets = { status: [status], province: [province], municipality: [municipalityCode], rating: ratingFacet(rating) } as Partial<LocationFacets>;
    for (const { key, values, shift } of OFFER_BITS) facets[key] = values.filter((_, bit) => offer & (1 << (shift + bit)));
    const { lat, lon } = points[i]!;
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
      ...(rating !== undefined ? { rating } : {}),
      province,
      lat,
      lon,
      facets: facets as LocationFacets,
      ...(data.start[i]! >= 0 ? { nextStart: addDays(data.exportDate, data.start[i]!) } : {}),
    };
  });
}

/** Every location with coordinates, in postcode order; locations without them are left out (the build warns). */
export function encodeMapMarkers(register: Register, exportDate = exportDateOf(register)): MapMarkerData {
  const located = register.locations
    .filter((l) => l.latitude !== undefined && l.longitude !== undefined)
    .sort((a, b) => a.postcode.localeCompare(b.postcode) || a.location_id.localeCompare(b.location_id));
  const holders = new Map<string, number>();
  const municipalities = new Map<string, number>();
  const data: MapMarkerData = {
    v: MAP_MARKERS_VERSION,
    holders: [],
    municipalities: [],
    id: [],
    name: [],
    holder: [],
    street: [],
    postcode: [],
    city: [],
    municipality: [],
    ...encodeCoordinates(located.map((l) => ({ lat: l.latitude!, lon: l.longitude! }))),
    offer: [],
    exportDate,
    start: [],
  };
  for (const location of located) {
    const holder = holderOf(register, location);
    let h = holders.get(holder.holder_id);
    if (h === undefined) {
      holders.set(holder.holder_id, (h = data.holders.length));
      const rating = latestRating(holder);
      data.holders.push([holder.holder_id, holder.name, STATUSES.indexOf(holder.keurmerk_status), rating === undefined ? -1 : RATINGS.indexOf(rating)]);
    }
    let m = municipalities.get(location.municipality_code);
    if (m === undefined) {
      municipalities.set(location.municipality_code, (m = data.municipalities.length));
      data.municipalities.push([location.municipality_code, location.municipality_name, PROVINCES.indexOf(location.province)]);
    }
    data.id.push(location.location_id);
    data.name.push(location.name ?? '');
    data.holder.push(h);
    data.street.push(streetLine(location));
    data.postcode.push(location.postcode);
    data.city.push(location.city);
    data.municipality.push(m);
    data.offer.push(encodeOfferBits(locationFacets(location, holder, exportDate)));
    const next = nextStart(location, exportDate);
    data.start.push(next === undefined ? -1 : daysBetween(exportDate, next));
  }
  return data;
}
