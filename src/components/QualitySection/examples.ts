/**
 * Examples of the quality section: a school with four years of history and classroom visits,
 * a former holder with its past rating, a school without assessments, and an export without
 * quality.csv at all. They double as fixtures of the gallery's accessibility test.
 */
import { exampleHolder } from '../LocationSummary/examples.ts';

const base = { ...exampleHolder, keurmerk_status: 'onbepaalde_tijd', status_since: '2023-06-01' } as const;

const year = (measurement_year: number, rating: string, pass: number | undefined, score: number | undefined, teachers: number) => ({
  holder_id: 'KH9001',
  measurement_year,
  rating,
  norm_organisation: 'behaald',
  norm_results: pass === undefined ? 'geen_oordeel' : pass >= 55 ? 'behaald' : 'niet_behaald',
  norm_satisfaction: score === undefined ? 'geen_oordeel' : score >= 7 ? 'behaald' : 'niet_behaald',
  exam_candidates: pass === undefined ? 8 : 64,
  ...(pass === undefined ? {} : { exam_pass_rate: pass }),
  satisfaction_respondents: score === undefined ? 4 : 41,
  ...(score === undefined ? {} : { satisfaction_score: score }),
  certified_teacher_share: teachers,
  decision_date: `${measurement_year + 1}-04-15`,
});

const quality = [year(2021, 'aspirant', undefined, undefined, 70), year(2022, '2', 52.5, 6.8, 78), year(2023, '3', 68, 7.6, 84.5), year(2024, '4', 81.3, 8.4, 92)];

const medians = new Map([
  [2021, { certified_teacher_share: { median: 82, holders: 30 } }],
  [2022, { exam_pass_rate: { median: 66.1, holders: 25 }, satisfaction_score: { median: 7.6, holders: 20 }, certified_teacher_share: { median: 84, holders: 31 } }],
  [2023, { exam_pass_rate: { median: 67.4, holders: 28 }, satisfaction_score: { median: 7.8, holders: 22 }, certified_teacher_share: { median: 85, holders: 33 } }],
  [2024, { exam_pass_rate: { median: 69, holders: 30 }, satisfaction_score: { median: 7.9, holders: 25 }, certified_teacher_share: { median: 86.5, holders: 35 } }],
]);
const published = { quality: true, classroomVisits: true };
const visits = [
  { holder_id: 'KH9001', location_id: 'V9001', visit_date: '2023-10-04', kind: 'periodiek', outcome: 'voldoende' },
  { holder_id: 'KH9001', visit_date: '2024-03-12', kind: 'onaangekondigd', outcome: 'onvoldoende' },
];

export const examples = [
  { name: 'full-history', props: { holder: { ...base, quality, visits }, medians, published } },
  { name: 'former-holder', props: { holder: { ...base, keurmerk_status: 'ingetrokken', status_since: '2025-02-03', quality: quality.slice(0, 2) }, medians, published } },
  { name: 'no-assessment', props: { holder: { ...base, quality: [] }, medians, published } },
  { name: 'export-without-quality', props: { holder: { ...base, quality: [] }, medians: new Map(), published: { quality: false, classroomVisits: false } } },
] as const;
