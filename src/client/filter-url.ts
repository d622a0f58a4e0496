/**
 * The filter state in the page's address (filter-state.ts says how it is written): read on
 * load and on back/forward, written on every change, and carried along by the language
 * switcher, so reload, a shared link and a change of language keep what was chosen.
 */
import { filterStateToParams, parseFilterState, type FilterState } from './filter-state.ts';

/** The state the address says. */
export function readFilterUrl(): FilterState {
  return parseFilterState(new URLSearchParams(location.search));
}

/**
 * Writes the state into the address: `push` adds a history entry (a choice the visitor may
 * want to go back from), else the entry is replaced (each key typed in a word).
 */
export function writeFilterUrl(state: FilterState, push: boolean): void {
  const query = filterStateToParams(state).toString();
  const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  if (url === `${location.pathname}${location.search}${location.hash}`) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
  carryStateToLanguageLinks();
}

/**
 * The language switcher's links carry the query string along: the filters live in it, in
 * code values every language shares, and a visitor who switches to Arabic halfway through
 * choosing a school should not have to choose again.
 */
export function carryStateToLanguageLinks(): void {
  // Path and query only: setting `link.search` would write the whole absolute URL into href.
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-language-link]')) link.setAttribute('href', `${link.pathname}${location.search}`);
}
