/**
 * From a figure's table to its chart: picks the rows and series the figure names and hands
 * them to the chart it is drawn with, so the page never lays out a figure by hand.
 */
import type { FigureRow, FigureTable } from '../../site/figures.ts';
import { groupedBars, heatMap, rankedLines, smallMultiples, stackedColumns, timeLine, type ChartContext, type ChartModel, type ChartRow } from './charts.ts';

/** What drawing needs from the page besides direction and numbers: the words for rows and series. */
export interface DrawContext extends ChartContext {
  rowLabel: (row: FigureRow) => string;
  /** The series' full name (the column header). */
  seriesLabel: (key: string) => string;
  /** The series' short name where the chart has little room (the column's `short`, else its header). */
  shortLabel: (key: string) => string;
}

export function drawFigure(figure: FigureTable, ctx: DrawContext): ChartModel {
  const rows: ChartRow[] = figure.rows.map((row) => ({
    key: String(row[figure.rowKey]),
    label: ctx.rowLabel(row),
    values: Object.fromEntries(figure.series.map((s) => [s, typeof row[s] === 'number' ? (row[s] as number) : undefined])),
  }));
  switch (figure.chart) {
    case 'stackedColumns':
      return stackedColumns(ctx, rows, figure.series, { totalSeries: 'total' });
    case 'groupedBars':
      return groupedBars(ctx, rows, figure.series);
    case 'heatMap':
      return heatMap(
        ctx,
        rows,
        figure.series.map((key) => ({ key, label: ctx.shortLabel(key), ...(figure.groups?.[key] ? { group: figure.groups[key] } : {}) })),
      );
    case 'smallMultiples':
      return smallMultiples(ctx, rows, figure.series.map((key) => ({ key, label: ctx.seriesLabel(key) })));
    case 'rankedLines':
      return rankedLines(ctx, rows, figure.series);
    case 'timeLine':
      // A percentage: the axis runs to 100. A second series is the count each point is taken over.
      return timeLine(ctx, rows, figure.series[0]!, {
        ...(figure.columns.find((c) => c.key === figure.series[0])?.kind === 'percent' ? { max: 100 } : {}),
        ...(figure.series[1] ? { countKey: figure.series[1] } : {}),
      });
  }
}
