/**
 * The sample site served by a real nginx with the configuration its build wrote
 * (deploy/nginx.conf, here beside the test's build): every file with exactly the headers
 * `_headers` states for it, the security, cache and type headers a visitor's browser relies
 * on, the 404 page, and the search and map pages working in Chromium under the header CSP.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { builtFiles, headersForPath, nginxConfFor, parseHeadersFile, renderNginxConf, HEADERS_FILE } from '../../src/site/host-config.ts';
import { DOCUMENT_POLICY } from '../../src/site/response-headers.ts';
import { API_RELEASE } from '../../src/register/api-schema.ts';
import { badgeSnippet } from '../../src/site/embed-code.ts';
import { BADGE_SIZE } from '../../src/site/badge.ts';
import { TMP } from '../support/site.ts';
import { BASE_MAP, PDOK_LOCATIESERVER } from '../../src/register/pdok.ts';
import { freePort, startNginx, type RunningNginx } from '../../scripts/lib/nginx.ts';
import { answerPdok, openPage, openReady, useBrowser, watchCspViolations, watchPageErrors } from '../support/browser.ts';
import nl from '../../src/i18n/dictionaries/nl.ts';

const out = inject('sampleOut');
const rules = parseHeadersFile(readFileSync(join(out, HEADERS_FILE), 'utf8'));

let nginx: RunningNginx;
let browser: Browser;

beforeAll(async () => {
  nginx = await startNginx(inject('sampleNginxConf'), inject('sampleNginxPort'));
});
afterAll(async () => {
  await nginx?.stop();
});
// Each test opens its own page: they grant permissions and route requests per context.
useBrowser((session) => ({ browser } = session));

function get(path: string, init: RequestInit = {}) {
  return fetch(`${nginx.url}${path}`, { redirect: 'manual', ...init });
}

/** Files of a kind, from the build's own output, so the test follows the site. */
const paths = builtFiles(out).map((file) => file.path);
const first = (test: RegExp) => {
  const found = paths.find((p) => test.test(p));
  if (!found) throw new Error(`the sample site has no file like ${test}`);
  return found;
};
const CONTENT_PAGE = first(/^\/nl\/aanbieder\/[^/]+\/$/);
const HASHED_ASSET = first(/^\/_astro\/.+\.css$/);
const EMBED_PAGE = first(/^\/nl\/embed\/gemeente\/[^/]+\/$/);
const BADGE = first(/^\/badge\/[^/]+\.svg$/);
const API_DOCUMENT = first(/^\/api\/v1\/vestiging\/[^/]+\.json$/);

describe('nginx serves every file as _headers says', () => {
  it('every header of every file, no more and no less, and each file answers 200', async () => {
    const policyHeaders = ['cache-control', 'content-security-policy', 'permissions-policy', 'access-control-allow-origin', 'strict-transport-security', 'x-content-type-options', 'referrer-policy'];
    const mismatches: string[] = [];
    const queue = [...paths];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
          const response = await get(path, { method: 'HEAD' });
          const stated = Object.fromEntries(Object.entries(headersForPath(rules, path).headers).map(([k, v]) => [k.toLowerCase(), v]));
          if (response.status !== 200) mismatches.push(`${path}: status ${response.status}`);
          for (const name of new Set([...policyHeaders, ...Object.keys(stated)])) {
            const sent = response.headers.get(name) ?? undefined;
            if (sent !== stated[name]) mismatches.push(`${path}: ${name} is ${sent}, _headers says ${stated[name]}`);
          }
        }
      }),
    );
    expect(paths.length).toBeGreaterThan(1000);
    expect(mismatches.slice(0, 20)).toEqual([]);
  });
});

describe('security headers', () => {
  it('a content page: its own CSP with frame-ancestors, HSTS, nosniff, Referrer-Policy, no geolocation', async () => {
    const response = await get(CONTENT_PAGE);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/pdok|unsafe-inline|unsafe-eval/);
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8}/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('permissions-policy')).toContain('geolocation=()');
  });

  it('the search page: PDOK geocoder and WebAssembly allowed, geolocation for "use my location"', async () => {
    const response = await get('/nl/zoeken/');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain(`connect-src 'self' ${new URL(PDOK_LOCATIESERVER).origin}`);
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('permissions-policy')).toContain('geolocation=(self)');
    expect(response.headers.get('strict-transport-security')).toBeTruthy();
  });

  it('the map page: PDOK tiles and geocoder allowed, its worker, geolocation', async () => {
    const response = await get('/en/kaart/');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain(`img-src 'self' data: ${BASE_MAP.origin}`);
    expect(csp).toContain(`connect-src 'self' ${new URL(PDOK_LOCATIESERVER).origin}`);
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('permissions-policy')).toContain('geolocation=(self)');
  });

  it("badges, feeds, JSON and CSV documents: a policy that allows nothing (default-src 'none')", async () => {
    for (const path of [BADGE, '/nl/wijzigingen.atom', API_DOCUMENT, '/api/v1/openapi.json', '/data/register.json', '/data/holders.csv', '/data/dcat.jsonld', '/kaart/locaties.json']) {
      const response = await get(path, { method: 'HEAD' });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-security-policy'), path).toBe(DOCUMENT_POLICY);
    }
  });

  it('every answer of the API states its version (API-Version), the rest of the site does not', async () => {
    for (const path of ['/api/v1/index.json', API_DOCUMENT, '/api/v1/openapi.json', '/api/v1/schema/vestiging.schema.json']) {
      expect((await get(path, { method: 'HEAD' })).headers.get('api-version'), path).toBe(API_RELEASE);
    }
    expect((await get('/data/register.json', { method: 'HEAD' })).headers.get('api-version')).toBeNull();
    expect((await get(CONTENT_PAGE, { method: 'HEAD' })).headers.get('api-version')).toBeNull();
  });

  it('CORS for anyone on /data/, not on pages', async () => {
    expect((await get('/data/register.json')).headers.get('access-control-allow-origin')).toBe('*');
    expect((await get('/data/holders.csv')).headers.get('access-control-allow-origin')).toBe('*');
    expect((await get('/nl/')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('caching', () => {
  it('a hashed asset is cached for a year without asking again', async () => {
    expect((await get(HASHED_ASSET)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const fragment = first(/^\/pagefind\/fragment\//);
    expect((await get(fragment)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('HTML, data and every file tied to the search index are revalidated, and an unchanged one answers 304', async () => {
    for (const path of [CONTENT_PAGE, '/nl/', '/data/register.json', '/pagefind/pagefind-entry.json', '/pagefind/pagefind.js', '/zoeken/coordinaten.json', '/kaart/locaties.json', '/plaatsen.json']) {
      const response = await get(path);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      const etag = response.headers.get('etag');
      expect(etag, path).toBeTruthy();
      const again = await get(path, { headers: { 'if-none-match': etag! } });
      expect(again.status, path).toBe(304);
    }
  });

  it('text is sent compressed', async () => {
    for (const path of [CONTENT_PAGE, '/data/register.json', '/zoeken/coordinaten.json', HASHED_ASSET]) {
      const response = await get(path, { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } });
      expect(response.headers.get('content-encoding'), path).toBe('gzip');
      expect(response.headers.get('vary'), path).toContain('Accept-Encoding');
    }
  });
});

describe('content types', () => {
  it('.atom, .geojson, .jsonld and CSV with charset=utf-8; pages and JSON with it too', async () => {
    const expected: [string, string][] = [
      ['/nl/wijzigingen.atom', 'application/atom+xml; charset=utf-8'],
      ['/data/locations.geojson', 'application/geo+json; charset=utf-8'],
      ['/data/dcat.jsonld', 'application/ld+json; charset=utf-8'],
      ['/data/holders.csv', 'text/csv; charset=utf-8'],
      [first(/^\/data\/gemeente\/.+\.csv$/), 'text/csv; charset=utf-8'],
      ['/data/register.json', 'application/json; charset=utf-8'],
      [CONTENT_PAGE, 'text/html; charset=utf-8'],
      [HASHED_ASSET, 'text/css; charset=utf-8'],
    ];
    for (const [path, type] of expected) expect((await get(path, { method: 'HEAD' })).headers.get('content-type'), path).toBe(type);
  });
});

describe('addresses', () => {
  it('/ answers with the language chooser', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('href="/nl/"');
  });

  it('/ opens the first of the browser\'s languages the site has (Accept-Language), and the root page for Dutch or none', async () => {
    const front = async (language: string) => {
      const response = await get('/', { headers: { 'accept-language': language } });
      return { status: response.status, location: response.headers.get('location'), vary: response.headers.get('vary') };
    };
    expect(await front('ar')).toMatchObject({ status: 302, location: '/ar/' });
    expect((await front('ar')).vary).toContain('Accept-Language');
    expect(await front('de-DE,de;q=0.9,ti;q=0.8,ar;q=0.7')).toMatchObject({ status: 302, location: '/ti/' });
    expect(await front('uk-UA')).toMatchObject({ status: 302, location: '/uk/' });
    expect(await front('nl-NL,nl;q=0.9,ar;q=0.8')).toMatchObject({ status: 200, location: null });
    expect(await front('de-DE')).toMatchObject({ status: 200, location: null });
    // "ark" is no Arabic, and "ar" inside a longer tag no language of the site.
    expect(await front('ark,x-ar')).toMatchObject({ status: 200, location: null });
  });

  it('a browser preferring Arabic lands on /ar/, one preferring Dutch or another language on /nl/', async () => {
    for (const [locale, home] of [['ar', '/ar/'], ['nl-NL', '/nl/'], ['de-DE', '/nl/']] as const) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(`${nginx.url}/`);
      await page.waitForURL((url) => url.pathname !== '/');
      expect(new URL(page.url()).pathname, locale).toBe(home);
      await context.close();
    }
  });

  it('an unknown address gets the 404 page with status 404, and its headers', async () => {
    const response = await get('/nl/aanbieder/BESTAAT-NIET/');
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(readFileSync(join(out, '404.html'), 'utf8'));
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('a folder without a page of its own (/api/, /data/, /badge/) gets the 404 page, not nginx\'s bare 403', async () => {
    const notFound = readFileSync(join(out, '404.html'), 'utf8');
    for (const path of ['/api/', '/api/v1/', '/api/v1/vestiging/', '/data/', '/data/gemeente/', '/badge/']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toBe(notFound);
      expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    }
  });

  it('a folder without its slash is redirected to it; _headers itself is not served', async () => {
    const response = await get('/nl/zoeken');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/nl/zoeken/');
    expect((await get(`/${HEADERS_FILE}`)).status).toBe(404);
  });
});

describe('two generated sites in one nginx', () => {
  it('each server keeps its own policies, whichever configuration is included last', async () => {
    // A second site with other policies: the same files, every CSP and Referrer-Policy changed.
    const other = rules.map((rule) => ({
      pattern: rule.pattern,
      headers: Object.fromEntries(
        Object.entries(rule.headers).map(([name, value]) => [
          name,
          name === 'Content-Security-Policy' ? `${value}; upgrade-insecure-requests` : name === 'Referrer-Policy' ? 'no-referrer' : value,
        ]),
      ),
    }));
    const [firstPort, secondPort] = [await freePort(), await freePort()];
    const folder = join(TMP, 'two-sites');
    mkdirSync(folder, { recursive: true });
    const firstConf = join(folder, 'first.conf');
    const secondConf = join(folder, 'second.conf');
    writeFileSync(firstConf, nginxConfFor(out, { listen: `127.0.0.1:${firstPort}`, root: out }));
    writeFileSync(secondConf, renderNginxConf(other, { listen: `127.0.0.1:${secondPort}`, root: out }));
    const both = await startNginx([firstConf, secondConf], firstPort);
    try {
      for (const path of [CONTENT_PAGE, BADGE, '/nl/zoeken/']) {
        const [first, second] = await Promise.all([firstPort, secondPort].map((port) => fetch(`http://127.0.0.1:${port}${path}`, { method: 'HEAD' })));
        const stated = headersForPath(rules, path).headers;
        expect(first!.headers.get('content-security-policy'), path).toBe(stated['Content-Security-Policy']);
        expect(first!.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
        expect(second!.headers.get('content-security-policy'), path).toBe(`${stated['Content-Security-Policy']}; upgrade-insecure-requests`);
        expect(second!.headers.get('referrer-policy'), path).toBe('no-referrer');
      }
    } finally {
      await both.stop();
    }
  });
});

describe('in Chromium, under the header CSP', () => {
  it('search finds by text (Pagefind, WebAssembly), asks PDOK, and uses "my location", without a violation', async () => {
    const page = await openPage(browser);
    const context = page.context();
    const violations = await watchCspViolations(page);
    const errors = watchPageErrors(page);
    await context.grantPermissions(['geolocation'], { origin: nginx.url });
    await context.setGeolocation({ latitude: 52.0907, longitude: 5.1214 });
    const asked = await answerPdok(context);
    try {
      const response = await page.goto(`${nginx.url}/nl/zoeken/?q=taal`);
      expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
      await page.locator('[data-search][data-state="ready"]').waitFor();
      expect(await page.locator('[data-search-result]').count()).toBeGreaterThan(0);

      // A place the site does not know: the visitor may ask PDOK's geocoder (connect-src).
      await openReady(page, `${nginx.url}/nl/zoeken/`, 'search');
      await page.fill('#zoeken-place', 'Nergenshuizen');
      await page.locator('#zoeken-place').press('Enter');
      const pdok = page.locator('[data-place-pdok] button');
      await pdok.waitFor();
      await pdok.click();
      await expect.poll(() => page.locator('[data-place-message]').textContent()).toContain('Nergenshuizen, Utrecht');
      expect(asked).toHaveLength(1);

      // "Use my location": the browser's position, allowed by this page's Permissions-Policy.
      await page.locator('[data-place-device]').click();
      await expect.poll(() => page.locator('[data-place-message]').textContent()).toBe(nl['filters.place.foundDevice']);
      expect(await page.evaluate(() => (document as unknown as { featurePolicy: { allowsFeature: (f: string) => boolean } }).featurePolicy.allowsFeature('geolocation'))).toBe(true);
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the map draws its markers and PDOK tiles (worker included) without a violation', async () => {
    const page = await openPage(browser);
    const violations = await watchCspViolations(page);
    const errors = watchPageErrors(page);
    const tiles: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(BASE_MAP.origin)) tiles.push(request.url());
    });
    try {
      await openReady(page, `${nginx.url}/nl/kaart/`, 'location-map');
      await expect.poll(() => page.locator('.leaflet-marker-pane > *').count()).toBeGreaterThan(0);
      await expect.poll(() => tiles.length).toBeGreaterThan(0);
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("a badge still shows under its default-src 'none' policy: as an image on another site, and opened on its own", async () => {
    const page = await openPage(browser);
    const violations = await watchCspViolations(page);
    // Another site shows the badge with the code the holder page offers.
    const site = createServer((_, response) => {
      const snippet = badgeSnippet({ holderUrl: `${nginx.url}${CONTENT_PAGE}`, badgeUrl: `${nginx.url}${BADGE}`, alt: 'Keurmerk' });
      response.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>School</title>${snippet}`);
    });
    await new Promise<void>((done) => site.listen(0, '127.0.0.1', done));
    try {
      await page.goto(`http://127.0.0.1:${(site.address() as { port: number }).port}/`);
      const img = page.locator('img');
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(BADGE_SIZE.width);
      // Opened on its own, the SVG is a document under the policy: it draws, nothing is refused.
      const response = await page.goto(`${nginx.url}${BADGE}`);
      expect(response!.headers()['content-security-policy']).toBe(DOCUMENT_POLICY);
      expect(await page.locator('svg text').count()).toBeGreaterThan(0);
      const box = await page.locator('svg').boundingBox();
      expect(box!.width).toBe(BADGE_SIZE.width);
      expect(violations).toEqual([]);
    } finally {
      site.close();
      await page.context().close();
    }
  });

  it('a content page may not use geolocation, and no other site may frame it; an embed page may be framed', async () => {
    const page = await openPage(browser);
    // Another site (another origin on this machine: a public one would be stopped by
    // Chromium's private-network rule instead) puts a page of the register in a frame.
    const framer = createServer((request, response) => {
      const src = new URL(request.url!, 'http://x').searchParams.get('src')!;
      response.writeHead(200, { 'content-type': 'text/html' }).end(`<iframe src="${nginx.url}${src}"></iframe>`);
    });
    await new Promise<void>((done) => framer.listen(0, '127.0.0.1', done));
    const framerUrl = (src: string) => `http://127.0.0.1:${(framer.address() as { port: number }).port}/?src=${encodeURIComponent(src)}`;
    const framed = () => page.frames().find((f) => f !== page.mainFrame())!;
    try {
      await page.goto(`${nginx.url}${CONTENT_PAGE}`);
      expect(await page.evaluate(() => (document as unknown as { featurePolicy: { allowsFeature: (f: string) => boolean } }).featurePolicy.allowsFeature('geolocation'))).toBe(false);
      const name = await page.locator('h1').innerText();

      const refused: string[] = [];
      page.on('console', (m) => {
        if (/frame-ancestors/.test(m.text())) refused.push(m.text());
      });
      await page.goto(framerUrl(CONTENT_PAGE));
      await expect.poll(() => refused.length).toBeGreaterThan(0);
      expect(framed().url()).not.toBe(`${nginx.url}${CONTENT_PAGE}`);
      expect(await framed().locator('body').innerText().catch(() => '')).not.toContain(name);

      // The municipality list made for embedding shows inside the other site.
      refused.length = 0;
      await page.goto(framerUrl(EMBED_PAGE));
      await expect.poll(() => framed().url()).toBe(`${nginx.url}${EMBED_PAGE}`);
      await framed().locator('h1, h2').first().waitFor();
      expect(refused).toEqual([]);
    } finally {
      framer.close();
      await page.context().close();
    }
  });
});
