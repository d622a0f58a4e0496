/**
 * `/{lang}/agenda/vestiging/{id}.ics`: this location's courses still to start, as an
 * iCalendar file ("Zet in mijn agenda" beside each course; src/site/calendar.ts). Only for
 * locations with such a course; one per language, because its events are sentences.
 */
import type { APIRoute } from 'astro';
import type { Lang } from '../../../../i18n/index.ts';
import type { Location } from '../../../../register/model.ts';
import { holderOf, locationName } from '../../../../register/model.ts';
import { courseCalendar, locationsWithPlannedCourses } from '../../../../site/calendar.ts';
import { getExportDate, getRegister } from '../../../../site/register.ts';
import { languageItemPaths } from '../../../../site/static-paths.ts';
import { useTranslations } from '../../../../i18n/index.ts';

export const getStaticPaths = () => languageItemPaths(locationsWithPlannedCourses(getRegister(), getExportDate()), (l) => l.location_id);

export const GET: APIRoute = ({ props, site }) => {
  const { lang, item } = props as { lang: Lang; item: Location };
  const register = getRegister();
  const name = useTranslations(lang)('calendar.name.location', { name: locationName(item, holderOf(register, item)) });
  const body = courseCalendar(lang, name, [item], register, getExportDate(), site);
  return new Response(body, { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
};
