/**
 * Browser helpers for the tests. Chromium comes from Debian; a missing Chromium is a
 * failure, not a skip (CI installs the `chromium` package).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll } from 'vitest';
import { BASE_MAP, PDOK_LOCATIESERVER } from '../../src/register/pdok.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';

export { VIEWPORTS } from '../../scripts/lib/chromium.ts';

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

/** Opens `url` and waits until the page's script part `[data-<part>]` says it is ready (`data-state="ready"`). */
export async function openReady(page: Page, url: string, part: string): Promise<void> {
  await page.goto(url);
  await page.locator(`[data-${part}][data-state="ready"]`).waitFor();
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

/**
 * Content-Security-Policy violations a page reports, from the page itself (the
 * `securitypolicyviolation` event, with the source) and from the console (workers included).
 * Call before the page's first navigation to it; the list fills as the page is used.
 */
export async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${e.violatedDirective}: ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`),
    );
  });
  return violations;
}

/** Every request to PDOK's geocoder, as a route pattern. */
export const PDOK_ROUTE = `${new URL(PDOK_LOCATIESERVER).origin}/**`;

/**
 * Answers PDOK's geocoder locally with one place, "Nergenshuizen, Utrecht" at 52.0907 N 5.1214 E,
 * so no test needs the network. Returns the addresses the page asked, as they come.
 */
export async function answerPdok(context: BrowserContext): Promise<URL[]> {
  const asked: URL[] = [];
  await context.route(PDOK_ROUTE, (route) => {
    asked.push(new URL(route.request().url()));
    return route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({ response: { docs: [{ weergavenaam: 'Nergenshuizen, Utrecht', centroide_ll: 'POINT(5.1214 52.0907)' }] } }),
    });
  });
  return asked;
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
