/** Small text helpers shared by the metadata rules. */

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
