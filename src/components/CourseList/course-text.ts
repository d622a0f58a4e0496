/**
 * The words for a course's values in one language: the location page, the comparison
 * and the municipality page say "full", "no price" and the offer the same way.
 */
import { DAYPARTS, isRoute, type Course, type Offer } from '../../register/index.ts';
import { formatNumber, formatPrice, useTranslations, type Lang, type UIKey } from '../../i18n/index.ts';

/** An offer's label: the route name as DUO writes it, or "Wi2013: profile". */
export function offerLabel(lang: Lang, offer: Offer): string {
  const t = useTranslations(lang);
  return isRoute(offer) ? t(`route.${offer}`) : t('courses.profileOffer', { profile: t(`profile.${offer}`) });
}

/** Dayparts in week order, as one phrase ("ochtend, avond"). */
export function daypartText(lang: Lang, dayparts: readonly string[] | undefined): string | undefined {
  const t = useTranslations(lang);
  if (!dayparts || dayparts.length === 0) return undefined;
  return [...dayparts]
    .sort((a, b) => DAYPARTS.indexOf(a as never) - DAYPARTS.indexOf(b as never))
    .map((d) => t(`daypart.${d}` as UIKey))
    .join(', ');
}

/** Every text value of a course; absent values are undefined, except the price, which is always said. */
export function courseText(lang: Lang, course: Course) {
  const t = useTranslations(lang);
  return {
    offer: offerLabel(lang, course.offer),
    dayparts: daypartText(lang, course.dayparts),
    modality: course.modality && t(`modality.${course.modality}`),
    places: course.places_left === undefined ? undefined : course.places_left === 0 ? t('courses.full') : formatNumber(lang, course.places_left),
    price: course.price_eur === undefined ? t('courses.noPrice') : formatPrice(lang, course.price_eur),
  };
}
