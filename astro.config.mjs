// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { searchIndexIntegration } from './src/site/search-index.ts';
import { sideFilesIntegration } from './src/site/side-files-integration.ts';
import { sitemapAlternates } from './src/site/sitemap-alternates.ts';

// Astro's anonymous usage reports stay off for this project, for every command that loads this
// config (build, preview, dev): a public register's build sends nothing anywhere.
process.env.ASTRO_TELEMETRY_DISABLED = '1';
/** The public address; the sitemap needs it, so without it there is no sitemap (and no warning). */
const SITE_URL = process.env.SITE_URL || undefined;
/** Each page's alternates in the other languages, for the sitemap (see src/site/sitemap-alternates.ts). */
const alternates = sitemapAlternates();

/**
 * Static build of the register. The data folder is read by the pages themselves
 * (src/site/register.ts); `scripts/build.ts` validates it first and swaps the output in.
 */
export default defineConfig({
  output: 'static',
  // Set SITE_URL to the public address so canonical and hreflang links are absolute.
  site: SITE_URL,
  outDir: process.env.ASTRO_OUT_DIR || './dist',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Pages rendered at once. One at a time, the renderer sat idle waiting for its own file
    // writes; eight overlap those waits, and more gained nothing (docs/architecture.md, "Build").
    concurrency: Number(process.env.KR_BUILD_CONCURRENCY) || 8,
    // External stylesheets only: the CSP allows styles from 'self', never inline ones.
    inlineStylesheets: 'never',
  },
  vite: {
    build: {
      // One stylesheet for the whole site: cached once, instead of a few per page type.
      cssCodeSplit: false,
      // Never inline a script, however small: the house rule (and tests/browser/safety) is
      // external scripts only. Other assets keep Vite's default (`undefined`).
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
    },
  },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  integrations: [
    // sitemap-index.xml with every page and its hreflang alternates in every language (and
    // x-default). Needs SITE_URL (a sitemap holds absolute addresses); without it the
    // integration is left out, rather than added only to print a warning on every local build.
    // The alternates come from our own integration, listed first so that it has seen the
    // built pages before the sitemap asks: the sitemap's own `i18n` option is quadratic.
    ...(SITE_URL
      ? [
          alternates.integration,
          sitemap({
            // `/` only redirects to the Dutch home page; the alternates of /nl/ already cover it.
            filter: (page) => page !== new URL('/', page).href,
            serialize: alternates.serialize,
          }),
        ]
      : []),
    // Pagefind index of every location, one per language, made alongside the pages.
    searchIndexIntegration(),
    // Feeds, calendars, the JSON API and the badges, written by a worker alongside the pages.
    sideFilesIntegration(),
  ],
  // No code blocks on this site; Shiki's inline styles would clash with the CSP.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
});
