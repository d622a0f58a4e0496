/**
 * Dates and numbers as each language writes them: one module for the pages, the open data,
 * scripts in plain Node and the browser scripts, so a date on a card the browser draws looks
 * exactly like the same date on the page around it. Pure `Intl`: no dictionaries, no Vite,
 * no DOM. Languages are codes (`nl`, `ar`), as a page's `<html lang>` gives them to a script.
 */
/**
 * One Intl formatter per language (or per kind of number), made on first use: formatters are
 * costly to construct and pages format thousands of values.
 */
function madeOncePer<K, F>(make: (key: K) => F): (key: K) => F {
  const made = new Map<K, F>();
  return (key) => {
    let format = made.get(key);
    if (!format) made.set(key, (format = make(key)));
    return format;
  };
}

const dateFormat = madeOncePer((lang: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC', calendar: 'gregory' }));
// Formatting itself is costly too (dates stood out in a build's CPU profile; docs/architecture.md),
// and a register holds a few thousand distinct dates, each shown on many pages.
const formattedDates = new Map<string, string>();

/**
 * Formats an ISO date (`2024-03-01`) for a language. UTC, so the date never shifts by a
 * day in the build machine's time zone. Always the Gregorian calendar: Persian would
 * otherwise default to the Solar Hijri one, and the date must match the one in the letter.
 */
export function formatDate(lang: string, iso: string): string {
  const key = `${lang}:${iso}`;
  let text = formattedDates.get(key);
  if (text === undefined) {
    const shape = borrowedShapes.get(lang);
    formattedDates.set(key, (text = shape ? formatDateByShape(shape, iso) : dateFormat(lang).format(new Date(`${iso}T00:00:00Z`))));
  }
  return text;
}

/**
 * How a language writes dates and numbers, in words, digits and signs the page can carry to
 * the browser: the twelve month names and the order of day, month and year (`{day} {month}
 * {year}`), the ten digits, the decimal and thousands signs, and where the unit of a distance
 * and the euro sign stand (`{n} km`, `€ {n}`). Browsers leave out the locale data of some
 * languages (Chromium has none for Somali, Pashto or Tigrinya) and then write an English date
 * in a Somali sentence, or "2.5" beside the build's Pashto "۲٫۵"; the build's own Intl has
 * them, so the page hands its shape to the scripts that draw dates and numbers.
 */
export interface LocaleShape {
  months: string[];
  pattern: string;
  digits: string;
  decimal: string;
  group: string;
  km: string;
  price: string;
}

/** The locale shape of a language, as this runtime's Intl writes it (the build's, with full locale data). */
export function localeShape(lang: string): LocaleShape {
  const format = dateFormat(lang);
  const parts = (month: number) => format.formatToParts(new Date(Date.UTC(2000, month, 1)));
  const placeholder: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = { day: '{day}', month: '{month}', year: '{year}' };
  const sign = (type: 'decimal' | 'group') => numberFormat(lang).formatToParts(1234.5).find((part) => part.type === type)?.value ?? '';
  return {
    months: Array.from({ length: 12 }, (_, month) => parts(month).find((part) => part.type === 'month')!.value),
    // V8's format() writes a narrow no-break space (U+202F) as a plain space, its formatToParts()
    // does not ("1 січня 2026 р."); the shape must write what format() writes.
    pattern: parts(0).map((part) => placeholder[part.type] ?? part.value.replace(/\u202f/g, ' ')).join(''),
    digits: Array.from({ length: 10 }, (_, digit) => yearFormat(lang).format(digit)).join(''),
    decimal: sign('decimal'),
    group: sign('group'),
    km: numberPattern(kmFormat(lang).formatToParts(2.5)),
    price: numberPattern(wholeEuros(lang).formatToParts(2950)),
  };
}

const NUMBER_PARTS: ReadonlySet<string> = new Set(['integer', 'group', 'decimal', 'fraction', 'minusSign', 'plusSign']);

/** A formatted number's text with the number itself as `{n}`: "2,5 km" → "{n} km". */
function numberPattern(parts: Intl.NumberFormatPart[]): string {
  let pattern = '';
  for (const part of parts) {
    if (!NUMBER_PARTS.has(part.type)) pattern += part.value.replace(/\u202f/g, ' ');
    else if (!pattern.endsWith('{n}')) pattern += '{n}';
  }
  return pattern;
}

/** Shapes borrowed from the page for languages this runtime cannot write (`useLocaleShapeWhereMissing`). */
const borrowedShapes = new Map<string, LocaleShape>();

/**
 * Writes this language's dates and numbers from `shape` from now on, if this runtime has no
 * locale data for it; where it has, its own Intl stays in charge (and writes what the shape says).
 */
export function useLocaleShapeWhereMissing(lang: string, shape: LocaleShape): void {
  if (Intl.DateTimeFormat.supportedLocalesOf([lang]).length === 0) borrowedShapes.set(lang, shape);
}

/** A date written from a shape, as a browser without the language's locale data writes it. */
export function formatDateByShape(shape: LocaleShape, iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const digits = (n: number) => String(n).replace(/\d/g, (d) => shape.digits[Number(d)]!);
  return shape.pattern.replace('{day}', digits(day)).replace('{month}', shape.months[month - 1]!).replace('{year}', digits(year));
}

// Every engine has `en-US`: its "1,234.5" is rewritten sign by sign into the shape's. Made on
// first use, like the formatters above, so a script that only writes dates never builds them.
const FRACTIONS = {
  count: { maximumFractionDigits: 3 },
  km: { maximumFractionDigits: 1 },
  wholeEuros: { maximumFractionDigits: 0 },
  cents: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
} as const;
type Fractions = keyof typeof FRACTIONS;
const plainNumber = madeOncePer((kind: Fractions) => new Intl.NumberFormat('en-US', FRACTIONS[kind]));

/** A number written from a shape: `en-US` digits and signs swapped for the language's. */
export function formatNumberByShape(shape: LocaleShape, n: number, kind: Fractions = 'count'): string {
  return plainNumber(kind).format(n).replace(/[0-9.,]/g, (c) => (c === '.' ? shape.decimal : c === ',' ? shape.group : shape.digits[Number(c)]!));
}

const numberFormat = madeOncePer((lang: string) => new Intl.NumberFormat(lang));

export function formatNumber(lang: string, n: number): string {
  const shape = borrowedShapes.get(lang);
  return shape ? formatNumberByShape(shape, n) : numberFormat(lang).format(n);
}

const priceFormat = (digits: 0 | 2) =>
  madeOncePer((lang: string) => new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR', minimumFractionDigits: digits, maximumFractionDigits: digits }));
const wholeEuros = priceFormat(0);
const euroCents = priceFormat(2);

/** A course price in euros, the language's way ("€ 2.950,50", "2.950,50 €"); cents only when there are any. */
export function formatPrice(lang: string, euros: number): string {
  const shape = borrowedShapes.get(lang);
  if (shape) return shape.price.replace('{n}', formatNumberByShape(shape, euros, Number.isInteger(euros) ? 'wholeEuros' : 'cents'));
  return (Number.isInteger(euros) ? wholeEuros : euroCents)(lang).format(euros);
}

const monthFormat = madeOncePer((lang: string) => new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC', calendar: 'gregory' }));

/** A month (`2027-01`) as the language names it ("januari 2027"), Gregorian and UTC like `formatDate`. */
export function formatMonth(lang: string, yearMonth: string): string {
  return monthFormat(lang).format(new Date(`${yearMonth}-01T00:00:00Z`));
}

const kmFormat = madeOncePer((lang: string) => new Intl.NumberFormat(lang, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 }));

/**
 * A distance in kilometres with the language's own unit and decimal sign ("4,2 km"), so
 * "nearby" lists and search results write distances the same way.
 */
export function formatKm(lang: string, km: number): string {
  const shape = borrowedShapes.get(lang);
  return shape ? shape.km.replace('{n}', formatNumberByShape(shape, km, 'km')) : kmFormat(lang).format(km);
}

const yearFormat = madeOncePer((lang: string) => new Intl.NumberFormat(lang, { useGrouping: false }));

/**
 * A year in the language's digits but without a thousands separator: `formatNumber` would
 * write 2024 as "2.024" in Dutch, which no reader takes for a year.
 */
export function formatYear(lang: string, year: number): string {
  return yearFormat(lang).format(year);
}

const percentFormat = madeOncePer((lang: string) => new Intl.NumberFormat(lang, { style: 'unit', unit: 'percent', maximumFractionDigits: 1 }));

/** A percentage given as 0 to 100 (`71.3`), as the language writes one: "71,3%", "%71,3", "٪٧١٫٣". */
export function formatPercent(lang: string, percentage: number): string {
  return percentFormat(lang).format(percentage);
}

const markFormat = madeOncePer((lang: string) => new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));

/** A mark from 1 to 10 with exactly one decimal ("7,0", not "7"), as a report card writes it. */
export function formatMark(lang: string, mark: number): string {
  return markFormat(lang).format(mark);
}
