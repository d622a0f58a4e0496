/** Examples of the offer list: a Wi2021 location, a Wi2013 location, and one with nothing on offer. */
export const examples = [
  {
    name: 'wi2021',
    props: {
      location: {
        routes: [
          { location_id: 'V1', route: 'Z', dayparts: ['ochtend', 'middag'], modality: 'klassikaal' },
          { location_id: 'V1', route: 'B1', dayparts: ['avond'], modality: 'blended' },
        ],
        profiles: [],
      },
      explain: true,
    },
  },
  {
    name: 'wi2013',
    props: {
      location: { routes: [], profiles: [{ location_id: 'V2', profile: 'analfabeet' }, { location_id: 'V2', profile: 'hoog', modality: 'afstand' }] },
    },
  },
  { name: 'empty', props: { location: { routes: [], profiles: [] } } },
] as const;
