/**
 * `/kaart/locaties.json`: every located location for the map (and for distance sorting in
 * search). One language-neutral file, fetched by the map page, never inlined into HTML.
 * Shape: `MapMarkerData` in src/register/map-markers.ts.
 */
import type { APIRoute } from 'astro';
import { encodeMapMarkers } from '../../register/map-markers.ts';
import { getExportDate, getRegister } from '../../site/register.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(encodeMapMarkers(getRegister(), getExportDate())), { headers: { 'content-type': 'application/json' } });
