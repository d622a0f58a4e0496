/**
 * Following the register, on a built sample site: every holder's, municipality's and
 * province's feed in two languages, read back by a real feed parser (Atom) and checked against
 * the JSON Feed 1.1 schema (JSON), holds an entry for each of its changes in the register model
 * and nothing else, with the same ids in a second build of the same export; every course
 * calendar, read back by ical.js, holds exactly the location's upcoming courses; and every
 * holder and location page in every language has the report section, whose e-mail names the
 * right school.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANG_CODES, type Lang } from '../../src/i18n/index.ts';
import { historyChanges, type Change } from '../../src/register/changes.ts';
import { coursesOn } from '../../src/register/courses.ts';
import { exportDateOf, municipalities, provinceSlug, provincesInRegister, type Register } from '../../src/register/index.ts';
import { changeEntryId } from '../../src/site/changes.ts';
import { courseUid } from '../../src/site/calendar.ts';
import { DEFAULT_MELDPUNT_EMAIL } from '../../src/site/report.ts';
import { loadRegister } from '../support/register.ts';
import { builtSite, ROOT, TEST_SITE_URL as SITE } from '../support/site.ts';

const DATA = resolve(ROOT, 'data');
const CONTACT = 'register@example.nl';
const register: Register = loadRegister(DATA);
const exportDate = exportDateOf(register);
/** A first publication: the log is the whole history (the builds here have no previous one). */
const log = historyChanges(register, exportDate);
const FEED_LANGS: Lang[] = ['nl', 'ar'];
const FEED_ENTRIES = 100;

let first: string;
let second: string;

beforeAll(async () => {
  // The same export twice, the second with the register's contact address set (so its line shows).
  [first, second] = await Promise.all([
    builtSite({ data: DATA, env: { SITE_URL: SITE, REGISTER_FIRST_PUBLICATION: 'yes' } }),
    builtSite({ data: DATA, env: { SITE_URL: SITE, REGISTER_FIRST_PUBLICATION: 'yes', REGISTER_CONTACT_EMAIL: CONTACT } }),
  ]);
}, 900_000);

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

/** What a feed of each scope must hold, worked out from the model here, apart from the site's own grouping. */
function expectedChanges(kind: 'holder' | 'municipality' | 'province', key: string): Change[] {
  const teachesIn = (holderId: string, test: (l: Register['locations'][number]) => boolean) => register.holderById.get(holderId)?.locations.some(test) ?? false;
  const provinceOfCode = new Map(municipalities(register).map((m) => [m.code, m.province]));
  return log.changes.filter((c) => {
    if (kind === 'holder') return c.holder_id === key;
    if (kind === 'municipality') return c.municipality_code ? c.municipality_code === key : teachesIn(c.holder_id, (l) => l.municipality_code === key);
    return c.municipality_code ? provinceOfCode.get(c.municipality_code) === key : teachesIn(c.holder_id, (l) => l.province === key);
  });
}

/** Each scope with its page's folder and the name of its feed files (`/{lang}/atom/{dir}.atom`, `/{lang}/jsonfeed/{dir}.json`). */
const scopes: { kind: 'holder' | 'municipality' | 'province'; key: string; dir: string }[] = [
  ...register.holders.map((h) => ({ kind: 'holder' as const, key: h.holder_id, dir: `aanbieder/${h.holder_id}` })),
  ...municipalities(register).map((m) => ({ kind: 'municipality' as const, key: m.code, dir: `gemeente/${m.code}` })),
  ...provincesInRegister(register).map((p) => ({ kind: 'province' as const, key: p, dir: `provincie/${provinceSlug(p)}` })),
];
const atomOf = (lang: Lang, dir: string) => `${lang}/atom/${dir}.atom`;
const jsonOf = (lang: Lang, dir: string) => `${lang}/jsonfeed/${dir}.json`;

describe('feeds per holder, municipality and province', () => {
  it('the sample has changes of every kind the feeds report', () => {
    const kinds = new Set(log.changes.map((c) => c.change));
    for (const kind of ['granted', 'rated', 'classroom_visit', 'course_planned'] as const) expect(kinds, kind).toContain(kind);
  });

  for (const lang of FEED_LANGS) {
    it(`every Atom feed (${lang}) parses and holds one entry per change, newest first, linking to its page`, () => {
      for (const scope of scopes) {
        const expected = expectedChanges(scope.kind, scope.key).slice(0, FEED_ENTRIES);
        const feed = parseFeed(read(first, atomOf(lang, scope.dir)));
        expect(feed.language ?? lang, scope.dir).toBe(lang);
        expect(feed.items.map((i) => i.id), scope.dir).toEqual(expected.map((c) => changeEntryId(lang, c)));
        expect(feed.items.map((i) => i.updated?.toISOString().slice(0, 10)), scope.dir).toEqual(expected.map((c) => c.date));
        for (const [i, item] of feed.items.entries()) {
          const change = expected[i]!;
          const page = change.change === 'location_opened' || change.change === 'course_planned' ? `/${lang}/vestiging/${change.location_id}/` : `/${lang}/aanbieder/${change.holder_id}/`;
          expect(item.url, `${scope.dir} ${item.id}`).toBe(new URL(page, SITE).href);
          expect(item.title, `${scope.dir} ${item.id}`).toContain(change.holder_name);
        }
      }
    });

    it(`every JSON Feed (${lang}) is valid JSON Feed 1.1 and holds the same entries as its Atom feed`, () => {
      // `anyOf` of `required` is how JSON Feed says "a name, a url or an avatar": strict otherwise.
      const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
      addFormats.default(ajv);
      const validate = ajv.compile(JSON.parse(read(ROOT, 'tests/fixtures/schemas/jsonfeed-1.1.schema.json')));
      for (const scope of scopes) {
        const doc = JSON.parse(read(first, jsonOf(lang, scope.dir)));
        expect(validate(doc) ? [] : validate.errors, scope.dir).toEqual([]);
        const atom = parseFeed(read(first, atomOf(lang, scope.dir)));
        expect(doc.items.map((i: { id: string }) => i.id), scope.dir).toEqual(atom.items.map((i) => i.id));
        expect(doc.feed_url).toBe(new URL(`/${jsonOf(lang, scope.dir)}`, SITE).href);
      }
    });

    it(`feed files (${lang}) are the same bytes in a second build of the same export: entry ids never move`, () => {
      for (const scope of scopes) {
        for (const file of [atomOf(lang, scope.dir), jsonOf(lang, scope.dir)]) expect(read(second, file), file).toBe(read(first, file));
      }
    });
  }

  it('every holder, municipality and province page names its feeds in its head and in a "Volg" section', () => {
    for (const lang of LANG_CODES) {
      for (const scope of scopes) {
        const html = read(first, `${lang}/${scope.dir}/index.html`);
        const atom = new URL(`/${atomOf(lang, scope.dir)}`, SITE).href;
        expect(html, scope.dir).toContain(`<link rel="alternate" type="application/atom+xml"`);
        expect(html, scope.dir).toContain(`href="${atom}"`);
        expect(html, scope.dir).toContain('type="application/feed+json"');
        expect(html, scope.dir).toMatch(/<section[^>]*data-section="volg"/);
      }
    }
  });
});

describe('course calendars', () => {
  const withCourses = register.locations.filter((l) => coursesOn(l, exportDate).upcoming.length > 0);

  it('the sample has locations with courses to come, and locations without', () => {
    expect(withCourses.length).toBeGreaterThan(0);
    expect(withCourses.length).toBeLessThan(register.locations.length);
  });

  for (const lang of FEED_LANGS) {
    it(`every location's calendar (${lang}) holds one all-day event per upcoming course, with stable UIDs and the export date as DTSTAMP`, () => {
      for (const location of register.locations) {
        const path = join(first, `${lang}/agenda/vestiging/${location.location_id}.ics`);
        const upcoming = coursesOn(location, exportDate).upcoming;
        expect(existsSync(path), location.location_id).toBe(upcoming.length > 0);
        if (upcoming.length === 0) continue;
        const text = readFileSync(path, 'utf8');
        const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
        expect(events.map((e) => e.uid)).toEqual(upcoming.map((c) => courseUid(location, c)));
        for (const [i, event] of events.entries()) {
          const course = upcoming[i]!;
          expect(event.startDate.isDate, event.uid).toBe(true);
          expect(event.startDate.toString()).toBe(course.start_date);
          expect(event.summary).toContain(location.name ?? register.holderById.get(location.holder_id)!.name);
          expect(event.location).toContain(location.postcode);
          expect(event.description).toContain(new URL(`/${lang}/vestiging/${location.location_id}/`, SITE).href);
          if (course.end_date) expect(event.description).toMatch(/\d/);
          expect(event.component.getFirstPropertyValue('dtstamp')?.toString()).toBe(`${exportDate}T00:00:00Z`);
        }
        expect(read(second, `${lang}/agenda/vestiging/${location.location_id}.ics`)).toBe(text);
      }
    });

    it(`every municipality's calendar (${lang}) holds the upcoming courses of all its locations`, () => {
      for (const m of municipalities(register)) {
        const expected = m.locations.flatMap((l) => coursesOn(l, exportDate).upcoming.map((c) => courseUid(l, c)));
        const path = join(first, `${lang}/agenda/gemeente/${m.code}.ics`);
        expect(existsSync(path), m.code).toBe(expected.length > 0);
        if (expected.length === 0) continue;
        const events = new ICAL.Component(ICAL.parse(readFileSync(path, 'utf8'))).getAllSubcomponents('vevent');
        expect(events.map((v) => String(v.getFirstPropertyValue('uid'))).sort(), m.code).toEqual([...expected].sort());
      }
    });
  }

  it('"Zet in mijn agenda" sits beside every upcoming course on the location page, in every language', () => {
    for (const lang of LANG_CODES) {
      for (const location of withCourses) {
        const html = read(first, `${lang}/vestiging/${location.location_id}/index.html`);
        const links = html.match(/data-calendar-link/g) ?? [];
        expect(links.length, location.location_id).toBe(coursesOn(location, exportDate).upcoming.length);
        expect(html).toContain(`href="/${lang}/agenda/vestiging/${location.location_id}.ics"`);
      }
    }
  });
});

describe('"Iets melden over deze school"', () => {
  /** The mailto links of a page's report section, decoded. */
  const reportLinks = (html: string) => {
    const section = /<section[^>]*data-section="iets-melden"[\s\S]*?<\/section>/.exec(html)?.[0];
    if (!section) return undefined;
    const decode = (href: string) => {
      const url = new URL(href.replace(/&amp;/g, '&'));
      return { to: url.pathname, subject: url.searchParams.get('subject') ?? '', body: url.searchParams.get('body') ?? '' };
    };
    const href = (attr: string) => new RegExp(`<a href="(mailto:[^"]+)"[^>]*${attr}`).exec(section)?.[1];
    const meldpunt = href('data-report-mail');
    const error = href('data-report-error');
    return { meldpunt: meldpunt ? decode(meldpunt) : undefined, error: error ? decode(error) : undefined };
  };
  const isolate = (text: string) => text.replace(/[\u2068\u2069]/g, '');

  it('is on every holder and location page in every language, and its e-mail names the right school, its id and the page', () => {
    const pages = [
      ...register.holders.map((h) => ({ path: `aanbieder/${h.holder_id}`, holder: h })),
      ...register.locations.map((l) => ({ path: `vestiging/${l.location_id}`, holder: register.holderById.get(l.holder_id)! })),
    ];
    for (const lang of LANG_CODES) {
      for (const { path, holder } of pages) {
        const links = reportLinks(read(first, `${lang}/${path}/index.html`));
        expect(links?.meldpunt, `${lang}/${path}`).toBeDefined();
        const mail = links!.meldpunt!;
        expect(mail.to).toBe(DEFAULT_MELDPUNT_EMAIL);
        expect(isolate(mail.subject), `${lang}/${path}`).toContain(holder.name);
        expect(isolate(mail.subject)).toContain(holder.holder_id);
        expect(isolate(mail.body)).toContain(new URL(`/${lang}/${path}/`, SITE).href);
        // Without REGISTER_CONTACT_EMAIL there is no line to a dead address.
        expect(links!.error, `${lang}/${path}`).toBeUndefined();
      }
    }
  });

  it('names the register\'s own address for mistakes only when the build sets one', () => {
    const holder = register.holders[0]!;
    const links = reportLinks(read(second, `nl/aanbieder/${holder.holder_id}/index.html`));
    expect(links?.error?.to).toBe(CONTACT);
    expect(links?.error?.subject).toContain(holder.name);
  });
});
