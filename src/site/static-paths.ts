/**
 * `getStaticPaths` helpers, so every page type is generated for every language the same way.
 */
import { LANG_CODES, type Lang } from '../i18n/languages.ts';

/** One path per language for pages that exist once per language. */
export function languagePaths() {
  return LANG_CODES.map((lang) => ({ params: { lang }, props: { lang } }));
}

/** One path per language and item, for pages such as one per holder. */
export function languageItemPaths<T>(items: readonly T[], id: (item: T) => string) {
  return LANG_CODES.flatMap((lang: Lang) => items.map((item) => ({ params: { lang, id: id(item) }, props: { lang, item } })));
}
