/**
 * What a search result card adds for course planning and the shortlist: the next start date
 * (from the record's `next_start`, an ISO date counted from the export date) and the keep
 * control. Apart from search.ts so the search page's own code stays about searching.
 */
import { fillPlaceholders } from '../i18n/fill.ts';
import { keepButtonFor } from './keep-button.ts';

const dates = new Map<string, Intl.DateTimeFormat>();

/** "Volgende start: 23 november 2026", or nothing when no course is planned or none was published. */
export function nextStartLine(nextStart: string | undefined, label: string, lang = document.documentElement.lang): HTMLElement | undefined {
  if (!nextStart) return undefined;
  let format = dates.get(lang);
  if (!format) dates.set(lang, (format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC', calendar: 'gregory' })));
  const line = document.createElement('p');
  line.className = 'kr-search-result__next-start';
  line.dataset.nextStart = nextStart;
  line.textContent = fillPlaceholders(label, { date: format.format(new Date(`${nextStart}T00:00:00Z`)) }, document.dir === 'rtl' ? 'rtl' : 'ltr');
  return line;
}

/** The card's extras, in reading order. */
export function resultCardExtras(locationId: string, name: string, meta: Record<string, string | undefined>, nextStartLabel: string): HTMLElement[] {
  return [nextStartLine(meta.next_start, nextStartLabel), keepButtonFor(locationId, name)].filter((e): e is HTMLElement => e !== undefined);
}
