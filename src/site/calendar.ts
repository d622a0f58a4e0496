/**
 * Course starts as iCalendar files (RFC 5545), so a learner can put a start date in the phone's
 * calendar: one file per location and one per municipality, with every course still to start
 * on the export date. Written by the `ical-generator` library; one file per language, because
 * an event's summary and description are sentences, like the feeds' entries.
 *
 * Each course is one all-day event on its first lesson; its last lesson, where known, is in the
 * description (an event stretched over months would cover the learner's calendar). The UID is
 * derived from the course itself (location, offer, start, dayparts), so it is the same in every
 * build and every language: a calendar that imports the file again updates the event instead
 * of adding it twice. DTSTAMP is the export date, never the build's clock.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Course, Location, Register } from '../register/model.ts';
import { holderOf, locationName, municipalities, streetLine } from '../register/model.ts';
import { coursesOn } from '../register/courses.ts';
import { formatDate, useTranslations, type Lang } from '../i18n/index.ts';
import { offerLabel } from '../i18n/labels.ts';
import { stableUuid } from './changes.ts';
import { paths } from './paths.ts';

/** A course's permanent UID: the same course in every build and every language. */
export function courseUid(location: Pick<Location, 'location_id'>, course: Course): string {
  return `${stableUuid(`course/${location.location_id}/${course.offer}/${course.start_date}/${(course.dayparts ?? []).join('+')}`).slice('urn:uuid:'.length)}@keurmerkregister-inburgeren`;
}

/** Locations with at least one course still to start: only they get a calendar file. */
export function locationsWithPlannedCourses(register: Register, exportDate: string): Location[] {
  return register.locations.filter((l) => coursesOn(l, exportDate).upcoming.length > 0);
}

/** Municipalities (by CBS code and name) with at least one course still to start. */
export function municipalitiesWithPlannedCourses(register: Register, exportDate: string): { code: string; name: string; locations: Location[] }[] {
  return municipalities(register)
    .map((m) => ({ code: m.code, name: m.name, locations: m.locations.filter((l) => coursesOn(l, exportDate).upcoming.length > 0) }))
    .filter((m) => m.locations.length > 0);
}

const utcDay = (date: string) => new Date(`${date}T00:00:00Z`);

/** One calendar of the upcoming courses at some locations; `site` makes the links absolute (a calendar app cannot follow a path). */
export function courseCalendar(
  lang: Lang,
  name: string,
  locations: readonly Location[],
  register: Register,
  exportDate: string,
  site?: URL | string,
): string {
  const t = useTranslations(lang);
  const calendar = ical({ name, prodId: { company: 'Keurmerkregister Inburgeren', product: 'cursussen', language: lang.toUpperCase() }, method: ICalCalendarMethod.PUBLISH });
  for (const location of locations) {
    const holder = holderOf(register, location);
    const school = locationName(location, holder);
    const page = paths.location(lang, location.location_id);
    const url = site ? new URL(page, site).href : page;
    const address = `${streetLine(location)}, ${location.postcode} ${location.city}`;
    for (const course of coursesOn(location, exportDate).upcoming) {
      const period = course.end_date
        ? t('courses.period', { start: formatDate(lang, course.start_date), end: formatDate(lang, course.end_date) })
        : t('courses.from', { start: formatDate(lang, course.start_date) });
      calendar.createEvent({
        id: courseUid(location, course),
        stamp: utcDay(exportDate),
        start: utcDay(course.start_date),
        allDay: true,
        summary: t('calendar.event.summary', { offer: offerLabel(t, course.offer), school }),
        description: `${period}\n${t('calendar.event.description', { school, url })}`,
        location: address,
        ...(site ? { url } : {}),
      });
    }
  }
  return calendar.toString();
}
