/**
 * The files beside the pages: every feed (Atom and JSON Feed per holder, municipality and
 * province), every course calendar, the JSON API and every verification badge; about 70,000
 * files at ten times the register's size, in nine languages.
 *
 * Why not Astro endpoints, as they were: Astro spends as much on each endpoint file (its route
 * pipeline, a Response, a folder check, a write) as on a page, and these files are strings that
 * need none of it. So they are made here, as plain strings, by a worker thread that runs on the
 * machine's second core while Astro renders the pages on the first
 * (src/site/side-files-integration.ts). The bytes are the same as the endpoints wrote.
 */
import { municipalities, provincesInRegister, holderOf, locationName, type Register } from '../register/model.ts';
import { LANG_CODES, useTranslations } from '../i18n/index.ts';
import { getApi } from './api.ts';
import { badgeSvg } from './badge.ts';
import { courseCalendar, locationsWithPlannedCourses, municipalitiesWithPlannedCourses } from './calendar.ts';
import { atomFeed, jsonFeed } from './changes.ts';
import { feedSpec, type FeedScope } from './feeds.ts';
import { paths } from './paths.ts';
import { getOpenData } from './open-data.ts';
import { getExportDate, getRegister } from './register.ts';

/** One file: its address on the site (`/nl/atom/aanbieder/KH0001.atom`) and its text. */
export interface SideFile {
  path: string;
  body: string;
}

/** Every feed scope of the register: each holder, each municipality, each province. */
export function feedScopes(register: Register): FeedScope[] {
  return [
    ...register.holders.map((h): FeedScope => ({ kind: 'holder', id: h.holder_id, name: h.name })),
    ...municipalities(register).map((m): FeedScope => ({ kind: 'municipality', code: m.code, name: m.name })),
    ...provincesInRegister(register).map((province): FeedScope => ({ kind: 'province', province })),
  ];
}

/** The feeds of every scope in every language, Atom and JSON Feed. */
function* feedFiles(register: Register, site?: URL | string): Generator<SideFile> {
  const scopes = feedScopes(register);
  for (const lang of LANG_CODES) {
    for (const scope of scopes) {
      const spec = feedSpec(lang, scope, site);
      yield { path: spec.atom, body: atomFeed(lang, spec, site) };
      yield { path: spec.json, body: jsonFeed(lang, spec, site) };
    }
  }
}

/** The course calendars: per location and per municipality with a course still to start, in every language. */
function* calendarFiles(register: Register, exportDate: string, site?: URL | string): Generator<SideFile> {
  const locations = locationsWithPlannedCourses(register, exportDate);
  const places = municipalitiesWithPlannedCourses(register, exportDate);
  for (const lang of LANG_CODES) {
    const t = useTranslations(lang);
    for (const location of locations) {
      const name = t('calendar.name.location', { name: locationName(location, holderOf(register, location)) });
      yield { path: paths.calendar(lang, 'vestiging', location.location_id), body: courseCalendar(lang, name, [location], register, exportDate, site) };
    }
    for (const place of places) {
      const name = t('calendar.name.municipality', { name: place.name });
      yield { path: paths.calendar(lang, 'gemeente', place.code), body: courseCalendar(lang, name, place.locations, register, exportDate, site) };
    }
  }
}

/** The static JSON API: its index, description, schemas and one document per holder and location. */
function* apiFiles(): Generator<SideFile> {
  const api = getApi();
  yield { path: paths.apiIndex(), body: api.index };
  yield { path: paths.apiDescription(), body: api.openapi };
  for (const [kind, text] of Object.entries(api.schemas)) yield { path: paths.apiSchema(kind as keyof typeof api.schemas), body: text };
  for (const [id, text] of api.holders) yield { path: paths.apiHolder(id), body: text };
  for (const [id, text] of api.locations) yield { path: paths.apiLocation(id), body: text };
}

/** Every holder's verification badge: one image for every language. */
function* badgeFiles(register: Register, exportDate: string): Generator<SideFile> {
  for (const holder of register.holders) yield { path: paths.badge(holder.holder_id), body: badgeSvg(holder, exportDate) };
}

/**
 * Every side file of this build's register, made one at a time so the worker writes each as it
 * is made instead of holding 300 MB of text. `site` is the public address (SITE_URL): feeds and
 * calendars hold absolute links, as a feed reader or a calendar app cannot follow a path.
 */
export function* sideFiles(site?: URL | string): Generator<SideFile> {
  const register = getRegister();
  const exportDate = getExportDate();
  yield* feedFiles(register, site);
  yield* calendarFiles(register, exportDate, site);
  yield* apiFiles();
  yield* badgeFiles(register, getOpenData(site).exportDate);
}
