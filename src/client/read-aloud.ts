/**
 * The "Lees voor" (read aloud) control: the browser's own speech synthesis reads the main
 * content, in order, with pause, continue and stop. Offered only when the browser has a
 * voice for the page's language that runs on the device (`localService`): a remote voice
 * would send the page's text to a speech service, and none may leave the device. Without
 * such a voice, or without JavaScript, the control stays hidden: nothing that cannot work.
 */

/** Interface text the script switches between, rendered by ReadAloud.astro as `data-labels`. */
export interface ReadAloudLabels {
  pause: string;
  resume: string;
}

/** The blocks of text read one by one (one utterance each: browsers cut off long ones). */
const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,dt,dd,caption,th,td,figcaption,summary,blockquote';

/** Whether a voice speaks the page's language: "nl-NL", "nl_BE" and "nl" all speak `nl`. */
export function speaksLanguage(voiceLang: string, pageLang: string): boolean {
  const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
  return primary(voiceLang) === primary(pageLang);
}

/**
 * The text of the main content, block by block in reading order: each outermost block once
 * (a list item's paragraph is read with its item), nothing that is not shown, and not the
 * control itself.
 */
export function readingOrder(main: HTMLElement, control: Element): string[] {
  return [...main.querySelectorAll<HTMLElement>(BLOCKS)]
    .filter((block) => !control.contains(block) && !block.parentElement!.closest(BLOCKS) && block.getClientRects().length > 0)
    .map((block) => block.innerText.replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '');
}

/** Shows the control when a local voice for the page's language exists, and reads on request. */
export function initReadAloud(): void {
  const control = document.querySelector<HTMLElement>('[data-read-aloud]');
  const main = document.querySelector('main');
  const synth = window.speechSynthesis;
  if (!control || !main || !synth) return;
  const labels = JSON.parse(control.dataset.labels!) as ReadAloudLabels;
  const [start, pause, stop] = ['start', 'pause', 'stop'].map((part) => control.querySelector<HTMLButtonElement>(`[data-read-aloud-${part}]`)!);
  let voice: SpeechSynthesisVoice | undefined;
  let state: 'idle' | 'speaking' | 'paused' = 'idle';
  /** Counts the readings, so the end of one that was stopped does not end the next. */
  let reading = 0;

  const show = (next: typeof state) => {
    const hadFocus = control.contains(document.activeElement);
    state = next;
    start.hidden = next !== 'idle';
    pause.hidden = stop.hidden = next === 'idle';
    pause.textContent = next === 'paused' ? labels.resume : labels.pause;
    if (hadFocus && next === 'idle') start.focus();
  };
  const offer = () => {
    voice = synth.getVoices().find((v) => v.localService && speaksLanguage(v.lang, document.documentElement.lang));
    control.hidden = !voice;
    if (!voice && state !== 'idle') cancel();
  };
  const cancel = () => {
    reading++;
    synth.cancel();
    show('idle');
  };

  start.addEventListener('click', () => {
    if (!voice) return;
    cancel();
    const current = reading;
    const texts = readingOrder(main, control);
    texts.forEach((text, i) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice!;
      utterance.lang = voice!.lang;
      if (i === texts.length - 1) utterance.addEventListener('end', () => current === reading && show('idle'));
      synth.speak(utterance);
    });
    show('speaking');
    pause.focus();
  });
  pause.addEventListener('click', () => {
    if (state === 'paused') synth.resume();
    else synth.pause();
    show(state === 'paused' ? 'speaking' : 'paused');
  });
  stop.addEventListener('click', cancel);
  // Browsers go on speaking after the page is left: stop with the page.
  addEventListener('pagehide', () => synth.cancel());
  synth.addEventListener('voiceschanged', offer);
  offer();
}
