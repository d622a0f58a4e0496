/**
 * The register's own export date. Apart from changes.ts (which builds on the Zod schemas)
 * because the facets and the map markers need it too, and they run in the browser, where
 * Zod's schema compiler would trip the Content-Security-Policy (it probes `new Function`).
 */
import type { Register } from './model.ts';

/**
 * The newest decision date the register states (a status, a decision on a measurement year, a
 * classroom visit): its default export date, so the output never depends on the clock.
 */
export function latestDecisionDate(register: Register): string | undefined {
  let latest: string | undefined;
  for (const holder of register.holders) {
    const dates = [
      holder.status_since,
      ...holder.history.map((e) => e.effective_from),
      ...holder.quality.flatMap((q) => (q.decision_date === undefined ? [] : [q.decision_date])),
      ...holder.visits.map((v) => v.visit_date),
    ];
    for (const date of dates) {
      if (latest === undefined || date > latest) latest = date;
    }
  }
  return latest;
}
