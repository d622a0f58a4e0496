/**
 * The response headers come from one place (src/site/response-headers.ts) and reach hosts in
 * two forms, `_headers` and nginx.conf. Here both are derived from the same files, read back
 * the way a host reads them, and compared path by path; tests/browser/hosting.test.ts then
 * asks a real nginx.
 */
import { describe, expect, it } from 'vitest';
import { LANG_CODES } from '../../src/i18n/languages.ts';
import { nginxParameterProblems,
  headerRules,
  headersForPath,
  nginxSettingsFromEnv,
  nginxRegExp,
  parseHeadersFile,
  renderHeadersFile,
  renderNginxConf,
  type HeaderRule,
} from '../../src/site/host-config.ts';
import { headersFor, pageFacts, type BuiltFile } from '../../src/site/response-headers.ts';

const BASE = "default-src 'self';img-src 'self' data:;connect-src 'self';object-src 'none'; script-src 'self' 'sha256-abc='; style-src 'self';";
const SEARCH = "default-src 'self';img-src 'self' data:;connect-src 'self' https://api.pdok.nl;object-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='; style-src 'self';";
const MAP = "default-src 'self';img-src 'self' data: https://service.pdok.nl;connect-src 'self' https://api.pdok.nl;object-src 'none';worker-src 'self'; script-src 'self' 'sha256-abc='; style-src 'self';";

const page = (path: string, csp = BASE, usesGeolocation = false): BuiltFile => ({ path, page: { csp, usesGeolocation } });

/** A site shaped like the real one, with the paths other issues add (an API, badges). */
const FILES: BuiltFile[] = [
  page('/'),
  page('/404.html'),
  { path: '/favicon.svg' },
  { path: '/robots.txt' },
  { path: '/plaatsen.json' },
  { path: '/zoeken/coordinaten.json' },
  { path: '/kaart/locaties.json' },
  { path: '/_astro/style.B6I3N5JY.css' },
  { path: '/_astro/map-worker-k0XYyS_L.js' },
  { path: '/data/holders.csv' },
  { path: '/data/locations.geojson' },
  { path: '/data/dcat.jsonld' },
  { path: '/data/register.json' },
  { path: '/data/SHA256SUMS.txt' },
  { path: '/data/gemeente/GM0014.csv' },
  { path: '/data/gemeente/GM0034.csv' },
  { path: '/api/v1/holders.json' },
  { path: '/badge/KH-1.svg' },
  { path: '/pagefind/pagefind-entry.json' },
  { path: '/pagefind/pagefind.js' },
  { path: '/pagefind/wasm.nl.pagefind' },
  { path: '/pagefind/fragment/nl_06cfa7c.pf_fragment' },
  { path: '/pagefind/fragment/nl_1547b32.pf_fragment' },
  { path: '/pagefind/index/nl_c7b0cc3.pf_index' },
  ...LANG_CODES.flatMap((lang) => [
    page(`/${lang}/`),
    page(`/${lang}/zoeken/`, SEARCH, true),
    page(`/${lang}/kaart/`, MAP, true),
    page(`/${lang}/keurmerk/`),
    page(`/${lang}/aanbieder/KH-1/`),
    page(`/${lang}/aanbieder/KH-2/`),
    page(`/${lang}/gemeente/GM0014/`),
    page(`/${lang}/gemeente/GM0034/`),
    page(`/${lang}/embed/gemeente/GM0014/`),
    { path: `/${lang}/wijzigingen.atom` },
  ]),
];

const rules = headerRules(FILES);
const headersFile = renderHeadersFile(rules);

/** nginx's answer for a path, read from the configuration the way nginx evaluates it. */
function nginxHeaders(conf: string, path: string): Record<string, string> {
  const uri = path.endsWith('/') ? `${path}index.html` : path;
  const headers: Record<string, string> = {};
  const variables = new Map<string, string>();
  for (const [, variable, body] of conf.matchAll(/map \$uri \$(\w+) \{\n([\s\S]*?)\n\}/g)) {
    // Regular expressions in a map are tried in the order they appear; the first one wins.
    for (const [, regex, value] of body!.matchAll(/^\s+"~(.*)" "(.*)";$/gm)) {
      if (new RegExp(regex!).test(uri)) {
        variables.set(variable!, value!);
        break;
      }
    }
  }
  for (const [, name, variable] of conf.matchAll(/^\s+add_header ([\w-]+) \$(\w+) always;$/gm)) {
    const value = variables.get(variable!);
    if (value) headers[name!] = value; // nginx leaves out a header whose value is empty
  }
  const extension = /\.(\w+)$/.exec(uri)![1]!;
  const types = /types \{\n([\s\S]*?)\n\s+\}/.exec(conf)![1]!;
  const type = [...types.matchAll(/^\s+(\S+) ([^;]+);$/gm)].find(([, , extensions]) => extensions!.split(' ').includes(extension))?.[1] ?? 'application/octet-stream';
  const charsetTypes = /charset_types ([^;]+);/.exec(conf)![1]!.split(' ');
  headers['Content-Type'] = type === 'text/html' || charsetTypes.includes(type) ? `${type}; charset=utf-8` : type;
  return headers;
}

describe('the headers of every file', () => {
  it('come from _headers exactly as the policy states them, each header from one rule only', () => {
    const parsed = parseHeadersFile(headersFile);
    expect(parsed).toEqual(rules);
    for (const file of FILES) {
      const { headers, from } = headersForPath(parsed, file.path);
      expect(headers, file.path).toEqual(headersFor(file));
      for (const [name, patterns] of Object.entries(from)) expect(patterns, `${file.path}: ${name}`).toHaveLength(1);
    }
  });

  it('are the same in nginx.conf as in _headers, Content-Type included', () => {
    const conf = renderNginxConf(rules, { listen: '127.0.0.1:8080', root: '/srv/register/dist' });
    for (const file of FILES) {
      const stated = headersForPath(rules, file.path).headers;
      const fromNginx = nginxHeaders(conf, file.path);
      const { 'Content-Type': statedType, ...rest } = stated;
      const { 'Content-Type': nginxType, ...nginxRest } = fromNginx;
      expect(nginxRest, file.path).toEqual(rest);
      if (statedType) expect(nginxType, file.path).toBe(statedType);
    }
  });

  it('take few rules: one per kind of page, not one per page or per language', () => {
    expect(rules.length).toBeLessThanOrEqual(30);
    expect(rules.map((r) => r.pattern)).toContain('/:lang/aanbieder/*');
    expect(rules.map((r) => r.pattern)).not.toContain('/nl/aanbieder/*');
  });

  it('never give a data file the headers of a page whose path it resembles (/data/gemeente/ and /:lang/gemeente/)', () => {
    const { headers } = headersForPath(rules, '/data/gemeente/GM0014.csv');
    expect(headers['Content-Security-Policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers['Content-Type']).toBe('text/csv; charset=utf-8');
    expect(headers['Access-Control-Allow-Origin']).toBe('*');
  });
});

describe('the policy', () => {
  const on = (path: string) => headersForPath(rules, path).headers;

  it('sends HSTS, nosniff and a Referrer-Policy with everything', () => {
    for (const file of FILES) {
      expect(on(file.path)['Strict-Transport-Security'], file.path).toMatch(/^max-age=\d{8}/);
      expect(on(file.path)['X-Content-Type-Options'], file.path).toBe('nosniff');
      expect(on(file.path)['Referrer-Policy'], file.path).toBe('strict-origin-when-cross-origin');
    }
  });

  it("gives every page its own CSP as a header, with frame-ancestors 'none'", () => {
    const content = on('/nl/aanbieder/KH-1/')['Content-Security-Policy']!;
    expect(content).toContain("frame-ancestors 'none'");
    expect(content).toContain("script-src 'self' 'sha256-abc='");
    expect(content).not.toContain('pdok');
    expect(content).not.toContain('wasm-unsafe-eval');
    const search = on('/ar/zoeken/')['Content-Security-Policy']!;
    expect(search).toContain("connect-src 'self' https://api.pdok.nl");
    expect(search).toContain("'wasm-unsafe-eval'");
    expect(search).toContain("frame-ancestors 'none'");
    const map = on('/ti/kaart/')['Content-Security-Policy']!;
    expect(map).toContain("img-src 'self' data: https://service.pdok.nl");
    expect(map).toContain("worker-src 'self'");
    expect(on('/404.html')['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    // The pages made to be embedded by municipalities' own sites, and only those.
    expect(on('/fa/embed/gemeente/GM0014/')['Content-Security-Policy']).toMatch(/; frame-ancestors \*$/);
    expect(on('/fa/gemeente/GM0014/')['Content-Security-Policy']).toContain("frame-ancestors 'none'");
  });

  it("gives the documents a visitor may open on their own (badges, feeds, JSON, CSV) a policy that allows nothing, and scripts none", () => {
    for (const path of ['/badge/KH-1.svg', '/nl/wijzigingen.atom', '/data/register.json', '/data/holders.csv', '/data/dcat.jsonld', '/api/v1/holders.json', '/robots.txt', '/favicon.svg']) {
      expect(on(path)['Content-Security-Policy'], path).toBe("default-src 'none'; frame-ancestors 'none'");
    }
    // A worker takes its policy from its own response: the map's worker must stay free to fetch its data.
    for (const path of ['/_astro/map-worker-k0XYyS_L.js', '/_astro/style.B6I3N5JY.css', '/pagefind/pagefind.js', '/pagefind/wasm.nl.pagefind']) {
      expect(on(path)['Content-Security-Policy'], path).toBeUndefined();
    }
  });

  it('states the API version on every answer of the API, and nowhere else', () => {
    expect(on('/api/v1/holders.json')['API-Version']).toBe('1.0.0');
    expect(on('/data/register.json')['API-Version']).toBeUndefined();
    expect(on('/nl/')['API-Version']).toBeUndefined();
  });

  it('allows geolocation only on the pages that offer "use my location"', () => {
    expect(on('/nl/zoeken/')['Permissions-Policy']).toContain('geolocation=(self)');
    expect(on('/uk/kaart/')['Permissions-Policy']).toContain('geolocation=(self)');
    expect(on('/nl/aanbieder/KH-2/')['Permissions-Policy']).toContain('geolocation=()');
    expect(on('/nl/')['Permissions-Policy']).toContain('geolocation=()');
    expect(pageFacts(`<meta http-equiv="content-security-policy" content="${BASE}"><button data-place-device hidden>`, 'x').usesGeolocation).toBe(true);
    expect(pageFacts(`<meta http-equiv="content-security-policy" content="${BASE}"><p>`, 'x').usesGeolocation).toBe(false);
  });

  it('lets any origin fetch /data/ and /api/, and nothing else', () => {
    expect(on('/data/holders.csv')['Access-Control-Allow-Origin']).toBe('*');
    expect(on('/api/v1/holders.json')['Access-Control-Allow-Origin']).toBe('*');
    expect(on('/plaatsen.json')['Access-Control-Allow-Origin']).toBeUndefined();
    expect(on('/nl/')['Access-Control-Allow-Origin']).toBeUndefined();
  });

  it('caches only hashed files for a year; HTML, data and the files tied to the search index are revalidated', () => {
    for (const path of ['/_astro/style.B6I3N5JY.css', '/pagefind/fragment/nl_06cfa7c.pf_fragment', '/pagefind/index/nl_c7b0cc3.pf_index']) {
      expect(on(path)['Cache-Control'], path).toBe('public, max-age=31536000, immutable');
    }
    for (const path of ['/', '/nl/', '/nl/zoeken/', '/data/register.json', '/pagefind/pagefind-entry.json', '/pagefind/wasm.nl.pagefind', '/zoeken/coordinaten.json', '/kaart/locaties.json', '/plaatsen.json', '/badge/KH-1.svg']) {
      expect(on(path)['Cache-Control'], path).toBe('no-cache');
    }
  });

  it('states the types hosts get wrong, with charset=utf-8', () => {
    expect(on('/nl/wijzigingen.atom')['Content-Type']).toBe('application/atom+xml; charset=utf-8');
    expect(on('/data/locations.geojson')['Content-Type']).toBe('application/geo+json; charset=utf-8');
    expect(on('/data/dcat.jsonld')['Content-Type']).toBe('application/ld+json; charset=utf-8');
    expect(on('/data/holders.csv')['Content-Type']).toBe('text/csv; charset=utf-8');
  });
});

describe('two sites in one nginx', () => {
  const variables = (conf: string) => new Set([...conf.matchAll(/^map \$uri \$(\w+) \{$/gm)].map((m) => m[1]!));

  it('define variables of their own, so neither takes the other\'s headers', () => {
    const first = renderNginxConf(rules, { listen: '8080', root: '/srv/register/dist' });
    const second = renderNginxConf(rules, { listen: '8081', root: '/srv/test-register/dist' });
    expect(variables(first).size).toBeGreaterThan(3);
    expect([...variables(first)].filter((name) => variables(second).has(name))).toEqual([]);
    // Every add_header reads a variable its own configuration defines.
    for (const conf of [first, second]) {
      for (const [, variable] of conf.matchAll(/add_header [\w-]+ \$(\w+) always;/g)) expect(variables(conf).has(variable!), variable).toBe(true);
    }
    // The same site keeps its names from build to build; REGISTER_NGINX_PREFIX names them by hand.
    expect(renderNginxConf(rules, { listen: '8080', root: '/srv/register/dist' })).toBe(first);
    const named = renderNginxConf(rules, { ...nginxSettingsFromEnv('/srv/register/dist', { REGISTER_NGINX_PREFIX: 'register_test_' }) });
    expect([...variables(named)].every((name) => name.startsWith('register_test_'))).toBe(true);
  });

  it('answer a folder address with the site\'s 404 page, not nginx\'s 403', () => {
    expect(renderNginxConf(rules, { listen: '8080', root: '/srv' })).toMatch(/^\s+error_page 403 =404 \/404\.html;$/m);
  });
});

describe('mistakes stop the build', () => {
  it('a page without a CSP', () => {
    expect(() => pageFacts('<html><head></head></html>', 'nl/x/index.html')).toThrow(/nl\/x\/index\.html: the page has no Content-Security-Policy/);
  });

  it('an nginx root or listen value that would break the configuration', () => {
    expect(() => renderNginxConf(rules, { listen: '8080; evil', root: '/srv' })).toThrow(/listen/);
    expect(() => renderNginxConf(rules, { listen: '8080', root: 'relative/dist' })).toThrow(/root/);
    expect(() => renderNginxConf(rules, { listen: '8080', root: '/srv', include: '/etc/x.conf; evil' })).toThrow(/include/);
    expect(() => renderNginxConf(rules, { listen: '8080', root: '/srv', prefix: 'kr-1' })).toThrow(/prefix/);
    // The build checks the settings before it builds (scripts/lib/build-settings.ts), naming the variable.
    expect(nginxParameterProblems(nginxSettingsFromEnv('/srv', { REGISTER_NGINX_PREFIX: '1kr' }), (what) => `REGISTER_NGINX_${what.toUpperCase()}`)).toEqual([
      expect.stringMatching(/^REGISTER_NGINX_PREFIX: .*"1kr"/),
    ]);
    const tls = renderNginxConf(rules, { listen: '443 ssl', root: '/srv/register/dist', include: '/etc/nginx/snippets/register-tls.conf' });
    expect(tls).toMatch(/^\s+listen 443 ssl;$/m);
    expect(tls).toMatch(/^\s+include \/etc\/nginx\/snippets\/register-tls\.conf;$/m);
  });

  it('a header nginx cannot carry', () => {
    const bad: HeaderRule[] = [{ pattern: '/*', headers: { 'X-Test': 'a "quoted" $value' } }];
    expect(() => renderNginxConf(bad, { listen: '8080', root: '/srv' })).toThrow(/X-Test/);
  });
});

describe('patterns', () => {
  it('match as Netlify and Cloudflare match them: a placeholder is one segment, * anything', () => {
    const rule = (pattern: string) => new RegExp(nginxRegExp(pattern));
    expect(rule('/:lang/gemeente/:name/').test('/nl/gemeente/GM0014/index.html')).toBe(true);
    expect(rule('/:lang/gemeente/:name/').test('/data/gemeente/GM0014.csv')).toBe(false);
    expect(rule('/:lang/aanbieder/*').test('/en/aanbieder/KH-1/index.html')).toBe(true);
    expect(rule('/:lang/').test('/nl/index.html')).toBe(true);
    expect(rule('/:lang/').test('/nl/aanbieder/index.html')).toBe(false);
  });
});
