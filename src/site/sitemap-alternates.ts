/**
 * The `hreflang` alternates of every sitemap entry: the same page in every language it was
 * built in, plus `x-default` (the Dutch page), as the pages' own alternate links say.
 *
 * `@astrojs/sitemap` can add alternates itself (its `i18n` option), but it finds them by
 * comparing each page with every other page: quadratic in the number of pages, it took a
 * third of a ten-times-size build's CPU time (bench/RESULTS.md). Here the built pages are
 * grouped once, by their path without the language, so each entry's alternates are one
 * lookup. The sitemap integration still writes the XML; this only fills in `links`.
 */
import type { AstroIntegration } from 'astro';
import { DEFAULT_LANG, LANG_CODES } from '../i18n/languages.ts';

const LANGUAGE_CODES: ReadonlySet<string> = new Set(LANG_CODES);

/** A sitemap entry as `@astrojs/sitemap` hands it to `serialize`. */
interface SitemapEntry {
  url: string;
  links?: { url: string; lang: string }[];
}

/** A path split into its language and the rest ('/nl/zoeken/' → ['nl', 'zoeken/']), or undefined outside a language. */
function splitLanguage(pathname: string): [lang: string, rest: string] | undefined {
  const [lang, ...rest] = pathname.replace(/^\//, '').split('/');
  return lang !== undefined && LANGUAGE_CODES.has(lang) ? [lang, rest.join('/')] : undefined;
}

/**
 * An integration that learns which languages each page was built in (listed before the
 * sitemap integration, whose `astro:build:done` runs after its own), and the `serialize`
 * function for the sitemap that adds the alternates. A page built in one language only
 * gets none, as with the sitemap's own option.
 */
export function sitemapAlternates(): { integration: AstroIntegration; serialize: <T extends SitemapEntry>(entry: T) => T } {
  const languagesOf = new Map<string, string[]>();
  return {
    integration: {
      name: 'keurmerkregister:sitemap-alternates',
      hooks: {
        'astro:build:done': ({ pages }) => {
          languagesOf.clear();
          for (const { pathname } of pages) {
            const split = splitLanguage(pathname);
            if (!split) continue;
            const [lang, rest] = split;
            const languages = languagesOf.get(rest);
            if (languages) languages.push(lang);
            else languagesOf.set(rest, [lang]);
          }
        },
      },
    },
    serialize(entry) {
      const url = new URL(entry.url);
      const split = splitLanguage(url.pathname);
      const languages = split && languagesOf.get(split[1]);
      if (!split || !languages || languages.length <= 1) return entry;
      const at = (lang: string) => new URL(`/${lang}/${split[1]}`, url).href;
      const links = languages.map((lang) => ({ lang, url: at(lang) }));
      if (languages.includes(DEFAULT_LANG)) links.push({ lang: 'x-default', url: at(DEFAULT_LANG) });
      return { ...entry, links };
    },
  };
}
