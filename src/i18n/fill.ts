/**
 * Fills `{name}` placeholders in a dictionary text. One function for the server's `t()` and
 * the browser scripts (search, map, filters), so a filled-in text looks the same wherever it
 * is made. Pure: no dictionaries, no DOM, safe to bundle into a client script.
 */

/**
 * In right-to-left text every value is wrapped in FSI…PDI (Unicode's `<bdi>` for plain text):
 * a Dutch name such as "'s-Hertogenbosch" or "Taalpunt B.V." then keeps its apostrophe and
 * full stop in place inside an Arabic sentence. Unknown placeholders stay visible, so a test
 * can catch them.
 */
export function fillPlaceholders(template: string, vars: Record<string, string | number>, dir: 'ltr' | 'rtl' = 'ltr'): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in vars)) return whole;
    const value = String(vars[name]);
    return dir === 'rtl' ? `\u2068${value}\u2069` : value;
  });
}
