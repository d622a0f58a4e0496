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
  const pieces = piecesOf(template);
  let text = pieces[0] as string;
  for (let i = 1; i < pieces.length; i += 2) {
    const name = pieces[i] as string;
    text += name in vars ? (dir === 'rtl' ? `\u2068${vars[name]}\u2069` : String(vars[name])) : `{${name}}`;
    text += pieces[i + 1] as string;
  }
  return text;
}

/**
 * A template split once into text and placeholder names, alternating (`['Bewaard: ', 'name', '']`).
 * Filling placeholders ran millions of times in a large build, each a regular-expression
 * replace; the templates are the few hundred texts of the dictionaries.
 */
const pieceCache = new Map<string, readonly string[]>();
function piecesOf(template: string): readonly string[] {
  let pieces = pieceCache.get(template);
  if (!pieces) pieceCache.set(template, (pieces = template.split(/\{(\w+)\}/)));
  return pieces;
}

/** A dictionary lookup bound to one language, with its placeholders filled (`t('key', { name })`). */
export type Translate = (key: UIKey, vars?: Record<string, string | number>) => string;

/**
 * The `t()` of one dictionary: `useTranslations` makes the pages' and the worker's from it; code
 * that needs one dictionary only (the open data, scripts, tests) imports that dictionary file and
 * makes its own here, so every text is filled the same way.
 */
export function translator(dictionary: Dictionary, lang: string): Translate {
  const dir = textDirection(lang);
  return (key, vars) => (vars ? fillPlaceholders(dictionary[key], vars, dir) : dictionary[key]);
}
