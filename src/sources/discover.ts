import { createRequire } from 'node:module';
import { ChronicleError } from '../errors.js';
import { fetchPage } from '../fetch/fetch-page.js';
import { fetchSourceText, type SourceFetchDeps } from './fetch-source.js';
import { parseFeed } from './parse-feed.js';
import { parseSitemap } from './parse-sitemap.js';
import { DEFAULT_SOURCE_LIMITS, type DiscoveredItem, type SourceFailure, type SourceLimits, type SourceSpec } from './types.js';
import { collapseWhitespace } from '../text/whitespace.js';

/** robots-parser is CommonJS whose module.exports is the parser function. */
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, contents: string) => { getSitemaps(): string[] };

export interface DiscoverOptions extends SourceFetchDeps {
  /** Keep only items dated on or after this instant (undated items are dropped too). */
  since?: Date | null;
  limits?: Partial<SourceLimits>;
  /** A source that failed: the run goes on with the others. */
  onFailure: (failure: SourceFailure) => void;
  /** A remark about a source that did not fail (items skipped as malformed or by --since, limits reached). */
  onNote?: (source: string, note: string) => void;
}

/**
 * The article URLs of the given feeds and sitemaps, in order, read one document at a time (a sitemap index's
 * children breadth-first, at most `maxChildSitemaps` of them over `maxIndexLevels` levels). Nothing here
 * dedupes: the batch runner does, so a URL listed by two sources is fetched once.
 */
export async function* discoverItems(specs: readonly SourceSpec[], options: DiscoverOptions): AsyncGenerator<DiscoveredItem> {
  const limits = { ...DEFAULT_SOURCE_LIMITS, ...options.limits };
  for (const spec of specs) {
    if (options.signal?.aborted) return;
    if (spec.kind === 'feed') {
      yield* readFeed(spec.url, limits, options);
    } else {
      const urls = spec.kind === 'sitemap' ? [spec.url] : await sitemapsOfHost(spec.pageUrl, options);
      for (const url of urls) yield* readSitemapTree(url, limits, options);
    }
  }
}

async function* readFeed(url: string, limits: SourceLimits, options: DiscoverOptions): AsyncGenerator<DiscoveredItem> {
  let items: DiscoveredItem[];
  try {
    const { text } = await fetchSourceText(url, limits.maxBytes, options);
    const parsed = parseFeed(text, url, limits);
    if (parsed.malformed > 0) options.onNote?.(url, `skipped ${plural(parsed.malformed, 'malformed item')} (no http(s) link)`);
    items = parsed.items;
  } catch (error) {
    if (reportFailure(url, error, options)) return;
    throw error;
  }
  yield* keepSince(url, items, options);
}

/** A sitemap and, for an index, its children breadth-first, within the limits. */
async function* readSitemapTree(rootUrl: string, limits: SourceLimits, options: DiscoverOptions): AsyncGenerator<DiscoveredItem> {
  let level: string[] = [rootUrl];
  const visited = new Set<string>([rootUrl]);
  let childrenFetched = 0;
  let capped = false;
  for (let depth = 0; level.length > 0; depth++) {
    const next: string[] = [];
    for (const url of level) {
      if (options.signal?.aborted) return;
      let parsed;
      try {
        const { text } = await fetchSourceText(url, limits.maxBytes, options);
        parsed = parseSitemap(text, url, limits);
      } catch (error) {
        if (reportFailure(url, error, options)) continue;
        throw error;
      }
      if (parsed.malformed > 0) options.onNote?.(url, `skipped ${plural(parsed.malformed, 'entry')} without a usable <loc>`);
      yield* keepSince(url, parsed.items, options);
      for (const child of parsed.children) {
        if (visited.has(child)) continue;
        visited.add(child);
        if (depth + 1 > limits.maxIndexLevels) {
          options.onNote?.(url, `not following ${child}: sitemap indexes nested more than ${limits.maxIndexLevels} levels`);
          continue;
        }
        if (childrenFetched >= limits.maxChildSitemaps) {
          // The children already taken are still read; no more are added.
          if (!capped) options.onNote?.(rootUrl, `stopped at ${limits.maxChildSitemaps} child sitemaps`);
          capped = true;
          break;
        }
        childrenFetched++;
        next.push(child);
      }
    }
    level = next;
  }
}

function* keepSince(source: string, items: DiscoveredItem[], options: DiscoverOptions): Generator<DiscoveredItem> {
  const since = options.since ?? null;
  if (since === null) {
    yield* items;
    return;
  }
  let older = 0;
  let undated = 0;
  for (const item of items) {
    if (item.publishedAt === null) undated++;
    else if (Date.parse(item.publishedAt) < since.getTime()) older++;
    else yield item;
  }
  const parts = [older > 0 ? `${plural(older, 'item')} dated before --since` : null, undated > 0 ? `${plural(undated, 'undated item')}` : null].filter(Boolean);
  if (parts.length > 0) options.onNote?.(source, `left out ${parts.join(' and ')}`);
}

/**
 * `--sitemap auto`: the `Sitemap:` lines of robots.txt on the page's origin (fetched even without
 * --respect-robots: it is the index being asked for), else /sitemap.xml. A robots.txt that cannot be
 * read is treated as one without Sitemap lines.
 */
async function sitemapsOfHost(pageUrl: string, options: DiscoverOptions): Promise<string[]> {
  const origin = new URL(pageUrl).origin;
  const robotsUrl = `${origin}/robots.txt`;
  try {
    const capture = await fetchPage(robotsUrl, { ...options.fetchOptions, allowNonHtml: true, maxBytes: 512 * 1024, ...(options.signal ? { signal: options.signal } : {}) });
    const listed = robotsParser(capture.finalUrl, Buffer.from(capture.body).toString('utf8')).getSitemaps();
    const absolute = listed.map((url) => new URL(url, origin).toString()).filter((url) => /^https?:/.test(url));
    if (absolute.length > 0) return [...new Set(absolute)];
  } catch (error) {
    if (error instanceof ChronicleError && error.code === 'E_INTERRUPTED') throw error;
  }
  options.onNote?.(robotsUrl, `no Sitemap: lines, trying ${origin}/sitemap.xml`);
  return [`${origin}/sitemap.xml`];
}

/** Reports a source's failure and returns true, or returns false for an interrupt (which ends the run). */
function reportFailure(source: string, error: unknown, options: DiscoverOptions): boolean {
  if (error instanceof ChronicleError && error.code === 'E_INTERRUPTED') return false;
  const message = error instanceof Error ? collapseWhitespace(error.message) : String(error);
  options.onFailure({ source, message });
  return true;
}

function plural(count: number, noun: string): string {
  if (count === 1) return `1 ${noun}`;
  return `${count} ${noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`}`;
}
