/** Examples of the province list: two provinces, one of them with nothing to buy from. */
export const examples = [
  {
    name: 'two-provinces',
    props: { provinces: [{ province: 'Fryslân', validLocations: 12 }, { province: 'Zeeland', validLocations: 0 }] },
  },
] as const;
