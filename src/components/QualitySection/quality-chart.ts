/**
 * The holder page's small chart: pass rate and satisfaction per measurement year, this school
 * as a solid line with its values, the national median as a dotted line. Laid out at build time
 * with d3-scale and d3-shape (as the figures page's charts, see FigureChart/charts.ts), so the
 * page carries plain SVG and no script. Two panels, each on its own honest scale (0 to 100%,
 * 1 to 10): one chart with two y axes would invite comparing a percentage with a mark.
 * A year without a figure breaks the line; it is never drawn as 0.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { ChartContext, ChartModel, Mark } from '../FigureChart/charts.ts';

/** One year of the chart: this school's figure and the national median, either may be unknown. */
export interface QualityPoint {
  year: number;
  label: string;
  school: number | undefined;
  national: number | undefined;
}

/** One panel: a figure over the years, on a fixed scale. */
export interface QualityPanel {
  key: 'passRate' | 'satisfaction';
  title: string;
  domain: [number, number];
  points: QualityPoint[];
}

const WIDTH = 480;
const PANEL_HEIGHT = 132;
const round = (n: number) => Math.round(n * 10) / 10;

/** The chart of some panels stacked, years along the inline axis (mirrored on right-to-left pages). */
export function qualityChart(ctx: ChartContext, panels: readonly QualityPanel[]): ChartModel {
  const marks: Mark[] = [];
  const [start, end] = [40, 14];
  const range: [number, number] = ctx.dir === 'rtl' ? [WIDTH - start, end] : [start, WIDTH - end];
  const sign = ctx.dir === 'rtl' ? -1 : 1;
  panels.forEach((panel, i) => {
    const top = i * PANEL_HEIGHT;
    const x = scaleBand<number>().domain(panel.points.map((p) => p.year)).range(range).padding(0.4);
    const y = scaleLinear().domain(panel.domain).range([top + PANEL_HEIGHT - 26, top + 26]);
    const cx = (p: QualityPoint) => round(x(p.year)! + x.bandwidth() / 2);
    marks.push({ kind: 'text', x: range[0] - 30 * sign, y: top + 12, text: panel.title, className: 'kr-quality-chart__title', anchor: 'start' });
    for (const tick of panel.domain) {
      marks.push({ kind: 'line', x1: range[0], y1: round(y(tick)), x2: range[1], y2: round(y(tick)), className: 'kr-quality-chart__grid' });
      marks.push({ kind: 'text', x: range[0] - 5 * sign, y: round(y(tick) + 4), text: ctx.format(tick), className: 'kr-quality-chart__tick', anchor: 'end' });
    }
    for (const series of ['national', 'school'] as const) {
      const path = line<QualityPoint>()
        .defined((p) => p[series] !== undefined)
        .x(cx)
        .y((p) => round(y(p[series]!)));
      marks.push({ kind: 'path', d: path(panel.points) ?? '', className: `kr-quality-chart__line kr-quality-chart__line--${series}` });
    }
    for (const p of panel.points) {
      marks.push({ kind: 'text', x: cx(p), y: top + PANEL_HEIGHT - 8, text: p.label, className: 'kr-quality-chart__tick', anchor: 'middle' });
      if (p.school === undefined) continue;
      const data = { row: String(p.year), series: panel.key, value: p.school };
      marks.push({ kind: 'circle', cx: cx(p), cy: round(y(p.school)), r: 3.5, className: 'kr-quality-chart__point', data });
      marks.push({ kind: 'text', x: cx(p), y: round(y(p.school) - 8), text: ctx.format(p.school), className: 'kr-quality-chart__value', anchor: 'middle' });
    }
  });
  return { width: WIDTH, height: panels.length * PANEL_HEIGHT, marks };
}
