/**
 * Builds the map's marker file from the register. Lives in `src/site` because it writes
 * addresses the way every page writes them (`streetLine`); the shape and the reader are
 * in `src/register/map-markers.ts`, shared with the browser.
 */
import { locationFacets } from '../register/facets.ts';
import { nextStart } from '../register/courses.ts';
import { COORDINATE_SCALE, MAP_MARKERS_VERSION, daysBetween, encodeOfferBits, type MapMarkerData } from '../register/map-markers.ts';
import type { Register } from '../register/model.ts';
import { PROVINCES, STATUSES } from '../register/vocabulary.ts';
import { holderOf, streetLine } from './register.ts';
import { exportDateOf } from './publication.ts';

/** Every location with coordinates, in postcode order; locations without them are left out (the build warns). */
export function buildMapMarkers(register: Register, exportDate = exportDateOf(register)): MapMarkerData {
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
    lat: [],
    lon: [],
    offer: [],
    exportDate,
    start: [],
  };
  const located = register.locations
    .filter((l) => l.latitude !== undefined && l.longitude !== undefined)
    .sort((a, b) => a.postcode.localeCompare(b.postcode) || a.location_id.localeCompare(b.location_id));
  let lat = 0;
  let lon = 0;
  for (const location of located) {
    const holder = holderOf(register, location);
    let h = holders.get(holder.holder_id);
    if (h === undefined) {
      holders.set(holder.holder_id, (h = data.holders.length));
      data.holders.push([holder.holder_id, holder.name, STATUSES.indexOf(holder.keurmerk_status)]);
    }
    let m = municipalities.get(location.municipality_code);
    if (m === undefined) {
      municipalities.set(location.municipality_code, (m = data.municipalities.length));
      data.municipalities.push([location.municipality_code, location.municipality_name, PROVINCES.indexOf(location.province)]);
    }
    const nextLat = Math.round(location.latitude! * COORDINATE_SCALE);
    const nextLon = Math.round(location.longitude! * COORDINATE_SCALE);
    data.id.push(location.location_id);
    data.name.push(location.name ?? '');
    data.holder.push(h);
    data.street.push(streetLine(location));
    data.postcode.push(location.postcode);
    data.city.push(location.city);
    data.municipality.push(m);
    data.lat.push(nextLat - lat);
    data.lon.push(nextLon - lon);
    data.offer.push(encodeOfferBits(locationFacets(location, holder, exportDate)));
    const next = nextStart(location, exportDate);
    data.start.push(next === undefined ? -1 : daysBetween(exportDate, next));
    [lat, lon] = [nextLat, nextLon];
  }
  return data;
}
