/**
 * `/data/holders.csv`, `/data/datapackage.json`, …: the national open data, one endpoint for
 * every file so each is written from the same assembled set (src/site/open-data.ts) and the
 * sizes and hashes the other files state are those of these very bytes.
 */
import type { APIRoute } from 'astro';
import { getOpenData } from '../../site/open-data.ts';

export function getStaticPaths() {
  return getOpenData().files.map((file) => ({ params: { file: file.name } }));
}

export const GET: APIRoute = ({ params, site }) => {
  const file = getOpenData(site).files.find((f) => f.name === params.file)!;
  const type = file.mediaType.startsWith('text/') || file.mediaType.endsWith('json') ? `${file.mediaType}; charset=utf-8` : file.mediaType;
  return new Response(file.content, { headers: { 'content-type': type } });
};
