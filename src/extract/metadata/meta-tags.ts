import type { CheerioAPI } from 'cheerio';
import type { MetaContext } from './types.js';
import { nonEmpty } from './text.js';

/** Normalizes a <meta> key: lower case, "dc:title" / "dcterms:title" → "dc.title" / "dcterms.title". */
function metaKey(raw: string): string {
  return raw.trim().toLowerCase().replace(/^(dc|dcterms|sailthru|citation|parsely)[:]/, '$1.');
}

/**
 * Collects every <meta> of the page by key. A meta element may carry several space-separated keys
 * (`property="og:title twitter:title"`); each gets the value.
 */
export function collectMetaTags($: CheerioAPI): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  $('meta').each((_, element) => {
    const $el = $(element);
    const value = $el.attr('content') ?? $el.attr('value');
    if (value === undefined) return;
    const keys = [$el.attr('property'), $el.attr('name'), $el.attr('itemprop'), $el.attr('http-equiv')]
      .filter((key): key is string => typeof key === 'string')
      .flatMap((key) => key.split(/\s+/))
      .filter((key) => key !== '')
      .map(metaKey);
    for (const key of new Set(keys)) {
      const list = tags.get(key);
      if (list) list.push(value);
      else tags.set(key, [value]);
    }
  });
  return tags;
}

/** The first non-empty value among the given keys (in the order given). */
export function firstMeta(ctx: MetaContext, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const value of ctx.metaTags.get(key) ?? []) {
      const text = nonEmpty(value);
      if (text !== null) return text;
    }
  }
  return null;
}

/** All non-empty values of the first key that has any. */
export function allMeta(ctx: MetaContext, ...keys: string[]): string[] {
  for (const key of keys) {
    const values = (ctx.metaTags.get(key) ?? []).map(nonEmpty).filter((v): v is string => v !== null);
    if (values.length > 0) return values;
  }
  return [];
}
