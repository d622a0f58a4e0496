/**
 * The register as the site sees it: validated once per build, then shared by every page.
 *
 * `scripts/build.ts` validates before Astro starts, so an invalid export never reaches
 * this point in a real build; the check here guards `astro dev` and direct `astro build`.
 */
import { resolve } from 'node:path';
import {
  PROVINCES,
  dataDir,
  formatProblem,
  holdsValidKeurmerk,
  isFictionalRegister,
  loadRegisterDir,
  type Holder,
  type Location,
  type Province,
  type Register,
} from '../register/index.ts';

let cached: Register | undefined;

/**
 * The build script validates before Astro starts; it leaves the register here so the pages
 * do not read and validate the same export a second time. A global, because Astro loads
 * this module in its own module graph, apart from the script's copy.
 */
const SHARED = Symbol.for('keurmerkregister.validated-register');
type Shared = { dir: string; register: Register };

export function shareValidatedRegister(dir: string, register: Register): void {
  (globalThis as Record<symbol, Shared>)[SHARED] = { dir: resolve(dir), register };
}

/** The validated register of `REGISTER_DATA_DIR` (default `data/`), read once per build. */
export function getRegister(): Register {
  if (cached) return cached;
  const shared = (globalThis as Record<symbol, Shared | undefined>)[SHARED];
  if (shared && shared.dir === resolve(dataDir())) return (cached = shared.register);
  const result = loadRegisterDir(dataDir());
  if (!result.ok) {
    throw new Error(`the register export is invalid:\n${result.errors.map(formatProblem).join('\n')}`);
  }
  cached = result.register;
  return cached;
}

/**
 * True when the register is invented (every web and e-mail address on a reserved example
 * domain; see src/register/fictional.ts), so every page can say so. Decided by the data,
 * never by the folder's path.
 */
export function isSampleData(): boolean {
  // Asked by every page's layout; the answer cannot change during a build.
  sampleData ??= isFictionalRegister(getRegister());
  return sampleData;
}

let sampleData: boolean | undefined;

/** Alphabetical order in Dutch, ignoring case and accents ("Émile" sorts with "E"). */
export const byName = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** A location's display name: its own name or, when the export leaves it empty, its holder's. */
export function locationName(location: Location, holder: Holder): string {
  return location.name ?? holder.name;
}

/** Street, number and suffix as written on an envelope: `Dorpsstraat 12 A`. */
export function streetLine(location: Location): string {
  const suffix = location.house_number_suffix;
  return `${location.street} ${location.house_number}${suffix ? (/^\d/.test(suffix) ? `-${suffix}` : ` ${suffix}`) : ''}`;
}

export function holderOf(register: Register, location: Location): Holder {
  return register.holderById.get(location.holder_id)!;
}

export function isValidHolder(holder: Holder): boolean {
  return holdsValidKeurmerk(holder.keurmerk_status);
}

/** A municipality as it occurs in the register, with its locations. */
export interface Municipality {
  code: string;
  name: string;
  province: Province;
  locations: Location[];
}

const municipalityCache = new WeakMap<Register, Municipality[]>();

/** Every municipality in the register, sorted by name; computed once per register. */
export function municipalities(register: Register): Municipality[] {
  let list = municipalityCache.get(register);
  if (list) return list;
  const byCode = new Map<string, Municipality>();
  for (const location of register.locations) {
    let m = byCode.get(location.municipality_code);
    if (!m) {
      m = { code: location.municipality_code, name: location.municipality_name, province: location.province, locations: [] };
      byCode.set(m.code, m);
    }
    m.locations.push(location);
  }
  list = [...byCode.values()].sort((a, b) => byName.compare(a.name, b.name));
  municipalityCache.set(register, list);
  return list;
}

/** Provinces that occur in the register, in the contract's (north to south) order. */
export function provincesInRegister(register: Register): Province[] {
  const present = new Set(register.locations.map((l) => l.province));
  return PROVINCES.filter((p) => present.has(p));
}
