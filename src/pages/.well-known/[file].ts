/**
 * `/.well-known/security.txt` (RFC 9116, src/site/security-txt.ts): written only when the build
 * has a contact (`REGISTER_SECURITY_CONTACT`), so no route exists without one.
 */
import type { APIRoute } from 'astro';
import { securityTxt, securityTxtSettingsFromEnv } from '../../site/security-txt.ts';
import { getExportDate } from '../../site/register.ts';

export function getStaticPaths() {
  return securityTxtSettingsFromEnv().settings.contact ? [{ params: { file: 'security.txt' } }] : [];
}

export const GET: APIRoute = ({ site }) =>
  new Response(securityTxt(securityTxtSettingsFromEnv().settings, getExportDate(), site), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
