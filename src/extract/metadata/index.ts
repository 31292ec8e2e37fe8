import type { CheerioAPI } from 'cheerio';
import type { Meta } from '../../types.js';
import { cleanUrl } from '../../normalize/url.js';
import type { MetaContext, MetaField, RawMeta } from './types.js';
import { FIELD_ORDER, SOURCES } from './field-order.js';
import { collectMetaTags } from './meta-tags.js';
import { parseJsonLd } from './json-ld-graph.js';
import { parseDate } from './parse-date.js';
import { splitAuthors } from './split-authors.js';
import { cleanTitle } from './clean-title.js';
import { looseKey, nonEmpty, stripMarkup, uniqueCaseless } from './text.js';
import { attempt } from '../attempt.js';

export { FIELD_ORDER } from './field-order.js';
export { parseDate } from './parse-date.js';
export { splitAuthors } from './split-authors.js';
export { cleanTitle } from './clean-title.js';
export { imageSource, largestFromSrcset, isPlaceholderSrc } from './image-source.js';

export interface MetadataInput {
  /** The untouched page. */
  $: CheerioAPI;
  pageUrl: string;
}

export interface MetadataResult {
  meta: Meta;
  canonicalUrl: string | null;
  warnings: string[];
}

/** "en_US" → "en-US", "EN" → "en"; null when it does not look like a BCP 47 tag. */
export function normalizeLang(raw: string): string | null {
  const tag = raw.trim().replace(/_/g, '-').split(/[,;\s]/)[0] ?? '';
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag)) return null;
  const [primary, ...rest] = tag.split('-');
  const subtags = rest.map((sub) => (sub.length === 2 ? sub.toUpperCase() : sub.length === 4 ? sub[0]?.toUpperCase() + sub.slice(1).toLowerCase() : sub.toLowerCase()));
  return [primary?.toLowerCase(), ...subtags].join('-');
}

/** Google's limit for a JSON-LD headline: where templates cut titles, with an ellipsis or without. */
const HEADLINE_CUT = { min: 100, max: 110 };

function looksTruncated(title: string): boolean {
  return /(?:…|\.\.\.)$/.test(title) || (title.length >= HEADLINE_CUT.min && title.length <= HEADLINE_CUT.max);
}

/**
 * A cut title ("The long headline that was cu…") replaced by another source's title that goes on from it:
 * the same text, then more words (not a separator and a site or section label), itself not cut.
 */
function untruncated(title: string, candidates: readonly string[]): string {
  const stem = title.replace(/\s*(?:…|\.\.\.)$/, '');
  if (stem.length < 20) return title;
  for (const candidate of candidates) {
    const clean = nonEmpty(candidate);
    if (clean === null || clean.length <= stem.length || !clean.startsWith(stem)) continue;
    const rest = clean.slice(stem.length).trim();
    if (/^[\p{L}\p{N}]/u.test(rest) && !/(?:…|\.\.\.)$/.test(clean)) return clean;
  }
  return title;
}

/** A canonical URL that points at the site's home page while the page itself is deeper is a template mistake. */
function plausibleCanonical(url: string, pageUrl: string): boolean {
  try {
    const canonical = new URL(url);
    const page = new URL(pageUrl);
    return !(canonical.pathname === '/' && canonical.search === '' && page.pathname !== '/');
  } catch {
    return false;
  }
}

function httpUrl(raw: string, pageUrl: string): string | null {
  const url = cleanUrl(raw, pageUrl);
  return url !== null && /^https?:/i.test(url) ? url : null;
}

function cleanTags(values: readonly string[]): string[] {
  return uniqueCaseless(values.map((v) => nonEmpty(v)).filter((v): v is string => v !== null && v.length <= 100));
}

/**
 * Reads the page's metadata. For each field the sources of FIELD_ORDER are tried in turn; a value that
 * cleans up to nothing (an unparseable date, an author list of only URLs) falls through to the next
 * source. A rule that throws becomes a warning and the field falls back, never a failed page.
 */
export function extractMetadata(input: MetadataInput): MetadataResult {
  const warnings: string[] = [];
  const jsonLd = parseJsonLd(input.$);
  warnings.push(...jsonLd.errors.map((error) => `metadata: ${error}`));
  const ctx: MetaContext = { $: input.$, pageUrl: input.pageUrl, metaTags: collectMetaTags(input.$), jsonLd };

  /** Source `name`'s accepted value of `field`; a rule that throws adds its warning to `into`. */
  function ruleValue<F extends MetaField, T>(name: string, field: F, accept: (value: RawMeta[F]) => T | null, into: string[]): T | null {
    const rule = SOURCES[name]?.rules[field];
    if (rule === undefined) return null;
    return attempt(into, `metadata: rule ${name}.${field}`, () => {
      const value = rule(ctx);
      return value === null || value === undefined ? null : accept(value);
    }, null);
  }

  function pick<F extends MetaField, T>(field: F, accept: (value: RawMeta[F]) => T | null): T | null {
    for (const name of FIELD_ORDER[field]) {
      const accepted = ruleValue(name, field, accept, warnings);
      if (accepted !== null) return accepted;
    }
    return null;
  }

  /** Every source's accepted value of `field`, in FIELD_ORDER (for the title: see untruncated). */
  function pickAll<F extends MetaField, T>(field: F, accept: (value: RawMeta[F]) => T | null): T[] {
    const values: T[] = [];
    for (const name of FIELD_ORDER[field]) {
      const accepted = ruleValue(name, field, accept, []); // a throw is reported once, by pick
      if (accepted !== null) values.push(accepted);
    }
    return values;
  }

  const text = (value: string): string | null => nonEmpty(stripMarkup(value));
  const siteName = pick('siteName', text);
  const headings = input.$('h1').slice(0, 5).map((_, element) => input.$(element).text()).get();
  // A "title" that is only the site's name (a template's dc.title, say) falls through to the next source.
  const acceptTitle = (value: string): string | null => {
    const cleaned = nonEmpty(cleanTitle(value, { siteName, pageUrl: input.pageUrl, headings }));
    return cleaned !== null && siteName !== null && looseKey(cleaned) === looseKey(siteName) ? null : cleaned;
  };
  const picked = pick('title', acceptTitle);
  const title = picked !== null && looksTruncated(picked) ? untruncated(picked, [...pickAll('title', acceptTitle), ...headings]) : picked;
  const authors = pick('authors', (value) => {
    const list = splitAuthors(value, { siteName, pageUrl: input.pageUrl });
    return list.length > 0 ? list : null;
  });
  const meta: Meta = {
    title,
    authors: authors ?? [],
    siteName,
    publishedAt: pick('publishedAt', parseDate),
    modifiedAt: pick('modifiedAt', parseDate),
    lang: pick('lang', normalizeLang),
    description: pick('description', text),
    image: pick('image', (value) => httpUrl(value, input.pageUrl)),
    section: pick('section', text),
    tags: pick('tags', (value) => {
      const list = cleanTags(value);
      return list.length > 0 ? list : null;
    }) ?? [],
  };
  const canonicalUrl = pick('canonicalUrl', (value) => {
    const url = httpUrl(value, input.pageUrl);
    return url !== null && plausibleCanonical(url, input.pageUrl) ? url : null;
  });
  return { meta, canonicalUrl, warnings };
}
