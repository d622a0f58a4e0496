/** Examples of a location in a list: one with a Wi2021 offer and wheelchair access, one with nothing on offer. */

/** The made-up holder of the examples; the location table's and the quality section's examples start from it too. */
export const exampleHolder = {
  holder_id: 'KH9001',
  name: 'Voorbeeldschool Taalbrug',
  keurmerk_status: 'bepaalde_tijd',
  status_since: '2024-03-01',
  laws: ['wi2021'],
  locations: [],
  history: [],
  quality: [],
  visits: [],
} as const;

/** Where the made-up holder teaches: a location without its id and offer. */
export const exampleAddress = {
  holder_id: 'KH9001',
  street: 'Voorbeeldstraat',
  house_number: '12',
  postcode: '1234 AB',
  city: 'Voorbeeldstad',
  municipality_code: 'GM0363',
  municipality_name: 'Amsterdam',
  province: 'Noord-Holland',
} as const;

const holder = exampleHolder;
const base = { ...exampleAddress, profiles: [] } as const;

export const examples = [
  {
    name: 'with-offer',
    props: {
      holder,
      location: { ...base, location_id: 'V9001', wheelchair_accessible: true, routes: [{ location_id: 'V9001', route: 'B1', dayparts: ['avond'], modality: 'klassikaal' }] },
    },
  },
  { name: 'nothing-on-offer', props: { holder, location: { ...base, location_id: 'V9002', name: 'Dependance Noord', house_number_suffix: 'A', routes: [] } } },
] as const;
