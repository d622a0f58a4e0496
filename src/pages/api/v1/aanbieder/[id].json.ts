/** `/api/v1/aanbieder/{holder_id}.json`: everything public about one keurmerk holder (src/site/api.ts). */
import type { APIRoute } from 'astro';
import { API_HEADERS, getApi } from '../../../../site/api.ts';

export function getStaticPaths() {
  return [...getApi().holders.keys()].map((id) => ({ params: { id } }));
}

export const GET: APIRoute = ({ params }) => new Response(getApi().holders.get(params.id!)!, { headers: API_HEADERS });
