/**
 * The search and map state in the URL (`?q=taal&route=Z&province=Limburg&place=3511`), so
 * reload, back/forward and a shared link restore the same results. Shared by the search
 * page and the map page: both read and write the same keys and the same default.
 *
 * The position from "use my location" is deliberately never written to the URL: a shared
 * link must not carry where its sender was.
 */
import {
  DEFAULT_STATUS_SELECTION,
  FILTER_KEYS,
  FILTER_VALUES,
  type FilterKey,
  type FilterSelection,
} from '../register/facets.ts';
import { MUNICIPALITY_CODE } from '../register/vocabulary.ts';

export interface FilterState {
  /** Free text: names, trade names, street, city, postcode. */
  q: string;
  /** A place or postcode typed by the visitor, to sort by distance. */
  place: string;
  /** Selected code values per filter key. */
  filters: Partial<Record<FilterKey, string[]>>;
  /** Show suspended and former holders too (journalists need them); off by default. */
  includeInactive: boolean;
  /** `rating`: best rated first, instead of by name or (with a place) by distance. */
  sort?: SortOrder;
}

/** The orders a visitor can choose besides the default (by name, or by distance from a place). */
export const SORT_ORDERS = ['rating'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

const INCLUDE_INACTIVE = 'inactive';

/** Reads the state from URL parameters, dropping codes the register does not know. */
export function parseFilterState(params: URLSearchParams): FilterState {
  const filters: FilterState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const known = key === 'municipality' ? undefined : FILTER_VALUES[key];
    const values = params
      .getAll(key)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '' && (known ? known.includes(v) : MUNICIPALITY_CODE.test(v)));
    if (values.length > 0) filters[key] = [...new Set(values)];
  }
  return {
    q: (params.get('q') ?? '').trim(),
    place: (params.get('place') ?? '').trim(),
    filters,
    includeInactive: params.get(INCLUDE_INACTIVE) === '1',
    ...(SORT_ORDERS.includes(params.get('sort') as SortOrder) ? { sort: params.get('sort') as SortOrder } : {}),
  };
}

/** Writes the state as URL parameters in a stable order, leaving out what is empty. */
export function filterStateToParams(state: FilterState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of FILTER_KEYS) for (const value of state.filters[key] ?? []) params.append(key, value);
  if (state.place) params.set('place', state.place);
  if (state.includeInactive) params.set(INCLUDE_INACTIVE, '1');
  if (state.sort) params.set('sort', state.sort);
  return params;
}

/**
 * The selection actually applied: without an explicit status choice, only holders with a
 * valid keurmerk, unless the visitor asked to include suspended and former holders.
 */
export function effectiveSelection(state: FilterState): FilterSelection {
  const selection: FilterSelection = { ...state.filters };
  if (!state.includeInactive && !(state.filters.status?.length)) selection.status = DEFAULT_STATUS_SELECTION;
  return selection;
}
