/** Examples of region figures: a municipality with some of everything, and one with nothing buyable. */
const counts = {
  locations: 9,
  validLocations: 7,
  validHolders: 5,
  route: { B1: 4, Z: 3 },
  profile: { analfabeet: 1, laag: 2, middel: 0, hoog: 1 },
  suspendedHolders: 1,
  formerHolders: 1,
};

export const examples = [
  { name: 'mixed', props: { counts } },
  {
    name: 'nothing-buyable',
    props: { counts: { ...counts, validLocations: 0, validHolders: 0, route: { B1: 0, Z: 0 }, profile: { analfabeet: 0, laag: 0, middel: 0, hoog: 0 } } },
  },
] as const;
