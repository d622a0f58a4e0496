/**
 * The comparison page: up to four locations side by side, read from the static JSON API
 * (`/api/v1/vestiging/{id}.json`, the same documents anyone can fetch). The ids come from
 * the URL (`?ids=A,B,C`), so the page can be shared and printed; without ids in the URL it
 * shows the visitor's shortlist. Ids that are malformed or not in the register are named.
 *
 * Every cell is plain text (`textContent`); rows whose text differs between the schools get
 * a visible "differs" marker, in words as well as colour.
 */
import type { ApiCourse, ApiLocation } from '../register/api-schema.ts';
import { distanceKm, type LatLon } from '../register/geo.ts';
import { formatDate, formatKm, formatNumber, formatPrice } from '../i18n/format.ts';
import { adoptLocaleShape } from './locale-shape.ts';
import { fillPlaceholders } from '../i18n/fill.ts';
import { ROW_KEYS, type RowKey } from '../i18n/labels.ts';
import { dutchTerms, el, fill, withDutchTerms } from './dom.ts';
import { announce, onShortlistChange, readShortlist, writeShortlist } from './shortlist.ts';
import { resolveOffline } from './place-resolver.ts';
import { IDENTIFIER } from '../register/identifier.ts';

/** At most this many schools side by side: what fits on a screen, and on one A4 landscape page. */
export const COMPARE_MAX = 4;

/** Interface text in the page's language, handed over by the page as `data-labels`. */
export interface CompareLabels {
  status: Record<string, string>;
  offer: Record<string, string>;
  daypart: Record<string, string>;
  rows: Record<RowKey, string>;
  caption: string;
  differs: string;
  same: string;
  unknown: string;
  notPublished: string;
  noCourse: string;
  noPrice: string;
  range: string;
  hours: string;
  group: string;
  yes: string;
  no: string;
  /** "{stars} of 4 stars (measurement year {year})", the aspirant text and "not assessed yet". */
  ratingStars: string;
  ratingAspirant: string;
  ratingNone: string;
  /** A norm's outcome by code (behaald, niet_behaald, geen_oordeel). */
  norm: Record<string, string>;
  noPlace: string;
  pageLink: string;
  holderLink: string;
  unknownIds: string;
  tooMany: string;
  failed: string;
  empty: string;
  loaded: string;
  placeNotFound: string;
  placeFound: string;
  remove: string;
  removed: string;
  removedAll: string;
}

/** Rows that say who and where a school is: they nearly always differ, so marking them would only hide the rows that matter. */
const IDENTITY_ROWS: readonly RowKey[] = ['holder', 'address'];

/** The ids a URL asks for: its `ids` parameter, comma-separated, each once, in order. */
export function idsFromUrl(search: string): string[] {
  const raw = new URLSearchParams(search).getAll('ids').flatMap((v) => v.split(','));
  return [...new Set(raw.map((id) => id.trim()).filter((id) => id !== ''))];
}

/** Splits requested ids into those to show (well-formed, at most four), malformed ones and those over the limit. */
export function planComparison(ids: readonly string[]): { show: string[]; malformed: string[]; overLimit: string[] } {
  const wellFormed = ids.filter((id) => IDENTIFIER.test(id));
  return { show: wellFormed.slice(0, COMPARE_MAX), malformed: ids.filter((id) => !IDENTIFIER.test(id)), overLimit: wellFormed.slice(COMPARE_MAX) };
}

/** A cell: its text, and a link when the value leads somewhere. */
interface Cell {
  text: string;
  href?: string;
  /** Nothing to show yet (the distance before a place is typed): printing leaves the row out. */
  empty?: boolean;
}

/** Formats of the page's language, made once. */
function formats(lang: string) {
  adoptLocaleShape();
  // The language's own list separators ("B1-route, Z-route"; an Arabic comma in Arabic).
  const list = new Intl.ListFormat(lang, { style: 'narrow', type: 'unit' });
  return {
    date: (iso: string) => formatDate(lang, iso),
    number: (n: number) => formatNumber(lang, n),
    km: (n: number) => formatKm(lang, n),
    price: (n: number) => formatPrice(lang, n),
    list: (items: string[]) => list.format(items),
  };
}

/** The cells of one location, row by row. `from` is the place the visitor typed, if any. */
export function locationCells(doc: ApiLocation, labels: CompareLabels, lang: string, pagePath: (id: string) => string, holderPath: (id: string) => string, from?: LatLon): Record<RowKey, Cell> {
  const f = formats(lang);
  const upcoming = doc.courses.filter((c) => c.phase === 'upcoming');
  const offers = [...doc.routes.map((r) => r.route as string), ...doc.profiles.map((p) => p.profile as string)];
  const range = (values: number[], format: (n: number) => string) => {
    if (values.length === 0) return undefined;
    const [min, max] = [Math.min(...values), Math.max(...values)];
    return min === max ? format(min) : fill(labels.range, { min: format(min), max: format(max) });
  };
  const fromCourses = (text: string | undefined) => (!doc.courses_published ? labels.notPublished : upcoming.length === 0 ? labels.noCourse : (text ?? labels.unknown));

  const next = new Map<string, ApiCourse>();
  for (const c of upcoming) if (!next.has(c.offer)) next.set(c.offer, c);
  const nextStart = offers.map((o) => `${labels.offer[o] ?? o}: ${next.has(o) ? f.date(next.get(o)!.start_date) : doc.courses_published ? labels.noCourse : labels.notPublished}`);

  const dayparts = new Set<string>();
  for (const o of [...doc.routes, ...doc.profiles, ...upcoming]) for (const d of o.dayparts ?? []) dayparts.add(d);
  const prices = upcoming.flatMap((c) => (c.price_eur === undefined ? [] : [c.price_eur]));
  const unpriced = upcoming.some((c) => c.price_eur === undefined);
  const priceText = [range(prices, f.price), unpriced ? labels.noPrice : undefined].filter(Boolean).join('; ');
  const located = doc.latitude !== undefined && doc.longitude !== undefined;

  // The newest measurement year's assessment, with its parts; "not published" when the export had no quality.csv.
  const latest = doc.assessments.reduce<ApiLocation['assessments'][number] | undefined>((a, b) => (a && a.measurement_year > b.measurement_year ? a : b), undefined);
  const quality = (text: (a: NonNullable<typeof latest>) => string) => ({ text: !doc.quality_published ? labels.notPublished : latest ? text(latest) : labels.ratingNone });
  const norm = (outcome: string) => labels.norm[outcome] ?? outcome;

  return {
    holder: { text: doc.holder.name, href: holderPath(doc.holder.holder_id) },
    status: { text: labels.status[doc.holder.keurmerk_status] ?? doc.holder.keurmerk_status },
    rating: quality((a) =>
      a.rating === 'aspirant' ? fill(labels.ratingAspirant, { year: a.measurement_year }) : fill(labels.ratingStars, { stars: f.number(Number(a.rating)), year: a.measurement_year }),
    ),
    normOrganisation: quality((a) => norm(a.norm_organisation)),
    normResults: quality((a) => norm(a.norm_results)),
    normSatisfaction: quality((a) => norm(a.norm_satisfaction)),
    offer: { text: offers.length ? f.list(offers.map((o) => labels.offer[o] ?? o)) : labels.unknown },
    nextStart: { text: offers.length ? nextStart.join('\n') : labels.unknown },
    dayparts: { text: dayparts.size ? f.list(Object.keys(labels.daypart).filter((d) => dayparts.has(d)).map((d) => labels.daypart[d]!)) : labels.unknown },
    hours: { text: fromCourses(range(upcoming.flatMap((c) => (c.hours_per_week === undefined ? [] : [c.hours_per_week])), (n) => fill(labels.hours, { hours: f.number(n) }))) },
    group: { text: fromCourses(range(upcoming.flatMap((c) => (c.max_group_size === undefined ? [] : [c.max_group_size])), (n) => fill(labels.group, { count: f.number(n) }))) },
    price: { text: fromCourses(priceText || undefined) },
    wheelchair: { text: doc.wheelchair_accessible === undefined ? labels.unknown : doc.wheelchair_accessible ? labels.yes : labels.no },
    distance: { empty: !from, text: !from ? labels.noPlace : located ? f.km(distanceKm(from, { lat: doc.latitude!, lon: doc.longitude! })) : labels.unknown },
    address: { text: `${doc.street} ${doc.house_number}${doc.house_number_suffix ? ` ${doc.house_number_suffix}` : ''}, ${doc.postcode} ${doc.city}`, href: pagePath(doc.location_id) },
  };
}

/** Fetches one location's document; `undefined` when the register has no such location. */
async function fetchLocation(apiPath: (id: string) => string, id: string): Promise<ApiLocation | undefined> {
  const response = await fetch(apiPath(id));
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as ApiLocation;
}

/** Draws the table: one column per location, one row per fact, differing rows marked. */
function drawTable(table: HTMLTableElement, docs: ApiLocation[], cells: Record<RowKey, Cell>[], labels: CompareLabels, lang: string, pagePath: (id: string) => string): void {
  table.replaceChildren();
  table.append(el('caption', 'kr-visually-hidden', fill(labels.caption, { count: docs.length })));
  const head = el('thead');
  const headRow = el('tr');
  headRow.append(el('td'));
  docs.forEach((doc) => {
    const th = el('th', 'kr-compare__school');
    th.scope = 'col';
    const link = el('a');
    link.href = pagePath(doc.location_id);
    link.append(el('bdi', undefined, doc.name));
    th.append(link, el('span', 'kr-compare__city', doc.city));
    headRow.append(th);
  });
  head.append(headRow);
  const body = el('tbody');
  for (const key of ROW_KEYS) {
    const texts = cells.map((c) => c[key].text);
    const differs = docs.length > 1 && !IDENTITY_ROWS.includes(key) && new Set(texts).size > 1;
    const row = el('tr', differs ? 'kr-compare__row kr-compare__row--differs' : 'kr-compare__row');
    row.dataset.row = key;
    row.dataset.differs = String(differs);
    row.dataset.empty = String(cells.every((c) => c[key].empty === true));
    const th = el('th', 'kr-compare__label');
    th.scope = 'row';
    th.append(withDutchTerms(el('span'), labels.rows[key]));
    if (differs) th.append(' ', el('span', 'kr-compare__differs', labels.differs));
    row.append(th);
    cells.forEach((c, i) => {
      const td = el('td', 'kr-compare__value');
      // On a phone the table becomes a stack: each value says whose it is (see compare-page.css).
      td.dataset.school = docs[i]!.name;
      const cell = c[key];
      if (cell.href) {
        const a = el('a');
        a.href = cell.href;
        // Export text: the holder's name isolated, the address left to right as everywhere.
        a.append(el(key === 'address' ? 'span' : 'bdi', key === 'address' ? 'kr-ltr' : undefined, cell.text));
        td.append(a);
      } else {
        // Translated text (labels, dates) flows in the page's own direction; its Dutch terms are read in Dutch.
        for (const [n, line] of cell.text.split('\n').entries()) {
          if (n > 0) td.append(el('br'));
          td.append(...dutchTerms(line));
        }
      }
      row.append(td);
    });
    body.append(row);
  }
  table.append(head, body);
  table.lang = lang;
}

/** The location documents fetched so far, by id (`undefined`: the register has no such location), so each is fetched once per page view. */
class LocationDocs {
  readonly #byId = new Map<string, ApiLocation | undefined>();
  readonly #apiPath: (id: string) => string;

  /** `apiPath` gives a location document's address. */
  constructor(apiPath: (id: string) => string) {
    this.#apiPath = apiPath;
  }

  /** Fetches the documents not fetched yet; answers the ids whose fetch failed (offline), which a later call tries again. */
  async load(ids: readonly string[]): Promise<string[]> {
    const failed: string[] = [];
    await Promise.all(
      ids.filter((id) => !this.#byId.has(id)).map(async (id) => {
        try {
          this.#byId.set(id, await fetchLocation(this.#apiPath, id));
        } catch {
          failed.push(id);
        }
      }),
    );
    return failed;
  }

  /** The document, once fetched and found. */
  get(id: string): ApiLocation | undefined {
    return this.#byId.get(id);
  }

  /** Whether the register answered that it has no such location. */
  unknown(id: string): boolean {
    return this.#byId.has(id) && this.#byId.get(id) === undefined;
  }
}

/** The comparison's elements, by their `data-compare-{name}` attribute. */
type Part = <T extends HTMLElement>(name: string) => T;

/** Names the ids the page cannot show, and why: not in the register, over the limit, or not loaded. */
function showProblems(problems: HTMLElement, labels: CompareLabels, ids: { unknown: string[]; overLimit: string[]; failed: string[] }): void {
  problems.replaceChildren();
  const say = (text: string) => problems.append(el('p', 'kr-compare__problem', text));
  if (ids.unknown.length) say(fill(labels.unknownIds, { ids: ids.unknown.join(', ') }));
  if (ids.overLimit.length) say(fill(labels.tooMany, { ids: ids.overLimit.join(', ') }));
  if (ids.failed.length) say(fill(labels.failed, { ids: ids.failed.join(', ') }));
  problems.hidden = problems.childElementCount === 0;
}

/** The link to share: the ids actually shown. */
function showShareLink(part: Part, shown: ApiLocation[]): void {
  const share = part<HTMLAnchorElement>('share');
  const shareUrl = new URL(location.href);
  shareUrl.search = shown.length ? `?ids=${shown.map((d) => d.location_id).join(',')}` : '';
  share.href = shareUrl.href;
  share.textContent = shareUrl.href;
  part('share-block').hidden = shown.length === 0;
}

/**
 * The visitor's shortlist below the comparison: each kept school with a remove button, a
 * link comparing the first four, and "remove all". Follows every change of the shortlist,
 * in this tab and others.
 */
class ShortlistPanel {
  readonly #part: Part;
  readonly #docs: LocationDocs;
  readonly #labels: CompareLabels;
  readonly #pagePath: (id: string) => string;

  constructor(part: Part, docs: LocationDocs, labels: CompareLabels, pagePath: (id: string) => string) {
    [this.#part, this.#docs, this.#labels, this.#pagePath] = [part, docs, labels, pagePath];
  }

  /** Draws the shortlist now and after every change. */
  async follow(): Promise<void> {
    const kept = readShortlist();
    await this.#docs.load(kept);
    this.#draw(kept);
    onShortlistChange((ids) => void this.#docs.load(ids).then(() => this.#draw(ids)));
    this.#part<HTMLButtonElement>('remove-all').addEventListener('click', () => {
      writeShortlist([]);
      announce(this.#labels.removedAll);
    });
  }

  #draw(ids: readonly string[]): void {
    const part = this.#part;
    const list = part<HTMLUListElement>('shortlist');
    list.replaceChildren();
    part('shortlist-empty').hidden = ids.length > 0;
    part('shortlist-actions').hidden = ids.length === 0;
    part<HTMLAnchorElement>('shortlist-compare').href = `${location.pathname}?ids=${ids.slice(0, COMPARE_MAX).join(',')}`;
    for (const id of ids) list.append(this.#item(id));
  }

  /** One kept school: its name linked to its page (or its id, when it is not in the register), and its remove button. */
  #item(id: string): HTMLLIElement {
    const labels = this.#labels;
    const doc = this.#docs.get(id);
    const item = el('li', 'kr-compare__kept');
    const name = doc ? doc.name : id;
    if (doc) {
      const a = el('a');
      a.href = this.#pagePath(id);
      a.append(el('bdi', undefined, name));
      item.append(a, ` (${doc.city})`);
    } else item.append(el('bdi', undefined, id));
    const remove = el('button', 'kr-button kr-button--secondary kr-compare__remove', fill(labels.remove, { name }));
    remove.type = 'button';
    remove.addEventListener('click', () => {
      const rest = writeShortlist(readShortlist().filter((x) => x !== id));
      announce(fill(labels.removed, { name, count: rest.length }));
    });
    item.append(' ', remove);
    return item;
  }
}

/** "Distance from": resolves the typed place offline (nothing leaves the browser) and hands it to `onPlace`. */
function bindPlaceForm(part: Part, labels: CompareLabels, onPlace: (place: LatLon) => void): void {
  const form = part<HTMLFormElement>('place');
  const message = part('place-message');
  const field = form.querySelector('input')!;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = field.value.trim();
    if (!input) return;
    void resolveOffline(field, input)
      .catch(() => undefined)
      .then((place) => {
        // An unknown place is an error of this field: marked on it and tied to it (WCAG 3.3.1).
        field.setAttribute('aria-invalid', String(!place));
        if (!place) {
          message.textContent = labels.placeNotFound;
          return;
        }
        message.textContent = fill(labels.placeFound, { place: place.label });
        onPlace(place);
      });
  });
}

/** Runs the comparison page inside `root` (the element with `data-compare`). */
export async function initCompare(root: HTMLElement): Promise<void> {
  const labels = JSON.parse(root.dataset.labels!) as CompareLabels;
  const lang = document.documentElement.lang;
  // The pages give addresses as templates (`/nl/vestiging/{id}/`, src/site/paths.ts urlTemplate).
  const address = (template: string, id: string) => fillPlaceholders(template, { id: encodeURIComponent(id) });
  const pagePath = (id: string) => address(root.dataset.page!, id);
  const holderPath = (id: string) => address(root.dataset.holderPage!, id);
  const part: Part = <T extends HTMLElement>(name: string) => root.querySelector<T>(`[data-compare-${name}]`)!;
  const table = part<HTMLTableElement>('table');
  const status = part('status');

  root.querySelector('[data-compare-noscript]')?.remove();
  for (const element of root.querySelectorAll<HTMLElement>('[data-compare-js]')) element.hidden = false;

  const fromUrl = idsFromUrl(location.search);
  const plan = planComparison(fromUrl.length > 0 ? fromUrl : readShortlist());
  const docs = new LocationDocs((id) => address(root.dataset.api!, id));

  status.textContent = '';
  const failed = await docs.load(plan.show);
  const shown = plan.show.flatMap((id) => docs.get(id) ?? []);
  const unknown = [...plan.malformed, ...plan.show.filter((id) => docs.unknown(id))];
  /** The table, with the distance from `from` once the visitor typed a place. */
  const draw = (from?: LatLon) => {
    const cells = shown.map((doc) => locationCells(doc, labels, lang, pagePath, holderPath, from));
    table.hidden = shown.length === 0;
    if (shown.length > 0) drawTable(table, shown, cells, labels, lang, pagePath);
  };
  showProblems(part('problems'), labels, { unknown, overLimit: plan.overLimit, failed });
  draw();
  performance.mark('kr-compare-rendered');
  root.dataset.state = 'ready';
  status.textContent = shown.length === 0 && unknown.length === 0 && failed.length === 0 ? labels.empty : fill(labels.loaded, { count: shown.length });
  showShareLink(part, shown);

  await new ShortlistPanel(part, docs, labels, pagePath).follow();
  part<HTMLButtonElement>('print').addEventListener('click', () => window.print());
  bindPlaceForm(part, labels, draw);
}
