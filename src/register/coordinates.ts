/**
 * A column of coordinates as one small JSON file: latitude and longitude in 1/100,000
 * degree (about 1 m), each the step from the previous point. Small integers compress far
 * better than decimals, so the search page's file (every location, for distance sorting)
 * stays small at ten times the register (docs/architecture.md, "Build"). Pure, shared by
 * build and browser.
 */
import type { LatLon } from './geo.ts';

export interface CoordinateColumn {
  lat: number[];
  lon: number[];
}

const SCALE = 1e5;

/** Encodes points in order; a missing point is stored as 0, 0 (far outside the Netherlands). */
export function encodeCoordinates(points: readonly (LatLon | undefined)[]): CoordinateColumn {
  const out: CoordinateColumn = { lat: [], lon: [] };
  let [lat, lon] = [0, 0];
  for (const point of points) {
    const nextLat = point ? Math.round(point.lat * SCALE) : 0;
    const nextLon = point ? Math.round(point.lon * SCALE) : 0;
    out.lat.push(nextLat - lat);
    out.lon.push(nextLon - lon);
    [lat, lon] = [nextLat, nextLon];
  }
  return out;
}

/** The points back, in order; `undefined` where a point was missing. */
export function decodeCoordinates(column: CoordinateColumn): (LatLon | undefined)[] {
  let [lat, lon] = [0, 0];
  return column.lat.map((step, i) => {
    lat += step;
    lon += column.lon[i]!;
    return lat === 0 && lon === 0 ? undefined : { lat: lat / SCALE, lon: lon / SCALE };
  });
}
