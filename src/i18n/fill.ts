/**
 * Fills `{name}` placeholders in a dictionary text. One function for the server's `t()` and
 * the browser scripts (search, map, filters), so a filled-in text looks the same wherever it
 * is made. Pure: no dictionaries, no DOM, safe to bundle into a client script.
 */
import type { Dictionary, UIKey } from './dictionary.ts';
import { textDirection } from './languages.ts';

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

/** A dictionary lookup bound to one language, with its placeholders filled (`t('key', { name })`). */
export type Translate = (key: UIKey, vars?: Record<string, string | number>) => string;

/**
 * The `t()` of one dictionary. The pages get theirs from `useTranslations` (which finds the
 * dictionaries through Vite); code that runs in plain Node (the open data, scripts, tests)
 * imports a dictionary file and makes its own here, so both fill texts the same way.
 */
export function translator(dictionary: Dictionary, lang: string): Translate {
  const dir = textDirection(lang);
  return (key, vars) => (vars ? fillPlaceholders(dictionary[key], vars, dir) : dictionary[key]);
}
