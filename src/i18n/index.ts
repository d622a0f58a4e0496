/**
 * Interface text and locale formatting. Pages call `useTranslations(lang)` once and get a
 * `t()` bound to their language, so no component can mix two languages on one page.
 */
import type { Dictionary, UIKey } from './dictionary.ts';
import { translator, type Translate } from './fill.ts';
import { LANG_CODES, type Lang } from './languages.ts';

export * from './languages.ts';
export * from './format.ts';
export type { Dictionary, Translate, UIKey };

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

/**
 * A `t()` for one language. Placeholders are filled by `fillPlaceholders`, which isolates the
 * values in right-to-left languages: in page text, attributes and the Atom feed alike.
 */
export function useTranslations(lang: Lang): Translate {
  return translator(DICTIONARIES[lang], lang);
}

