/**
 * Links built from export values. The validator already refuses non-http(s) websites; this
 * is the second line of defence at the point where a value becomes an `href`.
 */

/** The URL if it is http or https, else undefined (the page then shows no link). */
export function safeWebLink(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A `tel:` link with only digits and a leading +, as phones expect. */
export function telLink(phone: string): string {
  const plus = phone.trim().startsWith('+') ? '+' : '';
  return `tel:${plus}${phone.replace(/\D/g, '')}`;
}
