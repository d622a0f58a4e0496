// @ts-check
import { defineConfig } from 'astro/config';

/**
 * Static build of the register. The data folder is read by the pages themselves
 * (src/site/register.ts); `scripts/build.ts` validates it first and swaps the output in.
 */
export default defineConfig({
  output: 'static',
  // Set SITE_URL to the public address so canonical and hreflang links are absolute.
  site: process.env.SITE_URL || undefined,
  outDir: process.env.ASTRO_OUT_DIR || './dist',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // External stylesheets only: the CSP allows styles from 'self', never inline ones.
    inlineStylesheets: 'never',
  },
  vite: {
    // One stylesheet for the whole site: cached once, instead of a few per page type.
    build: { cssCodeSplit: false },
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
  // No code blocks on this site; Shiki's inline styles would clash with the CSP.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
});
