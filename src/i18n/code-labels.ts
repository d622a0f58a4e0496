/**
 * Each status's, route's and profile's label in one language, for the pages that hand them
 * to a browser script (search, map, compare), so a script labels a code exactly as the
 * pages around it do, and a new status or offer needs no page edited to get its label there.
 */
import { PROFILES, ROUTES, STATUSES, type Status } from '../register/vocabulary.ts';
import type { Translate } from './index.ts';

/** Every status's label ("Geldig keurmerk", …). */
export function statusLabels(t: Translate): Record<Status, string> {
  return Object.fromEntries(STATUSES.map((s) => [s, t(`status.${s}.label`)])) as Record<Status, string>;
}

/**
 * What the place field says (found, not found, PDOK unreachable, …), for every page with one:
 * the filter panel of search and map, and the guide's place question.
 */
export function placeMessages(t: Translate): { found: string; foundDevice: string; notFound: string; pdokNotFound: string; unreachable: string; deviceFailed: string } {
  return {
    found: t('filters.place.found'),
    foundDevice: t('filters.place.foundDevice'),
    notFound: t('filters.place.notFound'),
    pdokNotFound: t('filters.place.pdokNotFound'),
    unreachable: t('filters.place.unreachable'),
    deviceFailed: t('filters.place.deviceFailed'),
  };
}

/** Every status's, route's and profile's label, as the search and map cards need them. */
export function codeLabels(t: Translate): { status: Record<Status, string>; route: Record<string, string>; profile: Record<string, string> } {
  return {
    status: statusLabels(t),
    route: Object.fromEntries(ROUTES.map((r) => [r, t(`route.${r}`)])),
    profile: Object.fromEntries(PROFILES.map((p) => [p, t(`profile.${p}`)])),
  };
}
