/**
 * "Lees voor" in Chromium on the sample register, with the browser's speech synthesis
 * replaced by a stub (page.addInitScript) that offers the voices a test names and records
 * what the page asks it to say. The control must appear only with a voice for the page's
 * language that runs on the device, read the main content from its heading on, in order,
 * and pause, continue and stop, by keyboard; without such a voice, or without JavaScript,
 * it is not there at all.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, useBrowser, watchPageErrors } from '../support/browser.ts';

const base = inject('sampleUrl');
let browser: Browser;

useBrowser((session) => ({ browser } = session));

/** A voice as the stub offers it. */
interface StubVoice {
  name: string;
  lang: string;
  localService: boolean;
}

interface Spoken {
  texts: { text: string; lang: string; voice: string | undefined }[];
  calls: string[];
}

/** Replaces speechSynthesis: `voices` from the start, `later` when the test calls `window.voicesArrive()` (with a voiceschanged event). */
function stubSpeech({ voices, later = [] }: { voices: StubVoice[]; later?: StubVoice[] }) {
  const texts: Spoken['texts'] = [];
  const calls: string[] = [];
  let offered = voices.map((v) => ({ ...v, default: false, voiceURI: v.name }));
  const synth = Object.assign(new EventTarget(), {
    speaking: false,
    paused: false,
    pending: false,
    getVoices: () => offered,
    speak: (u: { text: string; lang: string; voice?: { name: string } }) => {
      texts.push({ text: u.text, lang: u.lang, voice: u.voice?.name });
    },
    pause: () => calls.push('pause'),
    resume: () => calls.push('resume'),
    cancel: () => calls.push('cancel'),
  });
  class Utterance extends EventTarget {
    text: string;
    lang = '';
    voice: unknown = null;
    constructor(text: string) {
      super();
      this.text = text;
    }
  }
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  (window as unknown as { spoken: Spoken }).spoken = { texts, calls };
  (window as unknown as { voicesArrive: () => void }).voicesArrive = () => {
    offered = [...offered, ...later.map((v) => ({ ...v, default: false, voiceURI: v.name }))];
    synth.dispatchEvent(new Event('voiceschanged'));
  };
}

const DUTCH_LOCAL = { name: 'Dutch (local)', lang: 'nl-NL', localService: true };
const DUTCH_REMOTE = { name: 'Google Nederlands', lang: 'nl-NL', localService: false };
const ENGLISH_LOCAL = { name: 'English (local)', lang: 'en-GB', localService: true };
const ARABIC_LOCAL = { name: 'Arabic (local)', lang: 'ar_SA', localService: true };

/** A fresh page (its own context, so each test's stub is its own), opened at `path`. */
async function open(path: string, voices: Parameters<typeof stubSpeech>[0] | null, options: { javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.on('close', () => void context.close());
  const errors = watchPageErrors(page);
  if (voices) await page.addInitScript(stubSpeech, voices);
  await page.goto(`${base}${path}`);
  return { page, errors };
}

const control = (page: Page) => page.locator('[data-read-aloud]');
/** Text as it is read: one line, single spaces. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const heading = async (page: Page) => oneLine(await page.locator('main h1').innerText());
const spoken = (page: Page) => page.evaluate(() => (window as unknown as { spoken: Spoken }).spoken);
/** The visible buttons of the control, by their text. */
const buttons = (page: Page) => page.locator('[data-read-aloud] button:visible').allInnerTexts();

describe('when the control is offered', () => {
  it('appears with a local voice for the page language, as one "Lees voor" button', async () => {
    const { page, errors } = await open('/nl/keurmerk/', { voices: [ENGLISH_LOCAL, DUTCH_LOCAL] });
    await control(page).waitFor();
    expect(await buttons(page)).toEqual(['Lees voor']);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('appears when the local voice arrives later (voiceschanged)', async () => {
    const { page } = await open('/nl/keurmerk/', { voices: [], later: [DUTCH_LOCAL] });
    await page.waitForLoadState('networkidle');
    expect(await control(page).isVisible()).toBe(false);
    await page.evaluate(() => (window as unknown as { voicesArrive: () => void }).voicesArrive());
    await control(page).waitFor();
    expect(await buttons(page)).toEqual(['Lees voor']);
    await page.close();
  });

  for (const [why, voices] of [
    ['only a remote voice for the page language (the text would leave the device)', [DUTCH_REMOTE]],
    ['only a local voice for another language', [ENGLISH_LOCAL, ARABIC_LOCAL]],
    ['no voice at all', []],
  ] as const) {
    it(`is absent with ${why}`, async () => {
      const { page, errors } = await open('/nl/keurmerk/', { voices: [...voices] });
      // Long enough for the script to have run and decided.
      await page.waitForLoadState('networkidle');
      expect(await control(page).count()).toBe(1);
      expect(await control(page).isVisible()).toBe(false);
      expect(await page.locator('[data-read-aloud] button:visible').count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('is absent without JavaScript, and in a Chromium that has no voices of its own', async () => {
    for (const options of [{ javaScriptEnabled: false }, {}]) {
      const { page, errors } = await open('/nl/keurmerk/', null, options);
      await page.waitForLoadState('networkidle');
      expect(await control(page).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Lees voor' }).count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('is on content pages only, not on the search page nor on pages without JavaScript', async () => {
    for (const [path, offered] of [
      ['/nl/', true],
      ['/nl/onderwijsroute/', true],
      ['/nl/vestiging/V00001/', true],
      ['/nl/zoeken/', false],
      ['/nl/cijfers/', false],
    ] as const) {
      const { page } = await open(path, { voices: [DUTCH_LOCAL] });
      await page.waitForLoadState('networkidle');
      expect(await control(page).isVisible(), path).toBe(offered);
      await page.close();
    }
  });
});

describe('reading', () => {
  it('reads the main content from the heading on, in order, with the local voice, and not the page chrome', async () => {
    const { page } = await open('/nl/keurmerk/', { voices: [DUTCH_REMOTE, DUTCH_LOCAL] });
    await control(page).waitFor();
    await page.getByRole('button', { name: 'Lees voor' }).click();
    const { texts } = await spoken(page);
    expect(texts[0]!.text).toBe(await heading(page));
    expect(texts.every((t) => t.voice === 'Dutch (local)' && t.lang === 'nl-NL')).toBe(true);
    const read = texts.map((t) => t.text).join('\n');
    // Every section heading and paragraph of the page, in the page's order.
    const blocks = await page.locator('main h2, main > p').allInnerTexts();
    expect(blocks.length).toBeGreaterThan(8);
    let from = 0;
    for (const block of blocks.map(oneLine)) {
      const at = read.indexOf(block, from);
      expect(at, block).toBeGreaterThanOrEqual(from);
      from = at + block.length;
    }
    // Only what is in <main> (not the header or the footer), and not the control itself.
    const main = oneLine(await page.locator('main').innerText());
    for (const { text } of texts) expect(main, text).toContain(text);
    expect(read).not.toContain('Lees voor');
    await page.close();
  });

  it('pauses, continues and stops, by keyboard, keeping the focus on the control', async () => {
    const { page } = await open('/nl/keurmerk/', { voices: [DUTCH_LOCAL] });
    await control(page).waitFor();
    await page.getByRole('button', { name: 'Lees voor' }).focus();
    await page.keyboard.press('Enter');
    expect(await buttons(page)).toEqual(['Pauzeer', 'Stop']);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Pauzeer');
    await page.keyboard.press('Enter');
    expect((await spoken(page)).calls.at(-1)).toBe('pause');
    expect(await buttons(page)).toEqual(['Ga verder', 'Stop']);
    await page.keyboard.press('Space');
    expect((await spoken(page)).calls.at(-1)).toBe('resume');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect((await spoken(page)).calls.at(-1)).toBe('cancel');
    expect(await buttons(page)).toEqual(['Lees voor']);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Lees voor');
    await page.close();
  });

  it('reads an Arabic page with an Arabic voice, the location page from its heading', async () => {
    const { page } = await open('/ar/vestiging/V00001/', { voices: [DUTCH_LOCAL, ARABIC_LOCAL] });
    await control(page).waitFor();
    await page.locator('[data-read-aloud-start]').click();
    const { texts } = await spoken(page);
    expect(texts[0]!.text).toBe(await heading(page));
    expect(texts.every((t) => t.voice === 'Arabic (local)')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
