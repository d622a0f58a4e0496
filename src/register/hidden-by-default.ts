/**
 * Holders that search and the map hide unless asked: those without a valid keurmerk
 * (suspended, withdrawn, ended). Pure, so the search page, the map's worker and the tests
 * agree on which they are and how the notice that names them sums them up
 * (src/client/hidden-holders.ts).
 */
import { STATUSES, holdsValidKeurmerk, type Status } from './vocabulary.ts';

/** The statuses the default filter leaves out. */
export const HIDDEN_BY_DEFAULT: readonly Status[] = STATUSES.filter((status) => !holdsValidKeurmerk(status));

/** A holder hidden by the default filter, as the notice names it. */
export interface HiddenHolder {
  name: string;
  status: Status;
}

/** What the notice says: how many matching locations are hidden, and by whom. */
export interface HiddenSummary {
  locations: number;
  /** Their holders, each once, in the order met; at most `HIDDEN_NAMES` of them. */
  holders: HiddenHolder[];
  /** Whether there are more holders than those named. */
  more: boolean;
}

/** Holders named at most; the notice says when there are more. */
export const HIDDEN_NAMES = 5;

/** Sums up hidden matching locations (one entry per location) for the notice. */
export function summariseHidden(matches: readonly HiddenHolder[], locations = matches.length): HiddenSummary {
  const seen = new Map<string, HiddenHolder>();
  for (const match of matches) seen.set(`${match.status}\u0000${match.name}`, seen.get(`${match.status}\u0000${match.name}`) ?? match);
  const holders = [...seen.values()];
  return { locations, holders: holders.slice(0, HIDDEN_NAMES), more: holders.length > HIDDEN_NAMES || locations > matches.length };
}
