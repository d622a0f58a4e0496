/**
 * Every URL of the site in one place. Permalinks are the same in every language and never
 * change, because news articles and municipal documents cite them.
 */
import type { Lang } from '../i18n/languages.ts';
import { API_VERSION } from '../register/api-schema.ts';
import { provinceSlug, type Province } from '../register/vocabulary.ts';

/** The page folder a feed belongs to: holders, municipalities, provinces. */
export type FeedFolder = 'aanbieder' | 'gemeente' | 'provincie';

const base = import.meta.env?.BASE_URL?.replace(/\/$/, '') ?? '';
/** The static JSON API's folder: its version comes from the API's schemas, not from this file. */
const api = `${base}/api/v${API_VERSION}`;

export const paths = {
  home: (lang: Lang) => `${base}/${lang}/`,
  holder: (lang: Lang, holderId: string) => `${base}/${lang}/aanbieder/${holderId}/`,
  location: (lang: Lang, locationId: string) => `${base}/${lang}/vestiging/${locationId}/`,
  keurmerk: (lang: Lang) => `${base}/${lang}/keurmerk/`,
  onderwijsroute: (lang: Lang) => `${base}/${lang}/onderwijsroute/`,
  /** The accessibility statement (digitoegankelijk.nl's shape), linked from every footer. */
  accessibility: (lang: Lang) => `${base}/${lang}/toegankelijkheid/`,
  /** The newcomer's guide: a few plain questions whose answers are the search page's own address parameters. */
  guide: (lang: Lang) => `${base}/${lang}/wegwijzer/`,
  holders: (lang: Lang) => `${base}/${lang}/aanbieders/`,
  /** The search page; its state lives in the query string (`?q=&route=Z`, see filter-state.ts). */
  search: (lang: Lang) => `${base}/${lang}/zoeken/`,
  /** Pagefind's bundle and the one index every language's search reads, written by the build (src/site/search-index.ts). */
  pagefind: () => `${base}/pagefind/`,
  /** Coordinates of every location in search order, for sorting search results by distance. */
  searchCoordinates: () => `${base}/zoeken/coordinaten.json`,
  /** The correction vocabulary, fetched only when a query finds nothing (src/register/spelling.ts). */
  searchVocabulary: () => `${base}/zoeken/woorden.json`,
  municipality: (lang: Lang, code: string) => `${base}/${lang}/gemeente/${code}/`,
  /** ASCII slug from the vocabulary, so Fryslân is `/provincie/fryslan/`. */
  province: (lang: Lang, province: Province) => `${base}/${lang}/provincie/${provinceSlug(province)}/`,
  municipalities: (lang: Lang) => `${base}/${lang}/gemeenten/`,
  /** A municipality's rows as CSV: one file for every language, since the data is not translated. */
  municipalityCsv: (code: string) => `${base}/data/gemeente/${code}.csv`,
  openData: (lang: Lang) => `${base}/${lang}/open-data/`,
  changes: (lang: Lang) => `${base}/${lang}/wijzigingen/`,
  /** One Atom feed per language: its entries are sentences, and a feed reader shows one language. */
  changesFeed: (lang: Lang) => `${base}/${lang}/wijzigingen.atom`,
  /** A national open-data file (`holders.csv`): language-neutral, one for every language. */
  dataFile: (name: string) => `${base}/data/${name}`,
  map: (lang: Lang) => `${base}/${lang}/kaart/`,
  /** The comparison of up to four locations; the ids travel in the query string, so the link can be shared. */
  compare: (lang: Lang, ids: readonly string[] = []) => `${base}/${lang}/vergelijken/${ids.length ? `?ids=${ids.join(',')}` : ''}`,
  /** The static JSON API: language-neutral documents, one per location and holder, and their index. */
  apiLocation: (locationId: string) => `${api}/vestiging/${locationId}.json`,
  apiHolder: (holderId: string) => `${api}/aanbieder/${holderId}.json`,
  apiIndex: () => `${api}/index.json`,
  /** The JSON Schema of one kind of API document (`vestiging`, `aanbieder`, `index`). */
  apiSchema: (kind: 'vestiging' | 'aanbieder' | 'index') => `${api}/schema/${kind}.schema.json`,
  /** The OpenAPI description of the whole API, at the place the Dutch API Design Rules name (API-51). */
  apiDescription: () => `${api}/openapi.json`,
  /** The register in figures: charts and tables, built at build time. */
  figures: (lang: Lang) => `${base}/${lang}/cijfers/`,
  /** The numbers of one chart of the figures page, as CSV: language-neutral, like the open data. */
  figureCsv: (id: string) => `${base}/data/cijfers/${id}.csv`,
  /** A holder's verification badge: one image for every language, for other websites to show. */
  badge: (holderId: string) => `${base}/badge/${holderId}.svg`,
  /** A municipality's list of locations, minimal, to be framed on the municipality's own website. */
  embedMunicipality: (lang: Lang, code: string) => `${base}/${lang}/embed/gemeente/${code}/`,
  /**
   * A holder's, municipality's or province's feed, per language (its entries are sentences).
   * Each format in a folder of its own, so one host rule states the content type of them all
   * (src/site/host-config.ts groups rules by folder; a feed beside its page would need a rule each).
   */
  feedAtom: (lang: Lang, scope: FeedFolder, key: string) => `${base}/${lang}/atom/${scope}/${key}.atom`,
  feedJson: (lang: Lang, scope: FeedFolder, key: string) => `${base}/${lang}/jsonfeed/${scope}/${key}.json`,
  /** A location's or municipality's upcoming courses as iCalendar, per language; in one folder for the same reason. */
  calendar: (lang: Lang, scope: 'vestiging' | 'gemeente', key: string) => `${base}/${lang}/agenda/${scope}/${key}.ics`,
  /** The map's marker data: one language-neutral file for every language. */
  mapMarkers: () => `${base}/kaart/locaties.json`,
  /**
   * The offline place index (`src/pages/plaatsen.json.ts`). The fields that take a place carry it
   * as `data-place-index`, so the browser scripts never write the path themselves.
   */
  placeIndex: () => `${base}/plaatsen.json`,
};

/**
 * An address with a blank for an identifier, written the OpenAPI way (`/api/v1/vestiging/{id}.json`):
 * the one placeholder convention of the site. The OpenAPI document names its blanks after the
 * field (`{location_id}`); pages hand the browser scripts `{id}`, which they fill with
 * `fillPlaceholders` (src/i18n/fill.ts), the function that fills the dictionaries' `{name}`.
 */
export function urlTemplate(path: (id: string) => string, name = 'id'): string {
  return path(`{${name}}`);
}

/** The same page in another language: swaps the language prefix and keeps the rest. */
export function switchLanguage(pathname: string, lang: Lang): string {
  const rest = pathname.slice(base.length).replace(/^\/[^/]+\//, '/');
  return `${base}/${lang}${rest === '/' ? '/' : rest}`;
}
