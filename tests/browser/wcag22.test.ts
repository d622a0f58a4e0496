/**
 * WCAG 2.2 AA beyond axe, on every page type in Dutch and Arabic (one page per type, one
 * Chromium): target size (2.5.8), focus not obscured while tabbing (2.4.11), the map without
 * dragging (2.5.7), reflow at 320 CSS px (1.4.10), text spacing without clipped text (1.4.12)
 * and forced colours. The accessibility statement, which names these checks, is checked here
 * too: in every language, linked from every footer. docs/accessibility.md says what each
 * check means.
 */
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPage, openReady, useBrowser, VIEWPORTS } from '../support/browser.ts';
import { LANGS, pageTypes } from '../support/pages.ts';
import { loadRegister } from '../support/register.ts';
import { ROOT } from '../support/site.ts';

const base = inject('sampleUrl');
const types = pageTypes(loadRegister(resolve(ROOT, 'data')));
const WCAG22_LANGS = ['nl', 'ar'] as const;

let browser: Browser;
let page: Page;

useBrowser((session) => ({ browser, page } = session), VIEWPORTS.desktop);

/** What counts as a control: everything a pointer or the keyboard can operate. */
const CONTROLS = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';

/** Loads a page and, for pages with a script, waits until it is ready, so its controls exist. */
async function open(target: Page, url: string): Promise<void> {
  await target.goto(url);
  for (const part of ['location-map', 'search']) {
    if (await target.locator(`[data-${part}]`).count()) await target.locator(`[data-${part}][data-state="ready"]`).waitFor();
  }
}

describe('2.5.8 target size: 24 × 24 CSS px, or spaced apart', () => {
  for (const lang of WCAG22_LANGS) {
    it(`every page type in ${lang}`, async () => {
      const problems: string[] = [];
      for (const type of types) {
        await open(page, base + type.path(lang));
        const small = await page.evaluate((selector) => {
          const visible = [...document.querySelectorAll<HTMLElement>(selector)].filter((e) => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden' && !e.closest('[aria-hidden="true"]');
          });
          // A link inside a sentence is exempt ("inline"): its size is set by the line of text.
          const inline = (e: HTMLElement) => getComputedStyle(e).display === 'inline' && e.tagName === 'A' && (e.parentElement?.textContent ?? '').trim() !== e.textContent!.trim();
          const targets = visible.filter((e) => !inline(e));
          const centre = (e: HTMLElement) => {
            const r = e.getBoundingClientRect();
            return { x: r.left + r.width / 2, y: r.top + r.height / 2, r };
          };
          return targets
            .filter((e) => {
              const { r } = centre(e);
              if (r.width >= 24 - 0.5 && r.height >= 24 - 0.5) return false;
              // The spacing exception: a 24 px circle on its centre intersects no other target or its circle.
              const c = centre(e);
              return targets.some((o) => {
                if (o === e || o.contains(e) || e.contains(o)) return false;
                const d = centre(o);
                const small = d.r.width < 24 || d.r.height < 24;
                if (small) return Math.hypot(c.x - d.x, c.y - d.y) < 24;
                // Distance from e's centre to o's box.
                const dx = Math.max(d.r.left - c.x, 0, c.x - d.r.right);
                const dy = Math.max(d.r.top - c.y, 0, c.y - d.r.bottom);
                return Math.hypot(dx, dy) < 12;
              });
            })
            .slice(0, 5)
            .map((e) => `${e.tagName.toLowerCase()}.${e.className} "${(e.textContent ?? '').trim().slice(0, 30)}" ${Math.round(e.getBoundingClientRect().width)}×${Math.round(e.getBoundingClientRect().height)}`);
        }, CONTROLS);
        problems.push(...small.map((what) => `${type.name}: ${what}`));
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('2.4.11 focus not obscured: no focused control is hidden under a sticky or fixed element', () => {
  for (const lang of WCAG22_LANGS) {
    it(`every page type in ${lang}, tabbing through the page`, async () => {
      const phone = await openPage(browser, VIEWPORTS.phone);
      let checked = 0;
      for (const type of types) {
        await open(phone, base + type.path(lang));
        // The sticky and fixed elements, found once per page; each Tab then only measures.
        const stuck = await phone.evaluate(() => {
          const found = [...document.querySelectorAll<HTMLElement>('body *')].filter((o) => ['sticky', 'fixed'].includes(getComputedStyle(o).position));
          for (const o of found) o.dataset.stuck = '';
          return found.length;
        });
        if (stuck === 0) continue;
        checked++;
        for (let i = 0; i < 40; i++) {
          await phone.keyboard.press('Tab');
          const hidden = await phone.evaluate(() => {
            const el = document.activeElement as HTMLElement | null;
            if (!el || el === document.body) return null;
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) return null;
            const covers = [...document.querySelectorAll<HTMLElement>('[data-stuck]')].filter((o) => !o.contains(el));
            const covered = covers.some((o) => {
              const c = o.getBoundingClientRect();
              return c.left <= r.left && c.right >= r.right && c.top <= r.top && c.bottom >= r.bottom;
            });
            return covered ? `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"` : null;
          });
          expect(hidden, type.name).toBeNull();
        }
      }
      // The municipality tables' sticky header at least: a check that meets nothing sticky checks nothing.
      expect(checked).toBeGreaterThan(0);
      await phone.context().close();
    });
  }
});

describe('2.5.7 the map without dragging', () => {
  for (const lang of WCAG22_LANGS) {
    it(`buttons pan and zoom the map, and the list holds what is in view (${lang})`, async () => {
      await openReady(page, `${base}/${lang}/kaart/`, 'location-map');
      const canvas = page.locator('[data-map-canvas]');
      for (const button of ['.kr-map-pan__north', '.kr-map-pan__west', '.kr-map-pan__east', '.kr-map-pan__south', '.leaflet-control-zoom-in', '.leaflet-control-zoom-out']) {
        const before = await canvas.getAttribute('data-view');
        await page.locator(button).click();
        await expect.poll(() => canvas.getAttribute('data-view'), { message: button }).not.toBe(before);
      }
      expect(await page.locator('[data-map-list] > li').count()).toBeGreaterThan(0);
    });
  }
});

const TEXT_SPACING = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }';

/** Sideways scrolling, and text cut off by a box that hides its overflow. */
function reflowProblems(target: Page) {
  return target.evaluate(() => {
    const root = document.documentElement;
    const clipped = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((e) => {
        const s = getComputedStyle(e);
        if (!['hidden', 'clip'].includes(s.overflowX) && !['hidden', 'clip'].includes(s.overflowY)) return false;
        const r = e.getBoundingClientRect();
        // Visually hidden text (1 px boxes) and the map's own panes are meant to be clipped.
        if (r.width <= 2 || r.height <= 2 || e.closest('.leaflet-container')) return false;
        if (!(e.textContent ?? '').trim()) return false;
        return e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1;
      })
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
    return { sideways: root.scrollWidth - root.clientWidth, clipped };
  });
}

describe('1.4.10 reflow and 1.4.12 text spacing at 320 CSS px', () => {
  for (const lang of WCAG22_LANGS) {
    it(`every page type in ${lang}`, async () => {
      // The page's CSP forbids inline styles; the spacing stands in for a visitor's own stylesheet, which CSP does not block.
      const narrow = await (await browser.newContext({ viewport: { width: 320, height: 640 }, bypassCSP: true })).newPage();
      await narrow.context().route('**/*.png', (route) => route.abort());
      const problems: string[] = [];
      for (const type of types) {
        await open(narrow, base + type.path(lang));
        const plain = await reflowProblems(narrow);
        if (plain.sideways > 0) problems.push(`${type.name}: ${plain.sideways} px sideways at 320 px`);
        await narrow.addStyleTag({ content: TEXT_SPACING });
        const spaced = await reflowProblems(narrow);
        if (spaced.sideways > 0 || spaced.clipped.length > 0) problems.push(`${type.name} with text spacing: ${spaced.sideways} px sideways, clipped ${spaced.clipped.join(', ')}`);
      }
      expect(problems).toEqual([]);
      await narrow.context().close();
    });
  }
});

describe('forced colours keep every control and chart visible', () => {
  for (const lang of WCAG22_LANGS) {
    it(`every page type in ${lang}`, async () => {
      const context = await browser.newContext({ viewport: VIEWPORTS.desktop, forcedColors: 'active' });
      const forced = await context.newPage();
      const problems: string[] = [];
      for (const type of types) {
        await open(forced, base + type.path(lang));
        const invisible = await forced.evaluate((selector) => {
          const background = getComputedStyle(document.body).backgroundColor;
          const shows = (e: Element) => {
            const s = getComputedStyle(e);
            const edge = ['Top', 'Right', 'Bottom', 'Left'].some((side) => parseFloat(s.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0 && s.getPropertyValue(`border-${side.toLowerCase()}-color`) !== background);
            const text = (e.textContent ?? '').trim() !== '' && s.color !== background;
            const icon = e.querySelector('svg, img') !== null;
            // A native checkbox, radio button or select is drawn by the browser in system colours.
            const native = ['INPUT', 'SELECT'].includes(e.tagName) && s.appearance !== 'none';
            return edge || text || icon || native || (s.backgroundColor !== background && s.backgroundColor !== 'rgba(0, 0, 0, 0)');
          };
          const controls = [...document.querySelectorAll<HTMLElement>(selector)].filter((e) => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
          });
          // Chart marks: SVG shapes drawn with a fill or a stroke that differs from the page.
          const marks = [...document.querySelectorAll<SVGGraphicsElement>('svg.kr-svg-chart [data-row]')].filter((m) => {
            const s = getComputedStyle(m);
            const fill = s.fill !== 'none' && s.fill !== background && s.fillOpacity !== '0';
            const stroke = s.stroke !== 'none' && s.stroke !== background && parseFloat(s.strokeWidth) > 0;
            return !fill && !stroke && m.getBBox().width > 0;
          });
          return [
            // A control shows when it, or something drawn inside it (a map pin's ring), paints an edge, text or icon.
            ...controls.filter((e) => ![e, ...e.querySelectorAll('*')].some(shows)).map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
            ...marks.map((m) => `chart ${m.tagName}.${m.getAttribute('class')}`),
          ].slice(0, 5);
        }, CONTROLS);
        problems.push(...invisible.map((what) => `${type.name}: ${what}`));
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});

describe('the accessibility statement', () => {
  it('is in every language and linked from the footer of every page type', async () => {
    for (const lang of LANGS) {
      const response = await page.goto(`${base}/${lang}/toegankelijkheid/`);
      expect(response?.status(), lang).toBe(200);
      expect(await page.locator('[data-claim]').count(), lang).toBeGreaterThanOrEqual(8);
    }
    for (const lang of WCAG22_LANGS) {
      for (const type of types) {
        await page.goto(base + type.path(lang));
        expect(await page.locator(`.kr-site-footer a[href="/${lang}/toegankelijkheid/"]`).count(), type.name).toBe(1);
      }
    }
  });
});
