/**
 * The two DOM helpers every browser script uses, in one place: export text only ever goes in
 * through `textContent`, and interface text is filled exactly as `t()` fills it on the server.
 */
import { dutchTermNodes } from '../i18n/dutch-terms.ts';
import { fillPlaceholders } from '../i18n/fill.ts';

/** An element with an optional class and text (as `textContent`, never markup). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Interface text as nodes, each Dutch term it keeps in brackets in a `<span lang="nl">`, as
 * the DutchTerms component renders it on the server.
 */
export function dutchTerms(text: string): Node[] {
  return dutchTermNodes(text, document.documentElement.lang);
}

/** Puts interface text into `element` with its Dutch terms marked (see `dutchTerms`), and returns it. */
export function withDutchTerms<E extends HTMLElement>(element: E, text: string): E {
  element.append(...dutchTerms(text));
  return element;
}

/** Fills a message as `t()` does on the server, isolating values on right-to-left pages. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return fillPlaceholders(template, vars, document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr');
}

/** Ends the current task, so the browser can paint and answer a tap between two pieces of work. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));
