/**
 * Examples of the location table: a route group on a municipality page, the nearby list
 * with municipality and distance, and a suspended holder with the date of its status.
 */
import { exampleAddress, exampleHolder } from '../LocationSummary/examples.ts';

const holder = {
  ...exampleHolder,
  keurmerk_status: 'onbepaalde_tijd',
  status_since: '2023-06-01',
  // Rated three stars; the suspended example below has no rating published.
  quality: [
    {
      holder_id: 'KH9001', measurement_year: 2025, rating: '3', norm_organisation: 'behaald', norm_results: 'behaald',
      norm_satisfaction: 'geen_oordeel', exam_candidates: 40, exam_pass_rate: 72.5, satisfaction_respondents: 6,
    },
  ],
} as const;

const location = {
  ...exampleAddress,
  location_id: 'V9001',
  routes: [
    { location_id: 'V9001', route: 'B1', dayparts: ['avond'], modality: 'klassikaal' },
    { location_id: 'V9001', route: 'Z', dayparts: ['ochtend', 'middag'] },
  ],
  profiles: [],
} as const;

export const examples = [
  { name: 'route-group', props: { caption: 'B1-route', rows: [{ location, holder, offer: { routes: [location.routes[0]], profiles: [] } }] } },
  { name: 'nearby', props: { showMunicipality: true, rows: [{ location, holder, distanceKm: 4.26 }] } },
  {
    name: 'suspended',
    props: { showSince: true, rows: [{ location: { ...location, location_id: 'V9002', name: 'Dependance Oost' }, holder: { ...holder, keurmerk_status: 'geschorst', status_since: '2025-06-01', quality: [] } }] },
  },
] as const;
