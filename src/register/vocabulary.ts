/**
 * The register's closed vocabularies: the code values the export contract allows.
 *
 * They live apart from the Zod schemas because pages, search filters, the map and the
 * open-data dictionary all need the same codes, and none of them should have to import
 * the validator to learn which statuses exist.
 */

/** Keurmerk statuses, in the order a reader meets them (valid first, then lost). */
export const STATUSES = [
  'bepaalde_tijd',
  'onbepaalde_tijd',
  'herstelperiode',
  'geschorst',
  'ingetrokken',
  'beeindigd',
] as const;
export type Status = (typeof STATUSES)[number];

/**
 * The four families a status belongs to. Four, not six, so that each looks different on
 * screen (the badge's tone), and because every rule of the register is about a family:
 * who may be bought from, who gets a notice, which decision a change is.
 */
export const STATUS_FAMILIES = ['valid', 'recovery', 'suspended', 'former'] as const;
export type StatusFamily = (typeof STATUS_FAMILIES)[number];

/**
 * Each status's family, stated once. Every list, default, tone and "may a municipality buy
 * here" below is derived from this table, so a new status is one new line (and a type error
 * until it has one).
 */
const STATUS_FAMILY: Readonly<Record<Status, StatusFamily>> = {
  bepaalde_tijd: 'valid',
  onbepaalde_tijd: 'valid',
  herstelperiode: 'recovery',
  geschorst: 'suspended',
  ingetrokken: 'former',
  beeindigd: 'former',
};

/** The family of a status: the badge's tone, the notice a holder's page shows, the way it is counted. */
export function statusFamily(status: Status): StatusFamily {
  return STATUS_FAMILY[status];
}

/**
 * Families under which a holder holds a valid keurmerk: a holder in its recovery period
 * still holds it while it repairs what an audit found.
 */
const VALID_FAMILIES: readonly StatusFamily[] = ['valid', 'recovery'];

/** Whether a holder with this status holds a valid keurmerk: may take on new learners, and may be bought from by a municipality. */
export function holdsValidKeurmerk(status: Status): boolean {
  return VALID_FAMILIES.includes(STATUS_FAMILY[status]);
}

/**
 * Statuses under which a holder holds a valid keurmerk, in vocabulary order. Municipalities
 * may only buy from these and search shows only these by default, so this one list decides both.
 */
export const VALID_STATUSES: readonly Status[] = STATUSES.filter(holdsValidKeurmerk);

/**
 * Statuses that end the keurmerk for good (as opposed to a suspension, which may be lifted).
 * Pages show these holders with a notice since when they no longer hold it.
 */
export const FORMER_STATUSES: readonly Status[] = STATUSES.filter((s) => STATUS_FAMILY[s] === 'former');

/**
 * The change a decision to a status that takes the keurmerk away is reported as (a decision
 * to a valid status is a grant, a reinstatement or a plain change, depending on the one before).
 */
export const LOSS_DECISION: Readonly<Partial<Record<Status, 'suspended' | 'withdrawn' | 'ended'>>> = {
  geschorst: 'suspended',
  ingetrokken: 'withdrawn',
  beeindigd: 'ended',
};

/** The laws under which a holder is certified. */
export const LAWS = ['wi2013', 'wi2021'] as const;
export type Law = (typeof LAWS)[number];

/** Wi2021 learning routes. The Onderwijsroute is deliberately absent: it is not under the keurmerk. */
export const ROUTES = ['B1', 'Z'] as const;
export type Route = (typeof ROUTES)[number];

/** Wi2013 learner profiles, from least to most schooled. */
export const PROFILES = ['analfabeet', 'laag', 'middel', 'hoog'] as const;
export type Profile = (typeof PROFILES)[number];

/** The two kinds of offer a location can have: a Wi2021 route or a Wi2013 learner profile. */
export type OfferKind = 'route' | 'profile';

/**
 * The law each kind of offer falls under, stated once: the validator checks a holder's laws
 * against it, facets narrow a location's law by it, and a municipality page groups by it.
 */
export const OFFER_LAW = { route: 'wi2021', profile: 'wi2013' } as const satisfies Record<OfferKind, Law>;

/** Parts of the week a course is taught in. */
export const DAYPARTS = ['ochtend', 'middag', 'avond', 'weekend'] as const;
export type Daypart = (typeof DAYPARTS)[number];

/** How a course is taught. */
export const MODALITIES = ['klassikaal', 'blended', 'afstand'] as const;
export type Modality = (typeof MODALITIES)[number];

/** The twelve provinces, spelled as the contract (and CBS) spells them. */
export const PROVINCES = [
  'Groningen',
  'Fryslân',
  'Drenthe',
  'Overijssel',
  'Flevoland',
  'Gelderland',
  'Utrecht',
  'Noord-Holland',
  'Zuid-Holland',
  'Zeeland',
  'Noord-Brabant',
  'Limburg',
] as const;
export type Province = (typeof PROVINCES)[number];

/**
 * A CBS municipality code (`GM0363`): open-ended, unlike the lists above, so a pattern. The
 * validator checks the export against it and the search page's URL state drops anything else.
 */
export const MUNICIPALITY_CODE = /^GM\d{4}$/;

// The identifier pattern has a module of its own so the browser's shortlist can take it without
// the rest of these lists (they cost every location page about 0.9 KB of JavaScript).
export { IDENTIFIER } from './identifier.ts';

/**
 * URL slug of a province. Slugs are ASCII so that `/provincie/fryslan/` survives being
 * typed, printed and pasted into a newspaper article.
 */
export function provinceSlug(province: Province): string {
  return province
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * The yearly quality assessment's outcome: one to four stars, or `aspirant` for a holder too
 * new to be rated. Codes as the export writes them; ordered from "no stars yet" upwards, so a
 * page and a sort read the same order.
 */
export const RATINGS = ['aspirant', '1', '2', '3', '4'] as const;
export type Rating = (typeof RATINGS)[number];

/** Stars of a rating, or undefined for `aspirant` (which is not zero stars: it is "not rated yet"). */
export function ratingStars(rating: Rating): number | undefined {
  return rating === 'aspirant' ? undefined : Number(rating);
}

/** Outcome of the organisation norm: it is always judged. */
export const ORGANISATION_OUTCOMES = ['behaald', 'niet_behaald'] as const;
/** Outcome of the results and satisfaction norms: `geen_oordeel` when too few people took part to judge. */
export const NORM_OUTCOMES = ['behaald', 'niet_behaald', 'geen_oordeel'] as const;

/** The three main norms of the quality assessment, by their column in quality.csv. */
export const NORMS = ['norm_organisation', 'norm_results', 'norm_satisfaction'] as const;

/** Share of lessons that must be given by NT2 teachers in a recognised register (percent). */
export const CERTIFIED_TEACHER_NORM = 80;

/**
 * Fewest exam candidates or survey respondents over whom a pass rate or satisfaction mark may
 * be published: a figure over fewer people can point at individual learners.
 */
export const MIN_GROUP_SIZE = 10;

/** Toezicht in de Klas: the periodic inspection (every four years) and the unannounced visit. */
export const VISIT_KINDS = ['periodiek', 'onaangekondigd'] as const;

/** How often a holder with a valid keurmerk must have a periodic classroom inspection (years). */
export const PERIODIC_VISIT_YEARS = 4;

/** Outcome of a classroom visit. */
export const VISIT_OUTCOMES = ['voldoende', 'onvoldoende'] as const;
