/**
 * The shape every language's dictionary must have: exactly the keys of the Dutch one.
 * A missing key is a type error here and a failing test in `tests/i18n`.
 */
import type nl from './dictionaries/nl.ts';

export type UIKey = keyof typeof nl;
export type Dictionary = Record<UIKey, string>;
