/**
 * The page's locale shape (BaseLayout's `<meta name="kr-locale-shape">`, src/i18n/format.ts),
 * taken up where this browser has no locale data for the page's language, so a date or number
 * a script draws reads like the ones the build wrote around it (Somali, Pashto and Tigrinya in
 * Chromium: Pashto's "۲٫۵" and not "2.5", Tigrinya's "ኪሜ" and not "km").
 */
import { useLocaleShapeWhereMissing, type LocaleShape } from '../i18n/format.ts';

/** Documents whose shape was taken up: the meta is read once, however many cards are drawn. */
const adopted = new WeakSet<Document>();

export function adoptLocaleShape(doc: Document = document): void {
  if (adopted.has(doc)) return;
  adopted.add(doc);
  const meta = doc.querySelector<HTMLMetaElement>('meta[name="kr-locale-shape"]');
  if (meta) useLocaleShapeWhereMissing(doc.documentElement.lang, JSON.parse(meta.content) as LocaleShape);
}
