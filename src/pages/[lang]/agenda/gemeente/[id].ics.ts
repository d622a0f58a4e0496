/**
 * `/{lang}/agenda/gemeente/{code}.ics`: the courses still to start at every location in this
 * municipality, as one iCalendar file (src/site/calendar.ts). Only for municipalities with such
 * a course; one per language, because its events are sentences.
 */
import type { APIRoute } from 'astro';
import type { Lang } from '../../../../i18n/index.ts';
import type { Location } from '../../../../register/model.ts';
import { courseCalendar, municipalitiesWithPlannedCourses } from '../../../../site/calendar.ts';
import { getExportDate, getRegister } from '../../../../site/register.ts';
import { languageItemPaths } from '../../../../site/static-paths.ts';
import { useTranslations } from '../../../../i18n/index.ts';

export const getStaticPaths = () => languageItemPaths(municipalitiesWithPlannedCourses(getRegister(), getExportDate()), (m) => m.code);

export const GET: APIRoute = ({ props, site }) => {
  const { lang, item } = props as { lang: Lang; item: { code: string; name: string; locations: Location[] } };
  const name = useTranslations(lang)('calendar.name.municipality', { name: item.name });
  const body = courseCalendar(lang, name, item.locations, getRegister(), getExportDate(), site);
  return new Response(body, { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
};
