/**
 * The FilterPanel's fields as a FilterState: reading what the visitor chose and writing a
 * state back (on load and on back/forward). A panel shows only some keys (the map has no
 * query field, no sort); keys it does not show keep whatever the URL says, so switching
 * between search and map with one link loses nothing.
 */
import { FILTER_KEYS, type FilterKey } from '../register/facets.ts';
import { parseFilterState, type FilterState } from './filter-state.ts';

/** One panel's fields, and which filter keys it shows. */
export class FilterFields {
  /** Filter keys this panel shows. */
  readonly rendered: FilterKey[];

  readonly #form: HTMLFormElement;

  constructor(form: HTMLFormElement) {
    this.#form = form;
    this.rendered = FILTER_KEYS.filter((key) => form.elements.namedItem(key) !== null);
  }

  #has(name: string): boolean {
    return this.#form.elements.namedItem(name) !== null;
  }

  /** The state the fields say, with `previous`'s values for the keys and fields this panel lacks. */
  read(previous: FilterState): FilterState {
    const fromForm = parseFilterState(new URLSearchParams(new FormData(this.#form) as unknown as string[][]));
    const filters = { ...previous.filters };
    for (const key of this.rendered) {
      if (fromForm.filters[key]) filters[key] = fromForm.filters[key];
      else delete filters[key];
    }
    const sort = this.#has('sort') ? fromForm.sort : previous.sort;
    return {
      q: this.#has('q') ? fromForm.q : previous.q,
      place: this.#has('place') ? fromForm.place : previous.place,
      filters,
      includeInactive: this.#has('inactive') ? fromForm.includeInactive : previous.includeInactive,
      ...(sort ? { sort } : {}),
    };
  }

  /** Sets every field to the state (a select keeps its first option when the state's value is not one of its own). */
  write(next: FilterState): void {
    for (const element of Array.from(this.#form.elements)) {
      if (element instanceof HTMLInputElement && element.type === 'checkbox') {
        element.checked =
          element.name === 'inactive' ? next.includeInactive : (next.filters[element.name as FilterKey] ?? []).includes(element.value);
      } else if (element instanceof HTMLSelectElement && (FILTER_KEYS as readonly string[]).includes(element.name)) {
        const values = next.filters[element.name as FilterKey] ?? [];
        element.value = values.find((v) => Array.from(element.options).some((o) => o.value === v)) ?? '';
      } else if (element instanceof HTMLInputElement && (element.name === 'q' || element.name === 'place')) {
        element.value = next[element.name];
      } else if (element instanceof HTMLSelectElement && element.name === 'sort') {
        element.value = next.sort ?? '';
      }
    }
  }
}
