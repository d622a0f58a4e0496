/**
 * DOM for the map: marker and cluster icons, popups and list items. Built with
 * createElement and textContent only, because every name and address is export text;
 * names sit in <bdi>, so "B.V." keeps its full stop in right-to-left pages.
 */
import { el, fill } from './dom.ts';
import { offerLine, type CardLabels } from '../i18n/labels.ts';
import { statusBadgeElement } from '../components/StatusBadge/status-badge-dom.ts';
import { postalAddressElement } from '../components/PostalAddress/postal-address-dom.ts';
import type { MapMarker } from '../register/map-markers.ts';
import { statusFamily } from '../register/vocabulary.ts';
import type { HiddenLabels } from './hidden-holders.ts';
import { ratingLineElement } from '../components/RatingStars/rating-dom.ts';
import { nextStartLine } from './next-start.ts';

/** Interface text the page hands to the script, already in the page's language. */
export interface MapLabels extends CardLabels {
  marker: string;
  cluster: string;
  sameSpot: string;
  popupLink: string;
  popupClose: string;
  count: string;
  countOne: string;
  countNone: string;
  more: string;
  zoomIn: string;
  zoomOut: string;
  tilesFailed: string;
  loadFailed: string;
  /** The notice of matching locations in view that the default filter hides (hidden-holders.ts). */
  hidden: Omit<HiddenLabels, 'status'>;
}


/**
 * The status shape (✓ △ ‖ ✕) drawn by the status badge's own CSS mask, so a status has
 * one look everywhere: the tone class gives colour, border style and shape.
 */
function toneIcon(): HTMLElement {
  const icon = el('span', 'kr-status-badge__icon');
  icon.setAttribute('aria-hidden', 'true');
  return icon;
}

/** The inside of a location's marker: a round pin in the status tone with its shape. */
export function markerIcon(marker: MapMarker): HTMLElement {
  const pin = el('span', `kr-map-marker kr-status-badge--${statusFamily(marker.status)}`);
  pin.append(toneIcon());
  return pin;
}

/** The inside of a cluster: its count, sized by magnitude so large groups stand out. */
export function clusterIcon(count: number, formatted: string): HTMLElement {
  const size = count < 10 ? 's' : count < 100 ? 'm' : 'l';
  return el('span', `kr-map-cluster kr-map-cluster--${size}`, formatted);
}

/**
 * Street, postcode and city as one left-to-right unit, as the PostalAddress component
 * writes it on the server, so a right-to-left page does not reorder the pieces.
 */
function address(marker: MapMarker): HTMLElement {
  const p = el('p', 'kr-map-card__address');
  p.append(postalAddressElement(marker.street, marker.postcode, marker.city));
  return p;
}

/**
 * A location as a card: name (a link in the list, focusable text in a popup, whose link
 * follows below), organisation, address, status, offer. Text direction follows the page,
 * even inside the map, which itself stays left to right.
 */
export function locationCard(marker: MapMarker, labels: MapLabels, href: string, variant: 'popup' | 'list'): HTMLElement {
  const card = el(variant === 'list' ? 'li' : 'div', `kr-map-card kr-map-card--${variant}`);
  card.dataset.locationId = marker.id;
  if (variant === 'popup') {
    card.dir = document.documentElement.dir;
    card.lang = document.documentElement.lang;
    const name = el('p', 'kr-map-card__name');
    name.append(el('bdi', undefined, marker.name));
    name.tabIndex = -1;
    card.append(name);
  } else {
    const name = el('p', 'kr-map-card__name');
    const link = Object.assign(el('a'), { href });
    link.append(el('bdi', undefined, marker.name));
    name.append(link);
    card.append(name);
  }
  if (marker.holderName !== marker.name) {
    const holder = el('p', 'kr-map-card__holder');
    holder.append(el('bdi', undefined, marker.holderName));
    card.append(holder);
  }
  card.append(address(marker));
  const status = el('p', 'kr-map-card__status');
  status.append(statusBadgeElement(marker.status, labels.status[marker.status]));
  card.append(status);
  const offer = offerLine(marker.facets, labels.offer);
  if (offer) card.append(el('p', 'kr-map-card__offer', offer));
  card.append(ratingLineElement('kr-map-card__rating', labels.ratingLabel, marker.rating, labels.rating));
  const next = nextStartLine(marker.nextStart, labels.nextStart);
  if (next) card.append(next);
  if (variant === 'popup') {
    const more = el('p', 'kr-map-card__more');
    more.append(Object.assign(el('a', undefined, labels.popupLink), { href }));
    card.append(more);
  }
  return card;
}

/** A popup for several locations at one spot (a cluster that cannot split any further). */
export function sameSpotCard(markers: MapMarker[], labels: MapLabels, href: (id: string) => string, formatted: string): HTMLElement {
  const card = el('div', 'kr-map-card kr-map-card--popup');
  card.dir = document.documentElement.dir;
  card.lang = document.documentElement.lang;
  const heading = el('p', 'kr-map-card__name', fill(labels.sameSpot, { count: formatted }));
  heading.tabIndex = -1;
  const list = el('ul', 'kr-map-card__spot');
  for (const marker of markers) {
    const item = el('li');
    const link = Object.assign(el('a'), { href: href(marker.id) });
    link.append(el('bdi', undefined, marker.name));
    item.append(link, ' ');
    item.append(statusBadgeElement(marker.status, labels.status[marker.status]));
    list.append(item);
  }
  card.append(heading, address(markers[0]!), list);
  return card;
}
