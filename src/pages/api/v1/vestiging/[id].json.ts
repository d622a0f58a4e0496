/** `/api/v1/vestiging/{location_id}.json`: everything public about one location (src/site/api.ts). */
import type { APIRoute } from 'astro';
import { API_HEADERS, getApi } from '../../../../site/api.ts';

export function getStaticPaths() {
  return [...getApi().locations.keys()].map((id) => ({ params: { id } }));
}

export const GET: APIRoute = ({ params }) => new Response(getApi().locations.get(params.id!)!, { headers: API_HEADERS });
