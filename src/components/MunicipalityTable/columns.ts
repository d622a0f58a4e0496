import type { Profile, RegionCounts, Route } from '../../register/index.ts';
import type { UIKey } from '../../i18n/index.ts';

/** A count column of a region table; the key is also the cell's `data-count`, which the tests read. */
export type CountColumn = 'validLocations' | 'validHolders' | Route | Profile | 'notValidHolders';

/**
 * Label and value of each count column, so the table of all municipalities and a
 * province's table name and count a column the same way.
 */
export const COUNT_COLUMNS: Record<CountColumn, { label: UIKey; value: (c: RegionCounts) => number }> = {
  validLocations: { label: 'region.count.validLocations', value: (c) => c.validLocations },
  validHolders: { label: 'region.count.validHolders', value: (c) => c.validHolders },
  B1: { label: 'route.B1', value: (c) => c.route.B1 },
  Z: { label: 'route.Z', value: (c) => c.route.Z },
  analfabeet: { label: 'profile.analfabeet', value: (c) => c.profile.analfabeet },
  laag: { label: 'profile.laag', value: (c) => c.profile.laag },
  middel: { label: 'profile.middel', value: (c) => c.profile.middel },
  hoog: { label: 'profile.hoog', value: (c) => c.profile.hoog },
  notValidHolders: { label: 'region.count.notValidHolders', value: (c) => c.suspendedHolders + c.formerHolders },
};
