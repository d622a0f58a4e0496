/**
 * The open-data and changes pages in every language (axe, phone layout), the files they
 * list as served, the Atom feeds parsed by the browser's own XML parser and checked against
 * RFC 4287's required elements, and spreadsheet safety seen from both sides: a trade name
 * `=HYPERLINK(...)` is neutralised in the CSV and shown as its literal text on the page.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import Papa from 'papaparse';
import { axeViolations, openPage, VIEWPORTS, useBrowser } from '../support/browser.ts';
import { LANGS } from '../support/pages.ts';
import { EXPORT_FILES } from '../../src/register/index.ts';
import { CHANGES_FILE } from '../../src/register/changes.ts';
import { formatFileSize } from '../../src/components/DataFileTable/file-size.ts';

const sample = inject('sampleUrl');
const sampleOut = inject('sampleOut');
const hostile = inject('hostileUrl');

let browser: Browser;
let page: Page;
let errors: string[];

useBrowser((session) => ({ browser, page, errors } = session), VIEWPORTS.desktop);

const PAGES = [
  { name: 'open data', path: (lang: string) => `/${lang}/open-data/` },
  { name: 'changes', path: (lang: string) => `/${lang}/wijzigingen/` },
];

describe('the open-data and changes pages', () => {
  for (const lang of LANGS) {
    for (const type of PAGES) {
      it(`${type.name} in ${lang}: no axe violations, no errors`, async () => {
        errors.length = 0;
        const response = await page.goto(sample + type.path(lang));
        expect(response?.status()).toBe(200);
        expect(await axeViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
        // Feed readers and browsers find the feed from both pages.
        expect(await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href')).toBe(`/${lang}/wijzigingen.atom`);
      });
    }
  }

  it('fit a phone without sideways scrolling, left to right and right to left', async () => {
    const phone = await openPage(browser, VIEWPORTS.phone);
    for (const lang of ['nl', 'ar']) {
      for (const type of PAGES) {
        await phone.goto(sample + type.path(lang));
        expect(await axeViolations(phone), `${type.name} ${lang}`).toEqual([]);
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${type.name} ${lang}`).toBeLessThanOrEqual(0);
      }
    }
    await phone.close();
  });

  it('the open-data page lists every file in /data/ with its real size, and every link works', async () => {
    await page.goto(`${sample}/nl/open-data/`);
    const rows = await page.locator('.kr-data-file-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ href: tr.querySelector('a')!.getAttribute('href')!, size: tr.querySelector('td:last-child')!.textContent!.trim() })),
    );
    const dataDir = join(sampleOut, 'data');
    const files = readdirSync(dataDir).filter((f) => statSync(join(dataDir, f)).isFile()).sort();
    expect(rows.map((r) => r.href.replace('/data/', '')).sort()).toEqual(files);
    for (const row of rows) {
      const response = await fetch(sample + row.href);
      expect(response.status, row.href).toBe(200);
      const bytes = (await response.arrayBuffer()).byteLength;
      expect(bytes, row.href).toBe(statSync(join(sampleOut, row.href)).size);
      expect(row.size, row.href).toBe(formatFileSize('nl', bytes));
    }
  });

  it('the data dictionary shows every column of every CSV, in file order', async () => {
    await page.goto(`${sample}/en/open-data/`);
    for (const file of [...Object.values(EXPORT_FILES), CHANGES_FILE]) {
      const section = page.locator(`section[aria-labelledby="kolommen-${file.name}"]`);
      const names = await section.locator('tbody th code').allTextContents();
      expect(names, file.name).toEqual(Object.keys(file.row.shape));
    }
  });
});

/** The parts of an Atom document RFC 4287 requires, read by the browser's XML parser. */
async function readFeed(xml: string) {
  return page.evaluate((text) => {
    const ATOM = 'http://www.w3.org/2005/Atom';
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.getElementsByTagName('parsererror')[0]?.textContent ?? null;
    const root = doc.documentElement;
    const child = (el: Element, name: string) => [...el.children].filter((c) => c.namespaceURI === ATOM && c.localName === name);
    const one = (el: Element, name: string) => child(el, name)[0]?.textContent ?? null;
    return {
      error,
      root: `${root.namespaceURI} ${root.localName}`,
      id: one(root, 'id'),
      title: one(root, 'title'),
      updated: one(root, 'updated'),
      author: child(root, 'author').map((a) => one(a, 'name')),
      self: child(root, 'link').find((l) => l.getAttribute('rel') === 'self')?.getAttribute('href') ?? null,
      entries: child(root, 'entry').map((e) => ({
        id: one(e, 'id'),
        title: one(e, 'title'),
        updated: one(e, 'updated'),
        titleType: child(e, 'title')[0]?.getAttribute('type') ?? null,
        alternate: child(e, 'link').find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate')?.getAttribute('href') ?? null,
      })),
    };
  }, xml);
}

describe('the Atom feeds', () => {
  const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

  for (const lang of LANGS) {
    it(`${lang}: well-formed Atom with every element RFC 4287 requires`, async () => {
      await page.goto(`${sample}/${lang}/wijzigingen/`);
      const response = await fetch(`${sample}/${lang}/wijzigingen.atom`);
      expect(response.status).toBe(200);
      const feed = await readFeed(await response.text());
      expect(feed.error).toBeNull();
      expect(feed.root).toBe('http://www.w3.org/2005/Atom feed');
      expect(feed.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(feed.title).toBeTruthy();
      expect(feed.updated).toMatch(RFC3339);
      expect(feed.author).toEqual([expect.any(String)]);
      expect(feed.self).toBe(`/${lang}/wijzigingen.atom`);
      expect(feed.entries.length).toBeGreaterThan(0);
      for (const entry of feed.entries) {
        expect(entry.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
        expect(entry.title).toBeTruthy();
        expect(entry.titleType).toBe('text');
        expect(entry.updated).toMatch(RFC3339);
        expect(entry.updated! <= feed.updated!).toBe(true);
        expect(entry.alternate).toMatch(new RegExp(`^/${lang}/(aanbieder|vestiging)/`));
      }
      expect(new Set(feed.entries.map((e) => e.id)).size).toBe(feed.entries.length);
      const first = await fetch(sample + feed.entries[0]!.alternate);
      expect(first.status).toBe(200);
    });
  }

  it('carries hostile names as their own characters, in text-only titles', async () => {
    const feed = await readFeed(await (await fetch(`${hostile}/en/wijzigingen.atom`)).text());
    expect(feed.error).toBeNull();
    const titles = feed.entries.map((e) => e.title).join('\n');
    expect(titles).toContain('<img src=x onerror=alert(1)>');
    expect(titles).toContain('{{7*7}} ${alert(4)} <b>vet</b>');
    expect(titles).toContain('Taal & Co "De Brug"');
  });
});

describe('spreadsheet safety, seen from both sides', () => {
  it('the trade name =HYPERLINK(...) is neutralised in holders.csv and literal text on the holder page', async () => {
    const csv = await (await fetch(`${hostile}/data/holders.csv`)).text();
    const [header, ...rows] = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    const row = rows.find((r) => r[0] === 'KH-XSS2')!;
    expect(row[header!.indexOf('trade_name')]).toBe(`'=HYPERLINK("http://x","klik")`);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""klik"")"`);

    for (const lang of LANGS) {
      await page.goto(`${hostile}/${lang}/aanbieder/KH-XSS2/`);
      expect(await page.locator('main').innerText()).toContain('=HYPERLINK("http://x","klik")');
      expect(await page.locator('main a[href^="http://x"]').count()).toBe(0);
    }
  });

  it('the changes page shows hostile names and notes as text, and runs nothing', async () => {
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(`${hostile}/nl/wijzigingen/`);
    const text = await page.locator('main').innerText();
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('<script>alert(7)</script> geschorst');
    expect(await page.locator('main img, main script, main b').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
