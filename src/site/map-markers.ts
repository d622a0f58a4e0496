/**
 * Builds the map's marker file from the register. Lives in `src/site` because it writes
 * addresses the way every page writes them (`streetLine`); the shape and the reader are
 * in `src/register/map-markers.ts`, shared with the browser.
 */
import { locationFacets } from '../register/facets.ts';
import { MAP_MARKERS_VERSION, encodeOfferBits, type MapMarkerData } from '../register/map-markers.ts';
import type { Register } from '../register/model.ts';
import { PROVINCES, STATUSES } from '../register/vocabulary.ts';
import { holderOf, streetLine } from './register.ts';

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

/** Every location with coordinates, in export order; locations without them are left out (the build warns). */
export function buildMapMarkers(register: Register): MapMarkerData {
  const holders = new Map<string, number>();
  const municipalities = new Map<string, number>();
  const data: MapMarkerData = { v: MAP_MARKERS_VERSION, holders: [], municipalities: [], locations: [] };
  for (const location of register.locations) {
    if (location.latitude === undefined || location.longitude === undefined) continue;
    const holder = holderOf(register, location);
    let h = holders.get(holder.holder_id);
    if (h === undefined) {
      holders.set(holder.holder_id, (h = data.holders.length));
      data.holders.push([holder.holder_id, holder.name]);
    }
    let m = municipalities.get(location.municipality_code);
    if (m === undefined) {
      municipalities.set(location.municipality_code, (m = data.municipalities.length));
      data.municipalities.push([location.municipality_code, location.municipality_name]);
    }
    data.locations.push([
      location.location_id,
      location.name ?? '',
      h,
      streetLine(location),
      location.postcode,
      location.city,
      m,
      STATUSES.indexOf(holder.keurmerk_status),
      PROVINCES.indexOf(location.province),
      round5(location.latitude),
      round5(location.longitude),
      encodeOfferBits(locationFacets(location, holder)),
    ]);
  }
  return data;
}
