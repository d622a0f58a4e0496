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
 * The digits of an Arabic phone keyboard (٠١٢٣, U+0660–0669) and of a Persian one (۰۱۲۳,
 * U+06F0–06F9, whose 4, 5 and 6 look different): Unicode does not fold them to 0–9, but a
 * postcode or KvK number typed on such a keyboard is the same number.
 */
const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;
const digitValue = (digit: string) => String(digit.charCodeAt(0) & 0x0f);

/**
 * One letter in two keyboards' forms, written as the Arabic keyboard writes it: Persian yeh
 * ی and Arabic alef maksura ى as yeh ي, Persian keheh ک as kaf ك, teh marbuta ة (the final
 * "-a" of مدرسة, written ه by many) and Kurdish/Persian ە as heh ه, alef wasla ٱ as alef ا.
 * Alef with hamza (أ إ آ) needs no entry: Unicode decomposes it, and the hamza is a mark.
 */
const ARABIC_LETTERS: Record<string, string> = {
  '\u06cc': '\u064a',
  '\u0649': '\u064a',
  '\u06a9': '\u0643',
  '\u0629': '\u0647',
  '\u06d5': '\u0647',
  '\u0671': '\u0627',
};
const ARABIC_LETTER = new RegExp(`[${Object.keys(ARABIC_LETTERS).join('')}]`, 'g');
/** Tatweel (ـ), the stretching stroke between Arabic letters: no letter at all. */
const TATWEEL = /\u0640/g;
/**
 * Ethiopic punctuation (፡ wordspace, ። full stop, ፣ comma and the rest, U+1361–1368): a
 * Tigrinya keyboard puts ፡ between words, where the search engine expects a space.
 */
const ETHIOPIC_SEPARATORS = /[\u1361-\u1368]/g;

/**
 * Folds text for search: lower case, without accents or other marks (é, ë, â, ç, ş, ğ,
 * İ, Arabic short vowels and other harakat), with ß, ı, ø and the like spelled plainly,
 * compatibility forms (ĳ, full-width letters and digits such as ＡＢ１２) as their plain
 * letters, Arabic and Persian digits as 0–9, the Arabic and Persian forms of one letter
 * as one, without tatweel, and any apostrophe as `'`. So "Yıldız Çınar" and "yildiz
 * cinar", "Fryslân" and "fryslan", "IJmuiden" and "ĳmuiden", "۳۵۱۱" and "3511" are the
 * same words on both sides. Punctuation and spacing are left alone (the search engine
 * splits words itself, and must split the index and the query alike), except Ethiopic
 * word separators, which become the spaces they stand for.
 */
export function foldSearchText(text: string): string {
  return text
    .replace(PLAIN_LETTER, (letter) => PLAIN_LETTERS[letter]!)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(PLAIN_LETTER, (letter) => PLAIN_LETTERS[letter]!)
    .replace(APOSTROPHES, "'")
    .replace(EASTERN_DIGITS, digitValue)
    .replace(ARABIC_LETTER, (letter) => ARABIC_LETTERS[letter]!)
    .replace(TATWEEL, '')
    .replace(ETHIOPIC_SEPARATORS, ' ');
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

/**
 * Words shorter than this are never corrected nor offered: "de", "het" and "aan" are in
 * every other name, and a two-letter word is a typo of half the dictionary.
 */
const MIN_WORD = 3;

/**
 * Whether a folded word is one that correction (spelling.ts) deals with: letters only,
 * long enough. Here rather than there, so the search page can tell without loading it.
 */
export const isCorrectable = (word: string) => word.length >= MIN_WORD && !/\p{N}/u.test(word);

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
