/**
 * `/plaatsen.json`: the offline place index for "near a place or postcode" on the search
 * and map pages. Language-neutral, one file, fetched only when a visitor types a place.
 */
import type { APIRoute } from 'astro';
import { buildPlaceIndex } from '../register/geo.ts';
import { getRegister } from '../site/register.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(buildPlaceIndex(getRegister())), { headers: { 'content-type': 'application/json' } });
