/**
 * Nine languages, three of them right to left: the page direction comes from the language,
 * the layout mirrors, addresses and postcodes stay left to right inside Arabic and Persian
 * text, every page offers every language, and nothing overflows a phone in Arabic or
 * Tigrinya, whose words and script run longest.
 */
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPage, VIEWPORTS, useBrowser } from '../support/browser.ts';
import { LANGS, pageTypes } from '../support/pages.ts';
import { loadRegister } from '../support/register.ts';
import { ROOT } from '../support/site.ts';
import { LANGUAGES, textDirection, type Lang } from '../../src/i18n/languages.ts';

const base = inject('sampleUrl');
const register = loadRegister(resolve(ROOT, 'data'));
const types = pageTypes(register);
const pathOf = (name: string) => types.find((t) => t.name === name)!.path;
const RTL: readonly Lang[] = ['ar', 'fa', 'ps'];

let browser: Browser;
let page: Page;
let errors: string[];

useBrowser((session) => ({ browser, page, errors } = session), VIEWPORTS.desktop);

describe('text direction', () => {
  it('Arabic, Persian and Pashto pages are right to left, every other language left to right', async () => {
    expect(LANGS.filter((lang) => textDirection(lang) === 'rtl')).toEqual(RTL);
    for (const lang of LANGS) {
      await page.goto(base + pathOf('home')(lang));
      const html = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
        direction: getComputedStyle(document.documentElement).direction,
        body: getComputedStyle(document.querySelector('main')!).direction,
      }));
      const expected = RTL.includes(lang) ? 'rtl' : 'ltr';
      expect(html, lang).toEqual({ lang, dir: expected, direction: expected, body: expected });
    }
  });

  for (const lang of RTL) {
    it(`a postcode stays left to right inside ${lang} text, and the address reads as one left-to-right line`, async () => {
      errors.length = 0;
      await page.goto(base + pathOf('location')(lang));
      const address = await page.evaluate(() => {
        const lead = document.querySelector('.kr-lead .kr-postal-address')!;
        const postcode = lead.querySelector('.kr-postal-address__postcode')!;
        // Where the street (first text), the postcode and the place (last text) are drawn.
        const x = (node: Node) => {
          const range = document.createRange();
          range.selectNodeContents(node);
          return range.getBoundingClientRect().left;
        };
        return {
          direction: getComputedStyle(postcode).direction,
          parent: getComputedStyle(lead.parentElement!).direction,
          text: lead.textContent,
          order: [x(lead.firstChild!), x(postcode), x(lead.lastChild!)],
        };
      });
      const location = register.locations.find((l) => pathOf('location')(lang).includes(`/${l.location_id}/`))!;
      expect(address.direction).toBe('ltr');
      expect(address.parent).toBe('rtl');
      expect(address.text).toContain(`, ${location.postcode} ${location.city}`);
      const [street, postcode, city] = address.order;
      expect(street!).toBeLessThan(postcode!);
      expect(postcode!).toBeLessThan(city!);
      // Phone numbers and e-mail addresses in the details are left to right too.
      const contacts = await page.locator('.kr-details a[href^="tel:"], .kr-details a[href^="mailto:"]').evaluateAll((as) =>
        as.map((a) => getComputedStyle(a).direction),
      );
      expect(contacts.length).toBeGreaterThan(0);
      expect(new Set(contacts)).toEqual(new Set(['ltr']));
      expect(errors).toEqual([]);
    });
  }

  it('the map stays left to right inside an Arabic page: west is on the left in every language', async () => {
    await page.goto(base + pathOf('map')('ar'));
    const directions = await page.evaluate(() => ({
      page: getComputedStyle(document.documentElement).direction,
      map: getComputedStyle(document.querySelector('[data-map-canvas]')!).direction,
    }));
    expect(directions).toEqual({ page: 'rtl', map: 'ltr' });
  });

  it('the layout mirrors: in Arabic the status icon and the offer bar sit on the right', async () => {
    const sides = async (lang: Lang) => {
      await page.goto(base + pathOf('location')(lang));
      return page.evaluate(() => {
        const icon = document.querySelector('main .kr-status-badge__icon')!.getBoundingClientRect();
        const label = document.querySelector('main .kr-status-badge__label')!.getBoundingClientRect();
        const offer = getComputedStyle(document.querySelector('.kr-offer-list__item')!);
        return { iconFirst: icon.left < label.left, leftBar: offer.borderLeftWidth !== '0px', rightBar: offer.borderRightWidth !== '0px' };
      });
    };
    expect(await sides('nl')).toEqual({ iconFirst: true, leftBar: true, rightBar: false });
    expect(await sides('ar')).toEqual({ iconFirst: false, leftBar: false, rightBar: true });
  });
});

describe('language switcher', () => {
  it('on every page type, links the same page in every language, each named in itself', async () => {
    for (const lang of ['nl', 'ar'] as const) {
      for (const type of types) {
        await page.goto(base + type.path(lang));
        const links = await page.locator('.kr-language-switcher a').evaluateAll((as) =>
          as.map((a) => ({
            href: a.getAttribute('href'),
            lang: a.getAttribute('lang'),
            hreflang: a.getAttribute('hreflang'),
            text: a.textContent?.trim(),
            current: a.getAttribute('aria-current'),
          })),
        );
        expect(links, `${type.name} in ${lang}`).toEqual(
          LANGUAGES.map((l) => ({ href: type.path(l.code), lang: l.code, hreflang: l.code, text: l.name, current: l.code === lang ? 'true' : null })),
        );
      }
    }
  });
});

describe('on a phone', () => {
  for (const lang of ['ar', 'ti'] as const) {
    it(`no page type in ${lang} scrolls sideways`, async () => {
      const phone = await openPage(browser, VIEWPORTS.phone);
      for (const type of types) {
        await phone.goto(base + type.path(lang));
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, type.name).toBeLessThanOrEqual(0);
      }
      await phone.close();
    });
  }
});
