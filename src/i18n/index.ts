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

/**
 * One Intl formatter per language, made on first use: formatters are costly to construct and
 * pages format thousands of values.
 */
function perLanguage<F>(make: (lang: Lang) => F): (lang: Lang) => F {
  const made = new Map<Lang, F>();
  return (lang) => {
    let format = made.get(lang);
    if (!format) made.set(lang, (format = make(lang)));
    return format;
  };
}

const dateFormat = perLanguage((lang) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC', calendar: 'gregory' }));
// Formatting itself is costly too (dates stood out in a build's CPU profile; docs/architecture.md),
// and a register holds a few thousand distinct dates, each shown on many pages.
const formattedDates = new Map<string, string>();

/**
 * Formats an ISO date (`2024-03-01`) for a language. UTC, so the date never shifts by a
 * day in the build machine's time zone. Always the Gregorian calendar: Persian would
 * otherwise default to the Solar Hijri one, and the date must match the one in the letter.
 */
export function formatDate(lang: Lang, iso: string): string {
  const key = `${lang}:${iso}`;
  let text = formattedDates.get(key);
  if (text === undefined) formattedDates.set(key, (text = dateFormat(lang).format(new Date(`${iso}T00:00:00Z`))));
  return text;
}

const numberFormat = perLanguage((lang) => new Intl.NumberFormat(lang));

export function formatNumber(lang: Lang, n: number): string {
  return numberFormat(lang).format(n);
}

const priceFormat = (digits: 0 | 2) =>
  perLanguage((lang) => new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR', minimumFractionDigits: digits, maximumFractionDigits: digits }));
const wholeEuros = priceFormat(0);
const euroCents = priceFormat(2);

/** A course price in euros, the language's way ("€ 2.950,50", "2.950,50 €"); cents only when there are any. */
export function formatPrice(lang: Lang, euros: number): string {
  return (Number.isInteger(euros) ? wholeEuros : euroCents)(lang).format(euros);
}

const monthFormat = perLanguage((lang) => new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC', calendar: 'gregory' }));

/** A month (`2027-01`) as the language names it ("januari 2027"), Gregorian and UTC like `formatDate`. */
export function formatMonth(lang: Lang, yearMonth: string): string {
  return monthFormat(lang).format(new Date(`${yearMonth}-01T00:00:00Z`));
}

const kmFormat = perLanguage((lang) => new Intl.NumberFormat(lang, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 }));

/**
 * A distance in kilometres with the language's own unit and decimal sign ("4,2 km"), so
 * "nearby" lists and search results write distances the same way.
 */
export function formatKm(lang: Lang, km: number): string {
  return kmFormat(lang).format(km);
}

const yearFormat = perLanguage((lang) => new Intl.NumberFormat(lang, { useGrouping: false }));

/**
 * A year in the language's digits but without a thousands separator: `formatNumber` would
 * write 2024 as "2.024" in Dutch, which no reader takes for a year.
 */
export function formatYear(lang: Lang, year: number): string {
  return yearFormat(lang).format(year);
}

const percentFormat = perLanguage((lang) => new Intl.NumberFormat(lang, { style: 'unit', unit: 'percent', maximumFractionDigits: 1 }));

/** A percentage given as 0 to 100 (`71.3`), as the language writes one: "71,3%", "%71,3", "٪٧١٫٣". */
export function formatPercent(lang: Lang, percentage: number): string {
  return percentFormat(lang).format(percentage);
}

const markFormat = perLanguage((lang) => new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));

/** A mark from 1 to 10 with exactly one decimal ("7,0", not "7"), as a report card writes it. */
export function formatMark(lang: Lang, mark: number): string {
  return markFormat(lang).format(mark);
}
