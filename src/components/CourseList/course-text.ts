/**
 * The words for a course's values in one language: the location page, the comparison
 * and the municipality page say "full", "no price" and the offer the same way.
 */
import { DAYPARTS, type Course, type Daypart } from '../../register/index.ts';
import { formatNumber, formatPrice, useTranslations, type Lang } from '../../i18n/index.ts';
import { codeLabel, offerLabel } from '../../i18n/labels.ts';

/** Dayparts in week order, as one phrase ("ochtend, avond"). */
export function daypartText(lang: Lang, dayparts: readonly string[] | undefined): string | undefined {
  const t = useTranslations(lang);
  if (!dayparts || dayparts.length === 0) return undefined;
  return [...dayparts]
    .sort((a, b) => DAYPARTS.indexOf(a as never) - DAYPARTS.indexOf(b as never))
    .map((d) => codeLabel(t, 'daypart', d as Daypart))
    .join(', ');
}

/** Every text value of a course; absent values are undefined, except the price, which is always said. */
export function courseText(lang: Lang, course: Course) {
  const t = useTranslations(lang);
  return {
    offer: offerLabel(t, course.offer),
    dayparts: daypartText(lang, course.dayparts),
    modality: course.modality && codeLabel(t, 'modality', course.modality),
    places: course.places_left === undefined ? undefined : course.places_left === 0 ? t('courses.full') : formatNumber(lang, course.places_left),
    price: course.price_eur === undefined ? t('courses.noPrice') : formatPrice(lang, course.price_eur),
  };
}
