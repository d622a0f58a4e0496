/**
 * "Only the newest answer counts": search, the map and the filter panel each start work
 * (a search, a view, a place lookup) faster than the answers come back, and an answer to an
 * older request must not overwrite a newer one. One small guard instead of a counter and
 * `mine !== sequence` comparisons in every closure.
 */
/** A guard per stream of work (searches, views, place lookups); see above. */
export class LatestOnly {
  #started = 0;

  /** Starts a new piece of work, which makes every earlier one stale; the check says whether this one still counts. */
  start(): () => boolean {
    const mine = ++this.#started;
    return () => mine === this.#started;
  }

  /** A check for the work now current, for follow-up work ("show more") that belongs to it and must not cancel it. */
  current(): () => boolean {
    const mine = this.#started;
    return () => mine === this.#started;
  }
}
