/**
 * Interface text and locale formatting. Pages call `useTranslations(lang)` once and get a
 * `t()` bound to their language, so no component can mix two languages on one page.
 */
import type { Dictionary, UIKey } from './dictionary.ts';
import { translator, type Translate } from './fill.ts';
import type { Lang } from './languages.ts';
import nl from './dictionaries/nl.ts';
import en from './dictionaries/en.ts';
import ar from './dictionaries/ar.ts';
import tr from './dictionaries/tr.ts';
import uk from './dictionaries/uk.ts';
import fa from './dictionaries/fa.ts';
import ti from './dictionaries/ti.ts';
import so from './dictionaries/so.ts';
import ps from './dictionaries/ps.ts';

export * from './languages.ts';
export * from './format.ts';
export type { Dictionary, Translate, UIKey };

/**
 * Every dictionary by language code. Imported by name rather than found by Vite, so plain Node
 * (the worker that writes the feeds and calendars, src/site/side-files.ts) gets the very same
 * texts as the pages; and a language without its dictionary fails `tsc`, not a build.
 */
export const DICTIONARIES: Record<Lang, Dictionary> = { nl, en, ar, tr, uk, fa, ti, so, ps };

/**
 * The one prop every component that writes text takes: the page's language, handed down from
 * the page rather than read from the URL, so a component renders the same in its example
 * fixture as on its page. Components extend it (`interface Props extends LangProps`).
 */
export interface LangProps {
  lang: Lang;
}

/**
 * A `t()` for one language. Placeholders are filled by `fillPlaceholders`, which isolates the
 * values in right-to-left languages: in page text, attributes and the Atom feed alike.
 */
export function useTranslations(lang: Lang): Translate {
  return translator(DICTIONARIES[lang], lang);
}

