/**
 * Distance from a place for the search page's results. Loading every result's data would be
 * thousands of requests at ten times the register; instead, the coordinates come from one
 * small file in the index's own order (`/zoeken/coordinaten.json`), and one search sorted by
 * the `order` key tells which Pagefind id is which row of it (src/site/search-records.ts).
 * Both are loaded on the first distance sort (or when the visitor goes to the place field).
 */
import { decodeCoordinates, type CoordinateColumn } from '../register/coordinates.ts';
import { distanceKm, type LatLon } from '../register/geo.ts';
import type { PagefindIndex, PagefindResult } from './pagefind.ts';

/** A result with its distance from the place, when its location has coordinates. */
export interface PlacedResult {
  result: PagefindResult;
  km: number | undefined;
}

interface Places {
  /** Pagefind id → position in the index's order. */
  position: Map<string, number>;
  /** Each position's point. */
  at: (LatLon | undefined)[];
}

/** The coordinate file and the id order, loaded once per page view and shared by every distance sort. */
export class SearchDistances {
  #places: Promise<Places> | undefined;

  readonly #index: PagefindIndex;
  /** The records' sort key in the index's order, and the coordinate file in that order. */
  readonly #source: { orderKey: string; coordinates: string };

  /** `page`: the search page's data attributes, which name both. */
  constructor(index: PagefindIndex, page: DOMStringMap) {
    this.#index = index;
    this.#source = { orderKey: page.orderKey!, coordinates: page.coordinates! };
  }

  /** Loads what distances need, once; a failure (offline) is forgotten, so the next call tries again. */
  load(): Promise<Places> {
    this.#places ??= Promise.all([
      this.#index.search(null, { sort: { [this.#source.orderKey]: 'asc' } }),
      fetch(this.#source.coordinates).then((r) => {
        if (!r.ok) throw new Error(`coordinates: HTTP ${r.status}`);
        return r.json() as Promise<CoordinateColumn>;
      }),
    ]).then(([all, column]) => ({
      position: new Map(all!.results.map((r, i) => [r.id, i])),
      at: decodeCoordinates(column),
    }));
    this.#places.catch(() => (this.#places = undefined));
    return this.#places;
  }

  /**
   * The results with their distance from `origin`, nearest first unless `keepOrder` (with
   * "best rated first" the distance is shown but the order stays Pagefind's); `undefined`
   * when the coordinates cannot be loaded, so the results still show, without distances.
   */
  async measure(results: PagefindResult[], origin: LatLon, keepOrder: boolean): Promise<PlacedResult[] | undefined> {
    let places: Places;
    try {
      places = await this.load();
    } catch {
      return undefined;
    }
    const { position, at } = places;
    return results
      .map((result) => {
        const point = at[position.get(result.id) ?? -1];
        return { result, km: point ? distanceKm(origin, point) : undefined };
      })
      .sort((a, b) => (keepOrder ? 0 : (a.km ?? Infinity) - (b.km ?? Infinity)));
  }
}
