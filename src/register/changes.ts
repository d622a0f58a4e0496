/**
 * What changed in the register: the feed journalists follow instead of reconstructing by
 * hand which schools lost the keurmerk.
 *
 * Given the previous publication's register, the changes are the holders that appeared, the
 * keurmerk decisions that are new, the yearly ratings and classroom visits (Toezicht in de
 * Klas) that are new, the locations that opened or closed, and the courses newly planned.
 * Without one (the first publication), every decision, rating and visit of the history is a
 * change, and every course still to start is newly planned, so the feeds are useful from the start. A holder that was published before and is missing now is an error:
 * the register never silently drops an organisation.
 */
import * as z from 'zod';
import { locationName, type Course, type Holder, type Location, type Register, type StatusEvent } from './model.ts';
import { parsePublishedJson, type Problem } from './problems.ts';
import { EXPORT_FILES, classroomVisitRow, courseRow, holderRow, locationRow, qualityRow, statusRow, type ForeignKey } from './schema.ts';
import { LOSS_DECISION, holdsValidKeurmerk, type Status } from './vocabulary.ts';

/** Kinds of change, in the order a list of one day shows them. */
export const CHANGE_KINDS = [
  'holder_added',
  'granted',
  'reinstated',
  'status_changed',
  'suspended',
  'withdrawn',
  'ended',
  'rated',
  'classroom_visit',
  'location_opened',
  'location_closed',
  'course_planned',
  'holder_removed',
  'decision_removed',
  'data_withdrawn',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

const described = <T extends z.ZodType>(schema: T, description: string) => schema.meta({ description }) as T;

/**
 * One change, as a row of changes.csv. A Zod schema like the export's files, so the
 * download's Table Schema and data dictionary come from the same place as its rows.
 */
export const changeRow = z.object({
  date: described(statusRow.shape.effective_from, 'Date of the change: the date a decision took effect, or for a holder or location that appeared or went, the export date of the publication that first showed it.'),
  change: described(
    z.enum(CHANGE_KINDS),
    'What changed: holder_added, granted (first keurmerk), reinstated (valid again after a suspension or loss), status_changed (another valid status), suspended (geschorst), withdrawn (ingetrokken), ended (beeindigd), rated (a new yearly quality rating), classroom_visit (a Toezicht in de Klas visit and its outcome), location_opened, location_closed, course_planned (a course newly in the planning); holder_removed and decision_removed record a deliberate removal (REGISTER_ALLOW_REMOVAL), with its reason in note; data_withdrawn records that an optional file (quality.csv, classroom_visits.csv, courses.csv) is no longer published, for each holder that had rows in it, with the file and the reason in note.',
  ),
  holder_id: described(holderRow.shape.holder_id, 'The holder the change is about (holders.csv).'),
  holder_name: described(holderRow.shape.name, 'Name of the holder.'),
  status: described(statusRow.shape.status.optional(), 'Keurmerk status after the change (decisions and new holders).'),
  previous_status: described(statusRow.shape.status.optional(), 'Keurmerk status before the decision, when there was one.'),
  location_id: described(locationRow.shape.location_id.optional(), 'The location that opened or closed; a closed one is no longer in locations.csv.'),
  location_name: described(locationRow.shape.name, 'Name of that location.'),
  city: described(locationRow.shape.city.optional(), 'Place of that location.'),
  municipality_code: described(locationRow.shape.municipality_code.optional(), 'CBS code of the municipality (gemeente) of that location.'),
  note: described(statusRow.shape.note, 'Public note on the decision, from the status history.'),
  // Text, not the quality file's number: changes.json is read back by the next build with this same schema.
  measurement_year: described(z.string().regex(/^\d{4}$/).optional(), 'The measurement year a new rating is about (rated): four digits.'),
  rating: described(qualityRow.shape.rating.optional(), 'The new rating (rated).'),
  outcome: described(classroomVisitRow.shape.outcome.optional(), 'Outcome of the classroom visit (classroom_visit).'),
  offer: described(courseRow.shape.offer.optional(), 'What the newly planned course teaches (course_planned).'),
  start_date: described(courseRow.shape.start_date.optional(), 'First lesson of the newly planned course (course_planned).'),
});
export type Change = z.output<typeof changeRow>;

/** changes.csv as a file the Table Schema code can describe, like the export's files. */
export const CHANGES_FILE = {
  name: 'changes.csv',
  row: changeRow,
  foreignKeys: [{ fields: ['holder_id'], reference: { resource: 'holders', fields: ['holder_id'] } }] as readonly ForeignKey[],
};

/** What the changes were measured against. */
export interface ChangeLog {
  /** `previous`: compared with the publication of `since`. `history`: every decision in the status history. */
  basis: 'previous' | 'history';
  /** Export date of the previous publication (basis `previous` only). */
  since?: string;
  /** Export date of this publication. */
  exportDate: string;
  /** Newest first; see `compareChanges`. */
  changes: Change[];
}

/**
 * A holder's keurmerk decisions, oldest first: its status history, plus its current status
 * when the history does not state it (the history file is optional).
 */
export function decisionsOf(holder: Holder): StatusEvent[] {
  const list = [...holder.history];
  if (!list.some((e) => e.effective_from === holder.status_since)) {
    list.push({ holder_id: holder.holder_id, status: holder.keurmerk_status, effective_from: holder.status_since });
  }
  return list.sort((a, b) => (a.effective_from < b.effective_from ? -1 : a.effective_from > b.effective_from ? 1 : 0));
}

/** The kinds of change a keurmerk decision can be. */
type DecisionChangeKind = 'granted' | 'reinstated' | 'status_changed' | 'suspended' | 'withdrawn' | 'ended';

/** The kind of a decision, read from the status it gave and the one before it. */
export function decisionKind(status: Status, previous: Status | undefined): DecisionChangeKind {
  const loss = LOSS_DECISION[status];
  if (loss) return loss;
  if (previous === undefined) return 'granted';
  return holdsValidKeurmerk(previous) ? 'status_changed' : 'reinstated';
}

/** The decisions in a list (oldest first) that `include` picks, as changes, each with the status before it. */
function decisionChanges(holder: Holder, events: readonly StatusEvent[], include: (event: StatusEvent) => boolean): Change[] {
  const out: Change[] = [];
  let previous: Status | undefined;
  for (const event of events) {
    if (include(event)) {
      out.push({
        date: event.effective_from,
        change: decisionKind(event.status, previous),
        holder_id: holder.holder_id,
        holder_name: holder.name,
        status: event.status,
        ...(previous !== undefined ? { previous_status: previous } : {}),
        ...(event.note !== undefined ? { note: event.note } : {}),
      });
    }
    previous = event.status;
  }
  return out;
}

const kindRank = (kind: ChangeKind) => CHANGE_KINDS.indexOf(kind);
const text = (a: string | undefined, b: string | undefined) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);

/** Newest first; within a day by kind, then by identifiers, so the order never depends on the input's order. */
export function compareChanges(a: Change, b: Change): number {
  return (
    text(b.date, a.date) || kindRank(a.change) - kindRank(b.change) || text(a.holder_id, b.holder_id) || text(a.location_id, b.location_id) ||
    text(a.measurement_year, b.measurement_year) || text(a.start_date, b.start_date) || text(a.offer, b.offer)
  );
}

/** Every decision of the status history as a change: what the first publication reports. */
export function historyChanges(register: Register, exportDate: string): ChangeLog {
  const changes = register.holders.flatMap((holder) => [
    ...decisionChanges(holder, decisionsOf(holder), () => true),
    ...qualityChanges(holder, exportDate, () => true),
  ]);
  changes.push(...courseChanges(register, exportDate, () => true));
  return { basis: 'history', exportDate, changes: changes.sort(compareChanges) };
}

/**
 * A holder's ratings and classroom visits that `isNew` picks, as changes. A rating is dated
 * with its decision date; one without (the column is optional) with the export date of the
 * publication that first showed it. A visit is dated with its visit date.
 */
function qualityChanges(holder: Holder, exportDate: string, isNew: (key: string) => boolean): Change[] {
  const out: Change[] = [];
  const about = { holder_id: holder.holder_id, holder_name: holder.name };
  for (const a of holder.quality) {
    if (!isNew(`rated\u0000${a.measurement_year}`)) continue;
    out.push({ date: a.decision_date ?? exportDate, change: 'rated', ...about, measurement_year: String(a.measurement_year), rating: a.rating });
  }
  for (const v of holder.visits) {
    if (!isNew(`visit\u0000${v.location_id ?? ''}\u0000${v.visit_date}`)) continue;
    const location = v.location_id === undefined ? undefined : holder.locations.find((l) => l.location_id === v.location_id);
    out.push({
      date: v.visit_date,
      change: 'classroom_visit',
      ...about,
      ...(location ? { location_id: location.location_id, location_name: locationName(location, holder), city: location.city, municipality_code: location.municipality_code } : {}),
      outcome: v.outcome,
    });
  }
  return out;
}

/** What makes a course the same course from one publication to the next, for "newly planned". */
const courseKey = (location: Location, course: Course) => `${location.location_id}\u0000${course.offer}\u0000${course.start_date}`;

/** Courses still to start on the export date that `isNew` picks, as changes dated with the export date. */
/** The columns that say which location a change is about and whose it is, as the log writes them. */
function aboutLocation(location: Location, holder: Holder) {
  return {
    holder_id: holder.holder_id,
    holder_name: holder.name,
    location_id: location.location_id,
    location_name: locationName(location, holder),
    city: location.city,
    municipality_code: location.municipality_code,
  };
}

function courseChanges(register: Register, exportDate: string, isNew: (key: string) => boolean): Change[] {
  const out: Change[] = [];
  const seen = new Set<string>();
  for (const location of register.locations) {
    const holder = register.holderById.get(location.holder_id)!;
    for (const course of location.courses) {
      const key = courseKey(location, course);
      if (course.start_date < exportDate || seen.has(key) || !isNew(key)) continue;
      seen.add(key);
      out.push({
        date: exportDate,
        change: 'course_planned',
        ...aboutLocation(location, holder),
        offer: course.offer,
        start_date: course.start_date,
      });
    }
  }
  return out;
}

/**
 * What makes two changes the same change: the change log drops repeats by it, and the Atom
 * feed derives an entry's permanent id from it, so both agree on when a change is new. The
 * kinds added later append what tells two of them apart (a rating's year, a course's offer and
 * start), so the ids of the older kinds stay what they were.
 */
export function changeIdentity(change: Change): string[] {
  const base = [change.change, change.holder_id, change.location_id ?? '', change.date, change.status ?? ''];
  if (change.change === 'rated') return [...base, change.measurement_year ?? ''];
  if (change.change === 'course_planned') return [...base, change.offer ?? '', change.start_date ?? ''];
  return base;
}

/**
 * The change log of earlier publications followed by this one's, without repeats, newest first.
 * Carrying the log forward keeps what only a comparison can see: a closed location is no longer
 * in locations.csv, so after the next publication the log is the only place that still says so.
 */
export function mergeChanges(earlier: readonly Change[], newer: readonly Change[]): Change[] {
  const key = (c: Change) => changeIdentity(c).join('\u0000');
  const seen = new Set<string>();
  const out: Change[] = [];
  for (const change of [...newer, ...earlier]) {
    if (seen.has(key(change))) continue;
    seen.add(key(change));
    out.push(change);
  }
  return out.sort(compareChanges);
}

/** What reading a published changes.json gives. */
export type PublishedChanges = { ok: true; changes: Change[] } | { ok: false; message: string };

/** Reads a `changes.json` this site published, checking every row against the changes.csv schema. */
export function readPublishedChanges(text: string): PublishedChanges {
  const read = parsePublishedJson(text);
  if (!read.ok) return read;
  const doc = read.value;
  const parsed = z.object({ changes: z.array(changeRow) }).safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `${issue.path.join('.')}: ${issue.message}` };
  }
  return { ok: true, changes: parsed.data.changes };
}

/**
 * Decisions of the previous publication that the current export no longer states, per holder
 * present in both: a past decision deleted from status_history.csv (or changed in status).
 * Each is a build error unless the removal is deliberate; the history is what journalists follow.
 */
export function removedDecisions(previous: Register, current: Register): { holder: Holder; decision: StatusEvent }[] {
  const out: { holder: Holder; decision: StatusEvent }[] = [];
  for (const before of previous.holders) {
    const now = current.holderById.get(before.holder_id);
    if (!now) continue;
    const kept = new Set(decisionsOf(now).map((e) => `${e.effective_from}\u0000${e.status}`));
    for (const decision of decisionsOf(before)) {
      if (!kept.has(`${decision.effective_from}\u0000${decision.status}`)) out.push({ holder: now, decision });
    }
  }
  return out;
}

/** Holders of the previous publication that the current export no longer has: each one is a build error. */
export function missingHolders(previous: Register, current: Register): Holder[] {
  return previous.holders.filter((h) => !current.holderById.has(h.holder_id));
}

/** The build's report line for a dropped holder, in the contract's problem format. */
export function missingHolderProblem(holder: Holder, since: string): Problem {
  return {
    severity: 'error',
    file: EXPORT_FILES.holders.name,
    column: 'holder_id',
    message: `${holder.name} was in the publication of ${since} (keurmerk status ${holder.keurmerk_status}) and is missing from this export; the register never drops an organisation: keep its row, with status ingetrokken or beeindigd if it no longer holds the keurmerk`,
    value: holder.holder_id,
  };
}

/**
 * The changes since the previous publication. Call `missingHolders` first: a dropped holder
 * is an error, not a change, and is not reported here.
 */
export function changesSince(previous: Register, since: string, current: Register, exportDate: string): ChangeLog {
  const changes: Change[] = [];
  for (const holder of current.holders) {
    const before = previous.holderById.get(holder.holder_id);
    if (!before) {
      changes.push({
        date: exportDate,
        change: 'holder_added',
        holder_id: holder.holder_id,
        holder_name: holder.name,
        status: holder.keurmerk_status,
      });
      continue;
    }
    // Both publications' decisions, by date (the current one wins a date both have), so a decision
    // knows the status before it even when the status history file is absent.
    const key = (e: StatusEvent) => `${e.effective_from}\u0000${e.status}`;
    const known = new Set(decisionsOf(before).map(key));
    const byDate = new Map(decisionsOf(before).map((e) => [e.effective_from, e]));
    for (const e of decisionsOf(holder)) byDate.set(e.effective_from, e);
    const events = [...byDate.values()].sort((a, b) => text(a.effective_from, b.effective_from));
    changes.push(...decisionChanges(holder, events, (e) => !known.has(key(e))));
    // A file the previous publication did not have is not news in every row: nothing to compare with.
    const knownQuality = new Set([
      ...(previous.published.quality ? before.quality.map((a) => `rated\u0000${a.measurement_year}`) : holder.quality.map((a) => `rated\u0000${a.measurement_year}`)),
      ...(previous.published.classroomVisits ? before.visits : holder.visits).map((v) => `visit\u0000${v.location_id ?? ''}\u0000${v.visit_date}`),
    ]);
    changes.push(...qualityChanges(holder, exportDate, (k) => !knownQuality.has(k)));
  }
  if (previous.published.courses) {
    const planned = new Set(previous.locations.flatMap((l) => l.courses.map((c) => courseKey(l, c))));
    changes.push(...courseChanges(current, exportDate, (k) => !planned.has(k)));
  }
  const located = (kind: 'location_opened' | 'location_closed', register: Register) => (location: Register['locations'][number]): Change => {
    const holder = current.holderById.get(location.holder_id) ?? register.holderById.get(location.holder_id)!;
    return {
      date: exportDate,
      change: kind,
      ...aboutLocation(location, holder),
    };
  };
  changes.push(...current.locations.filter((l) => !previous.locationById.has(l.location_id)).map(located('location_opened', current)));
  changes.push(...previous.locations.filter((l) => !current.locationById.has(l.location_id)).map(located('location_closed', previous)));
  return { basis: 'previous', since, exportDate, changes: changes.sort(compareChanges) };
}
