/**
 * The embedded sample register in data/ and the generator that makes it.
 *
 * The sample is what a fresh clone builds, so it must validate cleanly and show every
 * feature a page can meet: each status, both laws, both routes, every profile, every
 * province, locations without coordinates, suspensions and withdrawals in the history.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  LAWS,
  MUNICIPALITY_CODE,
  NORM_OUTCOMES,
  PROFILES,
  RATINGS,
  VISIT_KINDS,
  VISIT_OUTCOMES,
  latestRating,
  PROVINCES,
  ROUTES,
  STATUSES,
  coursePhase,
  loadRegisterDir,
  nextStart,
  startsSoon,
  validateExports,
  countRegister,
} from '../../src/register/index.ts';
import { SAMPLE_OPTIONS, generateRegister } from '../../scripts/generate-register.ts';
import { MUNICIPALITIES } from '../../scripts/lib/municipalities.ts';
import { exportDateOf } from '../../src/register/dates.ts';
import { csvBytes } from '../../src/register/serialize.ts';
import { generatedRegister } from '../support/register.ts';

const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));


describe('the committed sample in data/', () => {
  const result = loadRegisterDir(dataDir);

  it('validates with zero errors', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  const register = result.ok ? result.register : undefined;
  const holders = register?.holders ?? [];
  const locations = register?.locations ?? [];

  it('has at least 40 holders and 120 locations', () => {
    expect(holders.length).toBeGreaterThanOrEqual(40);
    expect(locations.length).toBeGreaterThanOrEqual(120);
  });

  it('covers all 12 provinces and at least 30 municipalities', () => {
    expect(new Set(locations.map((l) => l.province))).toEqual(new Set(PROVINCES));
    expect(new Set(locations.map((l) => l.municipality_code)).size).toBeGreaterThanOrEqual(30);
  });

  it('uses every status, both laws, both routes and all four profiles', () => {
    expect(new Set(holders.map((h) => h.keurmerk_status))).toEqual(new Set(STATUSES));
    expect(new Set(holders.flatMap((h) => h.laws))).toEqual(new Set(LAWS));
    expect(holders.some((h) => h.laws.length === 2)).toBe(true);
    expect(new Set(locations.flatMap((l) => l.routes.map((r) => r.route)))).toEqual(new Set(ROUTES));
    expect(new Set(locations.flatMap((l) => l.profiles.map((p) => p.profile)))).toEqual(new Set(PROFILES));
  });

  it('has a few locations without coordinates, and the rest with them', () => {
    const without = locations.filter((l) => l.latitude === undefined);
    expect(without.length).toBeGreaterThanOrEqual(2);
    expect(without.length).toBeLessThan(locations.length * 0.1);
    expect(result.warnings.filter((w) => w.message.includes('no coordinates'))).toHaveLength(without.length);
  });

  it('has a status history for every holder, with suspensions and a withdrawal', () => {
    expect(holders.every((h) => h.history.length > 0)).toBe(true);
    const statuses = holders.flatMap((h) => h.history.map((e) => e.status));
    expect(statuses).toContain('geschorst');
    expect(statuses).toContain('ingetrokken');
    // A suspension that was lifted: geschorst followed by a valid status.
    expect(
      holders.some((h) => h.history.some((e, i) => e.status === 'geschorst' && ['bepaalde_tijd', 'onbepaalde_tijd'].includes(h.history[i + 1]?.status ?? ''))),
    ).toBe(true);
  });

  it('has holders with locations in several provinces', () => {
    const spread = holders.filter((h) => new Set(h.locations.map((l) => l.province)).size > 1);
    expect(spread.length).toBeGreaterThanOrEqual(3);
  });

  it('has names with diacritics and a trade name that must be escaped in HTML', () => {
    const names = holders.map((h) => h.name).join('\n');
    for (const letter of ['é', 'ë', 'â']) expect(names).toContain(letter);
    expect(holders.some((h) => /[&"<>]/.test(h.trade_name ?? '') && h.trade_name!.includes('&') && h.trade_name!.includes('"'))).toBe(true);
  });

  it('has a course planning with ended, running, upcoming, full and unpriced courses, and locations without any', () => {
    const exportDate = exportDateOf(register!);
    const courses = locations.flatMap((l) => l.courses);
    const phases = new Set(courses.map((c) => coursePhase(c, exportDate)));
    expect(phases).toEqual(new Set(['ended', 'running', 'upcoming']));
    expect(courses.some((c) => coursePhase(c, exportDate) === 'upcoming' && c.places_left === 0)).toBe(true);
    expect(courses.some((c) => coursePhase(c, exportDate) === 'upcoming' && c.price_eur === undefined)).toBe(true);
    expect(courses.some((c) => coursePhase(c, exportDate) === 'upcoming' && c.price_eur !== undefined)).toBe(true);
    expect(new Set(courses.map((c) => c.offer))).toEqual(new Set([...ROUTES, ...PROFILES]));
    expect(locations.some((l) => l.courses.length === 0 && l.routes.length + l.profiles.length > 0)).toBe(true);
    // Some start within three months of the export date, some later.
    expect(locations.some((l) => startsSoon(l, exportDate))).toBe(true);
    expect(locations.some((l) => !startsSoon(l, exportDate) && nextStart(l, exportDate) !== undefined)).toBe(true);
  });

  it('has quality assessments covering every rating, every norm outcome and small groups left empty', () => {
    expect(register?.published).toEqual({ quality: true, classroomVisits: true, courses: true });
    const rows = holders.flatMap((h) => h.quality);
    expect(new Set(rows.map((q) => q.rating))).toEqual(new Set(RATINGS));
    expect(new Set(holders.map((h) => latestRating(h)))).toEqual(new Set([...RATINGS, undefined]));
    expect(new Set(rows.map((q) => q.norm_organisation))).toEqual(new Set(['behaald', 'niet_behaald']));
    expect(new Set(rows.map((q) => q.norm_results))).toEqual(new Set(NORM_OUTCOMES));
    expect(new Set(rows.map((q) => q.norm_satisfaction))).toEqual(new Set(NORM_OUTCOMES));
    // Fewer than ten candidates or respondents: the figure is left empty, never a number.
    expect(rows.some((q) => q.exam_candidates !== undefined && q.exam_candidates < 10 && q.exam_pass_rate === undefined)).toBe(true);
    expect(rows.some((q) => q.satisfaction_respondents !== undefined && q.satisfaction_respondents < 10 && q.satisfaction_score === undefined)).toBe(true);
    expect(rows.some((q) => q.certified_teacher_share !== undefined && q.certified_teacher_share < 80)).toBe(true);
    // Holders without any assessment, and a holder with a history of at least five years.
    expect(holders.filter((h) => h.quality.length === 0).length).toBeGreaterThanOrEqual(3);
    expect(holders.some((h) => h.quality.length >= 5)).toBe(true);
    // A former holder keeps its past assessments.
    expect(holders.some((h) => ['ingetrokken', 'beeindigd'].includes(h.keurmerk_status) && h.quality.length > 0)).toBe(true);
  });

  it('has classroom visits of both kinds and both outcomes, some without a location', () => {
    const visits = holders.flatMap((h) => h.visits);
    expect(new Set(visits.map((v) => v.kind))).toEqual(new Set(VISIT_KINDS));
    expect(new Set(visits.map((v) => v.outcome))).toEqual(new Set(VISIT_OUTCOMES));
    expect(visits.some((v) => v.location_id === undefined)).toBe(true);
  });

  it('is exactly what `generate-register.ts --sample` writes', () => {
    for (const [name, text] of Object.entries(generateRegister(SAMPLE_OPTIONS))) {
      expect(readFileSync(`${dataDir}${name}`, 'utf8'), name).toBe(text);
    }
  });
});

describe('generateRegister', () => {
  it('makes a scale-1 register of about the real size that validates without errors', () => {
    const register = generatedRegister({ scale: 1 });
    expect(register.holders).toHaveLength(220);
    expect(register.locations).toHaveLength(650);
    expect(register.holders.every((h) => h.locations.length > 0 && h.history.length > 0)).toBe(true);
    // Assessments and visits are generated at every scale, so the benchmarks carry them too.
    expect(register.published).toEqual({ quality: true, classroomVisits: true, courses: true });
    expect(register.holders.filter((h) => h.quality.length > 0).length).toBeGreaterThan(180);
    expect(countRegister(register).courses).toBeGreaterThan(1000);
  });

  it('is deterministic: the same seed gives identical text, another seed another register', () => {
    const a = generateRegister({ scale: 1, seed: 7 });
    expect(generateRegister({ scale: 1, seed: 7 })).toEqual(a);
    expect(generateRegister({ scale: 1, seed: 8 })['holders.csv']).not.toBe(a['holders.csv']);
  });

  it('validates at other sizes and seeds too', () => {
    for (const options of [{ holders: 1, seed: 1 }, { holders: 13, seed: 2 }, { scale: 0.5, seed: 3 }, { scale: 2, seed: 4 }]) {
      const result = validateExports(csvBytes(generateRegister(options)));
      expect(result.ok ? [] : result.errors.slice(0, 5), JSON.stringify(options)).toEqual([]);
    }
  });
});

describe('the municipality table', () => {
  it('holds at least 80 municipalities in all 12 provinces, each code once', () => {
    expect(MUNICIPALITIES.length).toBeGreaterThanOrEqual(80);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(MUNICIPALITIES.length);
    expect(new Set(MUNICIPALITIES.map((m) => m.name)).size).toBe(MUNICIPALITIES.length);
    for (const province of PROVINCES) {
      expect(MUNICIPALITIES.filter((m) => m.province === province).length, province).toBeGreaterThanOrEqual(5);
    }
  });

  it('knows the codes of the large cities', () => {
    const code = Object.fromEntries(MUNICIPALITIES.map((m) => [m.name, m.code]));
    expect(code).toMatchObject({
      Amsterdam: 'GM0363',
      Rotterdam: 'GM0599',
      "'s-Gravenhage": 'GM0518',
      Utrecht: 'GM0344',
      Groningen: 'GM0014',
      Leeuwarden: 'GM0080',
      Maastricht: 'GM0935',
      Eindhoven: 'GM0772',
      Almere: 'GM0034',
      Zwolle: 'GM0193',
      'Middelburg (Z.)': 'GM0687',
      Assen: 'GM0106',
      'Súdwest-Fryslân': 'GM1900',
    });
  });

  it('has well-formed codes, places inside the contract bounds and plausible postcodes', () => {
    for (const m of MUNICIPALITIES) {
      expect(m.code).toMatch(MUNICIPALITY_CODE);
      expect(m.places.length).toBeGreaterThan(0);
      for (const p of m.places) {
        expect(p.lat, m.name).toBeGreaterThan(50.75);
        expect(p.lat, m.name).toBeLessThan(53.65);
        expect(p.lon, m.name).toBeGreaterThan(3.3);
        expect(p.lon, m.name).toBeLessThan(7.25);
        expect(p.postcodes[0], m.name).toBeGreaterThanOrEqual(1000);
        expect(p.postcodes[1], m.name).toBeLessThanOrEqual(9999);
        expect(p.postcodes[0], m.name).toBeLessThanOrEqual(p.postcodes[1]);
      }
    }
  });
});
