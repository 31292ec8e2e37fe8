/**
 * Chinese and Japanese are written without spaces, and Korean attaches particles to its words, so SQLite's
 * unicode61 tokenizer saw a whole run of them as one token: `search 量子` found nothing in "量子力学是…".
 * As Lucene's StandardTokenizer does for ideographs, each CJK character is made a token of its own (a
 * zero-width space, a separator to unicode61, goes between two of them in the indexed text) and the same is
 * done to the query, where FTS5 reads the characters of one word as a phrase: `量子` is the phrase "量 子" and
 * matches those two characters side by side, whatever their length (1, 2 or more characters; prefix `量子*`
 * too). Snippets drop the zero-width spaces again.
 */

/** Han (with 々), kana (with the prolonged sound mark ー), Hangul. */
const CJK_CHAR = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u3005\\u30FC]';
const BETWEEN_CJK = new RegExp(`(${CJK_CHAR})(?=${CJK_CHAR})`, 'gu');
const HAS_CJK = new RegExp(CJK_CHAR, 'u');
const SEPARATOR = '\u200B';

/** Text with a zero-width space between every two adjacent CJK characters (for the index and for queries). */
export function segmentCjk(text: string): string {
  return text.replace(BETWEEN_CJK, `$1${SEPARATOR}`);
}

export function hasCjk(text: string): boolean {
  return HAS_CJK.test(text);
}

/** A snippet of the indexed text as the reader wrote it. */
export function unsegmentCjk(text: string): string {
  return text.replaceAll(SEPARATOR, '');
}
