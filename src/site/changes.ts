/**
 * The change log in words, for the changes page and the Atom feeds: one sentence builder for
 * both, so a feed reader and the page say the same thing about the same change.
 */
import { createHash } from 'node:crypto';
import { changeIdentity, type Change, type ChangeLog } from '../register/changes.ts';
import { formatDate, useTranslations, type Lang, type UIKey } from '../i18n/index.ts';
import { codeLabel } from '../i18n/labels.ts';
import { paths } from './paths.ts';

/** How many changes the page and the feeds show; every change is in changes.csv and changes.json. */
export const CHANGES_SHOWN = 200;
export const FEED_ENTRIES = 100;

/** Dictionary key of a kind of change. */
export const changeLabelKey = (change: Change): UIKey => `changes.kind.${change.change}` as UIKey;

/** The page a change is about: the location for a new one, else the holder (closed locations have no page). */
export function changeLink(lang: Lang, change: Change): string {
  return change.change === 'location_opened' && change.location_id ? paths.location(lang, change.location_id) : paths.holder(lang, change.holder_id);
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
 * The Atom feed (RFC 4287) of one language: the newest changes, each with a stable id, its
 * date from the data (never the clock), a link to the page it is about, and text-only title
 * and summary, so a name like `<b>vet</b>` reaches the feed reader as those characters.
 */
export function changesFeed(lang: Lang, log: ChangeLog, site?: URL | string): string {
  const t = useTranslations(lang);
  const url = (path: string) => xmlText(site ? new URL(path, site).href : path);
  const stamp = (date: string) => `${date}T00:00:00Z`;
  const entries = log.changes.slice(0, FEED_ENTRIES);
  const updated = [log.exportDate, ...entries.map((c) => c.date)].sort().at(-1)!;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`,
    `  <id>${stableUuid(`changes/${lang}`)}</id>`,
    `  <title type="text">${xmlText(t('changes.feed.title'))}</title>`,
    `  <subtitle type="text">${xmlText(changeBasis(lang, log))}</subtitle>`,
    `  <updated>${stamp(updated)}</updated>`,
    `  <author><name>${xmlText(t('site.name'))}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${url(paths.changesFeed(lang))}"/>`,
    `  <link rel="alternate" type="text/html" href="${url(paths.changes(lang))}"/>`,
    `  <rights type="text">CC0 1.0</rights>`,
  ];
  for (const change of entries) {
    const key = [lang, ...changeIdentity(change)].join('/');
    lines.push(
      '  <entry>',
      `    <id>${stableUuid(key)}</id>`,
      `    <title type="text">${xmlText(changeTitle(lang, change))}</title>`,
      `    <updated>${stamp(change.date)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${url(changeLink(lang, change))}"/>`,
      `    <category term="${change.change}"/>`,
      `    <summary type="text">${xmlText(changeSummary(lang, change))}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
