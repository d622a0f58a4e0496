/**
 * Every component example (the `examples.ts` beside each component, as in govuk-frontend)
 * is rendered on the gallery page of the fixture site and checked by axe in every
 * language. A new example is tested by existing.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, useBrowser, VIEWPORTS } from '../support/browser.ts';
import { LANGS } from '../support/pages.ts';
import { ROOT } from '../support/site.ts';

const base = inject('hostileUrl');
let page: Page;

useBrowser((session) => ({ page } = session), VIEWPORTS.phone);

describe('component examples', () => {
  it('the gallery shows every component that has examples, and every component has some', async () => {
    await page.goto(`${base}/nl/voorbeelden/`);
    const shown = await page.locator('[data-component]').evaluateAll((els) => els.map((e) => e.getAttribute('data-component')));
    // Page chrome is on every page and tested there; everything else needs examples.
    const chrome = new Set(['SiteHeader', 'SiteFooter', 'LanguageSwitcher']);
    const folders = readdirSync(resolve(ROOT, 'src/components')).filter((f) => !chrome.has(f));
    expect([...shown].sort()).toEqual(expect.arrayContaining(folders.sort()));
    expect(await page.locator('[data-example]').count()).toBeGreaterThan(5);
  });

  for (const lang of LANGS) {
    it(`every example has no axe violations (${lang})`, async () => {
      const response = await page.goto(`${base}/${lang}/voorbeelden/`);
      expect(response?.status()).toBe(200);
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  it('the gallery is not part of the public sample site', async () => {
    const response = await page.goto(`${inject('sampleUrl')}/nl/voorbeelden/`);
    expect(response?.status()).toBe(404);
  });
});
