/**
 * `/data/cijfers/houders-per-jaar.csv`, …: the numbers of each chart on the figures page,
 * exactly as plotted, for readers who want to redraw or check them.
 */
import type { APIRoute } from 'astro';
import { figureCsv, getFigures, type FigureTable } from '../../../site/figures.ts';

export function getStaticPaths() {
  return getFigures().map((figure) => ({ params: { id: figure.id }, props: { figure } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(figureCsv((props as { figure: FigureTable }).figure), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
