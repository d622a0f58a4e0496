/**
 * Interface text and locale formatting. Pages call `useTranslations(lang)` once and get a
 * `t()` bound to their language, so no component can mix two languages on one page.
 */
import type { Dictionary, UIKey } from './dictionary.ts';
import { fillPlaceholders } from './fill.ts';
import { LANG_CODES, textDirection, type Lang } from './languages.ts';

export * from './languages.ts';
export { fillPlaceholders };
export type { Dictionary, UIKey };

const modules = import.meta.glob<{ default: Dictionary }>('./dictionaries/*.ts', { eager: true });

/**
 * Every dictionary by language code, found by file name (`dictionaries/ar.ts`), so that a
 * new language is its dictionary file plus its line in `languages.ts`, nothing more.
 */
export const DICTIONARIES = Object.fromEntries(
  LANG_CODES.map((code) => {
    const module = modules[`./dictionaries/${code}.ts`];
    if (!module) throw new Error(`no dictionary for language "${code}": add src/i18n/dictionaries/${code}.ts`);
    return [code, module.default];
  }),
) as Record<Lang, Dictionary>;

export type Translate = (key: UIKey, vars?: Record<string, string | number>) => string;

/**
 * A `t()` for one language. Placeholders are filled by `fillPlaceholders`, which isolates the
 * values in right-to-left languages: in page text, attributes and the Atom feed alike.
 */
export function useTranslations(lang: Lang): Translate {
  const dictionary = DICTIONARIES[lang];
  const dir = textDirection(lang);
  return (key, vars) => (vars ? fillPlaceholders(dictionary[key], vars, dir) : dictionary[key]);
}

// Intl formatters are costly to construct and pages format thousands of values: one per language.
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();
const numberFormats = new Map<Lang, Intl.NumberFormat>();
// Formatting itself is costly too (4% of a 10x build's CPU profile went to dates), and
// a register holds a few thousand distinct dates, each shown on many pages.
const formattedDates = new Map<string, string>();

/**
 * Formats an ISO date (`2024-03-01`) for a language. UTC, so the date never shifts by a
 * day in the build machine's time zone. Always the Gregorian calendar: Persian would
 * otherwise default to the Solar Hijri one, and the date must match the one in the letter.
 */
export function formatDate(lang: Lang, iso: string): string {
  const key = `${lang}:${iso}`;
  let text = formattedDates.get(key);
  if (text === undefined) {
    let format = dateFormats.get(lang);
    if (!format) dateFormats.set(lang, (format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC', calendar: 'gregory' })));
    formattedDates.set(key, (text = format.format(new Date(`${iso}T00:00:00Z`))));
  }
  return text;
}

export function formatNumber(lang: Lang, n: number): string {
  let format = numberFormats.get(lang);
  if (!format) numberFormats.set(lang, (format = new Intl.NumberFormat(lang)));
  return format.format(n);
}

const priceFormats = new Map<string, Intl.NumberFormat>();

/** A course price in euros, the language's way ("€ 2.950,50", "2.950,50 €"); cents only when there are any. */
export function formatPrice(lang: Lang, euros: number): string {
  const digits = Number.isInteger(euros) ? 0 : 2;
  const key = `${lang}:${digits}`;
  let format = priceFormats.get(key);
  if (!format) priceFormats.set(key, (format = new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR', minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return format.format(euros);
}

const monthFormats = new Map<Lang, Intl.DateTimeFormat>();

/** A month (`2027-01`) as the language names it ("januari 2027"), Gregorian and UTC like `formatDate`. */
export function formatMonth(lang: Lang, yearMonth: string): string {
  let format = monthFormats.get(lang);
  if (!format) monthFormats.set(lang, (format = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC', calendar: 'gregory' })));
  return format.format(new Date(`${yearMonth}-01T00:00:00Z`));
}

const kmFormats = new Map<Lang, Intl.NumberFormat>();

/**
 * A distance in kilometres with the language's own unit and decimal sign ("4,2 km"), so
 * "nearby" lists and search results write distances the same way.
 */
export function formatKm(lang: Lang, km: number): string {
  let format = kmFormats.get(lang);
  if (!format) kmFormats.set(lang, (format = new Intl.NumberFormat(lang, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 })));
  return format.format(km);
}

const yearFormats = new Map<Lang, Intl.NumberFormat>();

/**
 * A year in the language's digits but without a thousands separator: `formatNumber` would
 * write 2024 as "2.024" in Dutch, which no reader takes for a year.
 */
export function formatYear(lang: Lang, year: number): string {
  let format = yearFormats.get(lang);
  if (!format) yearFormats.set(lang, (format = new Intl.NumberFormat(lang, { useGrouping: false })));
  return format.format(year);
}

const percentFormats = new Map<Lang, Intl.NumberFormat>();

/** A percentage given as 0 to 100 (`71.3`), as the language writes one: "71,3%", "%71,3", "٪٧١٫٣". */
export function formatPercent(lang: Lang, percentage: number): string {
  let format = percentFormats.get(lang);
  if (!format) percentFormats.set(lang, (format = new Intl.NumberFormat(lang, { style: 'unit', unit: 'percent', maximumFractionDigits: 1 })));
  return format.format(percentage);
}

const markFormats = new Map<Lang, Intl.NumberFormat>();

/** A mark from 1 to 10 with exactly one decimal ("7,0", not "7"), as a report card writes it. */
export function formatMark(lang: Lang, mark: number): string {
  let format = markFormats.get(lang);
  if (!format) markFormats.set(lang, (format = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 })));
  return format.format(mark);
}
