/**
 * `/data/gemeente/GM0363.csv`: a municipality's locations as one CSV, linked from its page
 * in every language. Language-neutral: the values are the register's own codes and names.
 */
import type { APIRoute } from 'astro';
import { regionCsv } from '../../../register/regions.ts';
import { getExportDate, getRegister } from '../../../site/register.ts';
import { municipalities, type Municipality } from '../../../register/model.ts';

export function getStaticPaths() {
  return municipalities(getRegister()).map((municipality) => ({ params: { code: municipality.code }, props: { municipality } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(regionCsv(getRegister(), (props as { municipality: Municipality }).municipality.locations, getExportDate()), {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
