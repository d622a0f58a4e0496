/**
 * What one publication of the open data is made from, besides the export: its export date and
 * the previous publication to compare with. Kept apart from open-data.ts (which needs the
 * dictionaries, and so Vite) because `scripts/build.ts` checks these settings before Astro
 * starts, the way it checks the export.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  changesSince,
  historyChanges,
  mergeChanges,
  missingHolderProblem,
  missingHolders,
  readPublishedChanges,
  type Change,
  type ChangeLog,
} from '../register/changes.ts';
import { contractExportDate, formatProblem, isoDate, readPublishedRegister, type Register } from '../register/index.ts';

/** The settings a build reads from its environment. */
export interface OpenDataSettings {
  /** `REGISTER_EXPORT_DATE`: the date the export describes, when the register's own dates do not say it. */
  exportDate?: string;
  /** `REGISTER_PREVIOUS`: the `register.json` of the previous publication, to say what changed since. */
  previousPath?: string;
}

/** The settings from the environment, so the build script and the pages read them the same way. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenDataSettings {
  return {
    ...(env.REGISTER_EXPORT_DATE ? { exportDate: env.REGISTER_EXPORT_DATE.trim() } : {}),
    ...(env.REGISTER_PREVIOUS ? { previousPath: resolve(env.REGISTER_PREVIOUS) } : {}),
  };
}

/**
 * The date the publication describes: `REGISTER_EXPORT_DATE`, else the newest decision in the
 * export. Pages ask every "upcoming" and "starts soon" question against it, never the clock.
 * A register without a single date (no holders at all) still needs one; the epoch says
 * "unknown" plainly.
 */
export function exportDateOf(register: Register, settings: OpenDataSettings = settingsFromEnv()): string {
  return settings.exportDate ?? contractExportDate(register);
}

/** A previous publication, read back into a register. */
export interface Previous {
  path: string;
  exportDate: string;
  register: Register;
  /** Its change log (`changes.json` beside its register.json), carried forward; absent when it was not kept. */
  changes?: Change[];
}

/** What a publication is made from, once the settings have been checked. */
export interface Publication {
  exportDate: string;
  previous?: Previous;
}

/**
 * Checks the settings against the register, the way the validator checks an export: every
 * problem as one line a steward can act on, and no publication when there is any. A holder
 * of the previous publication that this export lacks is such a problem, named.
 */
export function preparePublication(register: Register, settings: OpenDataSettings): { ok: true; publication: Publication } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (settings.exportDate !== undefined && !isoDate.safeParse(settings.exportDate).success) {
    errors.push(`REGISTER_EXPORT_DATE: must be a real date written YYYY-MM-DD (got ${JSON.stringify(settings.exportDate)})`);
  }
  const exportDate = exportDateOf(register, settings);
  let previous: Previous | undefined;
  if (settings.previousPath !== undefined) {
    const path = settings.previousPath;
    const read = existsSync(path) ? readPublishedRegister(readFileSync(path, 'utf8')) : ({ ok: false, message: 'the file does not exist' } as const);
    if (!read.ok) {
      errors.push(`REGISTER_PREVIOUS: ${path}: cannot be read as a previous register.json: ${read.message}`);
    } else {
      previous = { path, exportDate: read.exportDate, register: read.register };
      // The previous change log, when it was kept beside register.json; a broken one stops the build,
      // since going on without it would silently drop what it recorded.
      const changesPath = join(dirname(path), 'changes.json');
      if (existsSync(changesPath)) {
        const changes = readPublishedChanges(readFileSync(changesPath, 'utf8'));
        if (changes.ok) previous.changes = changes.changes;
        else errors.push(`REGISTER_PREVIOUS: ${changesPath}: cannot be read as a previous changes.json: ${changes.message}`);
      }
      for (const holder of missingHolders(read.register, register)) errors.push(formatProblem(missingHolderProblem(holder, read.exportDate)));
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, publication: { exportDate, ...(previous ? { previous } : {}) } };
}

/**
 * The change log of a publication: the previous publication's log with what changed since
 * added to it, or, for a first publication, every decision of the status history.
 */
export function changeLog(register: Register, publication: Publication): ChangeLog {
  const { previous, exportDate } = publication;
  if (!previous) return historyChanges(register, exportDate);
  const since = changesSince(previous.register, previous.exportDate, register, exportDate);
  return { ...since, changes: mergeChanges(previous.changes ?? [], since.changes) };
}

