/**
 * The guide (/wegwijzer/) in Chromium: six ways through it, each walked with JavaScript (one
 * question at a time, the back button one question back) and without (one form of
 * fieldsets), ending on the search page with the same address parameters, whose results
 * are compared with the register model's for the filters the answers mean. The model and the
 * answers come from the sample register, never from hand-counted numbers.
 */
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { effectiveSelection, parseFilterState } from '../../src/client/filter-state.ts';
import { GUIDE_ANSWERS } from '../../src/register/guide-steps.ts';
import { filterLocations, type FilterSelection } from '../../src/register/facets.ts';
import { buildPlaceIndex, resolvePlace } from '../../src/register/geo.ts';
import { VALID_STATUSES } from '../../src/register/vocabulary.ts';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import { answerPdok, axeViolations, useBrowser, watchCspViolations } from '../support/browser.ts';
import { loadRegister } from '../support/register.ts';
import { ROOT } from '../support/site.ts';

const base = inject('sampleUrl');
const register = loadRegister(resolve(ROOT, 'data'));
const planning = register.published.courses;
const soon = planning ? { start: ['soon'] } : {};

let browser: Browser;
useBrowser((session) => ({ browser } = session));

/** One way through the guide: what is chosen at each question, and the filters that should mean. */
interface Way {
  name: string;
  law: string;
  route?: string;
  profile?: string;
  pays?: string;
  municipality?: string;
  place?: string;
  /** Untick "starts within three months" (the "it does not matter" answer). */
  anyStart?: boolean;
  /** The selection the answers mean, as the register model takes it. */
  selection: FilterSelection;
}

/** A location the model finds for a selection, so each way ends with results to compare (not only an empty list). */
const someLocation = (selection: FilterSelection) => filterLocations(register, { status: VALID_STATUSES, ...selection }).find((l) => l.latitude !== undefined)!;
const b1Municipality = someLocation({ law: ['wi2021'], route: ['B1'], ...soon }).municipality_code;
const zLocation = someLocation({ law: ['wi2021'], route: ['Z'], ...soon });
const placeIndex = buildPlaceIndex(register);
const unknownPlace = 'Nergenshuizen';

const WAYS: Way[] = [
  { name: 'Wi2021 B1, the municipality pays', law: 'wi2021', route: 'B1', pays: GUIDE_ANSWERS.municipalityPays, municipality: b1Municipality, selection: { law: ['wi2021'], route: ['B1'], municipality: [b1Municipality], ...soon } },
  { name: 'Wi2021 Z with a DUO loan, near a postcode', law: 'wi2021', route: 'Z', pays: GUIDE_ANSWERS.selfPays, place: zLocation.postcode.slice(0, 4), selection: { law: ['wi2021'], route: ['Z'], ...soon } },
  { name: 'Wi2013, profile analfabeet', law: 'wi2013', profile: 'analfabeet', pays: GUIDE_ANSWERS.selfPays, selection: { law: ['wi2013'], profile: ['analfabeet'], ...soon } },
  { name: '"don\'t know" on every question', law: GUIDE_ANSWERS.unknown, pays: GUIDE_ANSWERS.unknown, anyStart: true, selection: {} },
  { name: 'a place without a school', law: GUIDE_ANSWERS.none, pays: GUIDE_ANSWERS.selfPays, place: unknownPlace, anyStart: true, selection: {} },
];

/** The location ids the model shows for a selection: with a valid keurmerk, as search does by default. */
const expectedIds = (selection: FilterSelection) => filterLocations(register, { status: VALID_STATUSES, ...selection }).map((l) => l.location_id).sort();

/** Every location id the search page shows, after "show more" until all are shown. */
async function shownIds(page: Page): Promise<string[]> {
  await page.locator('[data-search][data-state="ready"]').waitFor();
  const more = page.locator('[data-search-more]');
  while (await more.isVisible()) {
    const before = await page.locator('[data-search-result]').count();
    await more.click();
    await expect.poll(() => page.locator('[data-search-result]').count()).toBeGreaterThan(before);
  }
  return (await page.locator('[data-search-result]').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.locationId!))).sort();
}

/** The search page the guide's form went to must mean the way's selection, and show the model's results. */
async function expectResults(page: Page, way: Way): Promise<void> {
  await page.waitForURL(/\/zoeken\/\?/);
  const params = new URL(page.url()).searchParams;
  expect(effectiveSelection(parseFilterState(params))).toEqual({ status: VALID_STATUSES, ...way.selection });
  expect(params.get('place') ?? '').toBe(way.place ?? '');
  expect(await shownIds(page)).toEqual(expectedIds(way.selection));
}

describe('the guide without JavaScript: one form of fieldsets', () => {
  for (const way of WAYS) {
    it(way.name, async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${base}/nl/wegwijzer/`);
      expect(await page.locator('fieldset[data-step]').evaluateAll((sets) => sets.every((s) => (s as HTMLElement).offsetParent !== null))).toBe(true);
      await page.check(`input[name="law"][value="${way.law}"]`);
      if (way.route) await page.check(`input[name="route"][value="${way.route}"]`);
      if (way.profile) await page.check(`input[name="profile"][value="${way.profile}"]`);
      if (way.pays) await page.check(`input[name="betaalt"][value="${way.pays}"]`);
      if (way.municipality) await page.selectOption('select[name="municipality"]', way.municipality);
      if (way.place) await page.fill('input[name="place"]', way.place);
      if (planning && way.anyStart) await page.uncheck('input[name="start"]');
      await page.click('[data-guide-submit]');
      await page.waitForURL(/\/zoeken\/\?/);
      await context.close();
      // The search page itself needs JavaScript: open the address the form made with it.
      const withScript = await browser.newContext();
      await answerPdok(withScript);
      const results = await withScript.newPage();
      await results.goto(page.url());
      await expectResults(results, way);
      await withScript.close();
    });
  }

  it('the onderwijsroute answer says why it is not here and links to where to look', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/nl/wegwijzer/`);
    const hint = page.locator('#wegwijzer-route-onderwijs-hint');
    expect(await hint.innerText()).toContain('niet in dit register');
    await hint.locator('a').click();
    await page.waitForURL(/\/nl\/onderwijsroute\/$/);
    await context.close();
  });
});

describe('the guide with JavaScript: one question at a time', () => {
  /** The question shown: exactly one step is visible. */
  const shownStep = (page: Page) => page.locator('[data-step]:not([hidden])').evaluateAll((steps) => steps.map((s) => (s as HTMLElement).dataset.step));

  async function answer(page: Page, way: Way, asked: string[]) {
    const next = async () => {
      const before = (await shownStep(page))[0]!;
      asked.push(before);
      await page.click('[data-guide-next]');
      // The place question checks the place first: wait for the next question.
      await expect.poll(() => shownStep(page)).not.toEqual([before]);
    };
    await page.check(`input[name="law"][value="${way.law}"]`);
    await next();
    if (way.route) {
      await page.check(`input[name="route"][value="${way.route}"]`);
      await next();
    }
    if (way.profile) {
      await page.check(`input[name="profile"][value="${way.profile}"]`);
      await next();
    }
    if (way.pays) await page.check(`input[name="betaalt"][value="${way.pays}"]`);
    if (way.municipality) await page.selectOption('select[name="municipality"]', way.municipality);
    await next();
    if (way.place) {
      await page.fill('input[name="place"]', way.place);
      if (!resolvePlace(placeIndex, way.place)) {
        // Unknown offline: the question stays, and PDOK is asked only on its button.
        await page.click('[data-guide-next]');
        await page.locator('[data-place-pdok]:not([hidden]) button').click();
        await expect.poll(() => page.locator('[data-place-message]').innerText()).toContain('Nergenshuizen');
      }
    }
    await next();
    if (planning && way.anyStart) await page.uncheck('input[name="start"]');
    asked.push((await shownStep(page))[0]!);
  }

  for (const way of WAYS) {
    it(way.name, async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
      const pdok = await answerPdok(context);
      const page = await context.newPage();
      const csp = await watchCspViolations(page);
      await page.goto(`${base}/nl/wegwijzer/`);
      expect(await shownStep(page)).toEqual(['law']);
      const asked: string[] = [];
      await answer(page, way, asked);
      const expectedWay = ['law', ...(way.route ? ['route'] : []), ...(way.profile ? ['profile'] : []), 'pay', 'place', 'when'];
      expect(asked).toEqual(expectedWay);
      // Every step is in the address, so the link can be sent.
      expect(new URL(page.url()).searchParams.get('stap')).toBe('when');
      expect(new URL(page.url()).searchParams.get('law')).toBe(way.law);
      // The browser's back button goes one question back, and forward again.
      await page.goBack();
      expect(await shownStep(page)).toEqual(['place']);
      await page.goForward();
      expect(await shownStep(page)).toEqual(['when']);
      expect(pdok.length).toBe(way.place === unknownPlace ? 1 : 0);
      await page.click('[data-guide-submit]');
      await expectResults(page, way);
      expect(csp).toEqual([]);
      await context.close();
    });
  }

  it('the onderwijsroute ends the guide with why, and where to look', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${base}/nl/wegwijzer/`);
    await page.check('input[name="law"][value="wi2021"]');
    await page.click('[data-guide-next]');
    await page.check(`input[name="route"][value="${GUIDE_ANSWERS.onderwijs}"]`);
    await page.click('[data-guide-next]');
    expect(await shownStep(page)).toEqual(['onderwijs']);
    expect(await page.locator('[data-guide-submit]').isVisible()).toBe(false);
    await page.locator('[data-step="onderwijs"] a').click();
    await page.waitForURL(/\/nl\/onderwijsroute\/$/);
    await context.close();
  });

  it('a link sent at a later question opens that question with its answers, and its back button asks the question before', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${base}/nl/wegwijzer/?law=wi2013&profile=laag&stap=pay`);
    expect(await shownStep(page)).toEqual(['pay']);
    expect(await page.locator('[data-step="pay"] [data-step-number]').innerText()).toBe('Vraag 3');
    await page.click('[data-guide-back]');
    expect(await shownStep(page)).toEqual(['profile']);
    expect(await page.isChecked('input[name="profile"][value="laag"]')).toBe(true);
    await context.close();
  });

  it('the municipality answer leads to the municipality page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/nl/wegwijzer/?law=wi2021&route=B1&stap=pay`);
    await page.check(`input[name="betaalt"][value="${GUIDE_ANSWERS.municipalityPays}"]`);
    await page.selectOption('select[name="municipality"]', b1Municipality);
    await page.locator('[data-guide-municipality-link]').click();
    await page.waitForURL(new RegExp(`/nl/gemeente/${b1Municipality}/$`));
    await context.close();
  });
});

describe('the guide in every language', () => {
  for (const { code } of LANGUAGES) {
    it(`has no axe violations, no horizontal scrolling at 320 px, and works by keyboard (${code})`, async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
      const page = await context.newPage();
      await page.goto(`${base}/${code}/wegwijzer/`);
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      // By keyboard: the first answer, then "next question" moves focus to the next question.
      await page.locator('input[name="law"][value="wi2021"]').focus();
      await page.keyboard.press('Space');
      await page.locator('[data-guide-next]').focus();
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.step)).toBe('route');
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }
});
