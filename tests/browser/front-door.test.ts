/**
 * The root address opens the site in the visitor's language (the root page's own script,
 * src/client/language-choice.ts), served as static files: a browser preferring Arabic lands on
 * /ar/, a Dutch or unknown preference on /nl/, a language chosen on the site before wins, and
 * without JavaScript every language is a plain link while Dutch opens. The same address served
 * by nginx, which chooses by Accept-Language itself, is in hosting.test.ts.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import { useBrowser } from '../support/browser.ts';

const base = inject('sampleUrl');
let browser: Browser;
useBrowser((session) => ({ browser } = session));

/** Where `/` leads a browser with this locale. */
async function landing(locale: string): Promise<string> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.waitForURL((url) => url.pathname !== '/');
  const path = new URL(page.url()).pathname;
  await context.close();
  return path;
}

describe('the root address', () => {
  it('opens Arabic for a browser preferring Arabic', async () => {
    expect(await landing('ar')).toBe('/ar/');
  });

  it('opens the language of a regional preference (uk-UA → /uk/, fa-IR → /fa/)', async () => {
    expect(await landing('uk-UA')).toBe('/uk/');
    expect(await landing('fa-IR')).toBe('/fa/');
  });

  it('opens Dutch for a Dutch or an unknown preference', async () => {
    expect(await landing('nl-NL')).toBe('/nl/');
    expect(await landing('de-DE')).toBe('/nl/');
  });

  it('remembers a language chosen on the site, in the browser, over the browser\'s preference', async () => {
    const context = await browser.newContext({ locale: 'ar', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/ar/wegwijzer/`);
    await page.locator('.kr-language-switcher a[hreflang="ti"]').click();
    await page.waitForURL(/\/ti\/wegwijzer\/$/);
    await page.goto(`${base}/`);
    await page.waitForURL((url) => url.pathname !== '/');
    expect(new URL(page.url()).pathname).toBe('/ti/');
    await context.close();
  });

  it('without JavaScript lists every language as a plain link and opens Dutch', async () => {
    const response = await fetch(`${base}/`);
    const html = await response.text();
    for (const { code } of LANGUAGES) expect(html).toContain(`href="/${code}/"`);
    const context = await browser.newContext({ locale: 'ar', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.waitForURL(/\/nl\/$/);
    await context.close();
  });
});
