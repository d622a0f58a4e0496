/**
 * With its public address (SITE_URL), the site offers code for other websites: on each
 * holder page the badge snippet and a QR code to the page, on each municipality page the
 * iframe of its embeddable list. Built from the hostile fixture, so a name full of markup
 * must arrive in the copied code as text, escaped, never as markup of the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { badgeSnippet, iframeSnippet } from '../../src/site/embed-code.ts';
import { useTranslations } from '../../src/i18n/index.ts';
import { loadRegister } from '../support/register.ts';
import { decodeQrPath } from '../support/qr.ts';
import { builtSite, HOSTILE_SITE, TEST_SITE_URL as SITE } from '../support/site.ts';

let out: string;
const register = loadRegister(HOSTILE_SITE.data);
const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
const decode = (html: string) =>
  html.replace(/&(lt|gt|quot|#39|#x27|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", amp: '&' })[e]!);
/**
 * The code to copy on a page: every read-only field that holds HTML. (The "Volg" section's field
 * beside it holds a feed's address, not code for another website.)
 */
const textareas = (html: string) => [...html.matchAll(/<textarea[^>]*>([\s\S]*?)<\/textarea>/g)].map((m) => decode(m[1]!)).filter((text) => text.startsWith('<'));

beforeAll(async () => {
  out = await builtSite(HOSTILE_SITE);
}, 600_000);

describe('code for other websites, in a build with its public address', () => {
  it('each holder page offers its badge as escaped HTML, in the page language', () => {
    for (const lang of ['nl', 'ar'] as const) {
      for (const holder of register.holders) {
        const html = page(`${lang}/aanbieder/${holder.holder_id}`);
        const expected = badgeSnippet({
          holderUrl: `${SITE}/${lang}/aanbieder/${holder.holder_id}/`,
          badgeUrl: `${SITE}/badge/${holder.holder_id}.svg`,
          alt: useTranslations(lang)('holder.embed.badgeAlt', { name: holder.name }),
        });
        expect(textareas(html), holder.holder_id).toEqual([expected]);
      }
    }
    // The hostile name is in the code as text: the page itself gained no element from it.
    const html = page('nl/aanbieder/KH-XSS1');
    const markup = html.replace(/"[^"]*"/g, '""'); // attribute values may hold a literal "<"
    expect(markup).not.toMatch(/<img src=x/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('each holder page has a QR code that scans to that very page', () => {
    for (const holder of register.holders.slice(0, 3)) {
      const url = `${SITE}/ar/aanbieder/${holder.holder_id}/`;
      const html = page(`ar/aanbieder/${holder.holder_id}`);
      const svg = /<svg class="kr-qr" viewBox="0 0 (\d+) \d+"[^>]*data-qr="([^"]+)"[\s\S]*?<path d="([^"]+)"/.exec(html);
      expect(svg, holder.holder_id).not.toBeNull();
      expect(svg![2]).toBe(url);
      expect(decodeQrPath(Number(svg![1]), svg![3]!)).toBe(url);
    }
  });

  it('each municipality page offers the iframe of its own list', () => {
    const codes = [...new Set(register.locations.map((l) => l.municipality_code))];
    for (const code of codes) {
      const name = register.locations.find((l) => l.municipality_code === code)!.municipality_name;
      const expected = iframeSnippet({ src: `${SITE}/nl/embed/gemeente/${code}/`, title: useTranslations('nl')('embed.title', { name }) });
      expect(textareas(page(`nl/gemeente/${code}`)), code).toEqual([expected]);
    }
  });

  it('the embeddable list links the site icon, as every page does: without it a browser asks for a /favicon.ico the site does not have', () => {
    const code = register.locations[0]!.municipality_code;
    for (const path of [`nl/embed/gemeente/${code}`, `nl/gemeente/${code}`]) {
      expect(page(path).match(/<link rel="icon"[^>]*>/g), path).toEqual(['<link rel="icon" href="/favicon.svg" type="image/svg+xml">']);
    }
  });
});
