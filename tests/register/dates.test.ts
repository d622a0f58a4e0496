/**
 * Days and the export date (src/register/dates.ts): the one home of "date + N days", the
 * day's grace for decisions, the newest-decision rule and how REGISTER_EXPORT_DATE is read.
 * A mistake here moves every "starts soon", every periodic-visit deadline and every marker's
 * next start by a day, which no reader would notice until a school is listed wrongly.
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayNumber,
  daysBetween,
  decisionDatesOf,
  exportDateFromEnv,
  exportDateOf,
  futureDecision,
  isCalendarDate,
  isoOfDay,
  latestPlausibleDate,
  newestDecisionDate,
  todayUtc,
} from '../../src/register/dates.ts';
import { generatedRegister } from '../support/register.ts';

describe('day arithmetic', () => {
  it('counts days in UTC across month ends, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    // Across the change to summer time in the Netherlands: still whole days.
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2024-12-31')).toBe(-1);
    expect(isoOfDay(dayNumber('2013-03-01'))).toBe('2013-03-01');
    expect(dayNumber('1970-01-02')).toBe(1);
  });

  it('adds calendar months, keeping to the last day of a shorter month', () => {
    expect(addMonths('2024-03-01', 3)).toBe('2024-06-01');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addMonths('2026-01-15', -48)).toBe('2022-01-15');
    expect(addMonths('2026-01-31', -2)).toBe('2025-11-30');
  });

  it('knows a real calendar day from a typing error', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-02-30')).toBe(false);
    expect(isCalendarDate('0099-01-01')).toBe(true);
    expect(isCalendarDate('2024-2-1')).toBe(false);
    expect(isCalendarDate(' 2024-02-01')).toBe(false);
  });

  it('gives a decision one day of grace after today, and no more', () => {
    expect(latestPlausibleDate('2026-12-31')).toBe('2027-01-01');
    const future = futureDecision('2026-12-07');
    expect(future.after('2026-12-08')).toBe(false);
    expect(future.after('2026-12-09')).toBe(true);
    expect(future.message).toContain('today is 2026-12-07');
    expect(todayUtc(new Date('2026-12-07T23:59:59+00:00'))).toBe('2026-12-07');
  });
});

describe('the export date', () => {
  it('is the newest decision: a status, a history entry, a decision on a year or a visit, never a course', () => {
    const holders = [{ status_since: '2024-01-10' }, {}];
    const history = [{ effective_from: '2023-05-01' }];
    const quality = [{ decision_date: undefined }, { decision_date: '2024-02-01' }];
    const visits = [{ visit_date: '2024-01-20' }];
    expect(newestDecisionDate({ holders, history, quality, visits })).toBe('2024-02-01');
    expect(newestDecisionDate({ holders, history, quality: [], visits: [{ visit_date: '2024-03-03' }] })).toBe('2024-03-03');
    expect(newestDecisionDate({ holders: [], history: [], quality: [], visits: [] })).toBeUndefined();
  });

  it('of a register is REGISTER_EXPORT_DATE when given, else its newest decision, else the epoch', () => {
    const register = generatedRegister({ holders: 12, locations: 30, seed: 28 });
    const dates = decisionDatesOf(register);
    const all = [
      ...register.holders.map((h) => h.status_since),
      ...[...dates.history].map((e) => e.effective_from),
      ...[...dates.quality].flatMap((q) => (q.decision_date ? [q.decision_date] : [])),
      ...[...dates.visits].map((v) => v.visit_date),
    ].sort();
    expect(exportDateOf(register)).toBe(all.at(-1));
    const newestCourse = register.locations.flatMap((l) => l.courses.map((c) => c.start_date)).sort().at(-1);
    expect(newestCourse! > exportDateOf(register)).toBe(true);
    expect(exportDateOf(register, '2026-12-01')).toBe('2026-12-01');
    expect(exportDateOf({ ...register, holders: [] })).toBe('1970-01-01');
  });

  it('reads REGISTER_EXPORT_DATE once the same way: spaces dropped, empty as unset', () => {
    expect(exportDateFromEnv({ REGISTER_EXPORT_DATE: ' 2026-11-06\n' })).toBe('2026-11-06');
    expect(exportDateFromEnv({ REGISTER_EXPORT_DATE: '   ' })).toBeUndefined();
    expect(exportDateFromEnv({ REGISTER_EXPORT_DATE: '' })).toBeUndefined();
    expect(exportDateFromEnv({})).toBeUndefined();
    expect(exportDateFromEnv({ REGISTER_EXPORT_DATE: '6-11-2026' })).toBe('6-11-2026');
  });
});
