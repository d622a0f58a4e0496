/**
 * Folding of search text: what the index holds and what a visitor types are folded by this
 * one function, so that both sides always meet. Pure, so the build (the Pagefind records,
 * the correction vocabulary, the place index) and the browser (the query, the place field)
 * share it.
 */

/**
 * Letters that Unicode does not decompose into a base letter and a mark, typed as their
 * nearest plain letters on a Dutch keyboard: Turkish dotless ı, German ß, Scandinavian ø
 * and æ, Polish ł, and the like.
 */
const PLAIN_LETTERS: Record<string, string> = {
  ı: 'i',
  ß: 'ss',
  ẞ: 'ss',
  ø: 'o',
  Ø: 'o',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  þ: 'th',
};
const PLAIN_LETTER = new RegExp(`[${Object.keys(PLAIN_LETTERS).join('')}]`, 'g');
/** Curly and modifier apostrophes, as phones type them (’s-Hertogenbosch). */
const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4]/g;

/**
 * Folds text for search: lower case, without accents or other marks (é, ë, â, ç, ş, ğ,
 * İ, Arabic short vowels), with ß, ı, ø and the like spelled plainly, compatibility forms
 * (ĳ, full-width letters) as their plain letters, and any apostrophe as `'`. So
 * "Yıldız Çınar" and "yildiz cinar", "Fryslân" and "fryslan", "IJmuiden" and "ĳmuiden"
 * are the same words on both sides. Punctuation and spacing are left alone: the search
 * engine splits words itself, and must split the index and the query alike.
 */
export function foldSearchText(text: string): string {
  return text
    .replace(PLAIN_LETTER, (letter) => PLAIN_LETTERS[letter]!)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(PLAIN_LETTER, (letter) => PLAIN_LETTERS[letter]!)
    .replace(APOSTROPHES, "'");
}

/**
 * The words of a text as written, split at anything that is not a letter, digit or mark
 * ("'s-Hertogenbosch" → `s`, `Hertogenbosch`): the words a visitor types one by one.
 */
export function typedWords(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((word) => word !== '');
}

/** The words of a text, folded: what the index and the correction vocabulary compare. */
export function searchWords(text: string): string[] {
  return typedWords(text)
    .map(foldSearchText)
    .filter((word) => word !== '');
}

/**
 * Hyphenated and apostrophed names written as one word ("Al-Nūr" → `AlNūr`,
 * "'s-Gravenhage" → `sGravenhage`): people often type them without the hyphen, and the
 * search engine indexes only the parts.
 */
export function joinedCompounds(text: string): string[] {
  return [...text.normalize('NFC').matchAll(/[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)+/gu)].map((match) => match[0].replace(/['’-]/g, ''));
}

/**
 * Folds a place name for lookup: as `foldSearchText`, and punctuation and spacing do not
 * matter either, so "Den Haag", "den-haag" and "DEN HAAG" meet, and "'s-Hertogenbosch"
 * is `s hertogenbosch`.
 */
export function foldPlaceName(name: string): string {
  return searchWords(name).join(' ');
}
