/**
 * What an accessibility audit found that axe cannot see (issue 27), each as a keyboard or
 * screen-reader user meets it: Dutch terms read in Dutch, the map's focus and keys, Space on
 * its zoom buttons, the open-data page at 320 px, a long e-mail address with wider text
 * spacing, "Bewaar" buttons that say which school, the sort order said aloud and the map
 * count not said on every pan, the comparison's place error tied to its field, and Leaflet's
 * motion under `prefers-reduced-motion`. Each failed on the code before its fix.
 */
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPage, openReady, useBrowser, VIEWPORTS } from '../support/browser.ts';
import { LANGS, pageTypes } from '../support/pages.ts';
import { loadRegister } from '../support/register.ts';
import { ROOT } from '../support/site.ts';
import { DUTCH_TERMS } from '../../src/i18n/dutch-terms.ts';
import { DICTIONARIES } from '../../src/i18n/index.ts';

const base = inject('sampleUrl');
const register = loadRegister(resolve(ROOT, 'data'));
const types = pageTypes(register);

let browser: Browser;
let page: Page;

useBrowser((session) => ({ browser, page } = session), VIEWPORTS.desktop);

/** Every Dutch term in brackets in the page's text, and whether it is inside `lang="nl"`. */
function dutchTermsOnPage(target: Page) {
  return target.evaluate((terms) => {
    const found: { term: string; lang: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    // The whole bracketed group may be split over text nodes by the marking: read each element's text instead.
    const seen = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement!;
      // Text no screen reader reaches: hidden from it, or inside a chart read as one image by its label.
      if (parent.closest('script, style, template, noscript, [aria-hidden="true"], svg[role="img"]') || seen.has(parent)) continue;
      seen.add(parent);
    }
    for (const element of seen) {
      for (const child of element.childNodes) {
        if (child.nodeType !== Node.TEXT_NODE) continue;
        const text = child.textContent!;
        for (const term of terms) {
          // The term in brackets, alone or as the last item of a list: "(gemeenten)", "(…، geschorst)".
          const at = text.toLowerCase().indexOf(term);
          if (at < 0) continue;
          const before = text.slice(0, at).trimEnd().at(-1);
          const after = text.slice(at + term.length).trimStart()[0];
          if ((before === '(' || before === ',' || before === '،' || before === '፣') && (after === ')' || after === undefined)) {
            found.push({ term, lang: element.closest('[lang]')!.getAttribute('lang')! });
          }
        }
      }
    }
    // Terms already marked: their own element is the text's parent.
    for (const marked of document.querySelectorAll('span[lang="nl"]')) found.push({ term: marked.textContent!.toLowerCase(), lang: 'nl' });
    return found;
  }, [...DUTCH_TERMS]);
}

describe('Dutch terms in brackets are read in Dutch (3.1.2)', () => {
  for (const lang of LANGS.filter((l) => l !== 'nl')) {
    it(`every page type in ${lang}`, async () => {
      let marked = 0;
      for (const type of types) {
        await page.goto(base + type.path(lang));
        const found = await dutchTermsOnPage(page);
        expect(found.filter((f) => f.lang !== 'nl'), `${type.name}: terms outside lang="nl"`).toEqual([]);
        marked += found.length;
      }
      expect(marked).toBeGreaterThan(20);
    });
  }

  it('on an Arabic holder page, the status badges and labels (about a dozen terms)', async () => {
    await page.goto(base + types.find((t) => t.name === 'holder (valid)')!.path('ar'));
    expect(await page.locator('span[lang="nl"]').count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator('.kr-status-badge__label span[lang="nl"]').count()).toBeGreaterThan(0);
  });

  it('in the comparison a browser script builds (Arabic)', async () => {
    const suspended = register.locations.find((l) => register.holderById.get(l.holder_id)!.keurmerk_status === 'geschorst')!;
    await page.goto(`${base}/ar/vergelijken/?ids=${suspended.location_id},${register.locations[0]!.location_id}`);
    await page.locator('[data-compare-table] tbody tr').first().waitFor();
    expect(await dutchTermsOnPage(page).then((found) => found.filter((f) => f.lang !== 'nl'))).toEqual([]);
    expect(await page.locator('[data-compare-table] span[lang="nl"]').count()).toBeGreaterThan(0);
  });

  it('in the badges a browser script builds (search results, Persian)', async () => {
    await openReady(page, `${base}/fa/zoeken/?status=geschorst`, 'search');
    await page.locator('[data-search-list] .kr-status-badge').first().waitFor();
    expect(await page.locator('[data-search-list] .kr-status-badge__label span[lang="nl"]').first().textContent()).toBe('geschorst');
  });
});

/** The relative luminance contrast of two `rgb()` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('the map by keyboard (2.4.7, 2.1.1)', () => {
  it('its focus frame is thick, at least 3:1 against the page and the map, and fully on screen; a visible line says which keys to use', async () => {
    for (const lang of ['nl', 'ar'] as const) {
      await openReady(page, `${base}/${lang}/kaart/`, 'location-map');
      const canvas = page.locator('[data-map-canvas]');
      // Reach the map by keyboard: the next Tab after the "skip the map" link.
      await page.locator('.kr-location-map__skip').focus();
      await page.keyboard.press('Tab');
      expect(await canvas.evaluate((c) => c === document.activeElement && c.matches(':focus-visible'))).toBe(true);
      const frame = await canvas.evaluate((c) => {
        const s = getComputedStyle(c, '::after');
        // The page's own background: the first element up from the map that paints one, else the canvas white.
        let page = 'rgb(255, 255, 255)';
        for (let e: Element | null = c.parentElement; e; e = e.parentElement) {
          const bg = getComputedStyle(e).backgroundColor;
          if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') {
            page = bg;
            break;
          }
        }
        return { width: parseFloat(s.borderTopWidth), color: s.borderTopColor, content: s.content, page };
      });
      expect(frame.content).not.toBe('none');
      expect(frame.width).toBeGreaterThanOrEqual(3);
      expect(contrast(frame.color, frame.page)).toBeGreaterThanOrEqual(3);
      const box = (await canvas.boundingBox())!;
      const viewport = page.viewportSize()!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      const hint = page.locator(`#${await canvas.getAttribute('aria-describedby')}`);
      expect(await hint.isVisible()).toBe(true);
      expect(await hint.textContent()).toBe(DICTIONARIES[lang]['map.keys']);
    }
  });

  it('Space presses a zoom button, as Enter does, and does not scroll the page', async () => {
    await page.setViewportSize({ width: 1280, height: 600 });
    await openReady(page, `${base}/nl/kaart/`, 'location-map');
    const canvas = page.locator('[data-map-canvas]');
    const before = await canvas.getAttribute('data-view');
    await page.locator('.leaflet-control-zoom-in').focus();
    const scrolled = await page.evaluate(() => scrollY);
    await page.keyboard.press('Space');
    await expect.poll(() => canvas.getAttribute('data-view'), { timeout: 15_000 }).not.toBe(before);
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
    await page.setViewportSize(VIEWPORTS.desktop);
  });

  it('with reduced motion, Leaflet neither animates zooming nor fades popups', async () => {
    const still = await browser.newContext({ viewport: VIEWPORTS.desktop, reducedMotion: 'reduce' });
    const moving = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const animation = async (context: typeof still) => {
      const target = await context.newPage();
      await context.route('**/*.png', (route) => route.abort());
      await openReady(target, `${base}/nl/kaart/`, 'location-map');
      return target.evaluate(() => ({
        fade: document.querySelector('.leaflet-container')!.classList.contains('leaflet-fade-anim'),
        zoom: document.querySelector('.leaflet-proxy') !== null,
      }));
    };
    expect(await animation(moving)).toEqual({ fade: true, zoom: true });
    expect(await animation(still)).toEqual({ fade: false, zoom: false });
    await still.close();
    await moving.close();
  });

  it('the map count is not spoken on every pan, but a filter change is', async () => {
    await openReady(page, `${base}/nl/kaart/`, 'location-map');
    const count = page.locator('[data-map-count]');
    expect(await count.getAttribute('role')).toBeNull();
    expect(await count.getAttribute('aria-live')).toBeNull();
    const live = page.locator('[data-map-count-live]');
    const canvas = page.locator('[data-map-canvas]');
    const before = await canvas.getAttribute('data-view');
    await page.locator('.kr-map-pan__east').click();
    await expect.poll(() => canvas.getAttribute('data-view'), { timeout: 15_000 }).not.toBe(before);
    expect(await live.textContent()).toBe('');
    await page.locator('input[name="route"]').first().check();
    await expect.poll(() => live.textContent(), { timeout: 15_000 }).toMatch(/\d|Geen/);
  });
});

describe('reflow (1.4.10, 1.4.12)', () => {
  it('the open-data page does not scroll sideways at 320 CSS px in any language, and API paths start on screen', async () => {
    const narrow = await openPage(browser, { width: 320, height: 640 });
    for (const lang of LANGS) {
      await narrow.goto(`${base}/${lang}/open-data/`);
      const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, lang).toBeLessThanOrEqual(0);
      const lefts = await narrow.locator('[data-api-docs] code').evaluateAll((codes) => codes.map((c) => c.getBoundingClientRect().left));
      expect(Math.min(...lefts), lang).toBeGreaterThanOrEqual(0);
    }
    await narrow.context().close();
  });

  it('a long e-mail address on a location page does not push it sideways with wider text spacing', async () => {
    const longest = [...register.locations].sort((a, b) => (b.email ?? '').length - (a.email ?? '').length)[0]!;
    expect(longest.email!.length).toBeGreaterThan(40);
    // The page's CSP forbids inline styles; the spacing stands in for a visitor's own stylesheet, which CSP does not block.
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, bypassCSP: true });
    const narrow = await context.newPage();
    await narrow.goto(`${base}/nl/vestiging/${longest.location_id}/`);
    await narrow.addStyleTag({ content: '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }' });
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});

describe('names and messages (2.4.6, 4.1.3, 3.3.1)', () => {
  it('each "Bewaar" button in the search results says which school it keeps', async () => {
    await openReady(page, `${base}/nl/zoeken/`, 'search');
    const cards = page.locator('[data-search-list] > li');
    await cards.first().waitFor();
    const names = await cards.evaluateAll((items) =>
      items.slice(0, 5).map((li) => ({ school: li.querySelector('h3')!.textContent!.trim(), button: li.querySelector('[data-keep-button]') })),
    );
    expect(names.length).toBeGreaterThan(1);
    for (const { school } of names) {
      expect(await page.getByRole('button', { name: `Bewaar ${school}`, exact: true }).count(), school).toBeGreaterThanOrEqual(1);
    }
  });

  it('changing the sort order is said aloud, once the results are in the new order', async () => {
    await openReady(page, `${base}/nl/zoeken/`, 'search');
    await page.locator('#zoeken-sort').selectOption('rating');
    const live = page.locator('[data-search-sort-live]');
    await expect.poll(() => live.textContent()).toBe(DICTIONARIES.nl['search.sort.changed'].replace('{order}', DICTIONARIES.nl['search.sort.rating']));
    expect(await live.getAttribute('role')).toBe('status');
  });

  it('the comparison\'s place error marks the field invalid and is tied to it', async () => {
    const ids = register.locations.slice(0, 2).map((l) => l.location_id);
    await page.goto(`${base}/nl/vergelijken/?ids=${ids.join(',')}`);
    const field = page.locator('#compare-place');
    await field.fill('Xqzwplaats');
    await field.press('Enter');
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const message = page.locator(`#${await field.getAttribute('aria-describedby')}`);
    expect(await message.textContent()).toBe(DICTIONARIES.nl['compare.place.notFound']);
  });
});
