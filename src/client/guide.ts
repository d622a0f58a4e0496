/**
 * The guide as one question at a time (the page works as one form without this script).
 * Every step is a history entry whose address holds the answers so far and the step
 * (`?law=wi2021&route=B1&stap=pay`): the back button goes one question back, a reload keeps
 * the place, and a social worker can send the link. Fields of questions off the visitor's way
 * (the profile under the 2021 law, the municipality when the learner pays) are disabled, so
 * the form sends only what was asked. The place is checked with the search page's own offline
 * resolver; PDOK only when the visitor presses its button (place-field.ts).
 */
import { fill } from './dom.ts';
import { GUIDE_STEPS, STEP_KEY, guidePath, nextStep, previousStep, GUIDE_ANSWERS, type GuideLabels, type GuideStep } from '../register/guide-steps.ts';
import { PlaceField } from './place-field.ts';
import { rememberLanguageChoices } from './language-choice.ts';

/** A history entry the guide made: the question it was reached from. */
interface Entry {
  back: GuideStep | undefined;
}

const isStep = (value: string | null): value is GuideStep => value === 'onderwijs' || (GUIDE_STEPS as readonly string[]).includes(value ?? '');

/** Turns the guide's form into steps. */
export function initGuide(form: HTMLFormElement): void {
  const labels = JSON.parse(form.dataset.labels ?? '{}') as GuideLabels;
  const steps = new Map([...form.querySelectorAll<HTMLElement>('[data-step]')].map((el) => [el.dataset.step as GuideStep, el]));
  const back = form.querySelector<HTMLButtonElement>('[data-guide-back]')!;
  const next = form.querySelector<HTMLButtonElement>('[data-guide-next]')!;
  const submit = form.querySelector<HTMLButtonElement>('[data-guide-submit]')!;
  const municipality = form.querySelector<HTMLSelectElement>('select[name="municipality"]')!;
  const municipalityLink = form.querySelector<HTMLAnchorElement>('[data-guide-municipality-link]')!;
  const place = new PlaceField(form, labels.place);
  const placeInput = form.querySelector<HTMLInputElement>('input[name="place"]')!;
  let current: GuideStep = 'law';
  /** The place text last checked, so a second "next" goes on with a place the register does not know. */
  let placeChecked: string | undefined;

  const answers = () => {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === 'string' && value !== '') params.append(key, value);
    return params;
  };

  /** Fields of questions off the way are disabled, so they are neither sent nor in the address. */
  const narrow = () => {
    const path = guidePath(answers());
    for (const [step, el] of steps) for (const field of el.querySelectorAll<HTMLInputElement>('input, select')) field.disabled = !path.includes(step);
    municipality.disabled = !path.includes('pay') || form.querySelector<HTMLInputElement>('input[name="betaalt"]:checked')?.value !== GUIDE_ANSWERS.municipalityPays;
    municipality.closest<HTMLElement>('[data-guide-municipality]')!.hidden = municipality.disabled;
    const chosen = municipality.selectedOptions[0];
    if (chosen?.value) {
      municipalityLink.href = chosen.dataset.href!;
      municipalityLink.textContent = fill(labels.municipalityLink, { name: chosen.text });
    }
    municipalityLink.hidden = !chosen?.value;
  };

  const show = (step: GuideStep, focus: boolean) => {
    current = step;
    narrow();
    const path = guidePath(answers());
    for (const [name, el] of steps) el.hidden = name !== step;
    const number = steps.get(step)!.querySelector('[data-step-number]');
    if (number) number.textContent = fill(labels.step, { number: path.indexOf(step) + 1 });
    back.hidden = previousStep(step, answers()) === undefined;
    next.hidden = step === 'onderwijs' || nextStep(step, answers()) === undefined;
    submit.hidden = step !== 'when';
    if (focus) steps.get(step)!.focus();
  };

  /** The address of a step: the answers so far, then the step. */
  const address = (step: GuideStep) => {
    const params = answers();
    params.set(STEP_KEY, step);
    return `${location.pathname}?${params}`;
  };

  /** Fills the form from an address (a shared link, back and forward). */
  const restore = () => {
    const params = new URLSearchParams(location.search);
    for (const field of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
      field.disabled = false;
      const values = params.getAll(field.name);
      if (field instanceof HTMLInputElement && (field.type === 'radio' || field.type === 'checkbox')) {
        // A first visit keeps the page's own defaults ("starts soon" where there is a planning).
        if (params.size > 0) field.checked = values.includes(field.value);
      } else field.value = values[0] ?? '';
    }
    const step = params.get(STEP_KEY);
    show(isStep(step) && guidePath(answers()).includes(step) ? step : 'law', false);
  };

  for (const el of steps.values()) el.tabIndex = -1;
  form.classList.add('kr-guide--steps');
  back.hidden = false;
  next.hidden = false;

  next.addEventListener('click', async () => {
    if (current === 'place' && placeInput.value.trim() && placeChecked !== placeInput.value.trim()) {
      placeChecked = placeInput.value.trim();
      // An unknown place stays on the question, with PDOK offered; a second press goes on.
      if (!(await place.resolve(placeChecked, true))) return;
    }
    const step = nextStep(current, answers());
    if (!step) return;
    history.replaceState(history.state, '', address(current));
    history.pushState({ back: current } satisfies Entry, '', address(step));
    show(step, true);
  });
  back.addEventListener('click', () => {
    // One question back in the history when this entry came from the question before; a
    // shared link opened at a later question gets the earlier question as a new entry instead.
    const step = previousStep(current, answers());
    if (!step) return;
    if ((history.state as Entry | null)?.back === step) history.back();
    else {
      history.pushState({ back: undefined } satisfies Entry, '', address(step));
      show(step, true);
    }
  });
  form.addEventListener('change', () => {
    narrow();
    show(current, false);
    history.replaceState(history.state, '', address(current));
  });
  place.onPdok(() => placeInput.value.trim(), () => undefined);
  // A language chosen on the guide (the newcomer's page) opens the root address in that language next time.
  rememberLanguageChoices();
  addEventListener('popstate', () => {
    restore();
    steps.get(current)!.focus();
  });
  restore();
}
