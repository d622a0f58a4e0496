/**
 * The figures page's charts, laid out at build time with d3-scale and d3-shape.
 *
 * Why these and not Observable Plot: Plot renders into a DOM (it would need jsdom in the
 * build) and writes inline `style` attributes and a `<style>` element into every SVG, which
 * the site's Content-Security-Policy forbids. d3-scale and d3-shape are pure functions
 * from numbers to coordinates and path strings, so a chart here is plain data (`ChartModel`)
 * that `FigureChart.astro` writes out as SVG elements with classes: colours come from the
 * design tokens, forced-colours and print rules apply, and Astro escapes every text.
 *
 * Right-to-left pages get mirrored charts: every x range is reversed, and text anchors stay
 * logical ("end" is the left end of a line of Arabic), so labels land on the mirrored side.
 */
import { scaleBand, scaleLinear, scaleQuantize } from 'd3-scale';
import { line, stack } from 'd3-shape';

/** A number as the plotted figure carries it: which row and series, and the value itself. */
export interface MarkData {
  row: string;
  series: string;
  value: number;
}

export type Mark =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; className: string; data?: MarkData }
  | { kind: 'circle'; cx: number; cy: number; r: number; className: string; data?: MarkData }
  | { kind: 'path'; d: string; className: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; className: string }
  | { kind: 'text'; x: number; y: number; text: string; className: string; anchor: 'start' | 'middle' | 'end'; data?: MarkData };

/** A chart ready to be written as SVG: its size (the viewBox) and its marks, back to front. */
export interface ChartModel {
  width: number;
  height: number;
  marks: Mark[];
}

/** What every chart needs from the page: the direction and the language's number format. */
export interface ChartContext {
  dir: 'ltr' | 'rtl';
  /** A count or distance written as the page writes numbers (digits and separators of the language). */
  format: (n: number) => string;
}

/** One category of a chart (a year, a province, a municipality) with its values per series. */
export interface ChartRow {
  key: string;
  label: string;
  values: Record<string, number | undefined>;
}

/** The width of every chart's viewBox: narrow enough that text stays legible on a phone. */
export const CHART_WIDTH = 480;
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * An x range from inline-start to inline-end, given the margins at either side: left to
 * right on most pages, right to left (mirrored) on right-to-left ones.
 */
function inlineRange(ctx: ChartContext, startMargin: number, endMargin: number): [number, number] {
  return ctx.dir === 'rtl' ? [CHART_WIDTH - startMargin, endMargin] : [startMargin, CHART_WIDTH - endMargin];
}

/** Which way "further along the inline axis" goes in x: +1 left to right, -1 right to left. */
const inlineSign = (ctx: ChartContext) => (ctx.dir === 'rtl' ? -1 : 1);

/** Horizontal gridlines and their value labels at the inline-start side. */
function valueAxis(ctx: ChartContext, y: (n: number) => number, ticks: number[], x0: number, x1: number): Mark[] {
  const marks: Mark[] = [];
  const labelX = x0 - 6 * inlineSign(ctx);
  for (const tick of ticks) {
    marks.push({ kind: 'line', x1: round(x0), y1: round(y(tick)), x2: round(x1), y2: round(y(tick)), className: tick === 0 ? 'kr-chart__baseline' : 'kr-chart__grid' });
    marks.push({ kind: 'text', x: round(labelX), y: round(y(tick) + 4), text: ctx.format(tick), className: 'kr-chart__tick', anchor: 'end' });
  }
  return marks;
}

/**
 * Vertical bars, one per row, stacked from the series in order (d3-shape's `stack`), with
 * the row's total above each bar: "holders by status at the end of every year".
 */
export function stackedColumns(ctx: ChartContext, rows: readonly ChartRow[], series: readonly string[], options: { totalSeries: string }): ChartModel {
  const height = 280;
  const top = 22;
  const bottom = 34;
  const [x0, x1] = inlineRange(ctx, 44, 8);
  const x = scaleBand<string>().domain(rows.map((r) => r.key)).range([x0, x1]).paddingInner(0.25).paddingOuter(0.1);
  const totals = rows.map((r) => series.reduce((n, s) => n + (r.values[s] ?? 0), 0));
  const y = scaleLinear().domain([0, Math.max(1, ...totals)]).nice().range([height - bottom, top]);
  const marks: Mark[] = valueAxis(ctx, y, y.ticks(5), x0, x1);
  const layers = stack<ChartRow, string>()
    .keys(series)
    .value((row, key) => row.values[key] ?? 0)(rows);
  for (const layer of layers) {
    for (const [i, point] of layer.entries()) {
      const row = rows[i]!;
      const value = row.values[layer.key] ?? 0;
      if (value === 0) continue;
      marks.push({
        kind: 'rect',
        x: round(x(row.key)!),
        y: round(y(point[1])),
        width: round(x.bandwidth()),
        height: round(y(point[0]) - y(point[1])),
        className: `kr-chart__mark kr-chart__mark--${layer.key}`,
        data: { row: row.key, series: layer.key, value },
      });
    }
  }
  const labelEvery = Math.max(1, Math.ceil(34 / x.step()));
  for (const [i, row] of rows.entries()) {
    const centre = round(x(row.key)! + x.bandwidth() / 2);
    marks.push({
      kind: 'text',
      x: centre,
      y: round(y(totals[i]!) - 5),
      text: ctx.format(totals[i]!),
      className: 'kr-chart__value',
      anchor: 'middle',
      data: { row: row.key, series: options.totalSeries, value: totals[i]! },
    });
    // Every year named while they fit (about 34 units each); else every other one or fewer,
    // counted from the last, so "now" is always named. The table names every one.
    if ((rows.length - 1 - i) % labelEvery === 0) {
      marks.push({ kind: 'text', x: centre, y: height - bottom + 16, text: row.label, className: 'kr-chart__category', anchor: 'middle' });
    }
  }
  return { width: CHART_WIDTH, height, marks };
}

/**
 * Horizontal bars, a group per row (d3's nested bands), each bar labelled with its value:
 * "valid locations and holders per province".
 */
export function groupedBars(ctx: ChartContext, rows: readonly ChartRow[], series: readonly string[]): ChartModel {
  const barHeight = 11;
  const groupGap = 10;
  const top = 6;
  const height = top + rows.length * (series.length * barHeight + groupGap) + 20;
  const [x0, x1] = inlineRange(ctx, 112, 40);
  const max = Math.max(1, ...rows.flatMap((r) => series.map((s) => r.values[s] ?? 0)));
  const x = scaleLinear().domain([0, max]).nice().range([x0, x1]);
  const y = scaleBand<string>().domain(rows.map((r) => r.key)).range([top, height - 20]).paddingInner(groupGap / (series.length * barHeight + groupGap));
  const inner = scaleBand<string>().domain(series).range([0, y.bandwidth()]);
  const marks: Mark[] = [];
  for (const tick of x.ticks(4)) {
    marks.push({ kind: 'line', x1: round(x(tick)), y1: top, x2: round(x(tick)), y2: height - 20, className: tick === 0 ? 'kr-chart__baseline' : 'kr-chart__grid' });
    marks.push({ kind: 'text', x: round(x(tick)), y: height - 6, text: ctx.format(tick), className: 'kr-chart__tick', anchor: 'middle' });
  }
  const sign = inlineSign(ctx);
  for (const row of rows) {
    const groupTop = y(row.key)!;
    marks.push({ kind: 'text', x: round(x(0) - 8 * sign), y: round(groupTop + y.bandwidth() / 2 + 4), text: row.label, className: 'kr-chart__category', anchor: 'end' });
    for (const s of series) {
      const value = row.values[s] ?? 0;
      const barTop = groupTop + inner(s)!;
      marks.push({
        kind: 'rect',
        x: round(Math.min(x(0), x(value))),
        y: round(barTop + 1),
        width: round(Math.abs(x(value) - x(0))),
        height: round(inner.bandwidth() - 2),
        className: `kr-chart__mark kr-chart__mark--${s}`,
        data: { row: row.key, series: s, value },
      });
      marks.push({ kind: 'text', x: round(x(value) + 4 * sign), y: round(barTop + inner.bandwidth() / 2 + 3.5), text: ctx.format(value), className: 'kr-chart__value', anchor: 'start' });
    }
  }
  return { width: CHART_WIDTH, height, marks };
}

/** How many shades a heat map uses for values above zero; zero has its own (empty) look. */
export const HEAT_LEVELS = 4;

/**
 * A table of cells shaded by value (d3's quantize scale into `HEAT_LEVELS` classes), the
 * value written in each cell: "what is offered per province, by route and profile", twelve
 * provinces by six offers, read row by row like the table it stands for.
 */
export function heatMap(ctx: ChartContext, rows: readonly ChartRow[], columns: readonly { key: string; label: string; group?: string }[]): ChartModel {
  const rowHeight = 22;
  const top = 40;
  const height = top + rows.length * rowHeight + 4;
  const [x0, x1] = inlineRange(ctx, 100, 4);
  const x = scaleBand<string>().domain(columns.map((c) => c.key)).range([x0, x1]).paddingInner(0.06);
  const y = scaleBand<string>().domain(rows.map((r) => r.key)).range([top, height - 4]).paddingInner(0.1);
  const max = Math.max(1, ...rows.flatMap((r) => columns.map((c) => r.values[c.key] ?? 0)));
  const level = scaleQuantize<number>().domain([0, max]).range(Array.from({ length: HEAT_LEVELS }, (_, i) => i + 1));
  const marks: Mark[] = [];
  const groups = new Map<string, string[]>();
  for (const c of columns) if (c.group) groups.set(c.group, [...(groups.get(c.group) ?? []), c.key]);
  for (const [group, keys] of groups) {
    const edges = keys.flatMap((k) => [x(k)!, x(k)! + x.bandwidth()]);
    const [from, to] = [Math.min(...edges), Math.max(...edges)];
    marks.push({ kind: 'text', x: round((from + to) / 2), y: 12, text: group, className: 'kr-chart__group', anchor: 'middle' });
    marks.push({ kind: 'line', x1: round(from), y1: 17, x2: round(to), y2: 17, className: 'kr-chart__grid' });
  }
  for (const c of columns) marks.push({ kind: 'text', x: round(x(c.key)! + x.bandwidth() / 2), y: top - 8, text: c.label, className: 'kr-chart__category', anchor: 'middle' });
  const sign = inlineSign(ctx);
  for (const row of rows) {
    const rowTop = y(row.key)!;
    marks.push({ kind: 'text', x: round(x0 - 8 * sign), y: round(rowTop + y.bandwidth() / 2 + 4), text: row.label, className: 'kr-chart__category', anchor: 'end' });
    for (const c of columns) {
      const value = row.values[c.key] ?? 0;
      const shade = value === 0 ? 0 : level(value);
      marks.push({ kind: 'rect', x: round(x(c.key)!), y: round(rowTop), width: round(x.bandwidth()), height: round(y.bandwidth()), className: `kr-chart__cell kr-chart__cell--${shade}` });
      marks.push({
        kind: 'text',
        x: round(x(c.key)! + x.bandwidth() / 2),
        y: round(rowTop + y.bandwidth() / 2 + 4),
        text: ctx.format(value),
        className: `kr-chart__cell-value kr-chart__cell-value--${shade}`,
        anchor: 'middle',
        data: { row: row.key, series: c.key, value },
      });
    }
  }
  return { width: CHART_WIDTH, height, marks };
}

/**
 * Small multiples: one little column chart per series (a kind of decision), all on the same
 * scale, years along each: six lines in one chart would tangle, six panels compare at a glance.
 */
export function smallMultiples(ctx: ChartContext, rows: readonly ChartRow[], series: readonly { key: string; label: string }[]): ChartModel {
  const columns = 2;
  const panelHeight = 112;
  const gap = 18;
  const panelWidth = (CHART_WIDTH - gap) / columns;
  const height = Math.ceil(series.length / columns) * (panelHeight + gap);
  const max = Math.max(1, ...rows.flatMap((r) => series.map((s) => r.values[s.key] ?? 0)));
  const marks: Mark[] = [];
  for (const [i, s] of series.entries()) {
    const column = ctx.dir === 'rtl' ? columns - 1 - (i % columns) : i % columns;
    const left = column * (panelWidth + gap);
    const top = Math.floor(i / columns) * (panelHeight + gap);
    const range: [number, number] = ctx.dir === 'rtl' ? [left + panelWidth - 24, left + 2] : [left + 24, left + panelWidth - 2];
    const x = scaleBand<string>().domain(rows.map((r) => r.key)).range(range).paddingInner(0.2);
    const y = scaleLinear().domain([0, max]).nice().range([top + panelHeight - 18, top + 34]);
    const titleX = ctx.dir === 'rtl' ? left + panelWidth : left;
    marks.push({ kind: 'text', x: round(titleX), y: top + 14, text: s.label, className: 'kr-chart__panel-title', anchor: 'start' });
    marks.push(...valueAxis(ctx, y, y.ticks(2), range[0], range[1]));
    for (const row of rows) {
      const value = row.values[s.key] ?? 0;
      const barX = round(x(row.key)!);
      marks.push({
        kind: 'rect',
        x: barX,
        y: round(y(value)),
        width: round(x.bandwidth()),
        height: round(y(0) - y(value)),
        className: `kr-chart__mark kr-chart__mark--${s.key}`,
        data: { row: row.key, series: s.key, value },
      });
      if (value > 0) marks.push({ kind: 'text', x: round(barX + x.bandwidth() / 2), y: round(y(value) - 3), text: ctx.format(value), className: 'kr-chart__value kr-chart__value--small', anchor: 'middle' });
    }
    // The first and last year name the axis; the table beside names every one.
    for (const row of [rows[0], rows.at(-1)].filter((r): r is ChartRow => r !== undefined)) {
      marks.push({ kind: 'text', x: round(x(row.key)! + x.bandwidth() / 2), y: top + panelHeight - 4, text: row.label, className: 'kr-chart__category', anchor: 'middle' });
    }
  }
  return { width: CHART_WIDTH, height, marks };
}

/**
 * Each series sorted from largest to smallest and drawn as a line of points (d3-shape's
 * `line`), rank along the inline axis: "how far to the nearest B1- and Z-route", where the
 * head of each line answers "where do people travel furthest". Rows without a value for a
 * series (unknown) are left out of that series, never drawn as zero.
 */
export function rankedLines(ctx: ChartContext, rows: readonly ChartRow[], series: readonly string[]): ChartModel {
  const height = 260;
  const top = 14;
  const bottom = 30;
  const [x0, x1] = inlineRange(ctx, 44, 12);
  const n = Math.max(2, rows.length);
  const x = scaleLinear().domain([0, n - 1]).range([x0, x1]);
  const max = Math.max(1, ...rows.flatMap((r) => series.map((s) => r.values[s] ?? 0)));
  const y = scaleLinear().domain([0, max]).nice().range([height - bottom, top]);
  const marks: Mark[] = valueAxis(ctx, y, y.ticks(5), x0, x1);
  for (const rank of [1, Math.ceil(n / 2), n]) {
    marks.push({ kind: 'text', x: round(x(rank - 1)), y: height - bottom + 16, text: ctx.format(rank), className: 'kr-chart__tick', anchor: 'middle' });
  }
  const path = line<[number, number]>()
    .x(([rank]) => round(x(rank)))
    .y(([, km]) => round(y(km)));
  for (const s of series) {
    const sorted = rows
      .filter((r) => r.values[s] !== undefined)
      .sort((a, b) => b.values[s]! - a.values[s]! || a.key.localeCompare(b.key));
    marks.push({ kind: 'path', d: path(sorted.map((r, rank) => [rank, r.values[s]!])) ?? '', className: `kr-chart__line kr-chart__line--${s}` });
    for (const [rank, row] of sorted.entries()) {
      const data = { row: row.key, series: s, value: row.values[s]! };
      const [cx, cy] = [round(x(rank)), round(y(row.values[s]!))];
      // Two shapes, not only two colours: circles for the first series, squares for the second.
      if (s === series[0]) marks.push({ kind: 'circle', cx, cy, r: 2.6, className: `kr-chart__point kr-chart__point--${s}`, data });
      else marks.push({ kind: 'rect', x: round(cx - 2.4), y: round(cy - 2.4), width: 4.8, height: 4.8, className: `kr-chart__point kr-chart__point--${s}`, data });
    }
  }
  return { width: CHART_WIDTH, height, marks };
}

/**
 * A line over time (d3-shape's `line`), a point and its value at every row that has one;
 * a row without a value breaks the line instead of dropping to zero.
 */
export function timeLine(ctx: ChartContext, rows: readonly ChartRow[], seriesKey: string, options: { max?: number; countKey?: string } = {}): ChartModel {
  const height = options.countKey ? 236 : 220;
  const top = 20;
  const bottom = options.countKey ? 46 : 30;
  const [x0, x1] = inlineRange(ctx, 44, 20);
  const x = scaleBand<string>().domain(rows.map((r) => r.key)).range([x0, x1]).padding(0.5);
  const values = rows.map((r) => r.values[seriesKey]).filter((v): v is number => v !== undefined);
  const y = scaleLinear().domain([0, options.max ?? Math.max(1, ...values)]).nice().range([height - bottom, top]);
  const marks: Mark[] = valueAxis(ctx, y, y.ticks(5), x0, x1);
  const centre = (row: ChartRow) => round(x(row.key)! + x.bandwidth() / 2);
  const path = line<ChartRow>()
    .defined((r) => r.values[seriesKey] !== undefined)
    .x(centre)
    .y((r) => round(y(r.values[seriesKey]!)));
  marks.push({ kind: 'path', d: path([...rows]) ?? '', className: `kr-chart__line kr-chart__line--${seriesKey}` });
  for (const row of rows) {
    marks.push({ kind: 'text', x: centre(row), y: height - bottom + 16, text: row.label, className: 'kr-chart__category', anchor: 'middle' });
    // How many the value is taken over, under the year (the description says so).
    const count = options.countKey === undefined ? undefined : row.values[options.countKey];
    if (count !== undefined) {
      marks.push({ kind: 'text', x: centre(row), y: height - bottom + 30, text: ctx.format(count), className: 'kr-chart__tick', anchor: 'middle', data: { row: row.key, series: options.countKey!, value: count } });
    }
    const value = row.values[seriesKey];
    if (value === undefined) continue;
    const data = { row: row.key, series: seriesKey, value };
    marks.push({ kind: 'circle', cx: centre(row), cy: round(y(value)), r: 3.5, className: `kr-chart__point kr-chart__point--${seriesKey}`, data });
    marks.push({ kind: 'text', x: centre(row), y: round(y(value) - 8), text: ctx.format(value), className: 'kr-chart__value', anchor: 'middle' });
  }
  return { width: CHART_WIDTH, height, marks };
}
