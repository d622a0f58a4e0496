/**
 * `/robots.txt`: everything may be indexed (the register is public on purpose), and search
 * engines are pointed at the sitemap with every page in every language. The sitemap line
 * needs the public address, so it is only there when SITE_URL is set.
 */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) => {
  const lines = ['User-agent: *', 'Disallow:'];
  if (site) lines.push('', `Sitemap: ${new URL('sitemap-index.xml', site).href}`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
