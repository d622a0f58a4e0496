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
  removedDecisions,
  type Change,
  type ChangeLog,
} from '../register/changes.ts';
import { exportDateFromEnv, exportDateOf, isCalendarDate, latestPlausibleDate, todayUtc } from '../register/dates.ts';
import { EXPORT_FILES, formatProblem, readPublishedRegister, type Register } from '../register/index.ts';

/** The settings a build reads from its environment. */
export interface OpenDataSettings {
  /** `REGISTER_EXPORT_DATE`: the date the export describes, when the register's own dates do not say it. */
  exportDate?: string;
  /**
   * `REGISTER_PREVIOUS`: the `register.json` of the previous publication, to say what changed
   * since and to guard against losing anything. `npm run build` sets it to the publication
   * already in the output folder when it is not given.
   */
  previousPath?: string;
  /**
   * `REGISTER_ALLOW_REMOVAL`: holder ids (separated by commas or spaces), or `all`, whose
   * disappearance from the register (or of a past decision of theirs) is deliberate. Needs
   * `REGISTER_REMOVAL_REASON`; each removal is recorded in the change log with that reason.
   */
  allowRemoval?: string[] | 'all';
  /** `REGISTER_REMOVAL_REASON`: why, published in the change log with each removal. */
  removalReason?: string;
  /** Today (UTC), for the sanity check of the export date; the clock is never written into the output. */
  today?: string;
}

/** The settings from the environment, so the build script and the pages read them the same way. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenDataSettings {
  const allow = env.REGISTER_ALLOW_REMOVAL?.trim();
  const exportDate = exportDateFromEnv(env);
  return {
    ...(exportDate !== undefined ? { exportDate } : {}),
    ...(env.REGISTER_PREVIOUS ? { previousPath: resolve(env.REGISTER_PREVIOUS) } : {}),
    ...(allow ? { allowRemoval: allow.toLowerCase() === 'all' ? ('all' as const) : allow.split(/[\s,]+/).filter(Boolean) } : {}),
    ...(env.REGISTER_REMOVAL_REASON?.trim() ? { removalReason: env.REGISTER_REMOVAL_REASON.trim() } : {}),
  };
}

/** A previous publication, read back into a register. */
export interface Previous {
  path: string;
  exportDate: string;
  register: Register;
  /** Its change log (`changes.json` beside its register.json), carried forward. */
  changes?: Change[];
}

/** What a publication is made from, once the settings have been checked. */
export interface Publication {
  exportDate: string;
  previous?: Previous;
  /** Deliberate removals (REGISTER_ALLOW_REMOVAL), recorded in the change log with their reason. */
  removals?: Change[];
}

/** The first day of the Wet inburgering 2013, before which no keurmerk decision exists. */
const EARLIEST_EXPORT = '2013-01-01';

/**
 * Checks the settings against the register, the way the validator checks an export: every
 * problem as one line a steward can act on, and no publication when there is any. Nothing
 * may be lost without a word: an export without holders, a holder or a past decision that
 * the previous publication had, its change log, or an export date before the previous one
 * stops the build, unless the removal is declared with REGISTER_ALLOW_REMOVAL (and then it is
 * recorded in the change log).
 */
export function preparePublication(register: Register, settings: OpenDataSettings): { ok: true; publication: Publication } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const allow = settings.allowRemoval;
  const allowed = (id: string) => allow === 'all' || (allow?.includes(id) ?? false);
  if (allow !== undefined && settings.removalReason === undefined) {
    errors.push('REGISTER_ALLOW_REMOVAL: a removal needs its reason in REGISTER_REMOVAL_REASON; it is published in the change log with every removed holder or decision');
  }
  // The reason becomes a note in changes.csv, which the next build reads back under the note's rules.
  if (settings.removalReason !== undefined && (settings.removalReason.length > 400 || /[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/.test(settings.removalReason))) {
    errors.push('REGISTER_REMOVAL_REASON: must be one line of at most 400 characters, without control or text-direction characters');
  }
  if (settings.exportDate !== undefined) {
    if (!isCalendarDate(settings.exportDate)) {
      errors.push(`REGISTER_EXPORT_DATE: must be a real date written YYYY-MM-DD (got ${JSON.stringify(settings.exportDate)})`);
    } else if (settings.exportDate < EARLIEST_EXPORT || settings.exportDate > latestPlausibleDate(settings.today ?? todayUtc())) {
      errors.push(`REGISTER_EXPORT_DATE: must lie between ${EARLIEST_EXPORT} (the keurmerk's first year) and today; check the year (got ${JSON.stringify(settings.exportDate)})`);
    }
  }
  if (register.holders.length === 0 && allow !== 'all') {
    errors.push(`${EXPORT_FILES.holders.name}: the export has no holders at all, so the register would be published empty; is the export cut short? (A deliberate empty register needs REGISTER_ALLOW_REMOVAL=all and a REGISTER_REMOVAL_REASON.)`);
  }
  const exportDate = exportDateOf(register, settings.exportDate);
  if (settings.exportDate !== undefined) {
    for (const holder of register.holders) {
      if (holder.status_since > settings.exportDate) {
        errors.push(formatProblem({ severity: 'error', file: EXPORT_FILES.holders.name, column: 'status_since', message: `${holder.holder_id}: is after the export date ${settings.exportDate} (REGISTER_EXPORT_DATE); an export cannot describe a decision that had not been taken yet`, value: holder.status_since }));
      }
    }
  }
  let previous: Previous | undefined;
  const removals: Change[] = [];
  if (settings.previousPath !== undefined) {
    const path = settings.previousPath;
    const read = existsSync(path) ? readPublishedRegister(readFileSync(path, 'utf8')) : ({ ok: false, message: 'the file does not exist' } as const);
    if (!read.ok) {
      errors.push(`REGISTER_PREVIOUS: ${path}: cannot be read as a previous register.json: ${read.message}`);
    } else {
      previous = { path, exportDate: read.exportDate, register: read.register };
      // The previous change log must be beside its register.json: going on without it would
      // silently drop what it recorded (closed locations are only remembered there).
      const changesPath = join(dirname(path), 'changes.json');
      if (!existsSync(changesPath)) {
        errors.push(`REGISTER_PREVIOUS: ${changesPath}: is missing; the previous publication's change log must be kept beside its register.json, or what it recorded would be lost. Put back the changes.json of that same publication`);
      } else {
        const changes = readPublishedChanges(readFileSync(changesPath, 'utf8'));
        if (changes.ok) previous.changes = changes.changes;
        else errors.push(`REGISTER_PREVIOUS: ${changesPath}: cannot be read as a previous changes.json: ${changes.message}`);
      }
      // A derived date only goes back when the newest decisions went missing, which is reported
      // below by name; a date that was given goes back by mistake (an old export, a typo).
      let lostByName = false;
      const olderExport = exportDate < read.exportDate;
      if (olderExport && settings.exportDate !== undefined) {
        errors.push(`export date ${exportDate}${settings.exportDate ? ' (REGISTER_EXPORT_DATE)' : ' (the newest decision in the export)'} is before ${read.exportDate}, the export date of the publication it would replace; is this an older export?`);
      }
      const removal = (change: Omit<Change, 'date' | 'note'>): Change => ({ date: exportDate, ...change, note: settings.removalReason ?? '' });
      for (const holder of missingHolders(read.register, register)) {
        if (allowed(holder.holder_id)) removals.push(removal({ change: 'holder_removed', holder_id: holder.holder_id, holder_name: holder.name, status: holder.keurmerk_status }));
        else {
          errors.push(formatProblem(missingHolderProblem(holder, read.exportDate)));
          lostByName = true;
        }
      }
      for (const { holder, decision } of removedDecisions(read.register, register)) {
        if (allowed(holder.holder_id)) {
          removals.push({ ...removal({ change: 'decision_removed', holder_id: holder.holder_id, holder_name: holder.name, status: decision.status }), note: `${decision.effective_from}: ${settings.removalReason ?? ''}` });
        } else {
          lostByName = true;
          errors.push(formatProblem({
            severity: 'error',
            file: EXPORT_FILES.status_history.name,
            column: 'holder_id',
            message: `the decision of ${decision.effective_from} (${decision.status}) about ${holder.name} was in the publication of ${read.exportDate} and is missing from this export; the register never deletes a past decision: put the row back (a correction needs REGISTER_ALLOW_REMOVAL and a REGISTER_REMOVAL_REASON)`,
            value: holder.holder_id,
          }));
        }
      }
      if (olderExport && settings.exportDate === undefined && !lostByName) {
        errors.push(`export date ${exportDate} (the newest decision in the export) is before ${read.exportDate}, the export date of the publication it would replace; set REGISTER_EXPORT_DATE to the date of this export`);
      }
    }
  }
  // A declared removal that removes nothing is a mistake too: it would wave through a later export.
  if (Array.isArray(allow) && previous) {
    for (const id of allow.filter((id) => !removals.some((r) => r.holder_id === id))) {
      errors.push(`REGISTER_ALLOW_REMOVAL: ${id} loses nothing in this export (no holder and no decision of it is removed); take it out of the setting`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, publication: { exportDate, ...(previous ? { previous } : {}), ...(removals.length > 0 ? { removals } : {}) } };
}

/**
 * The change log of a publication: the previous publication's log with what changed since
 * added to it, or, for a first publication, every decision of the status history.
 */
export function changeLog(register: Register, publication: Publication): ChangeLog {
  const { previous, exportDate, removals = [] } = publication;
  if (!previous) return historyChanges(register, exportDate);
  const since = changesSince(previous.register, previous.exportDate, register, exportDate);
  return { ...since, changes: mergeChanges(previous.changes ?? [], [...since.changes, ...removals]) };
}

