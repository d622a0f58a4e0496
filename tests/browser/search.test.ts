/**
 * The search page in Chromium, on the sample register (and the hostile fixture for the
 * index counts): what it finds is checked against the register model (facets.ts, geo.ts),
 * never against hand-counted numbers, so the tests hold for any valid export.
 * PDOK is intercepted; no test needs a network.
 */
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_STATUS_SELECTION, FILTER_KEYS, facetCounts, filterLocations, type FilterSelection } from '../../src/register/facets.ts';
import { buildPlaceIndex, distanceKm, resolvePlace } from '../../src/register/geo.ts';
import type { Location, Register } from '../../src/register/model.ts';
import { effectiveSelection, parseFilterState } from '../../src/client/filter-state.ts';
import { textDirection } from '../../src/i18n/languages.ts';
import { locationName } from '../../src/register/model.ts';
import { answerPdok, axeViolations, openPage, PDOK_ROUTE as pdok, useBrowser } from '../support/browser.ts';
import { LANGS } from '../support/pages.ts';
import { loadRegister } from '../support/register.ts';
import { ROOT } from '../support/site.ts';

const base = inject('sampleUrl');
const register = loadRegister(resolve(ROOT, 'data'));
const holderOf = (l: Location) => register.holderById.get(l.holder_id)!;

/** The locations search must show for a query string, from the model. */
function expected(query: string, model: Register = register): Location[] {
  return filterLocations(model, effectiveSelection(parseFilterState(new URLSearchParams(query))));
}

let browser: Browser;
let page: Page;
let errors: string[];

useBrowser((session) => ({ browser, page, errors } = session));

async function ready(target: Page) {
  await target.locator('[data-search][data-state="ready"]').waitFor();
}

async function openSearch(target: Page, query = '', lang = 'nl') {
  await target.goto(`${base}/${lang}/zoeken/${query}`);
  await ready(target);
}

/** The announced total. */
async function total(target: Page): Promise<number> {
  return Number(await target.locator('[data-search-count]').getAttribute('data-count'));
}

/** Every shown location id, in order, after pressing "show more" until all are shown. */
async function allIds(target: Page): Promise<string[]> {
  await ready(target);
  const more = target.locator('[data-search-more]');
  while (await more.isVisible()) {
    const before = await target.locator('[data-search-result]').count();
    await more.click();
    // Waits on the condition, with room for a loaded machine (the default second was not always enough).
    await expect.poll(() => target.locator('[data-search-result]').count(), { timeout: 15_000 }).toBeGreaterThan(before);
  }
  return target.locator('[data-search-result]').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.locationId!));
}

const sortedIds = (locations: Location[]) => locations.map((l) => l.location_id).sort();

describe('finding a location', () => {
  it('by its name', async () => {
    // A location whose name is its own (no other location carries all its words).
    const target = register.locations.find((l) => l.name && register.locations.filter((o) => locationName(o, holderOf(o)) === l.name).length === 1)!;
    await openSearch(page);
    await page.fill('#zoeken-q', target.name!);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(target.name);
    await ready(page);
    const ids = await page.locator('[data-search-result]').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.locationId));
    expect(ids[0]).toBe(target.location_id);
    await expect.poll(() => page.locator('[data-search-count]').textContent()).toMatch(/^Gevonden vestigingen: \d+$/);
    expect(errors).toEqual([]);
  });

  it('by its postcode, with or without the space', async () => {
    const target = register.locations.find((l) => register.locations.filter((o) => o.postcode === l.postcode).length === 1 && holdsValid(l))!;
    for (const typed of [target.postcode, target.postcode.replace(' ', '')]) {
      await openSearch(page, `?q=${encodeURIComponent(typed)}`);
      expect(await allIds(page)).toEqual([target.location_id]);
    }
  });

  it('a result card shows name, address, offer, status and links to the location page', async () => {
    const target = register.locations.find((l) => l.name && l.routes.length > 0 && holdsValid(l))!;
    await openSearch(page, `?q=${encodeURIComponent(target.postcode)}`);
    const card = page.locator(`[data-search-result][data-location-id="${target.location_id}"]`);
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.locator('h3 a').getAttribute('href')).toBe(`/nl/vestiging/${target.location_id}/`);
    expect(await card.locator('h3').innerText()).toBe(target.name);
    expect(await card.innerText()).toContain(target.postcode);
    expect(await card.innerText()).toContain(target.street);
    expect(await card.locator('.kr-status-badge').getAttribute('data-status')).toBe(holderOf(target).keurmerk_status);
    for (const offer of target.routes) expect(await card.locator('.kr-search-result__offer').innerText()).toContain(`${offer.route}-route`);
  });

  it('in every language from the one index, each card linking to the location page in that language', async () => {
    const target = register.locations.find((l) => register.locations.filter((o) => o.postcode === l.postcode).length === 1 && holdsValid(l))!;
    for (const lang of ['ar', 'ps', 'uk']) {
      await openSearch(page, `?q=${encodeURIComponent(target.postcode)}`, lang);
      expect(await allIds(page), lang).toEqual([target.location_id]);
      const link = page.locator(`[data-search-result][data-location-id="${target.location_id}"] h3 a`);
      expect(await link.getAttribute('href'), lang).toBe(`/${lang}/vestiging/${target.location_id}/`);
    }
  });
});

function holdsValid(l: Location) {
  return DEFAULT_STATUS_SELECTION.includes(holderOf(l).keurmerk_status);
}

describe('filters', () => {
  const province = register.locations.find((l) => l.routes.some((r) => r.route === 'Z') && holdsValid(l))!.province;
  const queries = [
    '',
    `?route=Z&province=${encodeURIComponent(province)}`,
    '?inactive=1',
    '?status=geschorst&status=ingetrokken&status=beeindigd',
    '?law=wi2013&daypart=avond&daypart=weekend',
    `?profile=analfabeet&modality=afstand&inactive=1`,
    // Courses that start within three months of the export date (courses.ts), alone and with a route.
    '?start=soon',
    '?start=soon&route=B1',
  ];

  for (const query of queries) {
    it(`show exactly the locations the register model selects (${query || 'default: valid keurmerk only'})`, async () => {
      const want = expected(query);
      await openSearch(page, query);
      expect(await total(page)).toBe(want.length);
      expect((await allIds(page)).sort()).toEqual(sortedIds(want));
    });
  }

  it(`route=Z in ${province} counts what facets.ts counts, and the panel shows the model's counts`, async () => {
    const query = `?route=Z&province=${encodeURIComponent(province)}`;
    const selection = effectiveSelection(parseFilterState(new URLSearchParams(query)));
    await openSearch(page, query);
    const counts = facetCounts(register, selection);
    expect(await total(page)).toBe(Object.values(counts.status).reduce((a, b) => a + b, 0));
    await expect.poll(() => page.locator('[data-count="route:B1"]').textContent()).toBe(`(${counts.route.B1 ?? 0})`);
    expect(await page.locator('[data-count="route:Z"]').textContent()).toBe(`(${counts.route.Z ?? 0})`);
    for (const [value, n] of Object.entries(counts.daypart)) expect(await page.locator(`[data-count="daypart:${value}"]`).textContent()).toBe(`(${n})`);
  });

  it('work by keyboard, update the results and keep them in the URL', async () => {
    await openSearch(page);
    const route = page.locator('#zoeken-route-Z');
    await route.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => new URL(page.url()).searchParams.getAll('route')).toEqual(['Z']);
    await ready(page);
    await expect.poll(() => total(page)).toBe(expected('?route=Z').length);
    // Tab moves on to the next checkbox, which shows a visible focus style.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).id)).not.toBe('zoeken-route-Z');
    // The municipality choice is a select, also operable by keyboard.
    const municipality = register.locations.find((l) => l.routes.some((r) => r.route === 'Z') && holdsValid(l))!.municipality_code;
    await page.locator('#zoeken-municipality').selectOption(municipality);
    await expect.poll(() => new URL(page.url()).searchParams.get('municipality')).toBe(municipality);
    await expect.poll(() => total(page)).toBe(expected(`?route=Z&municipality=${municipality}`).length);
  });

  it('show suspended and former holders only when asked', async () => {
    await openSearch(page);
    expect(await page.locator('#zoeken-status-geschorst').isVisible()).toBe(false);
    await page.locator('#zoeken-inactive').check();
    await expect.poll(() => total(page)).toBe(register.locations.length);
    expect(await page.locator('#zoeken-status-geschorst').isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.get('inactive')).toBe('1');
  });
});

describe('the URL', () => {
  it('round-trips through reload, back and forward', async () => {
    await openSearch(page);
    const first = await total(page);
    await page.locator('#zoeken-route-Z').check();
    await expect.poll(() => total(page)).toBe(expected('?route=Z').length);
    await page.locator('#zoeken-profile-laag').check();
    await expect.poll(() => total(page)).toBe(expected('?route=Z&profile=laag').length);
    expect(new URL(page.url()).search).toBe('?route=Z&profile=laag');

    await page.reload();
    await ready(page);
    expect(await page.locator('#zoeken-route-Z').isChecked()).toBe(true);
    expect(await page.locator('#zoeken-profile-laag').isChecked()).toBe(true);
    expect(await total(page)).toBe(expected('?route=Z&profile=laag').length);

    await page.goBack();
    await expect.poll(() => new URL(page.url()).search).toBe('?route=Z');
    await expect.poll(() => total(page)).toBe(expected('?route=Z').length);
    expect(await page.locator('#zoeken-profile-laag').isChecked()).toBe(false);
    await page.goBack();
    await expect.poll(() => total(page)).toBe(first);
    expect(await page.locator('#zoeken-route-Z').isChecked()).toBe(false);
    await page.goForward();
    await expect.poll(() => total(page)).toBe(expected('?route=Z').length);
    expect(await page.locator('#zoeken-route-Z').isChecked()).toBe(true);
  });

  it('switching language keeps the query and the filters', async () => {
    await openSearch(page, '?q=taal');
    await page.locator('#zoeken-route-Z').check();
    await expect.poll(() => new URL(page.url()).search).toBe('?q=taal&route=Z');
    const arabic = page.locator('a[data-language-link][hreflang="ar"]');
    expect(new URL(await arabic.evaluate((a: HTMLAnchorElement) => a.href)).search).toBe('?q=taal&route=Z');
    await arabic.click();
    await page.waitForURL(/\/ar\/zoeken\//);
    await ready(page);
    expect(await page.locator('#zoeken-q').inputValue()).toBe('taal');
    expect(await page.locator('#zoeken-route-Z').isChecked()).toBe(true);
  });

  it('a shared link restores query, filters and place in a fresh browser', async () => {
    const place = register.locations.find((l) => l.latitude !== undefined)!.city;
    const query = `?q=${encodeURIComponent('taal')}&route=B1&place=${encodeURIComponent(place)}`;
    const other = await openPage(browser);
    await openSearch(other, query);
    expect(await other.locator('#zoeken-q').inputValue()).toBe('taal');
    expect(await other.locator('#zoeken-place').inputValue()).toBe(place);
    expect(await other.locator('#zoeken-route-B1').isChecked()).toBe(true);
    expect(await other.locator('[data-search-result] .kr-search-result__distance').count()).toBeGreaterThan(0);
    await other.context().close();
  });
});

describe('near a place or postcode', () => {
  const index = buildPlaceIndex(register);
  const located = register.locations.filter((l) => l.latitude !== undefined);
  const postcode = located.find((l) => holdsValid(l))!.postcode;

  /** Every shown card's distance in km (as the page computed it) and id, in page order. */
  async function distances(target: Page) {
    await allIds(target);
    return target.locator('[data-search-result]').evaluateAll((cards) =>
      cards.map((c) => ({ id: (c as HTMLElement).dataset.locationId!, km: (c.querySelector('[data-km]') as HTMLElement | null)?.dataset.km })),
    );
  }

  it(`a postcode (${postcode}) sorts by distance from its area, as the model measures it, unlocated last`, async () => {
    const origin = resolvePlace(index, postcode)!;
    await openSearch(page, `?place=${encodeURIComponent(postcode)}`);
    expect(await page.locator('[data-place-message]').textContent()).toContain(origin.label);
    const shown = await distances(page);
    const want = expected('')
      .map((l) => ({ id: l.location_id, km: l.latitude === undefined ? undefined : distanceKm(origin, { lat: l.latitude, lon: l.longitude! }) }))
      .sort((a, b) => (a.km ?? Infinity) - (b.km ?? Infinity));
    expect(shown.map((s) => s.id).sort()).toEqual(want.map((w) => w.id).sort());
    // Same distances in the same order (ids may swap only where distances tie).
    expect(shown.map((s) => s.km)).toEqual(want.map((w) => (w.km === undefined ? undefined : w.km.toFixed(3))));
    const first = page.locator('[data-search-result]').first();
    expect(await first.locator('.kr-search-result__distance').innerText()).toMatch(/^Afstand: [\d,]+ km$/);
  });

  it('typing "1234", "1234 AB" or a place name in the place field works the same, by keyboard', async () => {
    const area = postcode.slice(0, 4);
    const city = located.find((l) => holdsValid(l))!.city;
    for (const typed of [area, `${area} XY`, city.toUpperCase()]) {
      await openSearch(page);
      await page.locator('#zoeken-place').focus();
      await page.keyboard.type(typed);
      await page.keyboard.press('Enter');
      await expect.poll(() => new URL(page.url()).searchParams.get('place')).toBe(typed);
      await expect.poll(() => page.locator('[data-search-result] .kr-search-result__distance').count()).toBeGreaterThan(0);
      await ready(page);
      // The first page is nearest first (the whole order is checked against the model above).
      const kms = (await page.locator('[data-search-result] [data-km]').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.km))));
      expect(kms.length).toBeGreaterThan(0);
      expect(kms).toEqual([...kms].sort((a, b) => a - b));
    }
  });

  it('without the coordinate file (say, offline after loading), still shows every result, unsorted', async () => {
    const other = await openPage(browser);
    await other.route('**/zoeken/coordinaten.json', (route) => route.abort('internetdisconnected'));
    await openSearch(other, `?place=${encodeURIComponent(postcode)}`);
    expect(await total(other)).toBe(expected('').length);
    expect(await other.locator('[data-search-result] [data-km]').count()).toBe(0);
    await other.context().close();
  });

  it('shows distances in the page language\'s number format', async () => {
    await openSearch(page, `?place=${encodeURIComponent(postcode)}`, 'ar');
    const text = await page.locator('[data-search-result] .kr-search-result__distance').first().innerText();
    expect(text).toContain(new Intl.NumberFormat('ar', { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 }).format(0).replace(/[٠0]/g, '').trim());
  });

  describe('PDOK, only on request', () => {
    it('asks PDOK for an unknown place only after the visitor presses its button, and sorts by its answer', async () => {
      const context = page.context();
      const asked = await answerPdok(context);
      try {
        await openSearch(page);
        await page.fill('#zoeken-place', 'Nergenshuizen');
        await page.locator('#zoeken-place').press('Enter');
        const button = page.locator('[data-place-pdok] button');
        await button.waitFor();
        expect(asked).toEqual([]);
        await button.click();
        await expect.poll(() => page.locator('[data-place-message]').textContent()).toContain('Nergenshuizen, Utrecht');
        expect(asked.map((url) => url.searchParams.get('q'))).toEqual(['Nergenshuizen']);
        await ready(page);
        const origin = { lat: 52.0907, lon: 5.1214 };
        const want = expected('')
          .filter((l) => l.latitude !== undefined)
          .map((l) => distanceKm(origin, { lat: l.latitude!, lon: l.longitude! }))
          .sort((a, b) => a - b);
        const kms = await page.locator('[data-search-result] [data-km]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.km));
        expect(kms).toEqual(want.slice(0, kms.length).map((k) => k.toFixed(3)));
      } finally {
        await context.unroute(pdok);
      }
    });

    it('says so clearly when PDOK cannot be reached, and keeps the results', async () => {
      const context = page.context();
      await context.route(pdok, (route) => route.abort('internetdisconnected'));
      try {
        await openSearch(page, '?place=Nergenshuizen');
        const button = page.locator('[data-place-pdok] button');
        await button.click();
        await expect.poll(() => page.locator('[data-place-message]').textContent()).toBe(
          'PDOK is nu niet bereikbaar. Typ een postcode of probeer het later opnieuw.',
        );
        expect(await total(page)).toBe(expected('').length);
        expect(await page.locator('[data-search-result] [data-km]').count()).toBe(0);
      } finally {
        await context.unroute(pdok);
      }
    });
  });

  it('"use my location" sorts by the device position and never writes it to the URL', async () => {
    const origin = { lat: 51.9225, lon: 4.4792 };
    const context = await browser.newContext({ geolocation: { latitude: origin.lat, longitude: origin.lon }, permissions: ['geolocation'] });
    const target = await context.newPage();
    await openSearch(target);
    await target.locator('[data-place-device]').click();
    await expect.poll(() => target.locator('[data-search-result] [data-km]').count()).toBeGreaterThan(0);
    const first = Number(await target.locator('[data-search-result] [data-km]').first().getAttribute('data-km'));
    const nearest = Math.min(...expected('').filter((l) => l.latitude !== undefined).map((l) => distanceKm(origin, { lat: l.latitude!, lon: l.longitude! })));
    expect(first).toBeCloseTo(nearest, 3);
    expect(target.url()).not.toMatch(/51\.92|4\.47|lat|lon/);
    await context.close();
  });
});

describe('the index itself, through Pagefind\'s JS API', () => {
  const sites = [
    { name: 'sample', url: base, model: register },
    { name: 'hostile fixture', url: inject('hostileUrl'), model: loadRegister(resolve(ROOT, 'tests/fixtures/hostile')) },
  ];
  type Counts = Partial<Record<string, Record<string, number>>>;
  /** Counts without the zeros, which Pagefind may or may not list. */
  const nonZero = (counts: Partial<Record<string, Record<string, number>>>) =>
    Object.fromEntries(FILTER_KEYS.map((k) => [k, Object.fromEntries(Object.entries(counts[k] ?? {}).filter(([, n]) => n > 0))]));

  for (const site of sites) {
    it(`gives per-filter counts equal to the register's own, in every language (${site.name})`, async () => {
      const valid: FilterSelection = { status: DEFAULT_STATUS_SELECTION };
      for (const lang of LANGS) {
        await page.goto(`${site.url}/${lang}/`);
        // A string, so Vitest does not rewrite the browser's own import().
        const counts = (await page.evaluate(`(async (statuses) => {
          const pagefind = await import('/pagefind/pagefind.js');
          const all = await pagefind.filters();
          const validOnly = await pagefind.search(null, { filters: { status: { any: statuses } } });
          const everything = await pagefind.search(null);
          return { all, valid: validOnly.filters, validResults: validOnly.results.length, records: everything.results.length };
        })(${JSON.stringify(DEFAULT_STATUS_SELECTION)})`)) as { all: Counts; valid: Counts; validResults: number; records: number };
        expect(nonZero(counts.all), lang).toEqual(nonZero(facetCounts(site.model)));
        expect(nonZero(counts.valid), lang).toEqual(nonZero(facetCounts(site.model, valid)));
        expect(counts.validResults).toBe(filterLocations(site.model, valid).length);
        expect(counts.records).toBe(site.model.locations.length);
      }
    });
  }
});

describe('accessibility and robustness', () => {
  for (const lang of LANGS) {
    it(`axe finds nothing with results, filters open and distances shown (${lang}, ${textDirection(lang)})`, async () => {
      await openSearch(page, `?route=Z&place=${encodeURIComponent(register.locations.find((l) => l.latitude !== undefined)!.postcode)}`, lang);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      expect(await page.locator('html').getAttribute('dir')).toBe(textDirection(lang));
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  it('announces the result count in a status region', async () => {
    await openSearch(page, '?route=Z');
    const status = page.locator('[data-search-count]');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.textContent()).toBe(`Gevonden vestigingen: ${expected('?route=Z').length}`);
    await openSearch(page, '?q=xqxqxq');
    expect(await status.textContent()).toBe('Geen vestigingen gevonden. Kies minder filters of typ iets anders.');
  });

  it('"show more" by keyboard moves focus to the first new result', async () => {
    await openSearch(page, '?inactive=1');
    const more = page.locator('[data-search-more]');
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-search-result]') !== null)).toBe(true);
    const index = await page.evaluate(() => [...document.querySelectorAll('[data-search-result]')].indexOf(document.activeElement!.closest('[data-search-result]')!));
    expect(index).toBe(20);
  });

  it('without JavaScript, says so and links to the municipalities', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const target = await context.newPage();
    await target.goto(`${base}/en/zoeken/`);
    const notice = target.locator('.kr-search-page__noscript');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.locator('a').getAttribute('href')).toBe('/en/gemeenten/');
    expect(await target.locator('[data-search-results]').isVisible()).toBe(false);
    await context.close();
  });

  it('the home page search box leads to the search page with the query', async () => {
    await page.goto(`${base}/nl/`);
    const target = register.locations.find((l) => holdsValid(l))!;
    await page.fill('#zoekvak', target.postcode);
    await page.locator('#zoekvak').press('Enter');
    await page.waitForURL(/\/nl\/zoeken\/\?q=/);
    await ready(page);
    expect(await page.locator('#zoeken-q').inputValue()).toBe(target.postcode);
    expect(await allIds(page)).toContain(target.location_id);
  });

  it('loads Pagefind on the search page only', async () => {
    const loaded: string[] = [];
    const listener = (r: { url(): string }) => r.url().includes('/pagefind/') && loaded.push(r.url());
    page.on('request', listener);
    await page.goto(`${base}/nl/`);
    await page.goto(`${base}/nl/vestiging/${register.locations[0]!.location_id}/`);
    await page.waitForLoadState('networkidle');
    expect(loaded).toEqual([]);
    page.off('request', listener);
  });
});
