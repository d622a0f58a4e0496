/** `/api/v1/schema/{vestiging,aanbieder,index}.schema.json`: the JSON Schemas, generated from the Zod schemas. */
import type { APIRoute } from 'astro';
import { getApi, type ApiFiles } from '../../../../site/api.ts';

export function getStaticPaths() {
  return Object.keys(getApi().schemas).map((kind) => ({ params: { kind } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(getApi().schemas[params.kind as keyof ApiFiles['schemas']], { headers: { 'content-type': 'application/schema+json; charset=utf-8' } });
