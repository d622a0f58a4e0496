/**
 * Search that forgives, in Chromium on the sample register: typing errors corrected from
 * the register's own words (and said so, with a way back to the words as typed), the
 * correction vocabulary loaded only when a query needs it, and no silence about schools
 * without a valid keurmerk that the default filter hides. Which school is meant is taken
 * from the register model, so the tests hold for any sample that has such schools.
 */
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { holdsValidKeurmerk } from '../../src/register/vocabulary.ts';
import type { Holder } from '../../src/register/model.ts';
import { openReady, useBrowser } from '../support/browser.ts';
import { loadRegister } from '../support/register.ts';
import { ROOT } from '../support/site.ts';

const base = inject('sampleUrl');
const register = loadRegister(resolve(ROOT, 'data'));

let page: Page;
let errors: string[];
/** Paths the page requested since the last `openSearch`. */
let requested: string[] = [];

useBrowser((session) => {
  ({ page, errors } = session);
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
});

async function openSearch(query: string, lang = 'nl') {
  requested = [];
  await openReady(page, `${base}/${lang}/zoeken/${query}`, 'search');
}

const shownIds = () => page.locator('[data-search-result]').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.locationId!));
const idsOf = (holder: Holder) => holder.locations.map((l) => l.location_id);
/** A holder whose name's distinctive word (the longest) is in no other holder's name. */
function distinctive(valid: boolean): { holder: Holder; word: string } {
  for (const holder of register.holders) {
    if (holdsValidKeurmerk(holder.keurmerk_status) !== valid) continue;
    const word = holder.name.split(/\s+/).sort((a, b) => b.length - a.length)[0]!;
    if (word.length >= 8 && /^\p{L}+$/u.test(word) && register.holders.every((h) => h === holder || !h.name.includes(word) && !(h.trade_name ?? '').includes(word))) return { holder, word };
  }
  throw new Error('the sample has no holder with a distinctive word');
}

describe('typing errors', () => {
  const { holder, word } = distinctive(true);
  /** One letter left out, two swapped: the errors of someone typing as they hear. */
  const typos = [word.slice(0, 3) + word.slice(4), word.slice(0, 2) + word[3] + word[2] + word.slice(4)];

  for (const typo of typos) {
    it(`"${typo}" finds ${holder.name} and says what it searched for instead`, async () => {
      await openSearch(`?q=${encodeURIComponent(typo)}`);
      const ids = await shownIds();
      expect(ids.slice(0, 5)).toContain(idsOf(holder)[0]);
      expect(ids.every((id) => idsOf(holder).includes(id))).toBe(true);
      const line = page.locator('[data-search-correction]');
      expect(await line.isVisible()).toBe(true);
      expect(await line.innerText()).toContain(`Resultaten voor ${word}. U zocht: ${typo}.`);
      expect(requested).toContain('/zoeken/woorden.json');
      expect(errors).toEqual([]);
    });
  }

  it('the link to the words as typed searches them without correcting', async () => {
    await openSearch(`?q=${encodeURIComponent(typos[0]!)}&route=B1`);
    await page.locator('[data-search-typed]').click();
    await page.waitForURL(/exact=1/);
    await page.locator('[data-search][data-state="ready"]').waitFor();
    expect(new URL(page.url()).searchParams.get('route')).toBe('B1');
    expect(await page.locator('[data-search-correction]').isVisible()).toBe(false);
    expect(await page.locator('[data-search-count]').textContent()).toBe('Geen vestigingen gevonden. Kies minder filters of typ iets anders.');
  });

  it('a query that finds something never loads the vocabulary, and says nothing about corrections', async () => {
    await openSearch(`?q=${encodeURIComponent(word)}`);
    expect((await shownIds()).length).toBeGreaterThan(0);
    expect(await page.locator('[data-search-correction]').isVisible()).toBe(false);
    await page.waitForLoadState('networkidle');
    expect(requested.filter((path) => path.includes('woorden'))).toEqual([]);
  });

  it('words that are nowhere near a register word find nothing, rather than a guess', async () => {
    await openSearch('?q=abcdefg');
    expect(await shownIds()).toEqual([]);
    expect(await page.locator('[data-search-correction]').isVisible()).toBe(false);
  });
});

describe('schools without a valid keurmerk', () => {
  const { holder } = distinctive(false);

  it(`a search for ${holder.name}, suspended or former, names it and its status at the top without any filter changed`, async () => {
    await openSearch(`?q=${encodeURIComponent(holder.name)}`);
    const notice = page.locator('[data-search-hidden]');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.locator('[data-hidden-holder]').first().innerText()).toContain(holder.name);
    expect(await notice.locator('[data-hidden-holder] .kr-status-badge').first().getAttribute('data-status')).toBe(holder.keurmerk_status);
    for (const id of idsOf(holder)) expect(await shownIds()).not.toContain(id);
  });

  it('one button shows them, with the exact name first, and keeps that in the URL', async () => {
    await openSearch(`?q=${encodeURIComponent(holder.name)}`);
    await page.locator('[data-show-hidden]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('inactive')).toBe('1');
    await page.locator('[data-search][data-state="ready"]').waitFor();
    await expect.poll(async () => idsOf(holder).includes((await shownIds())[0]!)).toBe(true);
    expect(await page.locator('[data-search-hidden]').isVisible()).toBe(false);
    expect(await page.locator('#zoeken-inactive').isChecked()).toBe(true);
  });

  it('says nothing when no hidden school matches', async () => {
    const { word } = distinctive(true);
    await openSearch(`?q=${encodeURIComponent(word)}`);
    expect(await page.locator('[data-search-hidden]').isVisible()).toBe(false);
  });
});

describe('the map', () => {
  async function openMap(query: string) {
    await openReady(page, `${base}/nl/kaart/${query}`, 'location-map');
  }

  it('names the schools without a valid keurmerk in view that the default filter hides, and shows them on request', async () => {
    const hidden = register.locations.filter((l) => l.latitude !== undefined && !holdsValidKeurmerk(register.holderById.get(l.holder_id)!.keurmerk_status));
    expect(hidden.length).toBeGreaterThan(0);
    await openMap('');
    const notice = page.locator('[data-map-hidden]');
    // The whole country is in view.
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.locator('.kr-hidden-holders__intro').innerText()).toContain(`(vestigingen: ${hidden.length})`);
    const named = await notice.locator('[data-hidden-holder]').evaluateAll((items) => items.map((li) => [li.querySelector('bdi')!.textContent, (li as HTMLElement).dataset.hiddenHolder]));
    for (const [name, status] of named) expect(register.holders.some((h) => h.name === name && h.keurmerk_status === status && !holdsValidKeurmerk(h.keurmerk_status))).toBe(true);
    await notice.locator('[data-show-hidden]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('inactive')).toBe('1');
    await expect.poll(() => notice.isVisible()).toBe(false);
  });

  for (const [typed, place] of [
    ['Ljouwert', 'Leeuwarden'],
    ['den haag', "'s-Gravenhage"],
    ['Roterdam', 'Rotterdam'],
    ['SNITS', 'Sneek'],
    // Spelled as heard, and typed on an Arabic, Persian or full-width keyboard.
    ['Lijden', 'Leiden'],
    ['Nymegen', 'Nijmegen'],
    ['ＧＯＵＤＡ', 'Gouda'],
    ['٢٥٣١ PG', '2531'],
    ['۲۵۳۱', '2531'],
  ] as const) {
    it(`"${typed}" in the place field is ${place}, on the map as on the search page`, async () => {
      expect(register.locations.some((l) => l.city === place || l.postcode.startsWith(place))).toBe(true);
      for (const path of ['kaart', 'zoeken']) {
        await page.goto(`${base}/nl/${path}/?place=${encodeURIComponent(typed)}`);
        await expect.poll(() => page.locator('[data-place-message]').textContent()).toContain(place);
        expect(await page.locator('[data-place-pdok]').isVisible()).toBe(false);
      }
    });
  }
});
