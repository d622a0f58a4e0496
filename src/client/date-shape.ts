/**
 * The page's date shape (BaseLayout's `<meta name="kr-date-shape">`, src/i18n/format.ts), taken
 * up where this browser has no locale data for the page's language, so a date a script draws
 * reads like the dates the build wrote around it (Somali, Pashto and Tigrinya in Chromium).
 */
import { useDateShapeWhereMissing, type DateShape } from '../i18n/format.ts';

/** Documents whose shape was taken up: the meta is read once, however many cards are drawn. */
const adopted = new WeakSet<Document>();

export function adoptDateShape(doc: Document = document): void {
  if (adopted.has(doc)) return;
  adopted.add(doc);
  const meta = doc.querySelector<HTMLMetaElement>('meta[name="kr-date-shape"]');
  if (meta) useDateShapeWhereMissing(doc.documentElement.lang, JSON.parse(meta.content) as DateShape);
}
