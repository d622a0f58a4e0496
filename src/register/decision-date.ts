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

/**
 * Whether a decision date lies after `today`. A decision takes effect on a day that has come (a
 * day's grace for the time zones): a date in 2099 is a typing error, and as the newest date it
 * would become the export date, against which measurement years and visits are judged.
 */
export function futureDecision(today: string): { after: (date: string) => boolean; message: string } {
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return {
    after: (date) => date > tomorrow,
    message: `is in the future (today is ${today}); a decision is only exported once it has taken effect, so check the year`,
  };
}
