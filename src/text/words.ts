/** Word counts that need no language data. (Body text is counted by the Unicode word rules: extract/body/block-text.ts.) */

/** Whitespace-separated tokens, punctuation-only ones included. */
export function countTokens(text: string): number {
  return text.split(/\s+/).filter((token) => token !== '').length;
}

/** Whitespace-separated tokens with at least one letter or digit (a lone dash or quote mark is no word). */
export function countLetterWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
