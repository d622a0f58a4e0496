/**
 * Examples of figures, one per kind of chart, with made-up numbers (including an unknown
 * value and a zero), rendered in the component gallery where axe checks them in every language.
 */
import type { FigureTable } from '../../site/figures.ts';

const status: FigureTable = {
  id: 'voorbeeld-status',
  title: 'figures.status.title',
  description: 'figures.status.description',
  chart: 'stackedColumns',
  rowKey: 'moment',
  series: ['valid', 'recovery', 'suspended', 'former'],
  columns: [
    { key: 'moment', header: 'figures.column.moment', kind: 'moment' },
    { key: 'valid', header: 'figures.family.valid', kind: 'count' },
    { key: 'recovery', header: 'figures.family.recovery', kind: 'count' },
    { key: 'suspended', header: 'figures.family.suspended', kind: 'count' },
    { key: 'former', header: 'figures.family.former', kind: 'count' },
  ],
  rows: [
    { moment: '2023', valid: 30, recovery: 2, suspended: 1, former: 0 },
    { moment: '2024', valid: 34, recovery: 1, suspended: 0, former: 2 },
    { moment: 'now', valid: 36, recovery: 3, suspended: 2, former: 4 },
  ],
};

const offer: FigureTable = {
  id: 'voorbeeld-aanbod',
  title: 'figures.offer.title',
  description: 'figures.offer.description',
  chart: 'heatMap',
  rowKey: 'province',
  series: ['B1', 'Z', 'analfabeet'],
  groups: { B1: 'Wi2021', Z: 'Wi2021', analfabeet: 'Wi2013' },
  columns: [
    { key: 'province', header: 'figures.column.province', kind: 'text' },
    { key: 'B1', header: 'route.B1', kind: 'count' },
    { key: 'Z', header: 'route.Z', kind: 'count' },
    { key: 'analfabeet', header: 'profile.analfabeet', short: 'figures.short.analfabeet', kind: 'count' },
  ],
  rows: [
    { province: 'Fryslân', B1: 4, Z: 0, analfabeet: 1 },
    { province: 'Noord-Brabant', B1: 12, Z: 7, analfabeet: 3 },
  ],
};

const coverage: FigureTable = {
  id: 'voorbeeld-afstand',
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
  rows: [
    { code: 'GM0080', municipality: 'Leeuwarden', km_B1: 0.4, km_Z: 18.2 },
    { code: 'GM0363', municipality: 'Amsterdam', km_B1: 0, km_Z: 1.3 },
    { code: 'GM9999', municipality: '‘s-Hertogenbosch', km_B1: undefined, km_Z: undefined },
  ],
};

export const examples = [
  { name: 'stacked-columns', props: { figure: status, csvHref: '' } },
  { name: 'heat-map', props: { figure: offer, csvHref: '' } },
  { name: 'ranked-lines', props: { figure: coverage, csvHref: '' } },
] as const;
