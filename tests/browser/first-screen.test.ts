/**
 * The home page on a small phone (360×640): the search field and the way into the guide lie
 * fully on the first screen in every language, and every language is still a plain link that
 * works without JavaScript (behind one tap on the compact language control), as are the
 * menu's links. A search that asks something shows its first result's name on the first
 * screen (the form folds into one line), and the map page's map starts on it.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import { openPage, useBrowser } from '../support/browser.ts';
import { LANGS } from '../support/pages.ts';

const base = inject('sampleUrl');
const PHONE = { width: 360, height: 640 };

let browser: Browser;
useBrowser((session) => ({ browser } = session));

describe('the home page on a 360×640 phone', () => {
  for (const lang of LANGS) {
    it(`shows the whole search field without scrolling (${lang})`, async () => {
      const context = await browser.newContext({ viewport: PHONE });
      const page = await context.newPage();
      await page.goto(`${base}/${lang}/`);
      const field = (await page.locator('#zoekvak').boundingBox())!;
      expect(field.y).toBeGreaterThanOrEqual(0);
      expect(field.y + field.height).toBeLessThanOrEqual(PHONE.height);
      const guide = (await page.locator(`main a[href="/${lang}/wegwijzer/"]`).boundingBox())!;
      expect(guide.y + guide.height).toBeLessThanOrEqual(PHONE.height);
      expect(await page.evaluate(() => scrollY)).toBe(0);
      await context.close();
    });
  }

  for (const { code: lang } of LANGUAGES) {
    it(`a search that asks something shows the first result's name on the first screen, with the question folded into one line (${lang})`, async () => {
      const context = await browser.newContext({ viewport: PHONE });
      const page = await context.newPage();
      await page.goto(`${base}/${lang}/zoeken/?q=taal&route=B1`);
      await page.locator('[data-search][data-state="ready"]').waitFor();
      const name = (await page.locator('.kr-search-result__name').first().boundingBox())!;
      expect(name.y + name.height).toBeLessThanOrEqual(PHONE.height);
      expect(await page.locator('[data-search-ask]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect(await page.locator('[data-search-asked]').innerText()).toContain('taal');
      // One tap on the line opens the whole form again.
      await page.locator('[data-search-ask] > summary').click();
      expect(await page.locator('#zoeken-q').inputValue()).toBe('taal');
      expect(await page.locator('#zoeken-q').isVisible()).toBe(true);
      await context.close();
    });

    it(`the map starts on the first screen of the map page (${lang})`, async () => {
      const context = await browser.newContext({ viewport: PHONE });
      const page = await context.newPage();
      await page.goto(`${base}/${lang}/kaart/`);
      await page.locator('[data-search-ask]:not([open])').waitFor({ state: 'attached' });
      const map = (await page.locator('[data-map-canvas]').boundingBox())!;
      // The top edge on the first screen, with room below it to see the map itself.
      expect(map.y + 100).toBeLessThanOrEqual(PHONE.height);
      await context.close();
    });
  }

  /** The layout shifts a page made while it started (no input), summed as Cumulative Layout Shift sums them. */
  async function shiftsWhileStarting(viewport: { width: number; height: number }, path: string, tiles: 'fulfil' | 'abort') {
    const page = await openPage(browser, viewport, { tiles });
    await page.addInitScript(() => {
      const w = window as unknown as { shifts: number };
      w.shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!entry.hadRecentInput) w.shifts += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${base}${path}`);
    await page.locator('[data-location-map][data-state="ready"]').waitFor();
    const shifts = await page.evaluate(() => (window as unknown as { shifts: number }).shifts);
    const open = await page.locator('[data-search-ask]').evaluate((d) => (d as HTMLDetailsElement).open);
    await page.context().close();
    return { shifts, open };
  }

  for (const lang of LANGS) {
    it(`the map page does not move as it starts, on a phone and on a wide screen, with or without map tiles (${lang})`, async () => {
      // Folding an open filter form after the first paint pushed the whole map up (Lighthouse: CLS 0.42).
      for (const tiles of ['fulfil', 'abort'] as const) {
        const phone = await shiftsWhileStarting(PHONE, `/${lang}/kaart/`, tiles);
        expect(phone, `phone, tiles ${tiles}`).toMatchObject({ open: false });
        expect(phone.shifts, `phone, tiles ${tiles}`).toBeLessThan(0.05);
      }
      // On a wide screen the filters open in their own column. What still moves there (about 0.05)
      // is the filter column itself, when the script shows the "use my location" button; below
      // 0.1, what Core Web Vitals call good.
      const wide = await shiftsWhileStarting({ width: 1280, height: 900 }, `/${lang}/kaart/`, 'fulfil');
      expect(wide).toMatchObject({ open: true });
      expect(wide.shifts).toBeLessThan(0.1);
    });
  }

  it('without JavaScript the search form stands open', async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/nl/zoeken/?q=taal`);
    expect(await page.locator('#zoeken-q').isVisible()).toBe(true);
    await context.close();
  });

  it('reaches every language by a plain link without JavaScript, one tap on the language control away', async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/nl/`);
    const links = page.locator('.kr-language-switcher a[hreflang]');
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('hreflang')))).toEqual(LANGUAGES.map((l) => l.code));
    expect(await links.first().isVisible()).toBe(false);
    const toggle = page.locator('.kr-language-switcher summary');
    expect(await toggle.innerText()).toContain('Nederlands');
    await toggle.click();
    for (const language of LANGUAGES) expect(await page.locator(`.kr-language-switcher a[hreflang="${language.code}"]`).isVisible(), language.code).toBe(true);
    await page.locator('.kr-language-switcher a[hreflang="uk"]').click();
    await page.waitForURL(/\/uk\/$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('uk');
    await context.close();
  });

  it('opens the menu and the languages by keyboard too', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${base}/ar/`);
    await page.locator('.kr-site-header__nav summary').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('.kr-site-header__nav a').first().isVisible()).toBe(true);
    await page.locator('.kr-language-switcher summary').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('hreflang'))).toBe(LANGUAGES[0]!.code);
    await context.close();
  });

  it('on a wide screen shows the languages and the menu as rows of links, without toggles', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/nl/`);
    expect(await page.locator('.kr-site-header__toggle').evaluateAll((els) => els.map((e) => (e as HTMLElement).offsetParent === null))).toEqual([true, true]);
    for (const language of LANGUAGES) expect(await page.locator(`.kr-language-switcher a[hreflang="${language.code}"]`).isVisible()).toBe(true);
    expect(await page.locator('.kr-site-header__nav a').evaluateAll((as) => as.every((a) => (a as HTMLElement).offsetParent !== null))).toBe(true);
    await context.close();
  });
});
