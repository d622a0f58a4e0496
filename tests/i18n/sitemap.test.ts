/**
 * The sitemap lists every page of a site built with SITE_URL, each with `hreflang`
 * alternates in every language plus `x-default`, so search engines show people the page in
 * their own language. The 404 page and the language chooser at `/` stay out.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LANG, LANG_CODES } from '../../src/i18n/languages.ts';
import { builtSite, filesUnder, HOSTILE_SITE, TEST_SITE_URL as SITE } from '../support/site.ts';

let out: string;

interface Entry {
  loc: string;
  alternates: Map<string, string>;
}

function readSitemap(file: string): Entry[] {
  const xml = readFileSync(file, 'utf8');
  return [...xml.matchAll(/<url>(.*?)<\/url>/gs)].map(([, body]) => ({
    loc: /<loc>(.*?)<\/loc>/.exec(body!)![1]!,
    alternates: new Map([...body!.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => [m[1]!, m[2]!])),
  }));
}

/** Every page the build wrote, as the public URL it is served at. */
function builtPages(dir: string): string[] {
  return filesUnder(dir)
    .filter((f) => f === 'index.html' || f.endsWith('/index.html'))
    .map((f) => `${SITE}/${dirname(f)}/`.replace(/\/\.?\/$/, '/'));
}

describe('sitemap', () => {
  let entries: Entry[];

  beforeAll(async () => {
    out = await builtSite(HOSTILE_SITE);
    expect(readFileSync(join(out, 'sitemap-index.xml'), 'utf8')).toContain(`${SITE}/sitemap-0.xml`);
    entries = readSitemap(join(out, 'sitemap-0.xml'));
  }, 600_000);

  it('lists every page except the language chooser and the 404 page', () => {
    const expected = builtPages(out).filter((url) => url !== `${SITE}/`);
    expect(entries.map((e) => e.loc).sort()).toEqual(expected.sort());
    expect(entries.some((e) => e.loc.includes('404'))).toBe(false);
  });

  it('gives each page its alternate in every language and x-default, the Dutch page', () => {
    for (const { loc, alternates } of entries) {
      const rest = new URL(loc).pathname.replace(/^\/[^/]+\//, '/');
      const wanted = new Map([...LANG_CODES.map((lang) => [lang, `${SITE}/${lang}${rest}`] as const), ['x-default', `${SITE}/${DEFAULT_LANG}${rest}`]]);
      expect(alternates, loc).toEqual(wanted);
    }
  });

  it('is announced in robots.txt', () => {
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
  });
});
