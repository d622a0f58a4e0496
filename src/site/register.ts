/**
 * The register as the site sees it: validated once per build, then shared by every page.
 *
 * `scripts/build.ts` validates before Astro starts, so an invalid export never reaches
 * this point in a real build; the check here guards `astro dev` and direct `astro build`.
 */
import { resolve } from 'node:path';
import { exportDateFromEnv, exportDateOf } from '../register/dates.ts';
import { dataDir, formatProblem, isFictionalRegister, loadRegisterDir, type Register } from '../register/index.ts';

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

let exportDate: string | undefined;

/** The export date of this build's register (`REGISTER_EXPORT_DATE` or the newest decision; see `exportDateOf`), asked by every page that shows courses. */
export function getExportDate(): string {
  exportDate ??= exportDateOf(getRegister(), exportDateFromEnv(process.env));
  return exportDate;
}
