import type { Lang } from '../../i18n/index.ts';

const formats = new Map<string, Intl.NumberFormat>();

/**
 * A file size in the language's own words and digits ("1,2 MB", "850 kB"), in decimal units
 * as browsers and operating systems show download sizes.
 */
export function formatFileSize(lang: Lang, bytes: number): string {
  const [unit, value] = bytes >= 1e6 ? (['megabyte', bytes / 1e6] as const) : bytes >= 1e3 ? (['kilobyte', bytes / 1e3] as const) : (['byte', bytes] as const);
  const key = `${lang}:${unit}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 })));
  return format.format(value);
}
