/**
 * `/zoeken/coordinaten.json`: every location's coordinates in search order (see
 * src/site/search-index.ts), fetched by the search page only when it sorts by distance.
 * Language-neutral: one file for every language's index.
 */
import type { APIRoute } from 'astro';
import { searchCoordinates } from '../../site/search-records.ts';
import { getRegister } from '../../site/register.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(searchCoordinates(getRegister())), { headers: { 'content-type': 'application/json' } });
