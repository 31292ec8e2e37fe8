/** Small text helpers shared by the metadata rules. */
import { Parser } from 'htmlparser2';

/** Collapses runs of whitespace (including NBSP) to one space and trims; NFC-normalizes. */
export function collapseWhitespace(input: string): string {
  return input.replace(/[\s\u00a0\u200b\u2028\u2029]+/g, ' ').trim().normalize('NFC');
}

/** A trimmed, collapsed string, or null when empty / not a string. */
export function nonEmpty(input: unknown): string | null {
  if (typeof input === 'number' && Number.isFinite(input)) return String(input);
  if (typeof input !== 'string') return null;
  const text = collapseWhitespace(input);
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

/** A host name without a leading "www.", lower-cased; null when the URL cannot be parsed. */
export function bareHost(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\d?\./, '');
  } catch {
    return null;
  }
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
  return collapseWhitespace(decodeEntities(input).replace(/<\/?[a-z!][^>]*(?:>|$)/gi, ' '));
}

/** HTML character references decoded by the HTML parser's own rules (htmlparser2, as pages are parsed). */
function decodeEntities(text: string): string {
  let decoded = '';
  const parser = new Parser({ ontext: (data) => (decoded += data) }, { decodeEntities: true });
  parser.end(text.replace(/</g, '&lt;'));
  return decoded;
}
