/**
 * The response headers of every file the build writes: the one place that says what a host
 * must send. `src/site/host-config.ts` turns these into `dist/_headers` (Netlify, Cloudflare
 * Pages) and `deploy/nginx.conf`, so the two can never disagree.
 *
 * To give a new kind of path its own headers, add a line to one of the tables below
 * (CROSS_ORIGIN_PATHS, HASHED_PATHS, CONTENT_TYPES) or to the frameable paths in
 * src/site/framing.ts; the page's own Content-Security-Policy comes from Astro
 * (`security.csp` and `Astro.csp.insertDirective`).
 */
import { isFrameable } from './framing.ts';
import { API_BASE, API_RELEASE, API_VERSION_HEADER } from '../register/api-schema.ts';

/** A file as the build wrote it, by the path a browser asks for. */
export interface BuiltFile {
  /** The request path: `/nl/zoeken/` for `nl/zoeken/index.html`, `/data/holders.csv` for itself. */
  path: string;
  /** For HTML pages: what the page itself declares. */
  page?: PageFacts;
}

/** What the headers of a page depend on, read from the page the build wrote. */
export interface PageFacts {
  /** The policy of the page's `<meta http-equiv="content-security-policy">`, which Astro writes. */
  csp: string;
  /** The page offers "use my location" and so needs the Geolocation API. */
  usesGeolocation: boolean;
}

/** The sign in a page's HTML that it offers "use my location": the FilterPanel's button. */
export const GEOLOCATION_MARKER = 'data-place-device';

/**
 * Path prefixes any origin may fetch (`Access-Control-Allow-Origin: *`), so researchers can load
 * the open data straight into a notebook or another site.
 */
export const CROSS_ORIGIN_PATHS: readonly string[] = ['/data/', '/api/'];

/**
 * Files whose names carry a hash of their content: a changed file gets a new name, so these
 * may be cached for a year without asking again. Astro's bundles, and Pagefind's index,
 * filter and fragment chunks (named by their content). Everything else, HTML and data above
 * all, is revalidated on every use, so a page is never paired with the index or coordinate
 * file of another publication.
 */
export const HASHED_PATHS: readonly RegExp[] = [/^\/_astro\//, /^\/pagefind\/(?:fragment|index|filter)\//];

/** A year, the longest cache lifetime HTTP caches are asked to honour. */
export const CACHE_HASHED = 'public, max-age=31536000, immutable';
/** Keep a copy, but ask the server whether it is still current (a 304 when it is) before using it. */
export const CACHE_REVALIDATE = 'no-cache';

/**
 * Content types by extension, for nginx's whole `types` table (it replaces nginx's own list, so
 * the site never depends on the server's mime.types). Text types carry `charset=utf-8`: the
 * exports hold names in every script, and a CSV opened without a charset shows them garbled.
 */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html',
  css: 'text/css',
  js: 'text/javascript',
  mjs: 'text/javascript',
  json: 'application/json',
  geojson: 'application/geo+json',
  jsonld: 'application/ld+json',
  atom: 'application/atom+xml',
  ics: 'text/calendar',
  xml: 'application/xml',
  csv: 'text/csv',
  txt: 'text/plain',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  wasm: 'application/wasm',
  webmanifest: 'application/manifest+json',
};

/** Types that are text, so they are sent with `charset=utf-8` and compressed on the fly. */
export const TEXT_TYPES: readonly string[] = [
  'text/html', 'text/css', 'text/javascript', 'text/csv', 'text/plain', 'text/calendar', 'application/json', 'application/geo+json',
  'application/ld+json', 'application/atom+xml', 'application/xml', 'image/svg+xml', 'application/manifest+json',
];

/**
 * Extensions whose content type is also stated in `_headers`: static hosts guess these wrong or
 * send them without a charset (`.geojson` as octet-stream, `.csv` without `charset=utf-8`).
 */
export const STATED_TYPE_EXTENSIONS: readonly string[] = ['atom', 'geojson', 'jsonld', 'csv', 'ics'];

/** The full Content-Type header for an extension, with the charset for text. */
export function contentTypeOf(extension: string): string | undefined {
  const type = CONTENT_TYPES[extension];
  if (!type) return undefined;
  return TEXT_TYPES.includes(type) ? `${type}; charset=utf-8` : type;
}

/**
 * Content types of the files a visitor may open on their own, outside any page: the badge
 * SVGs, feeds, JSON and CSV documents, text. They need nothing at all, so they get a policy
 * that allows nothing (DOCUMENT_POLICY): a script smuggled into one (an SVG is a document that
 * can carry script) cannot run, and no other site can frame it. Scripts, stylesheets, fonts
 * and WebAssembly are left out: a worker script takes its policy from its own response, and
 * the map's worker fetches its data.
 */
export const DOCUMENT_TYPES: readonly string[] = [
  'image/svg+xml', 'application/json', 'application/geo+json', 'application/ld+json', 'application/feed+json',
  'application/atom+xml', 'application/xml', 'text/csv', 'text/plain', 'text/calendar',
];

/** The Content-Security-Policy of those documents: nothing may load, run or frame them. */
export const DOCUMENT_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Sent with every response. */
export const SITE_HEADERS: Readonly<Record<string, string>> = {
  // Only https once a browser has seen the site over https (ignored over plain http). Without
  // includeSubDomains: the register may live under a domain whose other hosts are not ours.
  'Strict-Transport-Security': 'max-age=31536000',
  'X-Content-Type-Options': 'nosniff',
  // Other sites (PDOK, the schools' own) learn at most the register's origin, never the page
  // or the search (a place, a postcode) that sent a visitor. The same policy as the pages'
  // own <meta name="referrer"> (BaseLayout), which would override a different one.
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/**
 * Every header one file is served with (names as sent). Pure: the same file always gets the
 * same headers, which is what lets them be grouped into a few host rules.
 */
export function headersFor(file: BuiltFile): Record<string, string> {
  const headers: Record<string, string> = { ...SITE_HEADERS };
  headers['Cache-Control'] = HASHED_PATHS.some((pattern) => pattern.test(file.path)) ? CACHE_HASHED : CACHE_REVALIDATE;
  if (CROSS_ORIGIN_PATHS.some((prefix) => file.path.startsWith(prefix))) headers['Access-Control-Allow-Origin'] = '*';
  const extension = /\.([a-z0-9]+)$/.exec(file.path)?.[1];
  if (extension && STATED_TYPE_EXTENSIONS.includes(extension)) headers['Content-Type'] = contentTypeOf(extension)!;
  // Every answer of the JSON API states its full version (Dutch API Design Rules, API-57).
  if (file.path.startsWith(`${API_BASE}/`)) headers[API_VERSION_HEADER] = API_RELEASE;
  if (!file.page && extension && DOCUMENT_TYPES.includes(CONTENT_TYPES[extension] ?? '')) headers['Content-Security-Policy'] = DOCUMENT_POLICY;
  if (file.page) {
    // Framing is refused (clickjacking: a page that says which school to trust, dressed up inside
    // someone else's site), except for the pages made to be embedded (src/site/framing.ts).
    const ancestors = isFrameable(file.path) ? '*' : "'none'";
    headers['Content-Security-Policy'] = [...cspDirectives(file.page.csp), `frame-ancestors ${ancestors}`].join('; ');
    headers['Permissions-Policy'] = `camera=(), microphone=(), geolocation=${file.page.usesGeolocation ? '(self)' : '()'}`;
  }
  return headers;
}

/**
 * A page's CSP as its directives, in the page's order, without empty ones and without any
 * `frame-ancestors` of its own: that one is decided here, as a meta CSP cannot carry it.
 */
function cspDirectives(policy: string): string[] {
  return policy
    .split(';')
    .map((directive) => directive.trim().replace(/\s+/g, ' '))
    .filter((directive) => directive && !/^frame-ancestors\b/i.test(directive));
}

const CSP_META = Buffer.from('<meta http-equiv="content-security-policy" content="');
const MARKER = Buffer.from(GEOLOCATION_MARKER);

/**
 * The facts of one built HTML page, read from its bytes (searched, not decoded: a large
 * register has tens of thousands of pages); a page without a CSP is an error.
 */
export function pageFacts(html: Buffer | string, where: string): PageFacts {
  const bytes = typeof html === 'string' ? Buffer.from(html) : html;
  const start = bytes.indexOf(CSP_META);
  if (start === -1) throw new Error(`${where}: the page has no Content-Security-Policy meta element, so its header policy cannot be derived`);
  const from = start + CSP_META.length;
  const csp = bytes
    .toString('utf8', from, bytes.indexOf('"', from))
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return { csp, usesGeolocation: bytes.includes(MARKER) };
}
