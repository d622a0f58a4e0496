/**
 * Hostile values from an export render as text and run nothing; the CSP forbids inline
 * scripts; links go only to http(s). Uses the fixture in tests/fixtures/hostile.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, watchCspViolations } from '../support/browser.ts';
import { LANGS } from '../support/pages.ts';
import { loadRegister } from '../support/register.ts';
import { filesUnder, HOSTILE_DATA } from '../support/site.ts';

const base = inject('hostileUrl');
const out = inject('hostileOut');
const register = loadRegister(HOSTILE_DATA);

let page: Page;
let errors: string[];
const dialogs: string[] = [];
/** Every CSP violation of every page this file visits. */
let violations: string[];

useBrowser((session) => ({ page, errors } = session));
beforeAll(async () => {
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  violations = await watchCspViolations(page);
});

const htmlFiles = (dir: string) => filesUnder(dir).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));

/** A start tag with its attributes, quoted values read whole (a `>` inside quotes does not end the tag). */
const TAG = /<[a-z][a-z0-9-]*((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/gi;
/** One attribute of such a tag: its name (group 1). */
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;

describe('hostile names', () => {
  for (const holder of register.holders) {
    for (const lang of LANGS) {
      it(`${holder.holder_id} in ${lang}: the name shows as its own characters and nothing runs`, async () => {
        await page.goto(`${base}/${lang}/aanbieder/${holder.holder_id}/`);
        const h1 = await page.locator('h1').innerText();
        expect(h1).toContain(holder.name);
        if (holder.trade_name) expect(await page.locator('main').innerText()).toContain(holder.trade_name);
        for (const location of holder.locations) {
          await page.goto(`${base}/${lang}/vestiging/${location.location_id}/`);
          expect(await page.locator('main').innerText()).toContain(location.street);
          if (location.name) expect(await page.locator('h1').innerText()).toContain(location.name);
        }
        // Nothing from the export became an element: no injected img, svg, iframe, b or u.
        expect(await page.locator('main img, main iframe, main b, main u, main svg[onload]').count()).toBe(0);
        expect(dialogs).toEqual([]);
      });
    }
  }

  it('the JSON-LD of a location stays one script element holding the literal name', async () => {
    const location = register.locations.find((l) => l.name?.includes('<svg'))!;
    await page.goto(`${base}/nl/vestiging/${location.location_id}/`);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(blocks).toHaveLength(1);
    expect(JSON.parse(blocks[0]!).name).toBe(location.name);
  });

  it('an unsafe website never becomes anything but an http(s) link', async () => {
    await page.goto(`${base}/nl/aanbieder/KH-XSS1/`);
    const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) expect(href).toMatch(/^(https?:|mailto:|tel:)/);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('Content-Security-Policy', () => {
  const files = htmlFiles(out);

  it('every page carries a CSP without unsafe-inline or unsafe-eval for scripts', () => {
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const html = readFileSync(file, 'utf8');
      const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html)?.[1];
      expect(csp, file).toBeDefined();
      const scriptSrc = /script-src ([^;]+)/.exec(csp!)?.[1] ?? '';
      // 'wasm-unsafe-eval' (WebAssembly only, for Pagefind on the search page) is not 'unsafe-eval'.
      expect(scriptSrc, file).not.toMatch(/unsafe-inline|(?<!wasm-)unsafe-eval/);
      expect(csp, file).toMatch(/default-src 'self'/);
      expect(csp, file).toMatch(/object-src 'none'/);
    }
  });

  it('no page holds an executable inline script or an inline event handler', () => {
    for (const file of files) {
      const html = readFileSync(file, 'utf8');
      for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        const [, attributes, body] = match;
        if (/src=/.test(attributes!)) continue;
        expect(attributes, `${file}: inline script`).toMatch(/type="application\/ld\+json"/);
        expect(body).not.toMatch(/<\/script/i);
      }
      // An inline event handler is an attribute *named* on…; export text inside a quoted attribute
      // value (a feed link's title may hold "<img onerror=…>" as text) is escaped text, not a handler.
      for (const tag of html.matchAll(TAG)) {
        const names = [...tag[1]!.matchAll(ATTRIBUTE)].map((a) => a[1]!.toLowerCase());
        expect(names.filter((name) => name.startsWith('on')), `${file}: <${tag[0].slice(1, 40)}…>`).toEqual([]);
      }
    }
  });

  it('a browser reports no CSP violation on a page with every kind of content', async () => {
    await page.goto(`${base}/en/aanbieder/KH-XSS2/`);
    await page.goto(`${base}/en/vestiging/V-XSS1/`);
    expect(violations).toEqual([]);
  });
});
