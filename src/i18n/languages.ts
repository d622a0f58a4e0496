/**
 * The site's languages. Adding a language is one dictionary file plus one line here.
 *
 * Order matters: it is the order of the language switcher and of `hreflang` alternates.
 */

export interface Language {
  /** BCP 47 code; also the URL prefix (`/nl/`) and Pagefind's index language. */
  code: string;
  /** The language's name in itself: people look for their own language, not its Dutch name. */
  name: string;
}

export const LANGUAGES = [
  { code: 'nl', name: 'Nederlands' },
  { code: 'en', name: 'English' },
  { code: 'ar', name: 'العربية' },
  { code: 'tr', name: 'Türkçe' },
  { code: 'uk', name: 'Українська' },
  { code: 'fa', name: 'فارسی' },
  { code: 'ti', name: 'ትግርኛ' },
  { code: 'so', name: 'Soomaali' },
  { code: 'ps', name: 'پښتو' },
] as const satisfies readonly Language[];

export type Lang = (typeof LANGUAGES)[number]['code'];

/** Dutch is the register's official language and the fallback for `/`. */
export const DEFAULT_LANG: Lang = 'nl';

// Marked pure so a browser bundle that only needs textDirection drops the list.
export const LANG_CODES: readonly Lang[] = /* @__PURE__ */ LANGUAGES.map((l) => l.code);

/**
 * Text direction from the locale itself (Intl.Locale text info), so a new right-to-left
 * language needs no list to be kept up to date here. The fallback covers engines without
 * `getTextInfo`, using the scripts that are written right to left.
 */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  // Asked several times per page; Intl.Locale's text info is slow enough to show in a build profile.
  let direction = directions.get(lang);
  if (!direction) directions.set(lang, (direction = directionOf(lang)));
  return direction;
}

const directions = new Map<string, 'ltr' | 'rtl'>();

function directionOf(lang: string): 'ltr' | 'rtl' {
  const locale = new Intl.Locale(lang) as Intl.Locale & {
    getTextInfo?: () => { direction: 'ltr' | 'rtl' };
    textInfo?: { direction: 'ltr' | 'rtl' };
  };
  const info = locale.getTextInfo?.() ?? locale.textInfo;
  if (info) return info.direction;
  const script = locale.maximize().script ?? '';
  return ['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm'].includes(script) ? 'rtl' : 'ltr';
}
