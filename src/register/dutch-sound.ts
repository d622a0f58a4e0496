/**
 * A Dutch sound key: how a word sounds, as far as newcomers write what they hear. Two
 * words with the same key are spelled differently but said alike ("Lijden" and "Leiden",
 * "Nymegen" and "Nijmegen", "Gauda" and "Gouda", "Filips" and "Philips", "Stadt" and
 * "Stad"), so spelling correction (spelling.ts) treats them as nearer than any typing
 * error, even where the edit distance alone is too far for the word's length.
 *
 * No library on the npm registry does this for Dutch (the phonetic algorithms there,
 * Soundex, Metaphone, Kölner Phonetik, are for English, German or French, and would merge
 * Dutch words that sound different, or not merge these). So this is a small rule set of
 * its own, each rule a pair of spellings that sound the same in standard Dutch:
 *
 * 1. `ph` is said `f`; `th` is said `t`.
 * 2. `c` is said `s` before e, i and y ("Centrum", "Sentrum") and `k` elsewhere ("Capelle",
 *    "Kapelle"), except in `ch`; `ck` is one `k`; `x` is `ks`.
 * 3. `ij`, `y`, `ei` and `ey` are one sound ("Nijmegen", "Nymegen", "Neimegen").
 * 4. `ou`, `au`, `ouw` and `auw` are one sound ("Gouda", "Gauda"; "Nieuw" keeps its `w`).
 * 5. A final `d` and `dt` are said `t` ("Stad", "Stadt", "Stat").
 * 6. A doubled letter is said once: double vowels ("Haarlem", "Harlem") and double
 *    consonants ("Rotterdam", "Roterdam").
 *
 * Deliberately left out: `g`/`ch`, `v`/`f`, `z`/`s` and `ie`/`i`, which sound alike in
 * some regions only, and would make keys of different places meet.
 */

/** The rules in the order they apply; each a spelling and what it sounds as. */
const RULES: readonly [RegExp, string][] = [
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/ck/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/c(?!h)/g, 'k'],
  [/x/g, 'ks'],
  [/ij|ey|ei|y/g, 'ei'],
  [/[ao]uw?/g, 'au'],
  [/dt\b|d\b/g, 't'],
  [/(\p{L})\1+/gu, '$1'],
];

/**
 * The sound key of a folded word (search-text.ts: lower case, no accents); equal keys
 * mean "said alike". Not meant to be shown: "Stad" is `stat`.
 */
export function dutchSoundKey(folded: string): string {
  return RULES.reduce((word, [spelling, sound]) => word.replace(spelling, sound), folded);
}
