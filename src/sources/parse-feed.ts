import { ChronicleError } from '../errors.js';
import { parseSourceDate } from './dates.js';
import type { DiscoveredItem, ParsedSource, SourceLimits } from './types.js';
import { asArray, isNode, parseXml, textOf, type XmlNode } from './xml.js';

/**
 * Reads a feed: RSS 2.0 (`rss/channel/item`), RSS 1.0/RDF (`RDF/item`), Atom (`feed/entry`) or JSON Feed
 * (version https://jsonfeed.org/version/1 or 1.1). Relative links are resolved against the feed's URL.
 * An item without a usable http(s) link is counted in `malformed` and skipped; an unreadable date leaves
 * `publishedAt` null. A document that is none of these formats is E_SOURCE.
 */
export function parseFeed(text: string, feedUrl: string, limits: Pick<SourceLimits, 'maxDepth' | 'maxItems'>): ParsedSource {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{')) return parseJsonFeed(trimmed, feedUrl, limits.maxItems);
  const doc = parseXml(trimmed, limits.maxDepth);
  if (isNode(doc.rss)) return collect(asArray((doc.rss.channel as XmlNode | undefined)?.item), feedUrl, limits.maxItems, rssItem);
  if (isNode(doc.RDF)) return collect(asArray(doc.RDF.item), feedUrl, limits.maxItems, rssItem);
  if (isNode(doc.feed)) return collect(asArray(doc.feed.entry), feedUrl, limits.maxItems, atomEntry);
  if (isNode(doc.urlset) || isNode(doc.sitemapindex)) {
    throw new ChronicleError('E_SOURCE', 'this is a sitemap, not a feed (use --sitemap)');
  }
  throw new ChronicleError('E_SOURCE', 'not an RSS, RDF, Atom or JSON feed');
}

interface RawItem {
  link: string | null;
  title: string | null;
  date: string | null;
  author: string | null;
}

function collect(nodes: unknown[], feedUrl: string, maxItems: number, read: (node: XmlNode) => RawItem): ParsedSource {
  const items: DiscoveredItem[] = [];
  let malformed = 0;
  for (const node of nodes.slice(0, maxItems)) {
    const raw = isNode(node) ? read(node) : null;
    const url = raw === null ? null : absoluteHttpUrl(raw.link, feedUrl);
    if (raw === null || url === null) {
      malformed++;
      continue;
    }
    items.push({ url, from: feedUrl, title: raw.title, publishedAt: parseSourceDate(raw.date), author: raw.author });
  }
  return { kind: 'feed', items, children: [], malformed };
}

/** RSS 2.0 and RSS 1.0 items: <link>, else a <guid> that is a permalink; pubDate, else dc:date. */
function rssItem(node: XmlNode): RawItem {
  // atom:link elements (attributes only) may sit beside <link>: take the first link with text.
  let link = asArray(node.link).map(textOf).find((text) => text !== null) ?? null;
  if (link === null) {
    const guid = node.guid;
    const permalink = isNode(guid) ? guid['@_isPermaLink'] !== 'false' : true;
    if (permalink) link = textOf(guid);
  }
  return {
    link,
    title: textOf(node.title),
    date: textOf(node.pubDate) ?? textOf(node.date) ?? textOf(node.published) ?? textOf(node.updated),
    author: textOf(node.creator) ?? textOf(node.author),
  };
}

/** Atom entries: the rel="alternate" (or rel-less) link's href; published, else updated. */
function atomEntry(node: XmlNode): RawItem {
  const links = asArray(node.link).filter(isNode);
  const alternate = links.find((link) => link['@_rel'] === undefined || link['@_rel'] === 'alternate') ?? null;
  const author = asArray(node.author).find(isNode);
  return {
    link: alternate === null ? null : typeof alternate['@_href'] === 'string' ? alternate['@_href'] : null,
    title: textOf(node.title),
    date: textOf(node.published) ?? textOf(node.updated),
    author: author === undefined ? null : textOf(author.name),
  };
}

function parseJsonFeed(text: string, feedUrl: string, maxItems: number): ParsedSource {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (cause) {
    throw new ChronicleError('E_SOURCE', `not valid JSON (${(cause as Error).message})`, { cause });
  }
  if (!isNode(doc) || typeof doc.version !== 'string' || !doc.version.startsWith('https://jsonfeed.org/version/') || !Array.isArray(doc.items)) {
    throw new ChronicleError('E_SOURCE', 'not a JSON Feed (no https://jsonfeed.org/version/ and items)');
  }
  return collect(doc.items, feedUrl, maxItems, (item) => {
    const authors = [...asArray(item.authors), ...asArray(item.author)].filter(isNode);
    return {
      link: stringOrNull(item.url) ?? stringOrNull(item.external_url),
      title: stringOrNull(item.title),
      date: stringOrNull(item.date_published) ?? stringOrNull(item.date_modified),
      author: authors.length > 0 ? stringOrNull(authors[0]!.name) : null,
    };
  });
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The link made absolute against the document's URL, when it is http(s); else null. */
export function absoluteHttpUrl(link: string | null, base: string): string | null {
  if (link === null) return null;
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}
