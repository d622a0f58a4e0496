/**
 * The sitemap lists every page of a site built with SITE_URL, each with `hreflang`
 * alternates in every language plus `x-default`, so search engines show people the page in
 * their own language. The 404 page and the language chooser at `/` stay out.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LANG, LANG_CODES } from '../../src/i18n/languages.ts';
import { buildSite, ROOT, TMP } from '../support/site.ts';

const SITE = 'https://register.example.nl';
const out = resolve(TMP, 'sitemap-site');

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
  const pages: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'index.html') pages.push(`${SITE}/${relative(dir, d).split('\\').join('/')}/`.replace(/\/+$/, '/'));
    }
  };
  walk(dir);
  return pages;
}

describe('sitemap', () => {
  let entries: Entry[];

  beforeAll(() => {
    rmSync(out, { recursive: true, force: true });
    const run = buildSite(resolve(ROOT, 'tests/fixtures/hostile'), out, { SITE_URL: SITE });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(out, 'sitemap-index.xml'), 'utf8')).toContain(`${SITE}/sitemap-0.xml`);
    entries = readSitemap(join(out, 'sitemap-0.xml'));
  }, 300_000);

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
