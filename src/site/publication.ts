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
import { FORBIDDEN_CHARACTER } from '../register/csv.ts';
import { FIRST_KEURMERK_DATE, exportDateFromEnv, exportDateOf, isCalendarDate, latestPlausibleDate, todayUtc } from '../register/dates.ts';
import { EXPORT_FILES, IDENTIFIER, formatProblem, readPublishedRegister, type Holder, type Register } from '../register/index.ts';

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
   * `REGISTER_ALLOW_REMOVAL`, separated by commas or spaces: what this publication removes on
   * purpose, named so that the allowance cannot wave anything else through. Holder ids (the
   * holder, or past decisions of it, are removed), `count=N` (exactly N holders lose
   * something), and optional files by name (`quality.csv`: published before, not any more).
   * Needs `REGISTER_REMOVAL_REASON`; each removal is recorded in the change log with that
   * reason, and an allowance that matches nothing stops the build.
   */
  allowRemoval?: string[];
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
    ...(allow ? { allowRemoval: allow.split(/[\s,]+/).filter(Boolean) } : {}),
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

/**
 * The optional files of the contract whose disappearance the guard watches: a site built
 * without one says "not published", so a file that was published and went missing would take
 * every school's assessments, visits or course planning off the site without a word.
 */
const WATCHED_FILES = [
  { file: EXPORT_FILES.quality.name, flag: 'quality', what: 'quality assessments', rows: (h: Holder) => h.quality.length },
  { file: EXPORT_FILES.classroom_visits.name, flag: 'classroomVisits', what: 'classroom visits', rows: (h: Holder) => h.visits.length },
  { file: EXPORT_FILES.courses.name, flag: 'courses', what: 'courses', rows: (h: Holder) => h.locations.reduce((n, l) => n + l.courses.length, 0) },
] as const;

/** REGISTER_ALLOW_REMOVAL, read: which holders, how many, which files. */
interface Allowance {
  ids: string[];
  count?: number;
  files: string[];
}

const COUNT = /^count=(\d+)$/;

/** Reads the allowance's words; a word that is none of its kinds is an error, never ignored. */
function readAllowance(words: readonly string[], errors: string[]): Allowance {
  const allowance: Allowance = { ids: [], files: [] };
  for (const word of words) {
    const count = COUNT.exec(word);
    if (word.toLowerCase() === 'all') {
      errors.push('REGISTER_ALLOW_REMOVAL: "all" is not accepted: it would wave through whatever an export lacks, this one and a later one. Name the holders (their holder_id), or give their number as count=N (it must match exactly)');
    } else if (count) {
      if (allowance.count !== undefined) errors.push(`REGISTER_ALLOW_REMOVAL: give one count, not two (got count=${allowance.count} and ${word})`);
      allowance.count = Number(count[1]);
    } else if (WATCHED_FILES.some((w) => w.file === word)) allowance.files.push(word);
    else if (IDENTIFIER.test(word)) allowance.ids.push(word);
    else {
      errors.push(`REGISTER_ALLOW_REMOVAL: ${JSON.stringify(word)} is neither a holder_id, nor count=N, nor one of ${WATCHED_FILES.map((w) => w.file).join(', ')}`);
    }
  }
  return allowance;
}

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
  const allowance = readAllowance(allow ?? [], errors);
  if (allow !== undefined && settings.removalReason === undefined) {
    errors.push('REGISTER_ALLOW_REMOVAL: a removal needs its reason in REGISTER_REMOVAL_REASON; it is published in the change log with every removed holder or decision');
  }
  // The reason becomes a note in changes.csv, which the next build reads back under the note's rules.
  if (settings.removalReason !== undefined && (settings.removalReason.length > 400 || FORBIDDEN_CHARACTER.test(settings.removalReason))) {
    errors.push('REGISTER_REMOVAL_REASON: must be one line of at most 400 characters, without control, text-direction or invisible characters');
  }
  if (settings.exportDate !== undefined) {
    if (!isCalendarDate(settings.exportDate)) {
      errors.push(`REGISTER_EXPORT_DATE: must be a real date written YYYY-MM-DD (got ${JSON.stringify(settings.exportDate)})`);
    } else if (settings.exportDate < FIRST_KEURMERK_DATE || settings.exportDate > latestPlausibleDate(settings.today ?? todayUtc())) {
      errors.push(`REGISTER_EXPORT_DATE: must lie between ${FIRST_KEURMERK_DATE} (the keurmerk's first year) and today; check the year (got ${JSON.stringify(settings.exportDate)})`);
    }
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
  // Holders that lose something, and files that went: what an allowance may match.
  const losers = new Set<string>();
  const lostFiles = new Set<string>();
  let everyHolderAllowed = false;
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
      const missing = missingHolders(read.register, register);
      const decisions = removedDecisions(read.register, register);
      for (const holder of missing) losers.add(holder.holder_id);
      for (const { holder } of decisions) losers.add(holder.holder_id);
      // A count names how much is removed: any other number stops the build, so it cannot wave through more.
      const countMatches = allowance.count !== undefined && allowance.count === losers.size && losers.size > 0;
      if (allowance.count !== undefined && !countMatches) {
        const named = [...losers].slice(0, 10).join(', ') + (losers.size > 10 ? ', …' : '');
        errors.push(`REGISTER_ALLOW_REMOVAL: count=${allowance.count}, but this export removes ${losers.size} holders or decisions of them${losers.size > 0 ? ` (${named})` : ''}; the count must match exactly`);
      }
      const allowed = (id: string) => countMatches || allowance.ids.includes(id);
      everyHolderAllowed = read.register.holders.length > 0 && missing.length === read.register.holders.length && missing.every((h) => allowed(h.holder_id));
      for (const holder of missing) {
        if (allowed(holder.holder_id)) removals.push(removal({ change: 'holder_removed', holder_id: holder.holder_id, holder_name: holder.name, status: holder.keurmerk_status }));
        else {
          errors.push(formatProblem(missingHolderProblem(holder, read.exportDate)));
          lostByName = true;
        }
      }
      for (const { holder, decision } of decisions) {
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
      // An optional file that was published and is now missing (or has lost every row) is a loss like a holder's.
      for (const watched of WATCHED_FILES) {
        const before = read.register.holders.reduce((n, h) => n + watched.rows(h), 0);
        const missingNow = read.register.published[watched.flag] && !register.published[watched.flag];
        const emptiedNow = before > 0 && register.published[watched.flag] && register.holders.every((h) => watched.rows(h) === 0);
        if (!missingNow && !emptiedNow) continue;
        lostFiles.add(watched.file);
        if (allowance.files.includes(watched.file)) {
          for (const holder of read.register.holders) {
            if (watched.rows(holder) === 0 || !register.holderById.has(holder.holder_id)) continue;
            removals.push({ ...removal({ change: 'data_withdrawn', holder_id: holder.holder_id, holder_name: holder.name, status: register.holderById.get(holder.holder_id)!.keurmerk_status }), note: `${watched.file}: ${settings.removalReason ?? ''}` });
          }
        } else {
          const how = missingNow ? 'is missing from this export (or is not a file that can be read)' : 'has no rows in this export';
          errors.push(`${watched.file}: was in the publication of ${read.exportDate} (${before} ${watched.what}) and ${how}; the site, the open data and the API would drop them without a word. Put the file back, or declare the withdrawal with REGISTER_ALLOW_REMOVAL=${watched.file} and a REGISTER_REMOVAL_REASON`);
        }
      }
    }
  }
  if (register.holders.length === 0 && !everyHolderAllowed) {
    errors.push(`${EXPORT_FILES.holders.name}: the export has no holders at all, so the register would be published empty; is the export cut short? (A deliberate empty register needs REGISTER_ALLOW_REMOVAL=count=N, N being the number of holders published before, and a REGISTER_REMOVAL_REASON.)`);
  }
  // An allowance that matches nothing is a mistake too: left in place, it would wave through a later export.
  if (allow !== undefined && allow.length > 0 && settings.previousPath === undefined) {
    errors.push('REGISTER_ALLOW_REMOVAL: there is no previous publication, so nothing can be removed; take the setting out');
  } else if (previous) {
    for (const id of allowance.ids.filter((id) => !losers.has(id))) {
      errors.push(`REGISTER_ALLOW_REMOVAL: ${id} loses nothing in this export (no holder and no decision of it is removed); take it out of the setting`);
    }
    for (const file of allowance.files.filter((file) => !lostFiles.has(file))) {
      errors.push(`REGISTER_ALLOW_REMOVAL: ${file} was not in the previous publication, or is still in this export; take it out of the setting`);
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

