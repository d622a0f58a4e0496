/**
 * Browser helpers for the tests. Chromium comes from Debian; a missing Chromium is a
 * failure, not a skip (CI installs the `chromium` package).
 */
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll } from 'vitest';
import { BASE_MAP } from '../../src/client/base-map.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';

export { launchChromium as launchBrowser, VIEWPORTS } from '../../scripts/lib/chromium.ts';

/** What a browser test file shares: one Chromium, one page in it, and the errors that page has logged. */
export interface BrowserSession {
  browser: Browser;
  page: Page;
  errors: string[];
}

/**
 * One Chromium and one watched page for a whole test file, closed when the file is done.
 * `take` receives them once they exist: `useBrowser((s) => ({ browser, page, errors } = s))`.
 */
export function useBrowser(take: (session: BrowserSession) => void, viewport?: { width: number; height: number }): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    const page = await openPage(browser, viewport);
    take({ browser, page, errors: watchPageErrors(page) });
  });
  afterAll(async () => {
    await browser?.close();
  });
}

/** axe-core with the WCAG 2.1 A and AA rules (the legal standard for Dutch public sites). */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
}

/** Collects console errors and uncaught page errors while a page is used. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** A 1×1 transparent PNG: what intercepted map tiles are answered with. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/**
 * A page in its own context: axe-core's Playwright binding needs one, and it keeps tests apart.
 * Map tiles are answered locally (`tiles: 'abort'` fails them, as offline), so no test needs a network.
 */
export async function openPage(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
  { tiles = 'fulfil' }: { tiles?: 'fulfil' | 'abort' } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  await context.route(`${BASE_MAP.origin}/**`, (route) =>
    tiles === 'abort' ? route.abort('internetdisconnected') : route.fulfill({ status: 200, contentType: 'image/png', body: TINY_PNG }),
  );
  return context.newPage();
}
