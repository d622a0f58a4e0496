/**
 * The guide's questions and the way through them, apart from the DOM so the page, the
 * script and the tests share one definition. The answers are the search page's own address
 * parameters (filter-state.ts); answers that are no filter carry values the search page does
 * not know and therefore drops (`law=onbekend`, `route=onderwijs`), so the guide's form can
 * go straight to the search page without JavaScript.
 */

/** The guide's questions, in the order a visitor meets them. */
export const GUIDE_STEPS = ['law', 'route', 'profile', 'pay', 'place', 'when'] as const;
export type GuideStep = (typeof GUIDE_STEPS)[number] | 'onderwijs';

/** Values of answers that do not filter: the search page drops them as unknown codes. */
export const GUIDE_ANSWERS = {
  /** "Don't know", on every question that has one. */
  unknown: 'onbekend',
  /** No duty to integrate: learning Dutch by choice. */
  none: 'geen',
  /** The onderwijsroute: not in this register, so the guide ends with where to look. */
  onderwijs: 'onderwijs',
  /** Who pays (`betaalt`): the municipality, or the learner. */
  municipalityPays: 'gemeente',
  selfPays: 'zelf',
} as const;

/** The address key of the step shown, on the guide's own address only (`?stap=pay`). */
export const STEP_KEY = 'stap';

/** The texts the script needs, in the page's language. */
export interface GuideLabels {
  /** "Question {number}". */
  step: string;
  /** "To the page of {name}". */
  municipalityLink: string;
  /** The place field's messages (place-field.ts). */
  place: { found: string; foundDevice: string; notFound: string; pdokNotFound: string; unreachable: string; deviceFailed: string };
}

/**
 * The questions this visitor meets, from their answers so far: the route only under the Wet
 * inburgering 2021, the profile only under 2013, and nothing after the onderwijsroute.
 */
export function guidePath(answers: URLSearchParams): GuideStep[] {
  const law = answers.get('law');
  const path: GuideStep[] = ['law'];
  if (law === 'wi2021') {
    path.push('route');
    if (answers.get('route') === GUIDE_ANSWERS.onderwijs) return [...path, 'onderwijs'];
  }
  if (law === 'wi2013') path.push('profile');
  return [...path, 'pay', 'place', 'when'];
}

/** The step after `step` on this visitor's way, or undefined at the end. */
export function nextStep(step: GuideStep, answers: URLSearchParams): GuideStep | undefined {
  const path = guidePath(answers);
  return path[path.indexOf(step) + 1];
}

/** The step before `step` on this visitor's way, or undefined at the start. */
export function previousStep(step: GuideStep, answers: URLSearchParams): GuideStep | undefined {
  const path = guidePath(answers);
  const index = path.indexOf(step);
  return index > 0 ? path[index - 1] : undefined;
}
