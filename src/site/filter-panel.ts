/**
 * What the filter panel shows besides its labels, read from the register once per build: the
 * counts of the default view (valid keurmerk, nothing chosen), the municipalities grouped by
 * province, and the last day that "starts soon" covers. The search page and the map page
 * hand it to the `FilterPanel` component, so the component itself never looks the register up.
 */
import { soonUntil } from '../register/courses.ts';
import { DEFAULT_STATUS_SELECTION, facetCounts, type FilterKey } from '../register/facets.ts';
import { municipalities, type Municipality, type Register } from '../register/model.ts';
import { PROVINCES, type Province } from '../register/vocabulary.ts';
import { getExportDate, getRegister } from './register.ts';

export interface FilterPanelData {
  /** Locations per filter value in the default view; the script replaces them with the counts of what is shown. */
  counts: Record<FilterKey, Record<string, number>>;
  /** The municipalities with locations, by province in province order. */
  byProvince: { province: Province; list: Municipality[] }[];
  /** The last day "starts soon" covers, counted from the export date. */
  soonUntil: string;
}

/** The panel's data for a register and export date. */
export function filterPanelData(register: Register, exportDate: string): FilterPanelData {
  return {
    counts: facetCounts(register, { status: DEFAULT_STATUS_SELECTION }, exportDate),
    byProvince: PROVINCES.map((province) => ({ province, list: municipalities(register).filter((m) => m.province === province) })).filter((g) => g.list.length > 0),
    soonUntil: soonUntil(exportDate),
  };
}

let built: FilterPanelData | undefined;

/** This build's panel data: the same for every page and language, so made once. */
export function buildFilterPanelData(): FilterPanelData {
  built ??= filterPanelData(getRegister(), getExportDate());
  return built;
}
