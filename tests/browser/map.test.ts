/**
 * The map page in Chromium: markers summed over clusters are exactly the located locations
 * that match the filters (checked against facets.ts on the register), the list shows the
 * same locations as the map, popups and clusters work by keyboard, tiles that cannot load
 * change nothing else, and no page without a map loads any of its code. Tiles are answered
 * locally (tests/support/browser.ts), so no network is needed.
 */
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { filterLocations, type Location } from '../../src/register/index.ts';
import { effectiveSelection, parseFilterState } from '../../src/client/filter-state.ts';
import { textDirection } from '../../src/i18n/languages.ts';
import { axeViolations, openPage, openReady, useBrowser } from '../support/browser.ts';
import { LANGS, pageTypes } from '../support/pages.ts';
import { loadRegister } from '../support/register.ts';
import { ROOT } from '../support/site.ts';

const base = inject('sampleUrl');
const register = loadRegister(resolve(ROOT, 'data'));

/** What the map must show for a query string, computed the way search and the region pages do. */
function expected(query: string): Location[] {
  const selection = effectiveSelection(parseFilterState(new URLSearchParams(query)));
  return filterLocations(register, selection).filter((l) => l.latitude !== undefined);
}

let browser: Browser;
let page: Page;
let errors: string[];

useBrowser((session) => ({ browser, page, errors } = session));

async function openMap(target: Page, query = '', lang = 'nl') {
  await openReady(target, `${base}/${lang}/kaart/${query}`, 'location-map');
}

/** Locations drawn on the map: cluster counts plus single pins. */
function markerSum(target: Page) {
  return target.evaluate(() => {
    const pane = document.querySelector('.leaflet-marker-pane')!;
    const clusters = [...pane.querySelectorAll<HTMLElement>('[data-count]')].reduce((n, el) => n + Number(el.dataset.count), 0);
    return clusters + pane.querySelectorAll('[data-location-id]').length;
  });
}

/** Every location id in the list, after showing all of it (each page comes from the map's worker, so wait for it). */
async function listIds(target: Page): Promise<string[]> {
  const more = target.locator('[data-map-more]');
  const items = target.locator('[data-map-list] > li');
  while (await more.isVisible()) {
    const shown = await items.count();
    await more.click();
    await expect.poll(async () => (await items.count()) > shown || (await more.isHidden())).toBe(true);
  }
  return target.locator('[data-map-list] > li').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.locationId!));
}

describe('markers and filters', () => {
  const queries = ['', '?route=Z', '?inactive=1&daypart=avond', '?status=geschorst&status=ingetrokken&status=beeindigd', '?law=wi2013&province=Zuid-Holland&province=Noord-Holland', '?start=soon'];

  for (const query of queries) {
    it(`markers summed over clusters equal the matching located locations (${query || 'default: valid keurmerk only'})`, async () => {
      const want = expected(query);
      expect(want.length).toBeGreaterThan(0);
      await openMap(page, query);
      expect(await markerSum(page)).toBe(want.length);
      // The whole country is in view, so the list holds the same locations.
      expect(await page.locator('[data-map-count]').getAttribute('data-count')).toBe(String(want.length));
      expect((await listIds(page)).sort()).toEqual(want.map((l) => l.location_id).sort());
    });
  }

  it('choosing filters in the panel search shares redraws the map, updates the counts and keeps them in the URL', async () => {
    await openMap(page);
    await page.check('#kaart-filter-route-Z');
    await expect.poll(() => markerSum(page)).toBe(expected('?route=Z').length);
    expect(new URL(page.url()).searchParams.getAll('route')).toEqual(['Z']);
    await page.check('#kaart-filter-inactive');
    await expect.poll(() => markerSum(page)).toBe(expected('?route=Z&inactive=1').length);
    expect(new URL(page.url()).searchParams.get('inactive')).toBe('1');
    // The count beside B1 is the number of shown locations that also teach B1.
    const b1 = expected('?route=Z&inactive=1').filter((l) => l.routes.some((r) => r.route === 'B1')).length;
    expect(await page.locator('[data-count="route:B1"]').textContent()).toBe(`(${b1})`);
    await page.goBack();
    await expect.poll(() => markerSum(page)).toBe(expected('?route=Z').length);
  });

  it('the default hides suspended and former holders, which ?inactive=1 brings back', async () => {
    const all = register.locations.filter((l) => l.latitude !== undefined);
    expect(expected('').length).toBeLessThan(all.length);
    await openMap(page, '?inactive=1');
    expect(await markerSum(page)).toBe(all.length);
  });
});

describe('the list follows the visible area', () => {
  it('after going to a place, the list holds exactly the matching locations in view', async () => {
    const city = register.locations.find((l) => l.latitude !== undefined && l.city === 'Utrecht')?.city ?? expected('')[0]!.city;
    await openMap(page);
    const before = await page.locator('[data-map-canvas]').getAttribute('data-view');
    await page.fill('#kaart-filter-place', city);
    await page.press('#kaart-filter-place', 'Enter');
    await expect.poll(() => page.locator('[data-map-canvas]').getAttribute('data-view')).not.toBe(before);
    await expect.poll(() => page.locator('[data-place-message]').textContent()).toContain(city);
    const view = (await page.locator('[data-map-canvas]').getAttribute('data-view'))!.split(',').map(Number) as [number, number, number, number];
    const [south, west, north, east] = view;
    const inView = expected('').filter((l) => l.latitude! >= south && l.latitude! <= north && l.longitude! >= west && l.longitude! <= east);
    expect(inView.length).toBeGreaterThan(0);
    expect(inView.length).toBeLessThan(expected('').length);
    expect((await listIds(page)).sort()).toEqual(inView.map((l) => l.location_id).sort());
    // Nearest first: the first item is in the place itself.
    expect(await page.locator('[data-map-list] > li').first().innerText()).toContain(city);
    expect(page.url()).toContain(`place=${encodeURIComponent(city).replace(/%20/g, '+')}`);
  });
});

describe('keyboard', () => {
  it('every marker and cluster is a labelled button in the tab order', async () => {
    await openMap(page);
    const icons = await page.locator('.leaflet-marker-pane > *').evaluateAll((els) =>
      els.map((el) => ({ role: el.getAttribute('role'), tabindex: el.getAttribute('tabindex'), label: el.getAttribute('aria-label') })),
    );
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons) {
      expect(icon.role).toBe('button');
      expect(icon.tabindex).toBe('0');
      expect(icon.label).toMatch(/\S/);
    }
  });

  it('Enter on a pin opens its popup with focus inside; Escape closes it and focus returns to the pin', async () => {
    await openMap(page, '?inactive=1');
    const pin = page.locator('.leaflet-marker-pane [data-location-id]').first();
    const id = (await pin.getAttribute('data-location-id'))!;
    const location = register.locationById.get(id)!;
    await pin.focus();
    await page.keyboard.press('Enter');
    const popup = page.locator('.leaflet-popup');
    await expect.poll(() => popup.count()).toBe(1);
    expect(await page.evaluate(() => document.querySelector('.leaflet-popup')!.contains(document.activeElement))).toBe(true);
    const text = await popup.innerText();
    expect(text).toContain(location.street);
    expect(text).toContain(location.city);
    expect(await popup.locator(`a[href="/nl/vestiging/${id}/"]`).count()).toBe(1);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(`/nl/vestiging/${id}/`);
    await page.keyboard.press('Escape');
    await expect.poll(() => popup.count()).toBe(0);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.locationId)).toBe(id);
  });

  it('Enter on a cluster zooms in and keeps focus on the map, on the nearest marker', async () => {
    await openMap(page);
    const before = (await page.locator('[data-map-canvas]').getAttribute('data-view'))!;
    const cluster = page.locator('.leaflet-marker-pane [data-count]').first();
    await cluster.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-map-canvas]').getAttribute('data-view')).not.toBe(before);
    await expect
      .poll(() => page.evaluate(() => document.querySelector('.leaflet-marker-pane')!.contains(document.activeElement)))
      .toBe(true);
  });

  it('the skip link jumps past the markers to the list', async () => {
    await openMap(page);
    await page.locator('.kr-location-map__skip').focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kaart-lijst');
  });
});

describe('base map', () => {
  it('tiles load from the one tile URL, with attribution', async () => {
    errors.length = 0;
    await openMap(page);
    await expect.poll(() => page.locator('.leaflet-tile-loaded').count()).toBeGreaterThan(0);
    const src = await page.locator('.leaflet-tile').first().getAttribute('src');
    expect(src).toMatch(/^https:\/\/service\.pdok\.nl\/brt\/achtergrondkaart\/wmts\/v2_0\/standaard\/EPSG:3857\/\d+\/\d+\/\d+\.png$/);
    expect(await page.locator('.leaflet-control-attribution').innerText()).toMatch(/Kadaster.*PDOK/);
    expect(await page.locator('[data-map-notice]').isHidden()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('when tiles cannot load, markers, clusters, list and popups still work on a plain background', async () => {
    const offline = await openPage(browser, undefined, { tiles: 'abort' });
    const query = '?route=B1';
    await openMap(offline, query);
    await offline.locator('[data-map-notice]').waitFor();
    expect(await offline.locator('[data-map-notice]').innerText()).toMatch(/achtergrondkaart/i);
    expect(await markerSum(offline)).toBe(expected(query).length);
    expect((await listIds(offline)).length).toBe(expected(query).length);
    await offline.locator('.leaflet-marker-pane [data-count]').first().click();
    await offline.locator('.leaflet-marker-pane [data-location-id]').first().waitFor();
    await offline.locator('.leaflet-marker-pane [data-location-id]').first().click();
    await offline.locator('.leaflet-popup').waitFor();
    await offline.context().close();
  });
});

describe('lean: map code only on the map page', () => {
  it('no Leaflet, map script, map stylesheet or marker data on a provider page or a location page', async () => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    // What every page loads (the site stylesheet, any page-wide script) is not map code, and
    // neither is what the search page shares with the map (the interface-text helper, which
    // a location page's keep button uses too).
    await page.goto(`${base}/nl/keurmerk/`, { waitUntil: 'networkidle' });
    await page.goto(`${base}/nl/zoeken/`, { waitUntil: 'networkidle' });
    const everywhere = new Set(requested);
    requested.length = 0;
    await openMap(page);
    const mapOnly = requested.filter((url) => /\.(js|css|json)$/.test(new URL(url).pathname) && !everywhere.has(url));
    expect(mapOnly.some((url) => url.endsWith('/kaart/locaties.json'))).toBe(true);
    expect(mapOnly.some((url) => /leaflet/i.test(url))).toBe(true);

    const types = pageTypes(register).filter((t) => /holder|location/.test(t.name));
    requested.length = 0;
    for (const type of types) await page.goto(base + type.path('nl'), { waitUntil: 'networkidle' });
    expect(requested.filter((url) => mapOnly.includes(url) || /leaflet|pdok/i.test(url))).toEqual([]);
    page.removeAllListeners('request');
  });

  it('the marker data is fetched, not inlined into the HTML', async () => {
    const html = await (await fetch(`${base}/nl/kaart/`)).text();
    const someId = expected('')[0]!.location_id;
    expect(html).not.toContain(someId);
  });
});

describe('accessibility and direction', () => {
  for (const lang of LANGS) {
    it(`axe finds nothing with the map drawn and a popup open (${lang}); the map stays left to right, popup text follows the page`, async () => {
      await openMap(page, '?inactive=1', lang);
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('.leaflet-marker-pane [data-location-id]').first().click();
      await page.locator('.leaflet-popup').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.locator('[data-map-canvas]').getAttribute('dir')).toBe('ltr');
      expect(await page.locator('.leaflet-popup .kr-map-card').getAttribute('dir')).toBe(textDirection(lang));
    });
  }
});

describe('hostile names', () => {
  it('names and addresses from the export show as text in pins, popups and the list, and nothing runs', async () => {
    const hostile = loadRegister(resolve(ROOT, 'tests/fixtures/hostile'));
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await openReady(page, `${inject('hostileUrl')}/nl/kaart/?inactive=1`, 'location-map');
    const located = hostile.locations.filter((l) => l.latitude !== undefined);
    expect(await markerSum(page)).toBe(located.length);
    const list = await page.locator('[data-map-list]').innerText();
    for (const location of located) expect(list).toContain(location.street);
    // Open every single pin's popup, zooming into clusters until none is left.
    for (let round = 0; round < 10 && (await page.locator('.leaflet-marker-pane [data-count]').count()) > 0; round++) {
      const cluster = page.locator('.leaflet-marker-pane [data-count]').first();
      const clicked = await cluster.elementHandle();
      await cluster.click();
      // The map zooms in and draws the next zoom's markers, replacing the cluster clicked; where no
      // zoom level separates its locations, a popup lists them instead.
      await page.waitForFunction((el) => !el?.isConnected || document.querySelector('.leaflet-popup') !== null, clicked);
    }
    for (const pin of await page.locator('.leaflet-marker-pane [data-location-id]').all()) {
      await pin.click();
      await page.locator('.leaflet-popup').waitFor();
      // Closed again by keyboard, as a visitor would, so an open popup never lies over the next pin.
      await page.keyboard.press('Escape');
      await page.locator('.leaflet-popup').waitFor({ state: 'detached' });
    }
    expect(await page.locator('[data-location-map] img:not(.leaflet-tile), [data-location-map] iframe, [data-location-map] u, svg[onload]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    page.removeAllListeners('dialog');
  });
});
