/**
 * The rating's words in one language, for the client scripts (search, map) that draw ratings
 * from codes: the same texts RatingStars.astro writes on the pages.
 */
import { RATINGS, ratingStars } from '../../register/vocabulary.ts';
import { formatNumber, useTranslations, type Lang } from '../../i18n/index.ts';
import type { RatingLabels } from './rating-dom.ts';

export function ratingLabels(lang: Lang): RatingLabels {
  const t = useTranslations(lang);
  const words = Object.fromEntries(
    RATINGS.map((r) => [r, r === 'aspirant' ? t('rating.aspirant') : t('rating.stars', { stars: formatNumber(lang, ratingStars(r)!) })]),
  ) as RatingLabels['words'];
  return { words, none: t('rating.none') };
}
