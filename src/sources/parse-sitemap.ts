import { ChronicleError } from '../errors.js';
import { parseSourceDate } from './dates.js';
import { absoluteHttpUrl } from './parse-feed.js';
import type { DiscoveredItem, ParsedSource, SourceLimits } from './types.js';
import { asArray, isNode, parseXml, textOf } from './xml.js';

/**
 * Reads a sitemap (https://www.sitemaps.org/protocol.html): a `urlset` gives its pages, a `sitemapindex` its
 * child sitemaps. A Google News entry (`news:news`) gives the title and `news:publication_date`; otherwise
 * `lastmod` is the date. Entries without a usable http(s) `loc` are counted in `malformed`.
 */
export function parseSitemap(text: string, sitemapUrl: string, limits: Pick<SourceLimits, 'maxDepth' | 'maxItems'>): ParsedSource {
  const doc = parseXml(text.replace(/^\uFEFF/, ''), limits.maxDepth);
  if (isNode(doc.sitemapindex)) {
    const children: string[] = [];
    let malformed = 0;
    for (const entry of asArray(doc.sitemapindex.sitemap).slice(0, limits.maxItems)) {
      const url = isNode(entry) ? absoluteHttpUrl(textOf(entry.loc), sitemapUrl) : null;
      if (url === null) malformed++;
      else children.push(url);
    }
    return { kind: 'sitemapindex', items: [], children, malformed };
  }
  if (isNode(doc.urlset)) {
    const items: DiscoveredItem[] = [];
    let malformed = 0;
    for (const entry of asArray(doc.urlset.url).slice(0, limits.maxItems)) {
      const url = isNode(entry) ? absoluteHttpUrl(textOf(entry.loc), sitemapUrl) : null;
      if (!isNode(entry) || url === null) {
        malformed++;
        continue;
      }
      const news = asArray(entry.news).find(isNode);
      items.push({
        url,
        from: sitemapUrl,
        title: news === undefined ? null : textOf(news.title),
        publishedAt: parseSourceDate((news === undefined ? null : textOf(news.publication_date)) ?? textOf(entry.lastmod)),
        author: null,
      });
    }
    return { kind: 'urlset', items, children: [], malformed };
  }
  if (isNode(doc.rss) || isNode(doc.feed) || isNode(doc.RDF)) throw new ChronicleError('E_SOURCE', 'this is a feed, not a sitemap (use --feed)');
  throw new ChronicleError('E_SOURCE', 'not a sitemap (no urlset or sitemapindex)');
}
