/**
 * The register's newest decision date, apart from changes.ts: that module holds Zod schemas,
 * and courses.ts (which the search and map pages load) needs only this date. Importing
 * changes.ts there put Zod in the browser, whose `Function('')` probe is a CSP violation.
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
