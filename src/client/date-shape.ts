/**
 * The page's date shape (BaseLayout's `<meta name="kr-date-shape">`, src/i18n/format.ts), taken
 * up where this browser has no locale data for the page's language, so a date a script draws
 * reads like the dates the build wrote around it (Somali, Pashto and Tigrinya in Chromium).
 */
import { useDateShapeWhereMissing, type DateShape } from '../i18n/format.ts';

export function adoptDateShape(doc: Document = document): void {
  const meta = doc.querySelector<HTMLMetaElement>('meta[name="kr-date-shape"]');
  if (meta) useDateShapeWhereMissing(doc.documentElement.lang, JSON.parse(meta.content) as DateShape);
}
