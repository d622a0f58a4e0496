/**
 * "Volgende start: 23 november 2026" on a search or map card: the next course start (an ISO
 * date, counted from the export date) in the page's language. Its own module, so the map
 * carries no shortlist code and location pages no map code.
 */
import { fillPlaceholders } from '../i18n/fill.ts';
import { formatDate } from '../i18n/format.ts';
import { adoptLocaleShape } from './locale-shape.ts';

/** The line, or nothing when no course is planned or none was published. */
export function nextStartLine(nextStart: string | undefined, label: string, lang = document.documentElement.lang): HTMLElement | undefined {
  if (!nextStart) return undefined;
  adoptLocaleShape();
  const line = document.createElement('p');
  line.className = 'kr-search-result__next-start';
  line.dataset.nextStart = nextStart;
  line.textContent = fillPlaceholders(label, { date: formatDate(lang, nextStart) }, document.dir === 'rtl' ? 'rtl' : 'ltr');
  return line;
}
