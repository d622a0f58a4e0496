/**
 * Turns what a visitor typed ("3511 AB", "3511", "Utrecht") into a point to sort by.
 *
 * First offline, from the register's own place index (written by the build; its address is
 * `paths.placeIndex()`, handed to the page as the place field's `data-place-index`): nothing leaves the browser. Only when that fails, and only when the visitor asks
 * for it, one request goes to PDOK Locatieserver, the Dutch government's free geocoder.
 */
import { resolvePlace, type LatLon, type PlaceIndex } from '../register/geo.ts';
import { PDOK_LOCATIESERVER } from '../register/pdok.ts';

export type ResolvedPlace = LatLon & { label: string; source: 'register' | 'pdok' | 'device' };

let indexPromise: Promise<PlaceIndex> | undefined;

/**
 * The place index, fetched once per page view, from the address the page gave the place
 * field (`data-place-index`); a field without one is a page's mistake, and fails loudly.
 */
export function loadPlaceIndex(field: HTMLElement): Promise<PlaceIndex> {
  const url = field.dataset.placeIndex;
  if (!url) return Promise.reject(new Error('a place field without data-place-index'));
  indexPromise ??= fetch(url).then((r) => {
    if (!r.ok) throw new Error(`place index: HTTP ${r.status}`);
    return r.json() as Promise<PlaceIndex>;
  });
  return indexPromise;
}

/**
 * Offline resolution: the place as typed or by its everyday name ("Den Bosch"), else the
 * nearest place name if it was misspelt ("Roterdam"; spelling.ts, loaded only then);
 * `undefined` when the register does not know the place.
 */
export async function resolveOffline(field: HTMLElement, input: string): Promise<ResolvedPlace | undefined> {
  const index = await loadPlaceIndex(field);
  const hit = resolvePlace(index, input) ?? (await import('../register/spelling.ts')).resolveMisspeltPlace(index, input);
  return hit && { ...hit, source: 'register' };
}

export class PlaceLookupError extends Error {
  readonly reason: 'unreachable' | 'not-found';
  constructor(reason: 'unreachable' | 'not-found') {
    super(reason);
    this.reason = reason;
  }
}

/**
 * Asks PDOK for a place, postcode or address. Call only after the visitor chose to; the
 * caller shows a clear message for `unreachable` (offline, blocked) and `not-found`.
 */
export async function resolveWithPdok(input: string, timeoutMs = 8000): Promise<ResolvedPlace> {
  const url = new URL(PDOK_LOCATIESERVER);
  url.searchParams.set('q', input);
  url.searchParams.set('rows', '1');
  url.searchParams.set('fl', 'weergavenaam,centroide_ll');
  url.searchParams.set('fq', 'type:(gemeente OR woonplaats OR postcode OR adres)');
  let body: { response?: { docs?: { weergavenaam?: string; centroide_ll?: string }[] } };
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), referrerPolicy: 'no-referrer', credentials: 'omit' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    body = await response.json();
  } catch {
    throw new PlaceLookupError('unreachable');
  }
  const doc = body.response?.docs?.[0];
  const point = doc?.centroide_ll && /POINT\(([-\d.]+) ([-\d.]+)\)/.exec(doc.centroide_ll);
  if (!doc || !point) throw new PlaceLookupError('not-found');
  return { lon: Number(point[1]), lat: Number(point[2]), label: doc.weergavenaam ?? input, source: 'pdok' };
}

/** The browser's own position, when the visitor chooses "use my location". */
export function resolveDevicePosition(timeoutMs = 10000): Promise<ResolvedPlace> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) return reject(new PlaceLookupError('unreachable'));
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lon: p.coords.longitude, label: '', source: 'device' }),
      () => reject(new PlaceLookupError('unreachable')),
      { timeout: timeoutMs, maximumAge: 300000 },
    );
  });
}
