/**
 * Examples of figures, one per kind of chart: the real figures' definitions with made-up
 * numbers (including an unknown value and a zero), rendered in the component gallery where
 * axe checks them in every language.
 */
import { FIGURES, type FigureDefinition, type FigureRow, type FigureTable } from '../../site/figures.ts';

const example = (figure: FigureDefinition, id: string, rows: FigureRow[]): FigureTable => ({ ...figure, id, rows });

const status = example(FIGURES.status, 'voorbeeld-status', [
  { moment: '2023', date: '2023-12-31', valid: 30, recovery: 2, suspended: 1, former: 0, total: 33 },
  { moment: '2024', date: '2024-12-31', valid: 34, recovery: 1, suspended: 0, former: 2, total: 37 },
  { moment: 'now', date: '2025-06-30', valid: 36, recovery: 3, suspended: 2, former: 4, total: 45 },
]);

const offer = example(FIGURES.offer, 'voorbeeld-aanbod', [
  { province: 'Fryslân', B1: 4, Z: 0, analfabeet: 1, laag: 2, middel: 2, hoog: 1 },
  { province: 'Noord-Brabant', B1: 12, Z: 7, analfabeet: 3, laag: 5, middel: 4, hoog: 6 },
]);

const coverage = example(FIGURES.coverage, 'voorbeeld-afstand', [
  { code: 'GM0080', municipality: 'Leeuwarden', km_B1: 0.4, km_Z: 18.2 },
  { code: 'GM0363', municipality: 'Amsterdam', km_B1: 0, km_Z: 1.3 },
  { code: 'GM9999', municipality: '‘s-Hertogenbosch', km_B1: undefined, km_Z: undefined },
]);

export const examples = [
  { name: 'stacked-columns', props: { figure: status, csvHref: '' } },
  { name: 'heat-map', props: { figure: offer, csvHref: '' } },
  { name: 'ranked-lines', props: { figure: coverage, csvHref: '' } },
] as const;
