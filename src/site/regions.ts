/**
 * The region figures the pages need, computed once per register and shared by every page
 * in every language: a build has hundreds of region pages, and each would otherwise count
 * the whole register again.
 */
import {
  countLocations,
  nearestOutside,
  type NearbyLocation,
  type Province,
  type RegionCounts,
  type Register,
} from '../register/index.ts';
import { municipalities, provincesInRegister, type Municipality } from '../register/model.ts';

/** A municipality with its counts, as the region tables list it. */
export interface MunicipalityFigures {
  municipality: Municipality;
  counts: RegionCounts;
}

/** A province with its counts and its municipalities (sorted by name). */
export interface ProvinceFigures {
  province: Province;
  counts: RegionCounts;
  municipalities: MunicipalityFigures[];
}

interface RegionFigures {
  municipalities: MunicipalityFigures[];
  byCode: Map<string, MunicipalityFigures>;
  provinces: ProvinceFigures[];
  total: RegionCounts;
  nearby: Map<string, NearbyLocation[]>;
}

const cache = new WeakMap<Register, RegionFigures>();

/** Every region figure of a register; the first call counts, later calls look up. */
export function regionFigures(register: Register): RegionFigures {
  let figures = cache.get(register);
  if (figures) return figures;
  const list = municipalities(register).map((municipality) => ({ municipality, counts: countLocations(register, municipality.locations) }));
  const provinces = provincesInRegister(register).map((province) => ({
    province,
    counts: countLocations(register, register.locations.filter((l) => l.province === province)),
    municipalities: list.filter((m) => m.municipality.province === province),
  }));
  figures = {
    municipalities: list,
    byCode: new Map(list.map((m) => [m.municipality.code, m])),
    provinces,
    total: countLocations(register, register.locations),
    nearby: nearestOutside(register),
  };
  cache.set(register, figures);
  return figures;
}
