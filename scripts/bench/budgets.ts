/**
 * The performance budgets of the register, checked by the benchmark (never by `npm test`,
 * where a noisy machine would make them flaky). One table: each budget's name, limit, unit and
 * measurement, written once; the verdicts, the report's column and the tests all read it.
 */
import type { ScaleResult } from './bench.ts';

export interface BudgetResult {
  name: string;
  budget: string;
  measured: string;
  pass: boolean;
}

/** How a limit reads and how a measured value is written. */
type Unit = 'ratio' | 'bytes' | 'ms' | 'score' | 'pages';

/** A measurement: the value judged against the limit, and what the report says beside it. */
interface Measured {
  value: number;
  detail?: string;
}

/** One row of the table. `measure` returns nothing where this run did not measure it (no browser, no 30x). */
interface Budget {
  name: string;
  limit: number;
  /** `at most` for costs; `at least` for scores and for pages a build must write. */
  bound: 'at most' | 'at least';
  unit: Unit;
  measure: (results: readonly ScaleResult[]) => Measured | undefined;
}

const KB = 1024;

/**
 * What the typical query ("Amsterdam" at 10x, seed 42) transferred before the search
 * learnt to correct typing errors (bench/RESULTS.md, the run of 30 November 2026): a query
 * that needs no correction must not cost more than it did then.
 */
const UNCORRECTED_QUERY_BYTES = 33.2 * KB;

function written(unit: Unit, value: number): string {
  switch (unit) {
    case 'ratio':
      return `${value.toFixed(2)}×`;
    case 'bytes':
      return value === 0 ? '0 B' : `${(value / KB).toFixed(1)} KB`;
    case 'ms':
      return `${value.toFixed(0)} ms`;
    case 'score':
    case 'pages':
      return String(value);
  }
}

function limitWritten(budget: Budget): string {
  if (budget.unit === 'ratio') return `${budget.bound === 'at most' ? '≤' : '≥'} ${budget.limit.toFixed(1)}×`;
  if (budget.unit === 'score' && budget.limit === 100) return 'all 100';
  return `${budget.bound === 'at most' ? '≤' : '≥'} ${written(budget.unit, budget.limit)}`;
}

const tenX = (results: readonly ScaleResult[]) => results.find((r) => r.scale === 10);
const thirtyX = (results: readonly ScaleResult[]) => results.find((r) => r.scale === 30);
const pairs = (r: ScaleResult) => r.pairs?.length;

/** A page type's figure at 10x, if the run built that page type. */
const pageFigure = (type: string, figure: 'js' | 'htmlGzipMax') => (results: readonly ScaleResult[]) => {
  const stats = tenX(results)?.site.byType[type];
  return stats ? { value: stats[figure] } : undefined;
};

/** A figure of the browser measurements at 10x, if the browser ran. */
const browserFigure = <T>(pick: (b: NonNullable<ScaleResult['browser']>) => T | null | undefined, value: (t: T) => Measured) => (results: readonly ScaleResult[]) => {
  const browser = tenX(results)?.browser;
  const part = browser ? pick(browser) : undefined;
  return part ? value(part) : undefined;
};

const LIGHTHOUSE_PAGES = ['home', 'search', 'provider', 'map'];

/** Every budget, in the order the report lists them. */
const BUDGETS: Budget[] = [
  {
    // Our build against the floor's at 10x, median of the pairs, by wall time.
    name: '10x register: whole build vs bare-Astro floor (same page count), wall time',
    limit: 2.0,
    bound: 'at most',
    unit: 'ratio',
    measure: (results) => {
      const r = tenX(results);
      if (!r || r.floorRatio === null) return undefined;
      return { value: r.floorRatio, detail: `median of ${pairs(r) ?? 1} pairs, ${r.ratios ? `${r.ratios.wall.min.toFixed(2)}–${r.ratios.wall.max.toFixed(2)}; ` : ''}${(r.build.totalMs / 1000).toFixed(1)} s vs ${(r.floorMs! / 1000).toFixed(1)} s, ${r.languages} languages` };
    },
  },
  {
    // By CPU seconds, which also counts the search index and the side files made on the second core.
    name: '10x register: whole build vs bare-Astro floor, CPU seconds',
    limit: 2.5,
    bound: 'at most',
    unit: 'ratio',
    measure: (results) => {
      const r = tenX(results);
      const cpu = r?.ratios?.cpu;
      return r && cpu ? { value: cpu.median, detail: `median of ${pairs(r) ?? 0} pairs, ${cpu.min.toFixed(2)}–${cpu.max.toFixed(2)}` } : undefined;
    },
  },
  {
    // Something that costs more per page as the register grows shows here first.
    name: '30x register: build vs floor ratio no higher than at 10x (ratio of the two ratios)',
    limit: 1.0,
    bound: 'at most',
    unit: 'ratio',
    measure: (results) => {
      const ten = tenX(results)?.floorRatio;
      const thirty = thirtyX(results)?.floorRatio;
      return ten && thirty ? { value: thirty / ten, detail: `${thirty.toFixed(2)}× at 30x, ${ten.toFixed(2)}× at 10x` } : undefined;
    },
  },
  { name: 'location page, gzipped HTML (largest at 10x)', limit: 15 * KB, bound: 'at most', unit: 'bytes', measure: pageFigure('vestiging', 'htmlGzipMax') },
  {
    // Only the keep control's script (2.6 KB with its shared chunks), the read-aloud control's
    // (1.4 KB) and the share control's (0.7 KB): none can work without one. It measured 5.8 KB
    // when the shortlist chunk pulled in every code list and the fill chunk the language list.
    name: 'location page JavaScript (the keep, read-aloud and share controls only)',
    limit: 5 * KB,
    bound: 'at most',
    unit: 'bytes',
    measure: pageFigure('vestiging', 'js'),
  },
  {
    // Only the share control's script (0.7 KB when it was added); the rest works without JavaScript.
    name: 'holder page JavaScript (the share control only)',
    limit: 1 * KB,
    bound: 'at most',
    unit: 'bytes',
    measure: pageFigure('aanbieder', 'js'),
  },
  { name: 'figures page, gzipped HTML with its inline SVG charts (largest at 10x)', limit: 150 * KB, bound: 'at most', unit: 'bytes', measure: pageFigure('cijfers', 'htmlGzipMax') },
  ...['cijfers', 'embed'].map((type): Budget => ({ name: `${type} pages load no JavaScript`, limit: 0, bound: 'at most', unit: 'bytes', measure: pageFigure(type, 'js') })),
  { name: 'first search query, bytes transferred', limit: 150 * KB, bound: 'at most', unit: 'bytes', measure: browserFigure((b) => b.search, (s) => ({ value: s.firstQueryBytes })) },
  { name: 'first search results after typing', limit: 300, bound: 'at most', unit: 'ms', measure: browserFigure((b) => b.search, (s) => ({ value: s.firstResultsMs })) },
  {
    name: 'search query that needs no correction: bytes transferred, as before correction existed',
    limit: UNCORRECTED_QUERY_BYTES,
    bound: 'at most',
    unit: 'bytes',
    measure: browserFigure((b) => b.search, (s) => ({ value: s.firstQueryBytes })),
  },
  { name: 'search query that needs no correction: correction vocabulary loaded', limit: 0, bound: 'at most', unit: 'bytes', measure: browserFigure((b) => b.search, (s) => ({ value: s.uncorrectedCorrectionBytes })) },
  { name: 'corrected search query ("Amterdam"): first results after typing', limit: 500, bound: 'at most', unit: 'ms', measure: browserFigure((b) => b.search, (s) => ({ value: s.corrected.ms })) },
  {
    name: 'corrected search query: bytes beyond the uncorrected one',
    limit: 40 * KB,
    bound: 'at most',
    unit: 'bytes',
    measure: browserFigure((b) => b.search, (s) => ({ value: s.corrected.bytes - s.firstQueryBytes, detail: `vocabulary and its code ${written('bytes', s.corrected.correctionBytes)}` })),
  },
  { name: 'comparison of four locations, bytes before its data', limit: 60 * KB, bound: 'at most', unit: 'bytes', measure: browserFigure((b) => b.compare, (c) => ({ value: c.bytesBeforeData })) },
  { name: 'comparison drawn after its data arrived', limit: 300, bound: 'at most', unit: 'ms', measure: browserFigure((b) => b.compare, (c) => ({ value: c.renderAfterDataMs })) },
  { name: 'map page, bytes before tiles', limit: 250 * KB, bound: 'at most', unit: 'bytes', measure: browserFigure((b) => b.map, (m) => ({ value: m.bytesBeforeTiles })) },
  ...LIGHTHOUSE_PAGES.map(
    (page): Budget => ({
      name: `Lighthouse ${page}`,
      limit: 100,
      bound: 'at least',
      unit: 'score',
      measure: browserFigure(
        (b) => b.lighthouse?.find((l) => l.page === page),
        (l) => ({ value: Math.min(...Object.values(l.scores)), detail: Object.entries(l.scores).map(([k, v]) => `${k} ${v}`).join(', ') }),
      ),
    }),
  ),
  {
    name: '30x register builds without running out of memory',
    limit: 1,
    bound: 'at least',
    unit: 'pages',
    measure: (results) => {
      const r = thirtyX(results);
      return r ? { value: r.site.pages, detail: `peak ${r.build.peakRssMb ?? '?'} MB` } : undefined;
    },
  },
];

/** Every budget this run measured, PASS or FAIL, with its figure. */
export function budgets(results: readonly ScaleResult[]): BudgetResult[] {
  return BUDGETS.flatMap((budget) => {
    const measured = budget.measure(results);
    if (!measured) return [];
    const pass = budget.bound === 'at most' ? measured.value <= budget.limit : measured.value >= budget.limit;
    const figure = budget.unit === 'score' && measured.detail ? measured.detail : `${written(budget.unit, measured.value)}${measured.detail ? ` (${measured.detail})` : ''}`;
    return [{ name: budget.name, budget: limitWritten(budget), measured: figure, pass }];
  });
}
