/**
 * The quality assessment in the joined register: each holder's latest rating, the national
 * medians per measurement year, and the spread of ratings and median pass rate of a region.
 *
 * One home for these figures, so the holder page, the cards, the search and map filters, the
 * region pages, the figures page and the JSON API all show the same number for the same thing.
 * Pure: no Astro, no DOM. Medians are computed from the export itself, over the holders whose
 * figure may be published (a pass rate or mark over ten or more people, see MIN_GROUP_SIZE):
 * a figure that is absent is unknown, never 0, and is left out of a median, not counted as 0.
 */
import type { Assessment, ClassroomVisit, Holder, Location, Register } from './model.ts';
import { MIN_GROUP_SIZE, RATINGS, ratingStars, type Rating } from './vocabulary.ts';

/** The figures that are about a group of people, each with the column that counts them. */
export const GROUP_FIGURES = { exam_pass_rate: 'exam_candidates', satisfaction_score: 'satisfaction_respondents' } as const;

/**
 * Why a school's figure is or is not shown: `published`, `few` (withheld: fewer than
 * MIN_GROUP_SIZE people, so it could point at individual learners) or `unknown`. The holder
 * page says each in its own words; the rule lives here, beside the medians that skip the same.
 */
export function groupFigureState(assessment: Assessment, figure: keyof typeof GROUP_FIGURES): 'published' | 'few' | 'unknown' {
  if (assessment[figure] !== undefined) return 'published';
  const people = assessment[GROUP_FIGURES[figure]];
  return people !== undefined && people < MIN_GROUP_SIZE ? 'few' : 'unknown';
}

/** A holder's assessment of its newest measurement year, or undefined when none is published. */
export function latestAssessment(holder: Holder): Assessment | undefined {
  return holder.quality.at(-1);
}

/** The holder's latest rating (its newest measurement year), or undefined when it has none. */
export function latestRating(holder: Holder): Rating | undefined {
  return latestAssessment(holder)?.rating;
}

/** The figures of an assessment that a median is taken of. */
export const QUALITY_FIGURES = ['exam_pass_rate', 'satisfaction_score', 'certified_teacher_share'] as const;
export type QualityFigure = (typeof QUALITY_FIGURES)[number];

/** The median of some numbers, or undefined for none (never 0). The mean of the middle two for an even count. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const m = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  // One decimal, as the figures themselves: 71.25 would claim a precision the export lacks.
  return Math.round(m * 10) / 10;
}

/** A median and how many holders it was taken over (a reader should know a median of 3 is thin). */
export interface MedianFigure {
  median: number;
  holders: number;
}

/** Medians of one measurement year's figures; a figure nobody published that year is absent. */
export type YearMedians = Partial<Record<QualityFigure, MedianFigure>>;

/** The medians of each figure over some assessments (all of one year). */
export function mediansOf(assessments: readonly Assessment[]): YearMedians {
  const out: YearMedians = {};
  for (const figure of QUALITY_FIGURES) {
    const values = assessments.flatMap((a) => (a[figure] === undefined ? [] : [a[figure]]));
    const m = median(values);
    if (m !== undefined) out[figure] = { median: m, holders: values.length };
  }
  return out;
}

const nationalCache = new WeakMap<Register, ReadonlyMap<number, YearMedians>>();

/**
 * The national median of each figure per measurement year, over every holder in the export
 * with that figure (any status: a suspended holder's 2023 results were real in 2023).
 * Years in ascending order. Computed once per register.
 */
export function nationalMedians(register: Register): ReadonlyMap<number, YearMedians> {
  let medians = nationalCache.get(register);
  if (medians) return medians;
  const byYear = new Map<number, Assessment[]>();
  for (const holder of register.holders) {
    for (const a of holder.quality) {
      let list = byYear.get(a.measurement_year);
      if (!list) byYear.set(a.measurement_year, (list = []));
      list.push(a);
    }
  }
  medians = new Map([...byYear.keys()].sort((a, b) => a - b).map((year) => [year, mediansOf(byYear.get(year)!)]));
  nationalCache.set(register, medians);
  return medians;
}

/** The newest measurement year in the register, or undefined when no assessment is published. */
export function latestMeasurementYear(register: Register): number | undefined {
  return [...nationalMedians(register).keys()].at(-1);
}

/**
 * The latest rating a location shows: its holder's. A location has no assessment of its own;
 * the keurmerk assesses the organisation.
 */
export function locationRating(register: Register, location: Location): Rating | undefined {
  return latestRating(register.holderById.get(location.holder_id)!);
}

/** Count of locations per latest rating, plus those without one (`unrated`), in RATINGS order. */
export type RatingSpread = Record<Rating | 'unrated', number>;

/** How the ratings spread over some locations: what a municipality can buy from, by stars. */
export function ratingSpread(register: Register, locations: readonly Location[]): RatingSpread {
  const spread = Object.fromEntries([...RATINGS, 'unrated'].map((r) => [r, 0])) as RatingSpread;
  for (const location of locations) spread[locationRating(register, location) ?? 'unrated']++;
  return spread;
}

/**
 * The median pass rate of a region in a measurement year, over the distinct holders that
 * teach in it (a holder with ten locations in a region counts once: the pass rate is the
 * holder's, not the location's).
 */
export function regionMedianPassRate(register: Register, locations: readonly Location[], year: number): MedianFigure | undefined {
  const holderIds = new Set(locations.map((l) => l.holder_id));
  const rates = [...holderIds].flatMap((id) => {
    const a = register.holderById.get(id)!.quality.find((q) => q.measurement_year === year);
    return a?.exam_pass_rate === undefined ? [] : [a.exam_pass_rate];
  });
  const m = median(rates);
  return m === undefined ? undefined : { median: m, holders: rates.length };
}

/**
 * Sort key of a rating for "best rated first": four stars first, then three, two, one, then
 * aspirant, then unrated. Ascending numbers, so it composes with other ascending sorts.
 */
export function ratingRank(rating: Rating | undefined): number {
  if (rating === undefined) return RATINGS.length + 1;
  const stars = ratingStars(rating);
  return stars === undefined ? RATINGS.length : 4 - stars;
}

/** The holder's newest periodic classroom inspection, or undefined. */
export function lastPeriodicVisit(holder: Holder): ClassroomVisit | undefined {
  return holder.visits.findLast((v) => v.kind === 'periodiek');
}

/** The holder's unannounced visits, newest first. */
export function unannouncedVisits(holder: Holder): ClassroomVisit[] {
  return holder.visits.filter((v) => v.kind === 'onaangekondigd').reverse();
}
