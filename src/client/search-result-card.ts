/**
 * A search result as a card: name (a link to the location's page), organisation, address,
 * offer, status with the distance from the place, rating, and the extras for planning and
 * the shortlist. Every value is export text, so only textContent, never markup; names sit in
 * <bdi>, so "B.V." keeps its full stop in right-to-left pages.
 */
import type { Rating, Status } from '../register/vocabulary.ts';
import { offerLine, type CardLabels } from '../i18n/labels.ts';
import { postalAddressElement } from '../components/PostalAddress/postal-address-dom.ts';
import { ratingLineElement } from '../components/RatingStars/rating-dom.ts';
import { statusBadgeElement } from '../components/StatusBadge/status-badge-dom.ts';
import { fillPlaceholders } from '../i18n/fill.ts';
import { dutchTerms, el, fill, withDutchTerms } from './dom.ts';
import type { PagefindData } from './pagefind.ts';
import { keepButtonFor } from './keep-button.ts';
import { nextStartLine } from './next-start.ts';

/** The card's interface text, in the page's language. */
export interface ResultCardLabels extends CardLabels {
  distance: string;
  noDistance: string;
  offerNone: string;
}

/**
 * The card for one result; `km` is its distance from the place (shown when `withDistance`,
 * "unknown" without coordinates), formatted by `kilometres`. The name links to
 * `locationHref` with the location's id for `{id}`: the page in the visitor's language, since
 * every language's search reads the one index, whose records carry the Dutch page's address.
 */
export function resultCard(data: PagefindData, km: number | undefined, withDistance: boolean, labels: ResultCardLabels, kilometres: Intl.NumberFormat, locationHref: string): HTMLLIElement {
  const { meta } = data;
  const card = el('li', 'kr-search-result');
  card.dataset.searchResult = '';
  const locationId = data.url.split('/').filter(Boolean).at(-1) ?? '';
  card.dataset.locationId = locationId;
  const heading = el('h3', 'kr-search-result__name');
  const link = el('a');
  link.href = fillPlaceholders(locationHref, { id: encodeURIComponent(locationId) });
  link.append(el('bdi', undefined, meta.title ?? ''));
  heading.append(link);
  card.append(heading);
  if (meta.holder && meta.holder !== meta.title) {
    const holder = el('p', 'kr-search-result__holder');
    holder.append(el('bdi', undefined, meta.holder));
    card.append(holder);
  }
  const address = el('p', 'kr-search-result__address');
  address.append(postalAddressElement(meta.address ?? '', meta.postcode ?? '', meta.city ?? ''));
  card.append(address);
  const offer = offerLine(data.filters, labels.offer);
  card.append(withDutchTerms(el('p', 'kr-search-result__offer'), offer || labels.offerNone));
  const line = el('p', 'kr-search-result__status');
  const status = meta.status as Status;
  line.append(statusBadgeElement(status, dutchTerms(labels.status[status] ?? status)));
  if (withDistance) {
    const distance = el('span', 'kr-search-result__distance', km === undefined ? labels.noDistance : fill(labels.distance, { distance: kilometres.format(km) }));
    if (km !== undefined) distance.dataset.km = km.toFixed(3);
    line.append(' ', distance);
  }
  card.append(
    line,
    ratingLineElement('kr-search-result__rating', labels.ratingLabel, meta.rating as Rating | undefined, labels.rating),
    // For course planning and the shortlist: the next start date and the keep control.
    ...[nextStartLine(meta.next_start, labels.nextStart), keepButtonFor(locationId, meta.title ?? '')].filter((e) => e !== undefined),
  );
  return card;
}
