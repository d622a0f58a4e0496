/**
 * `/badge/KH0001.svg`: every holder's verification badge (src/site/badge.ts), one image for
 * every language, rebuilt with each publication.
 */
import type { APIRoute } from 'astro';
import type { Holder } from '../../register/index.ts';
import { badgeSvg } from '../../site/badge.ts';
import { getOpenData } from '../../site/open-data.ts';
import { getRegister } from '../../site/register.ts';

export function getStaticPaths() {
  return getRegister().holders.map((holder) => ({ params: { id: holder.holder_id }, props: { holder } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(badgeSvg((props as { holder: Holder }).holder, getOpenData().exportDate), { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
