/**
 * The two DOM helpers every browser script uses, in one place: export text only ever goes in
 * through `textContent`, and interface text is filled exactly as `t()` fills it on the server.
 */
import { fillPlaceholders } from '../i18n/fill.ts';

/** An element with an optional class and text (as `textContent`, never markup). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Fills a message as `t()` does on the server, isolating values on right-to-left pages. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return fillPlaceholders(template, vars, document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr');
}

let counts: Intl.NumberFormat | undefined;

/** A number in the page's language ("1.234" in Dutch), as the server's `formatNumber` writes it; one formatter per page. */
export function formatCount(n: number): string {
  return (counts ??= new Intl.NumberFormat(document.documentElement.lang)).format(n);
}
