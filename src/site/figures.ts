/**
 * The figures of the figures page (`/{lang}/cijfers/`) as tables: one language-neutral
 * table per chart, from which the page draws the chart, writes the table beside it, and
 * the build writes `/data/cijfers/{id}.csv`. Chart, table and CSV read the same rows, so
 * the CSV holds exactly the numbers plotted; rounding (kilometres to one decimal) happens
 * here, once, before any of the three sees a value.
 */
import {
  DECISION_KINDS,
  RATINGS,
  isBuyable,
  nationalMedians,
  ratingSpread,
  PROFILES,
  ROUTES,
  STATUS_FAMILIES,
  coverage,
  decisionsByYear,
  statusCountsByYear,
  toCsv,
  type Coverage,
  type Register,
} from '../register/index.ts';
import type { UIKey } from '../i18n/index.ts';
import { getOpenData } from './open-data.ts';
import { getRegister } from './register.ts';
import { regionFigures } from './regions.ts';

/** How a column's values read: a label of the row, or a number of some unit. */
export type FigureColumnKind = 'moment' | 'year' | 'date' | 'text' | 'code' | 'count' | 'km' | 'percent';

export interface FigureColumn {
  /** The CSV header and the series key in the chart. */
  key: string;
  /** Header of the column in the page's table. */
  header: UIKey;
  /** A shorter name where a chart has room for a few letters only (a heat map's column). */
  short?: UIKey;
  kind: FigureColumnKind;
}

export type FigureValue = string | number | undefined;
export type FigureRow = Record<string, FigureValue>;

/** The charts the page draws; each figure names the one it is drawn with. */
export type ChartKind = 'stackedColumns' | 'groupedBars' | 'heatMap' | 'smallMultiples' | 'rankedLines' | 'timeLine';

export interface FigureTable {
  /** Anchor on the page and CSV file name: `houders-per-jaar` → `/data/cijfers/houders-per-jaar.csv`. */
  id: string;
  title: UIKey;
  description: UIKey;
  chart: ChartKind;
  columns: readonly FigureColumn[];
  /** The column that names each row (year, province, municipality). */
  rowKey: string;
  /** The columns drawn as series, in drawing order. */
  series: readonly string[];
  /** A heading over some series (a heat map's column groups), by series key; language-neutral codes. */
  groups?: Readonly<Record<string, string>>;
  rows: FigureRow[];
}

const km = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 10) / 10);

/** Holders by status family at every year's end, and now; the total is drawn above each bar. */
function statusFigure(register: Register, exportDate: string): FigureTable {
  return {
    id: 'houders-per-jaar',
    title: 'figures.status.title',
    description: 'figures.status.description',
    chart: 'stackedColumns',
    rowKey: 'moment',
    series: STATUS_FAMILIES,
    columns: [
      { key: 'moment', header: 'figures.column.moment', kind: 'moment' },
      { key: 'date', header: 'figures.column.date', kind: 'date' },
      ...STATUS_FAMILIES.map((f) => ({ key: f, header: `figures.family.${f}` as UIKey, kind: 'count' as const })),
      { key: 'total', header: 'figures.column.total', kind: 'count' },
    ],
    rows: statusCountsByYear(register, exportDate).map((m) => ({ moment: m.moment, date: m.date, ...m.counts, total: m.total })),
  };
}

function decisionsFigure(register: Register, exportDate: string): FigureTable {
  return {
    id: 'besluiten-per-jaar',
    title: 'figures.decisions.title',
    description: 'figures.decisions.description',
    chart: 'smallMultiples',
    rowKey: 'year',
    series: DECISION_KINDS,
    columns: [
      { key: 'year', header: 'figures.column.year', kind: 'year' },
      ...DECISION_KINDS.map((k) => ({ key: k, header: `figures.decision.${k}` as UIKey, kind: 'count' as const })),
    ],
    rows: decisionsByYear(register, exportDate).map((y) => ({ year: y.year, ...y.counts })),
  };
}

function provincesFigure(register: Register): FigureTable {
  return {
    id: 'provincies',
    title: 'figures.provinces.title',
    description: 'figures.provinces.description',
    chart: 'groupedBars',
    rowKey: 'province',
    series: ['valid_locations', 'valid_holders'],
    columns: [
      { key: 'province', header: 'figures.column.province', kind: 'text' },
      { key: 'valid_locations', header: 'region.count.validLocations', kind: 'count' },
      { key: 'valid_holders', header: 'region.count.validHolders', kind: 'count' },
    ],
    rows: regionFigures(register).provinces.map((p) => ({ province: p.province, valid_locations: p.counts.validLocations, valid_holders: p.counts.validHolders })),
  };
}

/** Column keys of the offer heat map: the routes, then the profiles, as the site lists them. */
const OFFER_COLUMNS = [...ROUTES, ...PROFILES] as const;

function offerFigure(register: Register): FigureTable {
  return {
    id: 'aanbod-per-provincie',
    title: 'figures.offer.title',
    description: 'figures.offer.description',
    chart: 'heatMap',
    rowKey: 'province',
    series: OFFER_COLUMNS,
    groups: Object.fromEntries([...ROUTES.map((r) => [r, 'Wi2021']), ...PROFILES.map((p) => [p, 'Wi2013'])]),
    columns: [
      { key: 'province', header: 'figures.column.province', kind: 'text' },
      ...ROUTES.map((r) => ({ key: r, header: `route.${r}` as UIKey, kind: 'count' as const })),
      ...PROFILES.map((p) => ({ key: p, header: `profile.${p}` as UIKey, short: `figures.short.${p}` as UIKey, kind: 'count' as const })),
    ],
    rows: regionFigures(register).provinces.map((p) => ({ province: p.province, ...p.counts.route, ...p.counts.profile })),
  };
}

/**
 * Distance per municipality to the nearest valid B1 and Z location, the farthest first
 * (by the Z-route, the one with fewer locations; then B1; unknown distances last).
 */
function coverageFigure(list: readonly Coverage[]): FigureTable {
  const rows = list.map((c) => ({ code: c.code, municipality: c.name, km_B1: km(c.km.B1), km_Z: km(c.km.Z) }));
  const desc = (a: number | undefined, b: number | undefined) => (a === b ? 0 : a === undefined ? 1 : b === undefined ? -1 : b - a);
  rows.sort((a, b) => desc(a.km_Z, b.km_Z) || desc(a.km_B1, b.km_B1) || a.code.localeCompare(b.code));
  return {
    id: 'afstand-tot-aanbod',
    title: 'figures.coverage.title',
    description: 'figures.coverage.description',
    chart: 'rankedLines',
    rowKey: 'code',
    series: ['km_B1', 'km_Z'],
    columns: [
      { key: 'code', header: 'figures.column.code', kind: 'code' },
      { key: 'municipality', header: 'figures.column.municipality', kind: 'text' },
      { key: 'km_B1', header: 'figures.column.kmB1', kind: 'km' },
      { key: 'km_Z', header: 'figures.column.kmZ', kind: 'km' },
    ],
    rows,
  };
}

/** Rating columns, best first, then those not rated yet or without any published rating. */
const RATING_COLUMNS = [...[...RATINGS].reverse().map((r) => (r === 'aspirant' ? r : `stars_${r}`)), 'unrated'] as const;

/**
 * How the latest ratings spread over the locations a municipality may buy from, per province:
 * a location shows its holder's latest rating (the keurmerk assesses the organisation).
 */
function ratingsFigure(register: Register): FigureTable {
  return {
    id: 'oordelen-per-provincie',
    title: 'figures.ratings.title',
    description: 'figures.ratings.description',
    chart: 'heatMap',
    rowKey: 'province',
    series: RATING_COLUMNS,
    columns: [
      { key: 'province', header: 'figures.column.province', kind: 'text' },
      ...RATING_COLUMNS.map((key) => ({ key, header: `figures.rating.${key}` as UIKey, short: `figures.ratingShort.${key}` as UIKey, kind: 'count' as const })),
    ],
    rows: regionFigures(register).provinces.map((p) => {
      const spread = ratingSpread(
        register,
        register.locations.filter((l) => l.province === p.province && isBuyable(register, l)),
      );
      return { province: p.province, ...Object.fromEntries(RATINGS.map((r) => [r === 'aspirant' ? r : `stars_${r}`, spread[r]])), unrated: spread.unrated };
    }),
  };
}

/**
 * The national median exam pass rate per measurement year (over the holders that published
 * one), with how many holders that is: a median over a handful of schools is thin. A year
 * without any published pass rate has no median ("unknown"), never 0.
 */
function passRateFigure(register: Register): FigureTable {
  return {
    id: 'slagingspercentage-per-jaar',
    title: 'figures.passRate.title',
    description: 'figures.passRate.description',
    chart: 'timeLine',
    rowKey: 'year',
    series: ['median_pass_rate', 'holders'],
    columns: [
      { key: 'year', header: 'figures.column.year', kind: 'year' },
      { key: 'median_pass_rate', header: 'figures.column.medianPassRate', kind: 'percent' },
      { key: 'holders', header: 'figures.column.holdersWithPassRate', kind: 'count' },
    ],
    rows: [...nationalMedians(register)].map(([year, medians]) => ({
      year,
      median_pass_rate: medians.exam_pass_rate?.median,
      holders: medians.exam_pass_rate?.holders ?? 0,
    })),
  };
}

/** Every figure of a register, in page order; the quality figures only when the export has quality.csv. */
export function buildFigures(register: Register, exportDate: string): FigureTable[] {
  return [
    statusFigure(register, exportDate),
    decisionsFigure(register, exportDate),
    provincesFigure(register),
    offerFigure(register),
    coverageFigure(coverageOf(register)),
    ...(register.published.quality ? [ratingsFigure(register), passRateFigure(register)] : []),
  ];
}

/** The figures about quality, which the page shows under their own heading. */
export const QUALITY_FIGURE_IDS: readonly string[] = ['oordelen-per-provincie', 'slagingspercentage-per-jaar'];

/** A figure's CSV: exactly its table, codes and plain numbers (a full stop for decimals). */
export function figureCsv(figure: FigureTable): string {
  return toCsv(
    figure.columns.map((c) => c.key),
    figure.rows,
  );
}

const coverageCache = new WeakMap<Register, Map<string, Coverage>>();

/** Coverage by municipality code, computed once per register: the figures page and every municipality page read it. */
export function coverageByCode(register: Register): Map<string, Coverage> {
  let byCode = coverageCache.get(register);
  if (!byCode) coverageCache.set(register, (byCode = new Map(coverage(register).map((c) => [c.code, c]))));
  return byCode;
}

const coverageOf = (register: Register) => [...coverageByCode(register).values()];

let cached: { register: Register; figures: FigureTable[] } | undefined;

/** This build's figures, computed once and shared by the page in every language and the CSVs. */
export function getFigures(): FigureTable[] {
  const register = getRegister();
  if (cached?.register !== register) cached = { register, figures: buildFigures(register, getOpenData().exportDate) };
  return cached.figures;
}
