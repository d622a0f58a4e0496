/**
 * quality.csv and classroom_visits.csv (contract version 2): every rule of the two files,
 * reported in the contract's format, and the joined model's quality API (latest rating,
 * national medians, a region's spread and median) that pages, filters and the figures read.
 */
import { describe, expect, it } from 'vitest';
import {
  facetCounts,
  filterLocations,
  formatProblem,
  locationFacets,
  ratingFacet,
  latestAssessment,
  latestRating,
  lastPeriodicVisit,
  median,
  nationalMedians,
  ratingRank,
  ratingSpread,
  regionMedianPassRate,
  unannouncedVisits,
  validateExports,
} from '../../src/register/index.ts';
import { errorsOf, lineOf, onlyError, validExport, where, withQualityFiles, HOLDERS, QUALITY, VISITS, expectOnlyError } from '../support/exports.ts';
import { registerOf } from '../support/register.ts';
import { decodeMapMarkers, encodeMapMarkers } from '../../src/register/map-markers.ts';

const quality = () => withQualityFiles(validExport());

describe('a version-1 export', () => {
  it('validates without quality.csv and classroom_visits.csv, and says they were not published', () => {
    const result = validExport().validate();
    const register = registerOf(result);
    expect(register.published).toEqual({ quality: false, classroomVisits: false, courses: false });
    expect(register.holders.every((h) => h.quality.length === 0 && h.visits.length === 0)).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(result.counts).not.toHaveProperty('quality');
  });

  it('with only a header row in each new file, publishes them with no rows', () => {
    const register = registerOf(quality().clearRows(QUALITY).clearRows(VISITS).validate());
    expect(register.published).toEqual({ quality: true, classroomVisits: true, courses: false });
    expect(register.holders.flatMap((h) => h.quality)).toEqual([]);
  });
});

describe('quality.csv', () => {
  it('joins assessments to their holder, oldest year first, with numbers as numbers', () => {
    const result = quality().validate();
    expect(result.warnings).toEqual([]);
    const taal = registerOf(result).holderById.get('taal-1')!;
    expect(taal.quality.map((q) => q.measurement_year)).toEqual([2022, 2023]);
    expect(taal.quality[1]).toEqual({
      holder_id: 'taal-1', measurement_year: 2023, rating: '3', norm_organisation: 'behaald', norm_results: 'behaald',
      norm_satisfaction: 'niet_behaald', exam_candidates: 42, exam_pass_rate: 71.5, satisfaction_score: 6.8,
      satisfaction_respondents: 30, certified_teacher_share: 85, decision_date: '2024-02-12',
    });
    expect(result.counts).toMatchObject({ quality: 3, classroomVisits: 3 });
  });

  it('refuses a second row for the same holder and year, naming the first', () => {
    const e = onlyError(quality().set(QUALITY, 1, 'measurement_year', '2023').validate());
    expect(where(e)).toEqual({ file: QUALITY, line: lineOf(1), column: 'measurement_year', value: '2023' });
    expect(e.message).toContain('line 2');
    expect(e.message).toContain('one row per holder and measurement year');
  });

  it('refuses a holder that is not in holders.csv', () => {
    const e = onlyError(quality().set(QUALITY, 2, 'holder_id', 'nobody').validate());
    expect(where(e)).toEqual({ file: QUALITY, line: lineOf(2), column: 'holder_id', value: 'nobody' });
  });

  it('refuses a measurement year after the year of the export date', () => {
    // The newest decision in the export is 2024-02-29, so 2025 has not been measured yet.
    expectOnlyError(quality().set(QUALITY, 1, 'measurement_year', '2025').validate(), { file: QUALITY, line: lineOf(1), column: 'measurement_year', value: '2025' }, '2024-02-29');
  });

  it('judges the measurement year against REGISTER_EXPORT_DATE when it is given', () => {
    const x = quality().set(QUALITY, 1, 'measurement_year', '2025');
    expect(validateExports(x.bytes(), { exportDate: '2025-06-30' }).ok).toBe(true);
    const errors = errorsOf(validateExports(quality().bytes(), { exportDate: '2022-12-31' }));
    expect(errors.map(where)).toEqual([
      { file: QUALITY, line: lineOf(0), column: 'measurement_year', value: '2023' },
      { file: QUALITY, line: lineOf(2), column: 'measurement_year', value: '2023' },
    ]);
  });

  it('counts a decision_date or visit_date towards the default export date', () => {
    // A decision in 2025 makes 2025 the export year, so a 2025 assessment is fine.
    const x = quality().set(QUALITY, 1, 'measurement_year', '2025').set(QUALITY, 1, 'decision_date', '2025-03-03');
    expect(x.validate().ok).toBe(true);
  });

  it.each(['2012', '1999'])('refuses measurement year %s, before the keurmerk existed', (year) => {
    const e = onlyError(quality().set(QUALITY, 1, 'measurement_year', year).validate());
    expect(e.message).toContain('2013 or later');
  });

  it('refuses a decision_date before 1 January of its measurement year', () => {
    const e = onlyError(quality().set(QUALITY, 0, 'decision_date', '2022-12-31').validate());
    expect(where(e)).toEqual({ file: QUALITY, line: lineOf(0), column: 'decision_date', value: '2022-12-31' });
    expect(e.message).toContain('2023');
  });

  it('refuses a pass rate over fewer than ten exam candidates as an error that says why', () => {
    expectOnlyError(quality().set(QUALITY, 1, 'exam_candidates', '9').validate(), { file: QUALITY, line: lineOf(1), column: 'exam_pass_rate', value: '50' }, 'fewer than 10', 'individual learners');
  });

  it('accepts a pass rate over exactly ten candidates', () => {
    expect(quality().set(QUALITY, 1, 'exam_candidates', '10').validate().ok).toBe(true);
  });

  it('refuses a pass rate without the number of candidates', () => {
    expectOnlyError(quality().set(QUALITY, 1, 'exam_candidates', '').validate(), { file: QUALITY, line: lineOf(1), column: 'exam_pass_rate', value: '50' }, 'exam_candidates');
  });

  it('refuses a satisfaction score over fewer than ten respondents, or without their number', () => {
    expectOnlyError(quality().set(QUALITY, 1, 'satisfaction_score', '7.1').validate(), { file: QUALITY, line: lineOf(1), column: 'satisfaction_score', value: '7.1' });
    expectOnlyError(quality().set(QUALITY, 0, 'satisfaction_respondents', '').validate(), { file: QUALITY, line: lineOf(0), column: 'satisfaction_score', value: '6.8' });
  });

  it('reports a bad count once, by its own rule, not again at the figure it allows', () => {
    const e = onlyError(quality().set(QUALITY, 0, 'exam_candidates', 'veel').validate());
    expect(where(e)).toEqual({ file: QUALITY, line: lineOf(0), column: 'exam_candidates', value: 'veel' });
  });

  it.each([
    ['exam_pass_rate', '71,5', 'decimal point'],
    ['exam_pass_rate', '71.55', 'one decimal'],
    ['exam_pass_rate', '100.1', 'between 0 and 100'],
    ['satisfaction_score', '0.5', 'between 1 and 10'],
    ['satisfaction_score', '10.5', 'between 1 and 10'],
    ['certified_teacher_share', '101', 'between 0 and 100'],
    ['exam_candidates', '-1', 'whole number'],
    ['exam_candidates', '12.5', 'whole number'],
    ['rating', '5', 'use one of aspirant, 1, 2, 3, 4'],
    ['rating', 'Aspirant', 'in lower case'],
    ['norm_organisation', 'geen_oordeel', 'use one of behaald, niet_behaald'],
    ['norm_results', 'gehaald', 'use one of behaald, niet_behaald, geen_oordeel'],
    ['measurement_year', '23', 'four digits'],
  ])('refuses %s %j with a message that says what to write', (column, value, says) => {
    expectOnlyError(quality().set(QUALITY, 0, column, value).validate(), { file: QUALITY, line: lineOf(0), column, value }, says);
  });

  it('accepts aspirant with every norm behaald (the stars follow next year)', () => {
    const x = quality().set(QUALITY, 2, 'norm_results', 'behaald').set(QUALITY, 2, 'norm_satisfaction', 'behaald');
    expect(x.validate().ok).toBe(true);
  });

  it('reports every problem of both files in one run, in file order', () => {
    const x = quality()
      .set(VISITS, 0, 'kind', 'jaarlijks')
      .set(QUALITY, 2, 'exam_pass_rate', '80')
      .set(QUALITY, 0, 'rating', '')
      .set(HOLDERS, 1, 'kvk_number', '12');
    expect(errorsOf(x.validate()).map(formatProblem)).toEqual([
      'holders.csv:3: kvk_number: must be exactly 8 digits (a KvK number) (got "12")',
      'quality.csv:2: rating: a value is required here',
      expect.stringMatching(/^quality\.csv:4: exam_pass_rate: must be left empty: it is over 4 exam candidates, fewer than 10, .* \(got "80"\)$/),
      'classroom_visits.csv:2: kind: is not a known kind of visit; use one of periodiek, onaangekondigd (got "jaarlijks")',
    ]);
  });

  it('refuses an unknown column, which may hold personal data', () => {
    expectOnlyError(quality().addColumn(QUALITY, 'cursist_naam', 'A. Jansen').validate(), { file: QUALITY, line: 1, column: 'cursist_naam' });
  });
});

describe('classroom_visits.csv', () => {
  it('joins visits to their holder, oldest first', () => {
    const taal = registerOf(quality().validate()).holderById.get('taal-1')!;
    expect(taal.visits.map((v) => [v.visit_date, v.kind, v.outcome, v.location_id])).toEqual([
      ['2022-10-04', 'periodiek', 'voldoende', 'noord-a'],
      ['2023-03-14', 'onaangekondigd', 'onvoldoende', undefined],
    ]);
  });

  it('refuses a location that belongs to another holder', () => {
    expectOnlyError(quality().set(VISITS, 0, 'location_id', 'zuid-1').validate(), { file: VISITS, line: lineOf(0), column: 'location_id', value: 'zuid-1' }, 'belongs to inburg_2');
  });

  it('refuses an unknown location and an unknown holder', () => {
    const x = quality().set(VISITS, 0, 'location_id', 'nergens').set(VISITS, 1, 'holder_id', 'niemand');
    expect(errorsOf(x.validate()).map(where)).toEqual([
      { file: VISITS, line: lineOf(0), column: 'location_id', value: 'nergens' },
      { file: VISITS, line: lineOf(1), column: 'holder_id', value: 'niemand' },
    ]);
  });

  it('refuses two visits with the same holder, location and date; the same date at another location is fine', () => {
    const twice = quality().addRow(VISITS, { holder_id: 'taal-1', location_id: 'noord-a', visit_date: '2022-10-04', kind: 'onaangekondigd', outcome: 'voldoende' });
    expectOnlyError(twice.validate(), { file: VISITS, line: lineOf(3), column: 'visit_date', value: '2022-10-04' }, 'line 2');
    const elsewhere = quality().addRow(VISITS, { holder_id: 'taal-1', location_id: 'noord-b', visit_date: '2022-10-04', kind: 'onaangekondigd', outcome: 'voldoende' });
    expect(elsewhere.validate().ok).toBe(true);
    const noLocationTwice = quality().addRow(VISITS, { holder_id: 'taal-1', visit_date: '2023-03-14', kind: 'periodiek', outcome: 'voldoende' });
    expect(where(onlyError(noLocationTwice.validate()))).toMatchObject({ file: VISITS, line: lineOf(3), column: 'visit_date' });
  });

  describe('the missing periodic visit', () => {
    it('is a warning for a valid holder first granted over four years ago without a periodic visit in the last four', () => {
      // taal-1: first granted 2019-03-15; its only periodic visit, 2022-10-04, is more than four years before 2027-01-01.
      const result = validateExports(quality().bytes(), { exportDate: '2027-01-01' });
      expect(result.ok).toBe(true);
      expect(result.warnings.map(formatProblem)).toEqual([
        expect.stringMatching(/^classroom_visits\.csv: holder_id: warning: holder taal-1 holds a valid keurmerk since 2019-03-15 but has no periodiek visit in the 4 years before the export date \(2027-01-01\).* \(got "taal-1"\)$/),
      ]);
    });

    it('is not given for a visit inside the four years, a holder without a valid keurmerk, or one too new', () => {
      expect(quality().validate().warnings).toEqual([]);
      const suspended = quality().set(HOLDERS, 0, 'keurmerk_status', 'geschorst').set(HOLDERS, 0, 'status_since', '2023-06-01');
      suspended.clearRows('status_history.csv');
      expect(validateExports(suspended.bytes(), { exportDate: '2027-01-01' }).warnings).toEqual([]);
      // An unannounced visit does not count as the periodic one.
      const onlyUnannounced = quality().set(VISITS, 0, 'kind', 'onaangekondigd');
      expect(onlyUnannounced.validate().warnings.map((w) => w.value)).toEqual(['taal-1']);
    });

    it('is not asked of an export without classroom_visits.csv', () => {
      expect(validateExports(validExport().bytes(), { exportDate: '2030-01-01' }).warnings).toEqual([]);
    });
  });
});

describe('decision dates in the future', () => {
  // The same rule as for status_since and effective_from (tests/site/publication-guard.test.ts):
  // a decision is exported once it has taken effect, and as the newest date a typing error like
  // 2099 would become the export date, against which every measurement year is then judged.
  it('refuses a decision_date and a visit_date after today, each where it is written', () => {
    const x = quality().set(QUALITY, 1, 'decision_date', '2099-02-28').set(VISITS, 2, 'visit_date', '2099-01-09');
    const errors = errorsOf(x.validate({}, { today: '2026-11-30' }));
    expect(errors.map(where)).toEqual([
      { file: QUALITY, line: lineOf(1), column: 'decision_date', value: '2099-02-28' },
      { file: VISITS, line: lineOf(2), column: 'visit_date', value: '2099-01-09' },
    ]);
    for (const e of errors) {
      expect(e.message).toBe('is in the future (today is 2026-11-30); a decision is only exported once it has taken effect, so check the year');
    }
  });

  it('refuses a future decision_date even when REGISTER_EXPORT_DATE is set', () => {
    const x = quality().set(QUALITY, 0, 'decision_date', '2027-01-05');
    const e = onlyError(x.validate({}, { today: '2026-11-30', exportDate: '2026-11-06' }));
    expect(where(e)).toEqual({ file: QUALITY, line: lineOf(0), column: 'decision_date', value: '2027-01-05' });
  });

  it('allows today, and tomorrow for the time zones', () => {
    const x = quality().set(QUALITY, 0, 'decision_date', '2026-12-01').set(VISITS, 1, 'visit_date', '2026-11-30');
    expect(x.validate({}, { today: '2026-11-30' }).ok).toBe(true);
  });
});

describe('the quality model', () => {
  const register = registerOf(quality().validate());
  const taal = register.holderById.get('taal-1')!;
  const zuid = register.holderById.get('inburg_2')!;

  it('gives a holder’s latest assessment and rating, and nothing (not 0) for a holder without', () => {
    expect(latestAssessment(taal)?.measurement_year).toBe(2023);
    expect(latestRating(taal)).toBe('3');
    expect(latestRating(zuid)).toBe('aspirant');
    const v1 = registerOf(validExport().validate());
    expect(latestRating(v1.holderById.get('taal-1')!)).toBeUndefined();
  });

  it('takes medians of the figures that were published, leaving absent ones out', () => {
    expect(median([])).toBeUndefined();
    expect(median([71.5])).toBe(71.5);
    expect(median([50, 90, 60])).toBe(60);
    expect(median([50, 60, 70, 81])).toBe(65);
    expect(median([70.1, 70.2])).toBe(70.2); // one decimal, as the figures
    const medians = nationalMedians(register);
    expect([...medians.keys()]).toEqual([2022, 2023]);
    // 2023: taal-1 71.5% over 42 candidates; inburg_2 (4 candidates) has no pass rate, so it is left out.
    expect(medians.get(2023)).toEqual({
      exam_pass_rate: { median: 71.5, holders: 1 },
      satisfaction_score: { median: 6.8, holders: 1 },
      certified_teacher_share: { median: 85, holders: 1 },
    });
    expect(medians.get(2022)).toEqual({ exam_pass_rate: { median: 50, holders: 1 }, certified_teacher_share: { median: 78.5, holders: 1 } });
  });

  it('spreads a region’s locations over the ratings, counting the unrated apart', () => {
    expect(ratingSpread(register, register.locations)).toEqual({ aspirant: 2, 1: 0, 2: 0, 3: 2, 4: 0, unrated: 0 });
    const v1 = registerOf(validExport().validate());
    expect(ratingSpread(v1, v1.locations)).toMatchObject({ unrated: 4 });
  });

  it('takes a region’s median pass rate over its holders, each once', () => {
    const groningen = register.locations.filter((l) => l.municipality_code === 'GM0014');
    expect(groningen).toHaveLength(2);
    expect(regionMedianPassRate(register, groningen, 2023)).toEqual({ median: 71.5, holders: 1 });
    expect(regionMedianPassRate(register, groningen, 2019)).toBeUndefined();
  });

  it('ranks four stars first and unrated last', () => {
    expect((['aspirant', undefined, '2', '4', '1', '3'] as const).slice().sort((a, b) => ratingRank(a) - ratingRank(b))).toEqual(['4', '3', '2', '1', 'aspirant', undefined]);
  });

  it('finds the last periodic visit and the unannounced ones', () => {
    expect(lastPeriodicVisit(taal)?.visit_date).toBe('2022-10-04');
    expect(unannouncedVisits(taal).map((v) => v.visit_date)).toEqual(['2023-03-14']);
    expect(lastPeriodicVisit(registerOf(validExport().validate()).holders[0]!)).toBeUndefined();
  });
});

describe('the rating filter', () => {
  it('gives a location every "at least N" its holder’s latest rating meets, aspirant apart, and nothing when unrated', () => {
    expect(ratingFacet('3')).toEqual(['3', '2', '1']);
    expect(ratingFacet('4')).toEqual(['4', '3', '2', '1']);
    expect(ratingFacet('1')).toEqual(['1']);
    expect(ratingFacet('aspirant')).toEqual(['aspirant']);
    expect(ratingFacet(undefined)).toEqual([]);
  });

  it('counts "at least N stars" over the locations of the register, as search and the map do', () => {
    const register = registerOf(quality().validate());
    const counts = facetCounts(register).rating;
    // taal-1 (3 stars) has two locations; inburg_2 (aspirant) two.
    expect(counts).toEqual({ 1: 2, 2: 2, 3: 2, aspirant: 2 });
    expect(filterLocations(register, { rating: ['2'] }).map((l) => l.location_id)).toEqual(['noord-a', 'noord-b']);
    expect(filterLocations(register, { rating: ['4'] })).toEqual([]);
  });

  it('survives the map’s marker file: decoded facets equal the build’s', () => {
    const register = registerOf(quality().validate());
    const markers = decodeMapMarkers(JSON.parse(JSON.stringify(encodeMapMarkers(register))));
    for (const marker of markers) {
      const location = register.locationById.get(marker.id)!;
      expect(marker.facets.rating, marker.id).toEqual(locationFacets(location, register.holderById.get(location.holder_id)!, '2024-03-01').rating);
      expect(marker.rating).toBe(latestRating(register.holderById.get(location.holder_id)!));
    }
  });
});

describe('figures over a small group', () => {
  it('are shown when published, said to be withheld under ten people, and unknown otherwise', async () => {
    const { groupFigureState } = await import('../../src/register/quality.ts');
    const base = { holder_id: 'h', measurement_year: 2024 } as Parameters<typeof groupFigureState>[0];
    expect(groupFigureState({ ...base, exam_pass_rate: 80, exam_candidates: 12 }, 'exam_pass_rate')).toBe('published');
    expect(groupFigureState({ ...base, exam_candidates: 9 }, 'exam_pass_rate')).toBe('few');
    expect(groupFigureState({ ...base, exam_candidates: 10 }, 'exam_pass_rate')).toBe('unknown');
    expect(groupFigureState(base, 'satisfaction_score')).toBe('unknown');
    expect(groupFigureState({ ...base, satisfaction_respondents: 3 }, 'satisfaction_score')).toBe('few');
  });
});
