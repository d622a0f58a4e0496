/**
 * The change kinds the per-school and per-region feeds added: a new yearly rating, a classroom
 * visit, a course newly planned. Found in the history of a first publication and by comparison
 * with a previous one; never reported row by row when the previous publication lacked the file;
 * and the ids of the kinds that were there before keep exactly their old identity. Plus the
 * rule for a "recent" insufficient classroom visit, which puts a notice on a school's pages.
 */
import { describe, expect, it } from 'vitest';
import { changeIdentity, changesSince, historyChanges, readPublishedChanges, type Change } from '../../src/register/changes.ts';
import { recentNegativeVisit, type Register } from '../../src/register/index.ts';
import { COURSES, QUALITY, VISITS, validExport, withCourses, withQualityFiles, type Export } from '../support/exports.ts';
import { registerOf } from '../support/register.ts';

const registerFrom = (x: Export): Register => registerOf(x.validate());
const full = () => withCourses(withQualityFiles(validExport()));
const of = (changes: Change[], kind: Change['change']) => changes.filter((c) => c.change === kind);

describe('ratings, visits and courses in the change log', () => {
  it('a first publication reports every rating, every visit and every course still to start', () => {
    const register = registerFrom(full());
    const log = historyChanges(register, '2024-02-29');
    const rated = of(log.changes, 'rated');
    expect(rated).toHaveLength(register.holders.flatMap((h) => h.quality).length);
    expect(rated.find((c) => c.holder_id === 'taal-1' && c.measurement_year === '2023')).toMatchObject({ rating: '3', date: '2024-02-12' });
    // Without a decision date a rating is dated with the export date of the publication that showed it.
    expect(rated.find((c) => c.holder_id === 'taal-1' && c.measurement_year === '2022')).toMatchObject({ rating: '2', date: '2024-02-29' });
    expect(of(log.changes, 'classroom_visit').map((c) => [c.holder_id, c.location_id, c.date, c.outcome])).toEqual([
      ['inburg_2', 'fries-1', '2024-01-09', 'voldoende'],
      ['taal-1', undefined, '2023-03-14', 'onvoldoende'],
      ['taal-1', 'noord-a', '2022-10-04', 'voldoende'],
    ]);
    // Upcoming on 2024-02-29: noord-a's B1 of 2024-09-02 and 2024-03-04, and zuid-1's B1 of 2024-05-13; not the running or ended ones.
    expect(of(log.changes, 'course_planned').map((c) => [c.location_id, c.offer, c.start_date, c.date, c.municipality_code !== undefined])).toEqual([
      ['zuid-1', 'B1', '2024-05-13', '2024-02-29', true],
      ['noord-a', 'B1', '2024-03-04', '2024-02-29', true],
      ['noord-a', 'B1', '2024-09-02', '2024-02-29', true],
    ]);
  });

  it('since a previous publication, only the new rating, the new visit and the newly planned course', () => {
    const previous = registerFrom(full());
    const x = full();
    x.addRow(QUALITY, { holder_id: 'inburg_2', measurement_year: '2024', rating: '4', norm_organisation: 'behaald', norm_results: 'behaald', norm_satisfaction: 'behaald', decision_date: '2024-05-20' });
    x.addRow(VISITS, { holder_id: 'inburg_2', location_id: 'zuid-1', visit_date: '2024-05-02', kind: 'onaangekondigd', outcome: 'onvoldoende' });
    x.addRow(COURSES, { location_id: 'zuid-1', offer: 'B1', start_date: '2024-09-09' });
    const log = changesSince(previous, '2024-02-29', registerFrom(x), '2024-06-01');
    expect(log.changes.map((c) => [c.change, c.holder_id, c.date])).toEqual([
      ['course_planned', 'inburg_2', '2024-06-01'],
      ['rated', 'inburg_2', '2024-05-20'],
      ['classroom_visit', 'inburg_2', '2024-05-02'],
    ]);
  });

  it('the next build reads them back from changes.json exactly', () => {
    const log = historyChanges(registerFrom(full()), '2024-02-29');
    expect(readPublishedChanges(JSON.stringify({ changes: log.changes }))).toEqual({ ok: true, changes: log.changes });
  });

  it('a previous publication without quality, visits or courses does not make every row of them news', () => {
    const previous = registerFrom(validExport());
    const log = changesSince(previous, '2024-02-29', registerFrom(full()), '2024-03-01');
    expect(log.changes.filter((c) => ['rated', 'classroom_visit', 'course_planned'].includes(c.change))).toEqual([]);
  });

  it('the identity of the older kinds is what it always was, so their feed ids do not move', () => {
    const suspended: Change = { date: '2024-05-01', change: 'suspended', holder_id: 'taal-1', holder_name: 'X', status: 'geschorst' };
    expect(changeIdentity(suspended)).toEqual(['suspended', 'taal-1', '', '2024-05-01', 'geschorst']);
    const course = (start: string): Change => ({ date: '2024-06-01', change: 'course_planned', holder_id: 'h', holder_name: 'X', location_id: 'l', offer: 'B1', start_date: start });
    expect(changeIdentity(course('2024-09-01'))).not.toEqual(changeIdentity(course('2024-10-01')));
  });
});

describe('a recent insufficient classroom visit', () => {
  const holder = registerFrom(withQualityFiles(validExport())).holderById.get('taal-1')!;

  it('is the newest visit in the twelve months up to the export date, when it was insufficient', () => {
    expect(recentNegativeVisit(holder, '2023-06-01')?.visit_date).toBe('2023-03-14');
    expect(recentNegativeVisit(holder, '2024-03-13')?.visit_date).toBe('2023-03-14');
  });

  it('is none once twelve months have passed, or before the visit took place', () => {
    expect(recentNegativeVisit(holder, '2024-03-14')).toBeUndefined();
    expect(recentNegativeVisit(holder, '2023-03-13')).toBeUndefined();
  });

  it('is none when a later visit was sufficient', () => {
    const later = { ...holder, visits: [...holder.visits, { holder_id: 'taal-1', visit_date: '2023-09-01', kind: 'onaangekondigd' as const, outcome: 'voldoende' as const }] };
    expect(recentNegativeVisit(later, '2023-12-01')).toBeUndefined();
  });
});
