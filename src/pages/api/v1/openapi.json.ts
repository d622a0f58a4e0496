/** `/api/v1/openapi.json`: the OpenAPI 3.1 description of the API (src/site/openapi.ts), where the Dutch API Design Rules look for it (API-51). */
import type { APIRoute } from 'astro';
import { API_HEADERS, getApi } from '../../../site/api.ts';

export const GET: APIRoute = () => new Response(getApi().openapi, { headers: API_HEADERS });
