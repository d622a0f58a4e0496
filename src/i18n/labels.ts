/**
 * The words for the register's codes in one language: a status, a route, a profile, an offer,
 * a rating, and the labels a location card needs. One module for the pages, the components,
 * the open data and the browser scripts (which get the labels from their page), so a code
 * reads the same everywhere on a page: the location page once labelled one Wi2013 profile two
 * ways ("Wi2013: …" beside "Wi2013 profile: …"), because two `offerLabel`s existed.
 *
 * Needs no Vite: every function takes the page's `t()` (`useTranslations` on a page,
 * `translator` in plain Node), so `src/site/`, scripts and tests can import it.
 */
import { OFFERS, isRoute, type Offer } from '../register/courses.ts';
import {
  RATINGS,
  STATUSES,
  ratingStars,
  type Daypart,
  type Law,
  type Modality,
  type Profile,
  type Rating,
  type Route,
  type Status,
} from '../register/vocabulary.ts';
import type { UIKey } from './dictionary.ts';
import type { Translate } from './fill.ts';
import { formatNumber } from './format.ts';

/** The code lists whose codes have a label of their own in the dictionaries. */
interface LabelledCodes {
  status: Status;
  route: Route;
  profile: Profile;
  daypart: Daypart;
  modality: Modality;
  law: Law;
}

/**
 * A code's label ("Geldig keurmerk" for a status, "B1-route", "ochtend"): the dictionary key
 * of each kind of code is written here, not in every page that shows one.
 */
export function codeLabel<K extends keyof LabelledCodes>(t: Translate, kind: K, code: LabelledCodes[K]): string {
  return t((kind === 'status' ? `status.${code}.label` : `${kind}.${code}`) as UIKey);
}

/**
 * An offer as every list, table and card names it: the route as DUO writes it ("B1-route"),
 * or a profile with the law it falls under ("Wi2013: Laag opgeleid"), since a profile's name
 * alone does not say it is a course under the old law.
 */
export function offerLabel(t: Translate, offer: Offer): string {
  return isRoute(offer) ? codeLabel(t, 'route', offer) : t('courses.profileOffer', { profile: codeLabel(t, 'profile', offer) });
}

/** Every offer's label, for a browser script that names offers (search, map, compare). */
export function offerLabels(t: Translate): Record<Offer, string> {
  return Object.fromEntries(OFFERS.map((o) => [o, offerLabel(t, o)])) as Record<Offer, string>;
}

/** Every status's label, for a browser script that shows statuses. */
export function statusLabels(t: Translate): Record<Status, string> {
  return Object.fromEntries(STATUSES.map((s) => [s, codeLabel(t, 'status', s)])) as Record<Status, string>;
}

/**
 * A location's routes and profiles as one line of labels, in offer order ("B1-route, Z-route,
 * Wi2013: Hoog opgeleid"): what the search cards and the map's cards write.
 */
export function offerLine(offer: { route?: readonly string[]; profile?: readonly string[] }, labels: Record<Offer, string>): string {
  return OFFERS.filter((o) => (isRoute(o) ? offer.route : offer.profile)?.includes(o))
    .map((o) => labels[o])
    .join(', ');
}

/** A rating's words per code ("3 van de 4 sterren", "aspirant: …") and the words for none published. */
export function ratingLabels(t: Translate, lang: string): { words: Record<Rating, string>; none: string } {
  const words = Object.fromEntries(
    RATINGS.map((r) => [r, r === 'aspirant' ? t('rating.aspirant') : t('rating.stars', { stars: formatNumber(lang, ratingStars(r)!) })]),
  ) as Record<Rating, string>;
  return { words, none: t('rating.none') };
}

/** The rows of the comparison page, in order: the page labels them, the script fills them. */
export const ROW_KEYS = ['holder', 'status', 'rating', 'normOrganisation', 'normResults', 'normSatisfaction', 'offer', 'nextStart', 'dayparts', 'hours', 'group', 'price', 'wheelchair', 'distance', 'address'] as const;
export type RowKey = (typeof ROW_KEYS)[number];

/** Each comparison row's label ("Organisatie", "Volgende start", …). */
export function compareRowLabels(t: Translate): Record<RowKey, string> {
  return Object.fromEntries(ROW_KEYS.map((k) => [k, t(`compare.row.${k}` as UIKey)])) as Record<RowKey, string>;
}

/** What a location card says besides the export's own text, on the search page and the map alike. */
export interface CardLabels {
  status: Record<Status, string>;
  offer: Record<Offer, string>;
  /** "Next start: {date}" on a card whose location has an upcoming course. */
  nextStart: string;
  /** The holder's latest quality rating in words, and the label before it. */
  rating: ReturnType<typeof ratingLabels>;
  ratingLabel: string;
}

/** The card labels in one language, made once for the search page and the map. */
export function cardLabels(t: Translate, lang: string): CardLabels {
  return {
    status: statusLabels(t),
    offer: offerLabels(t),
    nextStart: t('search.result.nextStart'),
    rating: ratingLabels(t, lang),
    ratingLabel: t('rating.label'),
  };
}
