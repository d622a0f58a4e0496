/**
 * The change log in words, for the changes page and every feed (the whole register's and each
 * holder's, municipality's and province's, in Atom and JSON Feed): one sentence builder and one
 * entry builder for all of them, so a feed reader and the page say the same thing about the
 * same change, under the same permanent id.
 */
import { createHash } from 'node:crypto';
import { changeIdentity, type Change, type ChangeLog } from '../register/changes.ts';
import { ratingStars } from '../register/vocabulary.ts';
import { formatDate, useTranslations, type Lang, type UIKey } from '../i18n/index.ts';
import { codeLabel, offerLabel } from '../i18n/labels.ts';
import { paths } from './paths.ts';

/** How many changes the page and the feeds show; every change is in changes.csv and changes.json. */
export const CHANGES_SHOWN = 200;
export const FEED_ENTRIES = 100;

/** Dictionary key of a kind of change. */
export const changeLabelKey = (change: Change): UIKey => `changes.kind.${change.change}` as UIKey;

/** The page a change is about: the location for a new one or a new course, else the holder (closed locations have no page). */
export function changeLink(lang: Lang, change: Change): string {
  return (change.change === 'location_opened' || change.change === 'course_planned') && change.location_id
    ? paths.location(lang, change.location_id)
    : paths.holder(lang, change.holder_id);
}

/** A change as a headline: "Geschorst: Taalschool Noord" or "Nieuwe vestiging: Taalschool Noord, Assen". */
export function changeTitle(lang: Lang, change: Change): string {
  const t = useTranslations(lang);
  const label = t(changeLabelKey(change));
  return change.city
    ? t('changes.entry.titleWithPlace', { change: label, name: change.holder_name, place: change.city })
    : t('changes.entry.title', { change: label, name: change.holder_name });
}

/** A change as plain sentences: the new status and the old one, or the location, and the note. */
export function changeSummary(lang: Lang, change: Change): string {
  const t = useTranslations(lang);
  const parts: string[] = [];
  if (change.status) {
    const status = codeLabel(t, 'status', change.status);
    // A new holder's date is the publication's; its status may be older, so no date is given for it.
    parts.push(change.change === 'holder_added' ? t('changes.entry.currentStatus', { status }) : t('changes.entry.status', { status, date: formatDate(lang, change.date) }));
  }
  if (change.previous_status) parts.push(t('changes.entry.previous', { status: codeLabel(t, 'status', change.previous_status) }));
  if (change.rating !== undefined && change.measurement_year !== undefined) {
    const stars = ratingStars(change.rating);
    const rating = stars === undefined ? t('rating.aspirant') : t('rating.stars', { stars });
    parts.push(t('changes.entry.rating', { year: change.measurement_year, rating }));
  }
  if (change.outcome) parts.push(t('changes.entry.visit', { outcome: t(`quality.visits.${change.outcome}`) }));
  if (change.offer && change.start_date) parts.push(t('changes.entry.course', { offer: offerLabel(t, change.offer), date: formatDate(lang, change.start_date) }));
  if (change.location_name && change.city) parts.push(t('changes.entry.location', { name: change.location_name, place: change.city }));
  if (change.note) parts.push(change.note);
  return parts.join(' ');
}

/** What the change log was measured against, in a sentence. */
export function changeBasis(lang: Lang, log: ChangeLog): string {
  const t = useTranslations(lang);
  return log.basis === 'previous' && log.since
    ? t('changes.basis.previous', { since: formatDate(lang, log.since), date: formatDate(lang, log.exportDate) })
    : t('changes.basis.history', { date: formatDate(lang, log.exportDate) });
}

/**
 * A name-based UUID (RFC 4122 version 5 layout over SHA-1): an Atom id must never change,
 * and must not depend on the site's address, which may move.
 */
export function stableUuid(name: string): string {
  const hex = createHash('sha1').update(`keurmerkregister-inburgeren:${name}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Text for XML: characters XML 1.0 cannot hold become U+FFFD, markup characters are escaped. */
export function xmlText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * One feed: the whole register's, or one holder's, municipality's or province's. `key` names
 * it for its permanent id (`changes` for the whole register, `aanbieder/KH0001`, …), so the
 * feed's id never depends on the site's address.
 */
export interface FeedSpec {
  key: string;
  title: string;
  subtitle: string;
  /** The page the feed is about. */
  page: string;
  /** Its Atom and JSON Feed addresses. */
  atom: string;
  json: string;
  /** Newest first (the change log's order). */
  changes: readonly Change[];
  exportDate: string;
}

/** One entry, the same in both formats: the Atom and the JSON Feed writers only spell it. */
interface FeedEntry {
  id: string;
  title: string;
  date: string;
  link: string;
  kind: Change['change'];
  summary: string;
}

/** An entry's permanent id: the same change gets the same id in every feed and every build of its language. */
export function changeEntryId(lang: Lang, change: Change): string {
  return stableUuid([lang, ...changeIdentity(change)].join('/'));
}

/** The newest changes of a feed as entries, with absolute links when the site's address is known. */
function feedEntries(lang: Lang, spec: FeedSpec, site?: URL | string): FeedEntry[] {
  return spec.changes.slice(0, FEED_ENTRIES).map((change) => ({
    id: changeEntryId(lang, change),
    title: changeTitle(lang, change),
    date: change.date,
    link: absolute(changeLink(lang, change), site),
    kind: change.change,
    summary: changeSummary(lang, change),
  }));
}

const absolute = (path: string, site?: URL | string) => (site ? new URL(path, site).href : path);
/** Dates in the feeds are the decisions' own: midnight UTC of that day, never the build's clock. */
const stamp = (date: string) => `${date}T00:00:00Z`;
const newest = (spec: FeedSpec) => [spec.exportDate, ...spec.changes.slice(0, FEED_ENTRIES).map((c) => c.date)].sort().at(-1)!;

/**
 * A feed in Atom (RFC 4287): each entry with its stable id, its date from the data, a link to
 * the page it is about, and text-only title and summary, so a name like `<b>vet</b>` reaches
 * the feed reader as those characters.
 */
export function atomFeed(lang: Lang, spec: FeedSpec, site?: URL | string): string {
  const t = useTranslations(lang);
  const url = (path: string) => xmlText(absolute(path, site));
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`,
    `  <id>${stableUuid(`${spec.key}/${lang}`)}</id>`,
    `  <title type="text">${xmlText(spec.title)}</title>`,
    `  <subtitle type="text">${xmlText(spec.subtitle)}</subtitle>`,
    `  <updated>${stamp(newest(spec))}</updated>`,
    `  <author><name>${xmlText(t('site.name'))}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${url(spec.atom)}"/>`,
    `  <link rel="alternate" type="text/html" href="${url(spec.page)}"/>`,
    `  <rights type="text">CC0 1.0</rights>`,
  ];
  for (const entry of feedEntries(lang, spec, site)) {
    lines.push(
      '  <entry>',
      `    <id>${entry.id}</id>`,
      `    <title type="text">${xmlText(entry.title)}</title>`,
      `    <updated>${stamp(entry.date)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(entry.link)}"/>`,
      `    <category term="${entry.kind}"/>`,
      `    <summary type="text">${xmlText(entry.summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** The same feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1), for readers and scripts that prefer JSON. */
export function jsonFeed(lang: Lang, spec: FeedSpec, site?: URL | string): string {
  const t = useTranslations(lang);
  const doc = {
    version: 'https://jsonfeed.org/version/1.1',
    title: spec.title,
    description: spec.subtitle,
    home_page_url: absolute(spec.page, site),
    feed_url: absolute(spec.json, site),
    language: lang,
    authors: [{ name: t('site.name') }],
    items: feedEntries(lang, spec, site).map((entry) => ({
      id: entry.id,
      url: entry.link,
      title: entry.title,
      content_text: entry.summary,
      date_published: stamp(entry.date),
      tags: [entry.kind],
    })),
  };
  return `${JSON.stringify(doc, null, 1)}\n`;
}

/** The whole register's feed of one language: its id and address are the ones it always had. */
export function changesFeed(lang: Lang, log: ChangeLog, site?: URL | string): string {
  const t = useTranslations(lang);
  return atomFeed(lang, {
    key: 'changes',
    title: t('changes.feed.title'),
    subtitle: changeBasis(lang, log),
    page: paths.changes(lang),
    atom: paths.changesFeed(lang),
    json: paths.changesFeed(lang),
    changes: log.changes,
    exportDate: log.exportDate,
  }, site);
}
