/** Examples of the change list: one of every kind, as a publication compared with the previous one shows them. */
export const examples = [
  {
    name: 'every-kind',
    props: {
      changes: [
        { date: '2025-06-02', change: 'holder_added', holder_id: 'KH9', holder_name: 'Taalhuis Nieuw', status: 'bepaalde_tijd' },
        { date: '2025-06-02', change: 'location_opened', holder_id: 'KH1', holder_name: 'Taalschool Noord', location_id: 'V7', location_name: 'Taalschool Noord Assen', city: 'Assen', municipality_code: 'GM0106' },
        { date: '2025-06-02', change: 'location_closed', holder_id: 'KH1', holder_name: 'Taalschool Noord', location_id: 'V3', location_name: 'Taalschool Noord Emmen', city: 'Emmen', municipality_code: 'GM0114' },
        { date: '2025-05-20', change: 'suspended', holder_id: 'KH2', holder_name: 'Inburgering Zuid B.V.', status: 'geschorst', previous_status: 'onbepaalde_tijd', note: 'Geschorst na een controle.' },
        { date: '2025-05-01', change: 'reinstated', holder_id: 'KH3', holder_name: 'Taal & Co "De Brug"', status: 'herstelperiode', previous_status: 'geschorst' },
        { date: '2025-04-15', change: 'withdrawn', holder_id: 'KH4', holder_name: 'Lesbureau West', status: 'ingetrokken', previous_status: 'geschorst' },
        { date: '2025-03-01', change: 'ended', holder_id: 'KH5', holder_name: 'Cursus Oost', status: 'beeindigd', previous_status: 'bepaalde_tijd' },
        { date: '2025-02-01', change: 'status_changed', holder_id: 'KH6', holder_name: 'Taalpunt', status: 'onbepaalde_tijd', previous_status: 'bepaalde_tijd' },
        { date: '2025-01-10', change: 'granted', holder_id: 'KH7', holder_name: 'Nieuwe Taalschool', status: 'bepaalde_tijd' },
      ],
    },
  },
] as const;
