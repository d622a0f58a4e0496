/**
 * What the search index holds: one record per location (vestiging), built from the
 * register, in one fixed order. Custom records, not indexed HTML: a location page
 * also lists its holder's other locations, so indexing pages would let "Z-route Limburg"
 * match a school that teaches Z in Groningen. A record carries exactly its own location's
 * facets (`locationFacets`, the function the map, the region pages and the tests use), and
 * no other page type produces one. Every language's search reads this one index: what a
 * visitor types is names, places, postcodes and ids, which are the same in every language,
 * and filters are code values; only the page a result links to is the visitor's own
 * (src/client/search-result-card.ts). The index is Dutch, as its words are.
 */
import type { CustomRecord } from 'pagefind';
import { DEFAULT_LANG, type Lang } from '../i18n/languages.ts';
import { locationFacets } from '../register/facets.ts';
import { latestRating, ratingRank } from '../register/quality.ts';
import { nextStart } from '../register/courses.ts';
import { encodeCoordinates, type CoordinateColumn } from '../register/coordinates.ts';
import { holderOf, inLocationOrder, locationName, streetLine, type Holder, type Location, type Register } from '../register/model.ts';
import { paths } from './paths.ts';
import { exportDateFromEnv, exportDateOf } from '../register/dates.ts';
import { otherPlaceNames } from '../register/place-aliases.ts';
import { foldSearchText, joinedCompounds } from '../register/search-text.ts';

/**
 * Records go into the index in alphabetical order (Dutch collation), and `order` is that
 * position as a sort key: browsing (filters, no words) lists alphabetically, and the
 * search page's coordinate file (`searchCoordinates`) has one row per position, so one
 * search sorted by `order` tells which Pagefind id has which coordinates. That is how the
 * page sorts any result set by distance without loading every result's data (the map's
 * marker file has the coordinates too, but also names and addresses, and is several times
 * larger; docs/architecture.md, "Build").
 */
export const SEARCH_ORDER_KEY = 'order';

/**
 * Sort key of "best rated first" (`ratingRank` of the holder's latest rating: 0 for four
 * stars up to 6 for no rating). Every record has one: Pagefind leaves out of a sorted
 * search the records that lack the key, and an unrated school must still be found.
 */
export const SEARCH_RATING_KEY = 'rating';

/** The coordinates of every location in search order (the site's one location order): the search page's distance file. */
export function searchCoordinates(register: Register): CoordinateColumn {
  return encodeCoordinates(
    inLocationOrder(register, register.locations).map((l) => (l.latitude !== undefined && l.longitude !== undefined ? { lat: l.latitude, lon: l.longitude } : undefined)),
  );
}

/** The language of the index: the language of the names and places in it. */
export const SEARCH_INDEX_LANG: Lang = DEFAULT_LANG;

/** The index's records, in search order; each carries the address of its location's page in Dutch, the index's language. */
export function searchRecords(register: Register, exportDate = exportDateOf(register, exportDateFromEnv(process.env))): CustomRecord[] {
  return inLocationOrder(register, register.locations).map((location, position) => {
    const holder = holderOf(register, location);
    const name = locationName(location, holder);
    const facets = locationFacets(location, holder, exportDate);
    const meta: Record<string, string> = {
      title: name,
      holder: holder.name,
      address: streetLine(location),
      postcode: location.postcode,
      city: location.city,
      status: holder.keurmerk_status,
    };
    const rating = latestRating(holder);
    if (rating !== undefined) meta.rating = rating;
    const next = nextStart(location, exportDate);
    if (next !== undefined) meta.next_start = next;
    if (location.latitude !== undefined && location.longitude !== undefined) {
      meta.lat = String(location.latitude);
      meta.lon = String(location.longitude);
    }
    return {
      url: paths.location(SEARCH_INDEX_LANG, location.location_id),
      language: SEARCH_INDEX_LANG,
      content: searchContent(location, holder),
      meta,
      filters: Object.fromEntries(Object.entries(facets).filter(([, values]) => values.length > 0)),
      // Pagefind compares sort values as text: equal width makes text order numeric order.
      sort: { [SEARCH_ORDER_KEY]: String(position).padStart(6, '0'), [SEARCH_RATING_KEY]: String(ratingRank(latestRating(holder))) },
    };
  });
}


/** The names a location goes by: its own (or its holder's), the holder's, the trade name; each once. */
function namesOf(location: Location, holder: Holder): string[] {
  return [locationName(location, holder), holder.name, holder.trade_name ?? ''].filter((part, index, all) => part !== '' && all.indexOf(part) === index);
}

/**
 * Place, municipality and province, then the everyday names of each (place-aliases.ts):
 * what the search finds a location by its place with, and what correction never takes
 * for a slip (spelling.ts).
 */
export function placesOf(location: Location): string[] {
  const places = [location.city, location.municipality_name, location.province];
  return [...places, ...places.flatMap((place) => otherPlaceNames(place))];
}

/**
 * The texts of a location whose words correction knows (`/zoeken/woorden.json`): names,
 * trade name, street, place, municipality and province, the everyday names of those
 * places, and hyphenated names written as one word ("AlNur"). The search content holds all
 * of these too, so a corrected word always finds what it was taken from.
 */
export function correctableTexts(location: Location, holder: Holder): string[] {
  const texts = [...namesOf(location, holder), location.street, ...placesOf(location)];
  return [...texts, ...texts.flatMap(joinedCompounds)];
}

/**
 * What a visitor may type to find a location, folded (search-text.ts) as the page folds
 * the query: the texts correction knows, the street line, the postcode with and without
 * its space ("3511 AB" and "3511AB" are one word each way), the KvK number and the
 * holder's and location's ids, which journalists and municipalities search by. Place,
 * municipality and province stay in even where they repeat, so a search for "Utrecht"
 * ranks the city's own locations above the rest of the province's.
 */
export function searchContent(location: Location, holder: Holder): string {
  return [
    ...correctableTexts(location, holder),
    streetLine(location),
    location.postcode,
    location.postcode.replace(' ', ''),
    holder.kvk_number ?? '',
    holder.holder_id,
    location.location_id,
  ]
    .filter((part) => part !== '')
    .map(foldSearchText)
    .join('\n');
}
