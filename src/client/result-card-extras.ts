/**
 * What a search result card adds for course planning and the shortlist: the next start date
 * (from the record's `next_start`) and the keep control. Apart from search.ts so the search
 * page's own code stays about searching.
 */
import { keepButtonFor } from './keep-button.ts';
import { nextStartLine } from './next-start.ts';

/** The card's extras, in reading order. */
export function resultCardExtras(locationId: string, name: string, meta: Record<string, string | undefined>, nextStartLabel: string): HTMLElement[] {
  return [nextStartLine(meta.next_start, nextStartLabel), keepButtonFor(locationId, name)].filter((e): e is HTMLElement => e !== undefined);
}
