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

/**
 * Kilometres as every page and CSV shows them: to one decimal, rounded once, here, so the
 * figures page, its CSV and a municipality page never show two values for one distance.
 */
export const roundKm = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 10) / 10);

/** A figure without its rows: its name, how it is drawn and which columns it has. */
export type FigureDefinition = Omit<FigureTable, 'rows'>;

type FigureName = 'status' | 'decisions' | 'provinces' | 'offer' | 'coverage' | 'ratings' | 'passRate';

/** A figure's title and description are `figures.{name}.title` and `figures.{name}.description`. */
const define = (name: FigureName, figure: Omit<FigureDefinition, 'title' | 'description'>): FigureDefinition => ({
  title: `figures.${name}.title`,
  description: `figures.${name}.description`,
  ...figure,
});

const count = (key: string, header: UIKey, short?: UIKey): FigureColumn => ({ key, header, ...(short && { short }), kind: 'count' });
const province: FigureColumn = { key: 'province', header: 'figures.column.province', kind: 'text' };
const year: FigureColumn = { key: 'year', header: 'figures.column.year', kind: 'year' };

/** Column keys of the offer heat map: the routes, then the profiles, as the site lists them. */
const OFFER_COLUMNS = [...ROUTES, ...PROFILES] as const;

/** Rating columns, best first, then those not rated yet or without any published rating. */
const RATING_COLUMNS = [...[...RATINGS].reverse().map((r) => (r === 'aspirant' ? r : `stars_${r}`)), 'unrated'] as const;

/**
 * Every figure without its rows, in page order. The build fills in the rows from the register
 * (`buildFigures`); the component gallery's examples (FigureChart/examples.ts) fill in made-up
 * numbers, so an example draws exactly the columns a real figure has.
 */
export const FIGURES = {
  /** Holders by status family at every year's end, and now; the total is drawn above each bar. */
  status: define('status', {
    id: 'houders-per-jaar',
    chart: 'stackedColumns',
    rowKey: 'moment',
    series: STATUS_FAMILIES,
    columns: [
      { key: 'moment', header: 'figures.column.moment', kind: 'moment' },
      { key: 'date', header: 'figures.column.date', kind: 'date' },
      ...STATUS_FAMILIES.map((f) => count(f, `figures.family.${f}`)),
      count('total', 'figures.column.total'),
    ],
  }),
  decisions: define('decisions', {
    id: 'besluiten-per-jaar',
    chart: 'smallMultiples',
    rowKey: 'year',
    series: DECISION_KINDS,
    columns: [year, ...DECISION_KINDS.map((k) => count(k, `figures.decision.${k}`))],
  }),
  provinces: define('provinces', {
    id: 'provincies',
    chart: 'groupedBars',
    rowKey: 'province',
    series: ['valid_locations', 'valid_holders'],
    columns: [province, count('valid_locations', 'region.count.validLocations'), count('valid_holders', 'region.count.validHolders')],
  }),
  offer: define('offer', {
    id: 'aanbod-per-provincie',
    chart: 'heatMap',
    rowKey: 'province',
    series: OFFER_COLUMNS,
    groups: Object.fromEntries([...ROUTES.map((r) => [r, 'Wi2021']), ...PROFILES.map((p) => [p, 'Wi2013'])]),
    columns: [province, ...ROUTES.map((r) => count(r, `route.${r}`)), ...PROFILES.map((p) => count(p, `profile.${p}`, `figures.short.${p}`))],
  }),
  /**
   * Distance per municipality to the nearest valid B1 and Z location, the farthest first
   * (by the Z-route, the one with fewer locations; then B1; unknown distances last).
   */
  coverage: define('coverage', {
    id: 'afstand-tot-aanbod',
    chart: 'rankedLines',
    rowKey: 'code',
    series: ['km_B1', 'km_Z'],
    columns: [
      { key: 'code', header: 'figures.column.code', kind: 'code' },
      { key: 'municipality', header: 'figures.column.municipality', kind: 'text' },
      { key: 'km_B1', header: 'figures.column.kmB1', kind: 'km' },
      { key: 'km_Z', header: 'figures.column.kmZ', kind: 'km' },
    ],
  }),
  /**
   * How the latest ratings spread over the locations a municipality may buy from, per province:
   * a location shows its holder's latest rating (the keurmerk assesses the organisation).
   */
  ratings: define('ratings', {
    id: 'oordelen-per-provincie',
    chart: 'heatMap',
    rowKey: 'province',
    series: RATING_COLUMNS,
    columns: [province, ...RATING_COLUMNS.map((key) => count(key, `figures.rating.${key}` as UIKey, `figures.ratingShort.${key}` as UIKey))],
  }),
  /**
   * The national median exam pass rate per measurement year (over the holders that published
   * one), with how many holders that is: a median over a handful of schools is thin. A year
   * without any published pass rate has no median ("unknown"), never 0.
   */
  passRate: define('passRate', {
    id: 'slagingspercentage-per-jaar',
    chart: 'timeLine',
    rowKey: 'year',
    series: ['median_pass_rate', 'holders'],
    columns: [
      year,
      { key: 'median_pass_rate', header: 'figures.column.medianPassRate', kind: 'percent' },
      count('holders', 'figures.column.holdersWithPassRate'),
    ],
  }),
} satisfies Record<FigureName, FigureDefinition>;

function coverageRows(register: Register): FigureRow[] {
  const rows = coverageOf(register).map((c) => ({ code: c.code, municipality: c.name, km_B1: roundKm(c.km.B1), km_Z: roundKm(c.km.Z) }));
  const desc = (a: number | undefined, b: number | undefined) => (a === b ? 0 : a === undefined ? 1 : b === undefined ? -1 : b - a);
  return rows.sort((a, b) => desc(a.km_Z, b.km_Z) || desc(a.km_B1, b.km_B1) || a.code.localeCompare(b.code));
}

function ratingRows(register: Register): FigureRow[] {
  return regionFigures(register).provinces.map((p) => {
    const spread = ratingSpread(
      register,
      register.locations.filter((l) => l.province === p.province && isBuyable(register, l)),
    );
    return { province: p.province, ...Object.fromEntries(RATINGS.map((r) => [r === 'aspirant' ? r : `stars_${r}`, spread[r]])), unrated: spread.unrated };
  });
}

/** Each figure's rows, from the register and its export date. */
const ROWS: Record<FigureName, (register: Register, exportDate: string) => FigureRow[]> = {
  status: (register, exportDate) => statusCountsByYear(register, exportDate).map((m) => ({ moment: m.moment, date: m.date, ...m.counts, total: m.total })),
  decisions: (register, exportDate) => decisionsByYear(register, exportDate).map((y) => ({ year: y.year, ...y.counts })),
  provinces: (register) =>
    regionFigures(register).provinces.map((p) => ({ province: p.province, valid_locations: p.counts.validLocations, valid_holders: p.counts.validHolders })),
  offer: (register) => regionFigures(register).provinces.map((p) => ({ province: p.province, ...p.counts.route, ...p.counts.profile })),
  coverage: coverageRows,
  ratings: ratingRows,
  passRate: (register) =>
    [...nationalMedians(register)].map(([year, medians]) => ({
      year,
      median_pass_rate: medians.exam_pass_rate?.median,
      holders: medians.exam_pass_rate?.holders ?? 0,
    })),
};

/** Every figure of a register, in page order; the quality figures only when the export has quality.csv. */
export function buildFigures(register: Register, exportDate: string): FigureTable[] {
  const names: FigureName[] = ['status', 'decisions', 'provinces', 'offer', 'coverage', ...(register.published.quality ? (['ratings', 'passRate'] as const) : [])];
  return names.map((name) => ({ ...FIGURES[name], rows: ROWS[name](register, exportDate) }));
}

/** The figures about quality, which the page shows under their own heading. */
export const QUALITY_FIGURE_IDS: readonly string[] = [FIGURES.ratings.id, FIGURES.passRate.id];

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
