/**
 * The search page's side of "no silence" (hidden-holders.ts): which matching locations the
 * default filter hides, and, once the visitor shows them, which of them bear exactly the
 * name typed, so that the school someone is checking comes first. Each is one more search
 * of the same words in Pagefind (whose word chunks are loaded already) and the data of at
 * most five results.
 */
import type { FilterSelection } from '../register/facets.ts';
import { foldPlaceName } from '../register/search-text.ts';
import type { Status } from '../register/vocabulary.ts';
import type { FilterState } from './filter-state.ts';
import { HIDDEN_BY_DEFAULT, summariseHidden, type HiddenHolder, type HiddenSummary } from '../register/hidden-by-default.ts';
import { NOTHING_HIDDEN, statusesDefaulted } from './hidden-holders.ts';

interface Result {
  id: string;
  data(): Promise<{ meta: Record<string, string | undefined> }>;
}
/** Runs the page's search (Pagefind, with the filters of a selection). */
type Search = (term: string, selection: FilterSelection) => Promise<{ results: Result[] } | null>;

/**
 * Results whose data is read to name their holders: each is one small download on a query
 * that needs none for its own results, so no more than the notice names.
 */
const LOOKED_AT = 5;

/**
 * The locations that match the words and every chosen filter but are hidden because the
 * statuses were left to the default: how many, and their holders' names and statuses.
 */
export async function hiddenMatches(search: Search, term: string | null, state: FilterState, selection: FilterSelection): Promise<HiddenSummary> {
  if (term === null || !statusesDefaulted(state)) return NOTHING_HIDDEN;
  const response = await search(term, { ...selection, status: HIDDEN_BY_DEFAULT });
  if (!response || response.results.length === 0) return NOTHING_HIDDEN;
  const data = await Promise.all(response.results.slice(0, LOOKED_AT).map((r) => r.data()));
  return summariseHidden(
    data.map(({ meta }): HiddenHolder => ({ name: meta.holder ?? meta.title ?? '', status: meta.status as Status })),
    response.results.length,
  );
}

/**
 * Ids of shown locations without a valid keurmerk whose name or holder's name is exactly
 * what was typed (case, accents and punctuation aside); none while they are hidden.
 */
export async function exactNamesFirst(search: Search, term: string | null, typed: string, state: FilterState, selection: FilterSelection): Promise<string[]> {
  if (term === null || statusesDefaulted(state)) return [];
  const statuses = HIDDEN_BY_DEFAULT.filter((s) => !selection.status?.length || selection.status.includes(s));
  if (statuses.length === 0) return [];
  const response = await search(term, { ...selection, status: statuses });
  if (!response) return [];
  const top = response.results.slice(0, 5);
  const wanted = foldPlaceName(typed);
  const data = await Promise.all(top.map((r) => r.data()));
  return top.filter((_, i) => [data[i]!.meta.title, data[i]!.meta.holder].some((name) => name !== undefined && foldPlaceName(name) === wanted)).map((r) => r.id);
}
