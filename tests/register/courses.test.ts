/**
 * courses.csv: every rule of the contract, the version-1 export without it, and what a
 * planning means on an export date (upcoming, running, ended, starting soon).
 */
import { describe, expect, it } from 'vitest';
import {
  coursePhase,
  coursesOn,
  nextStart,
  nextStartByOffer,
  regionCsv,
  soonUntil,
  startsSoon,
  summaryLine,
  upcomingByOfferAndMonth,
  type Course,
} from '../../src/register/index.ts';
import { COURSES, errorsOf, lineOf, onlyError, validExport, where, withCourses, expectOnlyError } from '../support/exports.ts';
import { registerOf } from '../support/register.ts';

describe('courses.csv', () => {
  it('is optional: a version-1 export validates and says the planning was not published', () => {
    const result = validExport().validate();
    const register = registerOf(result);
    expect(register.published.courses).toBe(false);
    expect(register.locations.every((l) => l.courses.length === 0)).toBe(true);
    expect(result.counts.courses).toBeUndefined();
  });

  it('joins each course to its location, with normalised values', () => {
    const result = withCourses().validate();
    const register = registerOf(result);
    expect(register.published.courses).toBe(true);
    expect(summaryLine(result)).toBe('2 holders, 4 locations, 4 routes, 2 profiles, 5 courses, 0 errors, 0 warnings');
    const noordA = register.locationById.get('noord-a')!;
    expect(noordA.courses.map((c) => c.offer)).toEqual(['B1', 'Z', 'analfabeet', 'B1']);
    expect(noordA.courses[0]).toEqual({
      location_id: 'noord-a', offer: 'B1', start_date: '2024-09-02', end_date: '2025-06-27', hours_per_week: 9,
      dayparts: ['ochtend'], modality: 'klassikaal', max_group_size: 14, places_left: 0, price_eur: 6200,
    });
    expect(noordA.courses[3]!.price_eur).toBe(5450.5);
    expect(noordA.courses[1]!.hours_per_week).toBe(12.5);
    expect(register.locationById.get('zuid-1')!.courses).toHaveLength(1);
  });

  it('accepts a header row without courses: published, and none planned', () => {
    const register = registerOf(withCourses().clearRows(COURSES).validate());
    expect(register.published.courses).toBe(true);
  });

  it.each([
    ['offer', 'B2', 'is not a known offer'],
    ['offer', 'onderwijsroute', 'the Onderwijsroute is not covered by the Keurmerk Inburgeren'],
    ['offer', 'Analfabeet', '(in lower case)'],
    ['start_date', '2024-02-30', 'is not a real calendar date'],
    ['end_date', '27-06-2025', 'must be a date written YYYY-MM-DD'],
    ['hours_per_week', '0.5', 'must be between 1 and 40'],
    ['hours_per_week', '41', 'must be between 1 and 40'],
    ['hours_per_week', '7.25', 'at most one decimal'],
    ['hours_per_week', '7,5', 'must use a decimal point, not a comma'],
    ['dayparts', 'ochtend|nacht', 'not a known daypart'],
    ['modality', 'hybride', 'is not a known modality'],
    ['max_group_size', '0', 'must be between 1 and 40'],
    ['max_group_size', '41', 'must be between 1 and 40'],
    ['max_group_size', '12.5', 'must be a whole number'],
    ['places_left', '-1', 'must be a whole number'],
    ['price_eur', '20000.01', 'must be between 0 and 20000'],
    ['price_eur', '99.999', 'at most 2 decimals'],
    ['price_eur', '€ 2950', 'written with a dot'],
  ])('refuses %s %j with a message that says why', (column, value, message) => {
    const e = onlyError(withCourses().set(COURSES, 0, column, value).validate());
    expect(where(e)).toEqual({ file: COURSES, line: lineOf(0), column, value });
    expect(e.message).toContain(message);
  });

  it.each(['location_id', 'offer', 'start_date'])('requires %s', (column) => {
    expect(expectOnlyError(withCourses().set(COURSES, 4, column, '').validate(), { file: COURSES, line: lineOf(4), column }).message).toBe('a value is required here');
  });

  it('accepts a price of 0 and a course without any optional value', () => {
    const x = withCourses().set(COURSES, 0, 'price_eur', '0');
    x.addRow(COURSES, { location_id: 'fries-1', offer: 'Z', start_date: '2024-04-01' });
    const register = registerOf(x.validate());
    expect(register.locationById.get('noord-a')!.courses[0]!.price_eur).toBe(0);
    expect(register.locationById.get('fries-1')!.courses).toEqual([{ location_id: 'fries-1', offer: 'Z', start_date: '2024-04-01' }]);
  });

  it('refuses a course at a location that does not exist', () => {
    expectOnlyError(withCourses().set(COURSES, 4, 'location_id', 'nergens').validate(), { file: COURSES, line: lineOf(4), column: 'location_id', value: 'nergens' }, 'no location with this identifier in locations.csv');
  });

  it('refuses an offer that the location does not teach, naming the file to add it to', () => {
    const x = withCourses().set(COURSES, 4, 'offer', 'Z').set(COURSES, 2, 'offer', 'hoog');
    const errors = errorsOf(x.validate());
    expect(errors.map(where)).toEqual([
      { file: COURSES, line: lineOf(2), column: 'offer', value: 'hoog' },
      { file: COURSES, line: lineOf(4), column: 'offer', value: 'Z' },
    ]);
    expect(errors[0]!.message).toContain('location noord-a does not offer hoog in profiles.csv');
    expect(errors[1]!.message).toContain('location zuid-1 does not offer Z in routes.csv');
  });

  it('does not report the offer again when the location’s own offer row is broken', () => {
    const x = withCourses().set('routes.csv', 2, 'route', 'B3');
    expect(errorsOf(x.validate()).map(where)).toEqual([{ file: 'routes.csv', line: lineOf(2), column: 'route', value: 'B3' }]);
  });

  it.each([['2024-09-02'], ['2024-08-30']])('refuses an end date on or before the start (%s)', (end) => {
    const e = onlyError(withCourses().set(COURSES, 0, 'end_date', end).validate());
    expect(where(e)).toEqual({ file: COURSES, line: lineOf(0), column: 'end_date', value: end });
    expect(e.message).toContain('must be after start_date (2024-09-02)');
  });

  it('refuses more places left than the group holds, and accepts places left without a group size', () => {
    expectOnlyError(withCourses().set(COURSES, 3, 'places_left', '13').validate(), { file: COURSES, line: lineOf(3), column: 'places_left', value: '13' }, 'must not be more than max_group_size (12)');
    registerOf(withCourses().set(COURSES, 4, 'places_left', '40').validate());
  });

  it('refuses the same course twice (location, offer, start date and dayparts, in any order)', () => {
    const x = withCourses().addRow(COURSES, { location_id: 'noord-a', offer: 'analfabeet', start_date: '2024-01-08', dayparts: 'ochtend|middag' });
    expectOnlyError(x.validate(), { file: COURSES, line: lineOf(5), column: 'start_date', value: '2024-01-08' }, `on line ${lineOf(2)}`);
  });

  it('accepts two groups that start on one day at different dayparts', () => {
    const x = withCourses().addRow(COURSES, { location_id: 'noord-a', offer: 'B1', start_date: '2024-03-04', dayparts: 'ochtend' });
    expect(registerOf(x.validate()).locationById.get('noord-a')!.courses).toHaveLength(5);
  });

  it('refuses an unknown column, such as learner data', () => {
    const e = onlyError(withCourses().addColumn(COURSES, 'cursist_email', 'a@b.nl').validate());
    expect(where(e)).toEqual({ file: COURSES, line: 1, column: 'cursist_email' });
  });

  it('reports every course problem in one run', () => {
    const x = withCourses()
      .set(COURSES, 0, 'end_date', '2024-01-01')
      .set(COURSES, 3, 'places_left', '99')
      .set(COURSES, 4, 'hours_per_week', 'veel');
    expect(errorsOf(x.validate()).map((e) => e.line)).toEqual([lineOf(0), lineOf(3), lineOf(4)]);
  });
});

describe('a course planning on an export date', () => {
  const course = (start_date: string, end_date?: string, offer: Course['offer'] = 'B1'): Course => ({
    location_id: 'x', offer, start_date, ...(end_date ? { end_date } : {}),
  });

  it('puts a course that starts on the export date among the upcoming ones, and one that ended the day before among the ended', () => {
    expect(coursePhase(course('2024-03-01'), '2024-03-01')).toBe('upcoming');
    expect(coursePhase(course('2024-01-01', '2024-02-29'), '2024-03-01')).toBe('ended');
    expect(coursePhase(course('2024-01-01', '2024-03-01'), '2024-03-01')).toBe('running');
    expect(coursePhase(course('2023-01-01'), '2024-03-01')).toBe('running');
  });

  it('lists upcoming and running courses in date order, and leaves ended ones out', () => {
    const register = registerOf(withCourses().validate());
    const { upcoming, running } = coursesOn(register.locationById.get('noord-a')!, '2024-02-29');
    expect(upcoming.map((c) => c.start_date)).toEqual(['2024-03-04', '2024-09-02']);
    expect(running.map((c) => c.offer)).toEqual(['analfabeet']);
    expect(nextStart(register.locationById.get('noord-a')!, '2024-02-29')).toBe('2024-03-04');
    expect(nextStart(register.locationById.get('noord-b')!, '2024-02-29')).toBeUndefined();
  });

  it('gives the next start per offer, in offer order', () => {
    const location = { courses: [course('2024-06-01', undefined, 'laag'), course('2024-09-01'), course('2024-04-01'), course('2023-01-01', undefined, 'Z')] };
    expect([...nextStartByOffer(location, '2024-03-01')].map(([o, c]) => [o, c.start_date])).toEqual([['B1', '2024-04-01'], ['laag', '2024-06-01']]);
  });

  it('counts three calendar months from the export date, at the end of short months too', () => {
    expect(soonUntil('2024-03-01')).toBe('2024-06-01');
    expect(soonUntil('2024-11-30')).toBe('2025-02-28');
    expect(soonUntil('2023-11-30')).toBe('2024-02-29');
    expect(soonUntil('2024-10-15')).toBe('2025-01-15');
    const at = (start: string) => startsSoon({ courses: [course(start)] }, '2024-03-01');
    expect([at('2024-02-29'), at('2024-03-01'), at('2024-06-01'), at('2024-06-02')]).toEqual([false, true, true, false]);
  });
});

describe('the municipality CSV', () => {
  const rows = (csv: string) => csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((line) => line.split(','));

  it('gives each location its next start and the number of courses still to start', () => {
    const register = registerOf(withCourses().validate());
    const [header, ...body] = rows(regionCsv(register, register.locations, '2024-02-29'));
    const at = (id: string, column: string) => body.find((r) => r[0] === id)![header!.indexOf(column)];
    expect(at('noord-a', 'next_start')).toBe('2024-03-04');
    expect(at('noord-a', 'upcoming_courses')).toBe('2');
    expect(at('noord-b', 'next_start')).toBe('');
    expect(at('noord-b', 'upcoming_courses')).toBe('0');
  });

  it('leaves both empty, not 0, when the planning was not published', () => {
    const register = registerOf(validExport().validate());
    const [header, ...body] = rows(regionCsv(register, register.locations, '2024-02-29'));
    for (const row of body) {
      expect(row[header!.indexOf('next_start')]).toBe('');
      expect(row[header!.indexOf('upcoming_courses')]).toBe('');
    }
  });
});

describe('upcoming courses by offer and start month', () => {
  it('groups in offer order, months in date order, and leaves out running and ended courses', () => {
    const register = registerOf(withCourses().validate());
    const grouped = upcomingByOfferAndMonth(register.locations, '2024-02-29');
    expect(grouped.map((g) => [g.offer, g.months.map((m) => [m.month, m.courses.length])])).toEqual([['B1', [['2024-03', 1], ['2024-05', 1], ['2024-09', 1]]]]);
  });
});
