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
 * Statuses under which a holder holds a valid keurmerk. Municipalities may only buy from
 * these and search shows only these by default, so this one list decides both.
 */
export const VALID_STATUSES: readonly Status[] = ['bepaalde_tijd', 'onbepaalde_tijd', 'herstelperiode'];

/** Whether a holder with this status may take on new learners under the keurmerk. */
export function holdsValidKeurmerk(status: Status): boolean {
  return VALID_STATUSES.includes(status);
}

/**
 * Statuses that end the keurmerk for good (as opposed to a suspension, which may be lifted).
 * Pages show these holders with a notice since when they no longer hold it.
 */
export const FORMER_STATUSES: readonly Status[] = ['ingetrokken', 'beeindigd'];

/** The laws under which a holder is certified. */
export const LAWS = ['wi2013', 'wi2021'] as const;
export type Law = (typeof LAWS)[number];

/** Wi2021 learning routes. The Onderwijsroute is deliberately absent: it is not under the keurmerk. */
export const ROUTES = ['B1', 'Z'] as const;
export type Route = (typeof ROUTES)[number];

/** Wi2013 learner profiles, from least to most schooled. */
export const PROFILES = ['analfabeet', 'laag', 'middel', 'hoog'] as const;
export type Profile = (typeof PROFILES)[number];

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
 * URL slug of a province. Slugs are ASCII so that `/provincie/fryslan/` survives being
 * typed, printed and pasted into a newspaper article.
 */
export function provinceSlug(province: Province): string {
  return province
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The province whose slug this is, if any. */
export function provinceFromSlug(slug: string): Province | undefined {
  return PROVINCES.find((p) => provinceSlug(p) === slug);
}
