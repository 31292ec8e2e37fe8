/** Small text helpers shared by the metadata rules. */
import { decodeEntities } from '../../text/html.js';
import { collapseWhitespaceNfc } from '../../text/whitespace.js';

/** A trimmed, collapsed string, or null when empty / not a string. */
export function nonEmpty(input: unknown): string | null {
  if (typeof input === 'number' && Number.isFinite(input)) return String(input);
  if (typeof input !== 'string') return null;
  const text = collapseWhitespaceNfc(input);
  // Template leftovers are no values.
  return text === '' || /^(?:undefined|null|none|n\/a|\[object object\])$/i.test(text) ? null : text;
}

/** De-duplicates strings case-insensitively, keeping the first spelling and the order. */
export function uniqueCaseless(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const key = value.toLocaleLowerCase('en');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

/** Lower-cased letters and digits only: for loose comparisons ("The Verge" ≈ "theverge"). */
export function looseKey(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const LEFTOVER_ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;
const LEFTOVER_TAG = /<\/?[a-z!][^>]*>?/i;

/**
 * Markup left in a metadata value: entities escaped twice by the site (`doesn&#8217;t` in og:title or a
 * JSON-LD headline) are decoded, tags (`<img src=x …>Jo Reyes`, an unclosed `<b`) removed. Values without
 * either are returned as they are.
 */
export function stripMarkup(input: string): string {
  if (!LEFTOVER_ENTITY.test(input) && !LEFTOVER_TAG.test(input)) return input;
  // Decoded first: markup escaped once more (`&lt;b&gt;`) is markup too.
  return collapseWhitespaceNfc(decodeEntities(input).replace(/<\/?[a-z!][^>]*(?:>|$)/gi, ' '));
}
