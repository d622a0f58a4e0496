/** `/api/v1/index.json`: every API document with its URL and content hash, so a client fetches only what changed. */
import type { APIRoute } from 'astro';
import { API_HEADERS, getApi } from '../../../site/api.ts';

export const GET: APIRoute = () => new Response(getApi().index, { headers: API_HEADERS });
