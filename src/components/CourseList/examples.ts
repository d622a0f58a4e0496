/** Examples of the course list: upcoming and running courses, none upcoming, and a register without a planning. */
const exportDate = '2026-11-06';
export const examples = [
  {
    name: 'upcoming-and-running',
    props: {
      exportDate,
      published: true,
      upcoming: [
        { location_id: 'V1', offer: 'B1', start_date: '2026-11-23', end_date: '2027-06-25', hours_per_week: 7.5, dayparts: ['avond', 'ochtend'], modality: 'klassikaal', max_group_size: 14, places_left: 0, price_eur: 5950.5 },
        { location_id: 'V1', offer: 'analfabeet', start_date: '2027-01-11', max_group_size: 10, places_left: 4 },
      ],
      running: [{ location_id: 'V1', offer: 'Z', start_date: '2026-09-01', end_date: '2027-03-26', hours_per_week: 12, modality: 'blended', price_eur: 0 }],
      calendar: '/nl/agenda/vestiging/V1.ics',
    },
  },
  { name: 'none-upcoming', props: { exportDate, published: true, upcoming: [], running: [] } },
  { name: 'not-published', props: { exportDate, published: false, upcoming: [], running: [] } },
] as const;
