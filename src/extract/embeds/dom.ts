/** DOM helpers of the embed detectors: lazy sources, frames, the selector index, titles and dates as embeds show them. */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { resolveUrl } from '../../normalize/url.js';
import { collapseWhitespace, tidyLines, nullIfEmpty } from '../../text/whitespace.js';
import { attr, isElement, toUrl } from '../dom.js';

/** Attributes lazy loaders keep the real URL in, most specific first; `src` comes last. */
const LAZY_SOURCE_ATTRS = [
  'data-lazy-src',
  'data-src',
  'data-original',
  'data-litespeed-src',
  'data-rocket-src',
  'data-url',
  'data-ezsrc',
  'src',
];

function isPlaceholder(value: string): boolean {
  const lower = value.toLowerCase();
  return lower.startsWith('about:') || lower.startsWith('data:') || lower.startsWith('javascript:') || lower === '#';
}

/** The URL an element (iframe, video, source…) really loads: lazy attributes first, placeholders skipped. */
export function sourceUrl(element: Element, pageUrl: string): string | null {
  for (const name of LAZY_SOURCE_ATTRS) {
    const value = attr(element, name);
    if (value === null || isPlaceholder(value)) continue;
    const resolved = resolveUrl(value, pageUrl);
    if (resolved !== null && /^https?:/i.test(resolved)) return resolved;
  }
  return null;
}

/** Host without a leading `www.` / `m.` / `mobile.`, lower-case. */
export function bareHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/^(www\.|m\.|mobile\.)/, '');
}

/**
 * Block-aware text of an element: `<br>` becomes a line break, each `<p>` a paragraph (blank line between).
 * Scripts and styles are skipped.
 */
export function paragraphText($: CheerioAPI, node: Cheerio<AnyNode>): string {
  const parts: string[] = [];
  const walk = (current: AnyNode): void => {
    if (current.type === 'text') {
      parts.push((current as unknown as { data: string }).data.replace(/\s+/g, ' '));
      return;
    }
    if (!isElement(current)) return;
    const name = current.name.toLowerCase();
    if (name === 'script' || name === 'style' || name === 'noscript' || name === 'template') return;
    if (name === 'br') {
      parts.push('\n');
      return;
    }
    const block = name === 'p' || name === 'div' || name === 'li' || /^h[1-6]$/.test(name);
    if (block) parts.push('\n\n');
    for (const child of current.children) walk(child);
    if (block) parts.push('\n\n');
  };
  node.each((_, element) => walk(element));
  return tidyLines(parts.join(''));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as the markup shows it, made comparable: an ISO datetime attribute becomes UTC ISO-8601, a plain
 * "December 23, 2016" becomes "2016-12-23"; anything else is kept as written.
 */
export function normalizeDate(text: string | null | undefined): string | null {
  const value = nullIfEmpty(text);
  if (value === null) return null;
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const time = Date.parse(value);
    if (!Number.isNaN(time)) return new Date(time).toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const withoutWeekday = value.replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, '');
  const match = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(withoutWeekday);
  if (match !== null) {
    const month = MONTHS.indexOf(match[1]!.slice(0, 3).toLowerCase());
    const day = Number(match[2]);
    if (month >= 0 && day >= 1 && day <= 31) {
      return `${match[3]}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    }
  }
  return collapseWhitespace(value);
}

/**
 * Every element matching a selector, as domhandler Elements, in document order. The detectors ask some thirty
 * selectors of each page; a selector list of compounds (`blockquote.twitter-tweet, [data-pym-src]`) is tested
 * only on the elements with its tag name or its first attribute, found in one walk of the page (see
 * indexElements), instead of on every element of the page.
 */
export function select($: CheerioAPI, selector: string): Element[] {
  const index = elementIndex($);
  const keys = selector.split(',').map(compoundKey);
  if (index === null || keys.some((key) => key === null)) return $(selector).toArray().filter(isElement);
  const candidates = new Set<Element>();
  for (const key of keys as string[]) for (const element of index.buckets.get(key) ?? []) candidates.add(element);
  if (candidates.size === 0) return [];
  const ordered = [...candidates].sort((a, b) => index.position.get(a)! - index.position.get(b)!);
  return $(ordered).filter(selector).toArray().filter(isElement);
}

/** One compound selector: an optional tag name, then classes, ids and attribute tests; no combinators. */
const COMPOUND = /^\s*([a-z][a-z0-9-]*)?((?:\.[\w-]+|#[\w-]+|\[[\w-]+(?:[~^$*|]?=(?:"[^"\],]*"|[\w-]+))?\])*)\s*$/i;

/** The bucket a compound's matches are all in: `tag:NAME`, else `attr:NAME` of its first class, id or attribute. */
function compoundKey(compound: string): string | null {
  const match = COMPOUND.exec(compound);
  if (match === null) return null;
  if (match[1] !== undefined) return `tag:${match[1].toLowerCase()}`;
  const rest = match[2] ?? '';
  if (rest.startsWith('.')) return 'attr:class';
  if (rest.startsWith('#')) return 'attr:id';
  const attribute = /^\[([\w-]+)/.exec(rest);
  return attribute ? `attr:${attribute[1]!.toLowerCase()}` : null;
}

interface ElementIndex {
  /** Elements by `tag:NAME` and by `attr:NAME` (each attribute they carry), in document order. */
  buckets: Map<string, Element[]>;
  position: Map<Element, number>;
}

const elementIndexes = new WeakMap<CheerioAPI, ElementIndex>();

/** Indexes the page's elements for select(); until forgetElementIndex, the page must not change. */
export function indexElements($: CheerioAPI): void {
  const buckets = new Map<string, Element[]>();
  const position = new Map<Element, number>();
  const add = (key: string, element: Element): void => {
    const bucket = buckets.get(key);
    if (bucket === undefined) buckets.set(key, [element]);
    else bucket.push(element);
  };
  const visit = (nodes: readonly AnyNode[]): void => {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      position.set(node, position.size);
      add(`tag:${node.name}`, node);
      for (const name of Object.keys(node.attribs)) add(`attr:${name}`, node);
      visit(node.children);
    }
  };
  visit($.root().toArray().flatMap((root) => ('children' in root ? root.children : [])));
  elementIndexes.set($, { buckets, position });
}

export function forgetElementIndex($: CheerioAPI): void {
  elementIndexes.delete($);
}

function elementIndex($: CheerioAPI): ElementIndex | null {
  return elementIndexes.get($) ?? null;
}

/** The elements (iframes and similar) whose loaded URL is parsed by `parse`. */
const frameCache = new WeakMap<CheerioAPI, Map<string, Array<{ element: Element; url: URL }>>>();

export function framesWithUrl(
  $: CheerioAPI,
  pageUrl: string,
  selector: string,
): Array<{ element: Element; url: URL }> {
  // Most detectors ask for the page's iframes: read them once per document.
  const key = `${pageUrl}\n${selector}`;
  let cache = frameCache.get($);
  if (cache === undefined) {
    cache = new Map();
    frameCache.set($, cache);
  }
  const cached = cache.get(key);
  if (cached !== undefined) return cached.map((entry) => ({ element: entry.element, url: new URL(entry.url.toString()) }));
  const found: Array<{ element: Element; url: URL }> = [];
  for (const element of select($, selector)) {
    const source = sourceUrl(element, pageUrl);
    if (source === null) continue;
    const url = toUrl(source, pageUrl);
    if (url !== null) found.push({ element, url });
  }
  cache.set(key, found);
  return found.map((entry) => ({ element: entry.element, url: new URL(entry.url.toString()) }));
}

/** A title attribute worth keeping (not a generic "YouTube video player" / "Embedded content"). */
export function meaningfulTitle(value: string | null): string | null {
  if (value === null) return null;
  const text = collapseWhitespace(value);
  if (text === '' || /^(x|twitter|instagram|tiktok|facebook|bluesky|threads|mastodon|reddit)\s+(post|tweet|video)$/i.test(text) || /^(youtube|vimeo|spotify|soundcloud|twitter|x|instagram|tiktok|facebook)?\s*(video|audio|embed(ded)?|media)?\s*(player|content|video|embed|iframe|frame)?$/i.test(text)) {
    return null;
  }
  return text;
}
