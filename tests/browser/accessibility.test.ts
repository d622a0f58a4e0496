/**
 * axe-core (WCAG 2.1 A and AA) on every page type in every language, on a phone and a
 * desktop viewport, plus the keyboard path every visitor relies on: the skip link.
 */
import { LANG_CODES } from '../../src/i18n/languages.ts';
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { resolve } from 'node:path';
import { axeViolations, openPage, VIEWPORTS, useBrowser } from '../support/browser.ts';
import { LANGS, pageTypes } from '../support/pages.ts';
import { loadRegister } from '../support/register.ts';
import { ROOT } from '../support/site.ts';

const base = inject('sampleUrl');
const register = loadRegister(resolve(ROOT, 'data'));
const types = pageTypes(register);

let browser: Browser;
let page: Page;
let errors: string[];

useBrowser((session) => ({ browser, page, errors } = session), VIEWPORTS.desktop);

/**
 * Every page type in Dutch, in Arabic (right to left), in Tigrinya (Ge'ez script, the
 * longest words), and in the two newest languages, Somali and Pashto (right to left, with
 * letters Arabic lacks); the other languages share those templates, so their home and holder
 * pages are enough to catch a text that breaks one, and the run stays short.
 */
const EVERY_TYPE: readonly string[] = ['nl', 'ar', 'ti', 'so', 'ps'];
const typesFor = (lang: string) => (EVERY_TYPE.includes(lang) ? types : types.filter((t) => t.name === 'home' || t.name === 'holder (valid)'));

describe('axe finds no WCAG 2.1 A/AA violations', () => {
  for (const lang of LANGS) {
    for (const type of typesFor(lang)) {
      it(`${type.name} in ${lang}`, async () => {
        errors.length = 0;
        const response = await page.goto(base + type.path(lang));
        expect(response?.status()).toBe(200);
        expect(await axeViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
      });
    }
  }

  it('the language chooser at / and the 404 page', async () => {
    await page.goto(`${base}/404.html`);
    expect(await axeViolations(page)).toEqual([]);
    // The root opens the home page in the browser's language, Dutch when the site has none of its
    // languages (tests/browser/front-door.test.ts checks which); here: that it lands on a home page
    // whose document says its language.
    await page.goto(`${base}/`, { waitUntil: 'commit' });
    await page.waitForURL(/\/[a-z]{2}\/$/);
    const lang = new URL(page.url()).pathname.split('/')[1];
    expect(LANG_CODES).toContain(lang);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
  });

  it('on a phone-sized viewport too', async () => {
    const phone = await openPage(browser, VIEWPORTS.phone);
    for (const type of types) {
      await phone.goto(base + type.path('nl'));
      expect(await axeViolations(phone), type.name).toEqual([]);
      // Nothing may force sideways scrolling on a phone.
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, type.name).toBeLessThanOrEqual(0);
    }
    await phone.close();
  });
});

describe('keyboard', () => {
  it('the first Tab reaches the skip link, and Enter moves focus to the main content', async () => {
    await page.goto(base + types[2]!.path('nl'));
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, href: document.activeElement?.getAttribute('href') }));
    expect(focused).toEqual({ text: 'Naar de inhoud', href: '#inhoud' });
    // The skip link is on screen when focused, not hidden off-canvas.
    const box = await page.locator('.kr-skip-link').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
  });

  it('every link and button shows a visible focus style', async () => {
    await page.goto(base + types[2]!.path('nl'));
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      const styled = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const s = getComputedStyle(el);
        return s.outlineStyle !== 'none' || s.boxShadow !== 'none' || s.backgroundColor !== 'rgba(0, 0, 0, 0)';
      });
      expect(styled).toBe(true);
    }
  });
});
