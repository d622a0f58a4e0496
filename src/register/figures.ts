/**
 * The register in figures: what the figures page charts and tabulates, computed from the
 * joined register alone. Pure (no Astro, no DOM), so the tests can recompute every number
 * the page shows and journalists can read how each one is counted.
 *
 * Time is read from the status history (`decisionsOf`, which adds the current status when
 * the optional history leaves it out). A holder that holds the keurmerk from a
 * `first_granted` date earlier than its first known decision counts from that date, with
 * the status every new holder starts with (`bepaalde_tijd`, see the contract): leaving those
 * years out would show a register that grew when it did not.
 */
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { decisionKind, decisionsOf } from './changes.ts';
import { distanceKm, type LatLon } from './geo.ts';
import type { Holder, Location, Register, StatusEvent } from './model.ts';
import { ROUTES, STATUS_FAMILIES, holdsValidKeurmerk, statusFamily, type Route, type Status, type StatusFamily } from './vocabulary.ts';

/** The status a new holder starts with (contract: "new holders start here"). */
const FIRST_STATUS: Status = 'bepaalde_tijd';

/**
 * A holder's decisions, oldest first, as the figures count them: its history and current
 * status, preceded by its first grant when `first_granted` is earlier than all of those.
 */
export function timelineOf(holder: Holder): StatusEvent[] {
  const decisions = decisionsOf(holder);
  const first = decisions[0];
  if (holder.first_granted !== undefined && first !== undefined && holder.first_granted < first.effective_from) {
    return [{ holder_id: holder.holder_id, status: FIRST_STATUS, effective_from: holder.first_granted }, ...decisions];
  }
  return decisions;
}

/** A holder's status on a date (at the end of that day), or undefined before its first decision. */
function statusOn(timeline: readonly StatusEvent[], date: string): Status | undefined {
  let status: Status | undefined;
  for (const event of timeline) {
    if (event.effective_from > date) break;
    status = event.status;
  }
  return status;
}

/** Holders by status family on one date: a year's end, or the export date ("now"). */
export interface StatusCountsOn {
  /** `2021` for 31 December 2021, or `now` for the export date. */
  moment: string;
  date: string;
  counts: Record<StatusFamily, number>;
  /** Holders in the register on that date (the sum of the families). */
  total: number;
}

const emptyFamilies = (): Record<StatusFamily, number> => ({ valid: 0, recovery: 0, suspended: 0, former: 0 });

/** The year of the oldest decision in the register (with first grants), if any. */
function firstDecisionYear(timelines: readonly StatusEvent[][]): number | undefined {
  let first: string | undefined;
  for (const timeline of timelines) {
    const date = timeline[0]?.effective_from;
    if (date !== undefined && (first === undefined || date < first)) first = date;
  }
  return first === undefined ? undefined : Number(first.slice(0, 4));
}

/**
 * Holders by status family at the end of every year from the first decision's year up to
 * the year before the export, and on the export date itself. The export's own year has no
 * year-end yet; it is the "now" row.
 */
export function statusCountsByYear(register: Register, exportDate: string): StatusCountsOn[] {
  const timelines = register.holders.map(timelineOf);
  const firstYear = firstDecisionYear(timelines);
  if (firstYear === undefined) return [];
  const exportYear = Number(exportDate.slice(0, 4));
  const moments: { moment: string; date: string }[] = [];
  for (let year = firstYear; year < exportYear; year++) moments.push({ moment: String(year), date: `${year}-12-31` });
  moments.push({ moment: 'now', date: exportDate });
  return moments.map(({ moment, date }) => {
    const counts = emptyFamilies();
    for (const timeline of timelines) {
      const status = statusOn(timeline, date);
      if (status !== undefined) counts[statusFamily(status)] += 1;
    }
    return { moment, date, counts, total: STATUS_FAMILIES.reduce((n, f) => n + counts[f], 0) };
  });
}

/**
 * Kinds of decision the figures count per year. A renewal or a move between the two valid
 * terms is not among them: it changes nothing for a learner or a municipality.
 * - `granted`: a holder's first keurmerk;
 * - `recovery`: a valid holder put in a recovery period (herstelperiode);
 * - `suspended`, `withdrawn`, `ended`: the keurmerk suspended, withdrawn or ended;
 * - `reinstated`: valid again after a suspension, withdrawal or end.
 */
export const DECISION_KINDS = ['granted', 'recovery', 'suspended', 'withdrawn', 'ended', 'reinstated'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** The figures' kind of one decision, read from its status and the one before; undefined when it is not counted. */
function figureDecisionKind(status: Status, previous: Status | undefined): DecisionKind | undefined {
  const kind = decisionKind(status, previous);
  if (kind === 'status_changed') return statusFamily(status) === 'recovery' && (previous === undefined || statusFamily(previous) !== 'recovery') ? 'recovery' : undefined;
  return kind === 'holder_added' || kind === 'location_opened' || kind === 'location_closed' || kind === 'holder_removed' || kind === 'decision_removed' || kind === 'data_withdrawn' ? undefined : kind;
}

/** Decisions of each kind that took effect in one year. */
export interface DecisionsInYear {
  year: number;
  counts: Record<DecisionKind, number>;
}

/** Decisions per year, from the first decision's year to the export's year, with every year present. */
export function decisionsByYear(register: Register, exportDate: string): DecisionsInYear[] {
  const timelines = register.holders.map(timelineOf);
  const firstYear = firstDecisionYear(timelines);
  if (firstYear === undefined) return [];
  const lastYear = Number(exportDate.slice(0, 4));
  const years = new Map<number, Record<DecisionKind, number>>();
  for (let year = firstYear; year <= lastYear; year++) {
    years.set(year, Object.fromEntries(DECISION_KINDS.map((k) => [k, 0])) as Record<DecisionKind, number>);
  }
  for (const timeline of timelines) {
    let previous: Status | undefined;
    for (const event of timeline) {
      const kind = figureDecisionKind(event.status, previous);
      const counts = years.get(Number(event.effective_from.slice(0, 4)));
      if (kind !== undefined && counts !== undefined && event.effective_from <= exportDate) counts[kind] += 1;
      previous = event.status;
    }
  }
  return [...years].map(([year, counts]) => ({ year, counts }));
}

/** Where the coverage figure measures from: a municipality's centre. */
export interface MunicipalityCentre {
  code: string;
  name: string;
  /** Mean of its locations' coordinates; undefined when none of them has coordinates. */
  centre?: LatLon;
}

/**
 * Every municipality of the register with its centre: the mean of its located locations,
 * whatever their holders' status (they show where courses are sought, not who may teach).
 * The register has no municipality outside its own locations, so neither does the figure.
 */
function municipalityCentres(register: Register): MunicipalityCentre[] {
  const byCode = new Map<string, { code: string; name: string; lat: number; lon: number; n: number }>();
  for (const l of register.locations) {
    let m = byCode.get(l.municipality_code);
    if (!m) byCode.set(l.municipality_code, (m = { code: l.municipality_code, name: l.municipality_name, lat: 0, lon: 0, n: 0 }));
    if (l.latitude === undefined || l.longitude === undefined) continue;
    m.lat += l.latitude;
    m.lon += l.longitude;
    m.n += 1;
  }
  return [...byCode.values()].map((m) => ({
    code: m.code,
    name: m.name,
    ...(m.n > 0 ? { centre: { lat: m.lat / m.n, lon: m.lon / m.n } } : {}),
  }));
}

/** How far a municipality's centre is from the nearest valid location teaching each route. */
export interface Coverage {
  code: string;
  name: string;
  /** Undefined when the municipality has no located location. */
  centre?: LatLon;
  /** Kilometres per route; undefined when the centre is unknown or no valid location anywhere teaches it. */
  km: Record<Route, number | undefined>;
  /** The nearest such location per route. */
  nearest: Record<Route, Location | undefined>;
}

/**
 * For every municipality, the distance from its centre to the nearest location, anywhere,
 * of a holder with a valid keurmerk that teaches the B1-route and the Z-route: the distance
 * an inburgeraar in the middle of the municipality travels at the least. One k-d tree per
 * route (kdbush, searched on the sphere by geokdbush); distances are `distanceKm`'s, so the
 * figure agrees with "near" on the search page and the map.
 */
export function coverage(register: Register): Coverage[] {
  const trees = new Map<Route, { index: KDBush; locations: Location[] } | undefined>();
  for (const route of ROUTES) {
    const locations = register.locations.filter(
      (l) =>
        l.latitude !== undefined &&
        l.longitude !== undefined &&
        holdsValidKeurmerk(register.holderById.get(l.holder_id)!.keurmerk_status) &&
        l.routes.some((r) => r.route === route),
    );
    if (locations.length === 0) {
      trees.set(route, undefined);
      continue;
    }
    const index = new KDBush(locations.length);
    for (const l of locations) index.add(l.longitude!, l.latitude!);
    index.finish();
    trees.set(route, { index, locations });
  }
  return municipalityCentres(register).map(({ code, name, centre }) => {
    const km = {} as Record<Route, number | undefined>;
    const nearest = {} as Record<Route, Location | undefined>;
    for (const route of ROUTES) {
      const tree = trees.get(route);
      const id = centre && tree ? around(tree.index, centre.lon, centre.lat, 1)[0] : undefined;
      const location = id === undefined ? undefined : tree!.locations[id]!;
      nearest[route] = location;
      km[route] = location && centre ? distanceKm(centre, { lat: location.latitude!, lon: location.longitude! }) : undefined;
    }
    return { code, name, ...(centre ? { centre } : {}), km, nearest };
  });
}
