/** Examples of the municipality table: the national overview with provinces, and a province's table with profiles and a total. */
const counts = (n: number) => ({
  locations: n + 1,
  validLocations: n,
  validHolders: Math.max(1, n - 1),
  route: { B1: n, Z: Math.floor(n / 2) },
  profile: { analfabeet: 0, laag: 1, middel: 0, hoog: 1 },
  suspendedHolders: 1,
  formerHolders: 0,
});

const rows = [
  { municipality: { code: 'GM0080', name: 'Leeuwarden', province: 'Fryslân' }, counts: counts(3) },
  { municipality: { code: 'GM0014', name: 'Groningen', province: 'Groningen' }, counts: counts(5) },
] as const;

export const examples = [
  {
    name: 'all-municipalities',
    props: { id: 'voorbeeld-gemeenten', caption: 'Gemeenten', rows, columns: ['validLocations', 'validHolders', 'B1', 'Z', 'notValidHolders'], showProvince: true },
  },
  {
    name: 'province',
    props: {
      id: 'voorbeeld-provincie',
      caption: 'Gemeenten in Fryslân',
      rows: rows.slice(0, 1),
      columns: ['validLocations', 'B1', 'Z', 'analfabeet', 'laag', 'middel', 'hoog'],
      total: counts(3),
    },
  },
] as const;
