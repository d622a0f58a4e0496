/**
 * Counts drawn by the search and map scripts, written as the build writes them. Apart from
 * dom.ts so the guide, which draws no numbers, does not load the number formats.
 */
import { formatNumber } from '../i18n/format.ts';
import { adoptLocaleShape } from './locale-shape.ts';

/** A number in the page's language ("1.234" in Dutch, "۱٬۲۳۴" in Pashto), as the build's `formatNumber` writes it. */
export function formatCount(n: number): string {
  adoptLocaleShape();
  return formatNumber(document.documentElement.lang, n);
}
