/**
 * The rating as client scripts draw it (search result cards, map cards): the same markup as
 * RatingStars.astro (stars as decoration, the words carry the rating), built with
 * createElement and textContent, so search and the map cannot drift from the pages.
 */
import { ratingStars, type Rating } from '../../register/vocabulary.ts';

/** A rating's words per code ("3 van de 4 sterren", "aspirant: …") and the words for none published. */
export interface RatingLabels {
  words: Record<Rating, string>;
  none: string;
}

export function ratingElement(rating: Rating | undefined, labels: RatingLabels): HTMLSpanElement {
  const box = document.createElement('span');
  box.className = rating === undefined ? 'kr-rating kr-rating--none' : 'kr-rating';
  box.dataset.rating = rating ?? '';
  const stars = rating === undefined ? undefined : ratingStars(rating);
  if (stars !== undefined) {
    const shown = document.createElement('span');
    shown.className = 'kr-rating__stars';
    shown.setAttribute('aria-hidden', 'true');
    shown.textContent = '★'.repeat(stars);
    const empty = document.createElement('span');
    empty.className = 'kr-rating__empty';
    empty.textContent = '☆'.repeat(4 - stars);
    shown.append(empty);
    box.append(shown);
  }
  const words = document.createElement('span');
  words.className = 'kr-rating__label';
  words.textContent = rating === undefined ? labels.none : labels.words[rating];
  box.append(words);
  return box;
}

/** The rating on a card with its label before it ("Kwaliteit: ★★★☆ …"), as search and map cards both show it. */
export function ratingLineElement(className: string, label: string, rating: Rating | undefined, labels: RatingLabels): HTMLParagraphElement {
  const line = document.createElement('p');
  line.className = className;
  line.append(`${label}: `, ratingElement(rating, labels));
  return line;
}
