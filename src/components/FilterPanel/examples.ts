/**
 * Examples of the filter panel: everything, as on the search page, and a smaller set without
 * the place field, as a page with its own place search might use it. Distinct id prefixes,
 * because the gallery shows both on one page.
 */
import { buildFilterPanelData } from '../../site/filter-panel.ts';

const data = buildFilterPanelData();

export const examples = [
  { name: 'all', props: { data, idPrefix: 'voorbeeld-alles' } },
  { name: 'routes-and-regions', props: { data, idPrefix: 'voorbeeld-regio', keys: ['route', 'profile', 'status', 'province'], place: false } },
] as const;
