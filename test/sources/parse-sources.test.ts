import { describe, expect, it } from '@jest/globals';
import { parseFeed } from '../../src/sources/parse-feed.js';
import { parseSitemap } from '../../src/sources/parse-sitemap.js';
import { DEFAULT_SOURCE_LIMITS } from '../../src/sources/types.js';
import { ATOM, JSON_FEED, RSS2, RSS_MALFORMED, SITEMAP_INDEX, SITEMAP_NEWS, SITEMAP_PAGES } from '../helpers/source-site.js';

const O = 'http://news.test';
const at = (text: string): string => text.replaceAll('$ORIGIN', O);

describe('parseFeed', () => {
  it('reads RSS 2.0: link, relative link, guid permalink, CDATA title, RFC 822 dates, dc:creator', () => {
    const feed = parseFeed(at(RSS2), `${O}/rss.xml`, DEFAULT_SOURCE_LIMITS);
    expect(feed.malformed).toBe(0);
    expect(feed.items).toEqual([
      { url: `${O}/news/ferry`, from: `${O}/rss.xml`, title: 'Ferry berth approved', publishedAt: '2026-12-01T08:00:00.000Z', author: 'Ada Reporter' },
      { url: `${O}/news/dredging`, from: `${O}/rss.xml`, title: 'Dredging & the quay', publishedAt: '2026-11-20T09:00:00.000Z', author: null },
      { url: `${O}/news/guid-only`, from: `${O}/rss.xml`, title: 'By guid only', publishedAt: '2026-12-02T09:00:00.000Z', author: null },
    ]);
  });

  it('reads RSS 1.0 (RDF) with dc:date', () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="${O}/"><title>RDF</title></channel>
      <item rdf:about="${O}/news/rdf-1"><title>One</title><link>${O}/news/rdf-1</link><dc:date>2026-12-01T10:00:00+02:00</dc:date><dc:creator>Dee</dc:creator></item>
    </rdf:RDF>`;
    expect(parseFeed(rdf, `${O}/index.rdf`, DEFAULT_SOURCE_LIMITS).items).toEqual([
      { url: `${O}/news/rdf-1`, from: `${O}/index.rdf`, title: 'One', publishedAt: '2026-12-01T08:00:00.000Z', author: 'Dee' },
    ]);
  });

  it('reads Atom: the alternate link, published before updated, the author name', () => {
    const feed = parseFeed(at(ATOM), `${O}/atom.xml`, DEFAULT_SOURCE_LIMITS);
    expect(feed.items.map((item) => [item.url, item.publishedAt, item.author])).toEqual([
      [`${O}/news/budget`, '2026-12-03T12:00:00.000Z', 'Ben Writer'],
      [`${O}/news/ferry`, '2026-12-01T08:00:00.000Z', null],
    ]);
  });

  it('reads JSON Feed 1.1', () => {
    const feed = parseFeed(at(JSON_FEED), `${O}/feed.json`, DEFAULT_SOURCE_LIMITS);
    expect(feed.items[0]).toEqual({ url: `${O}/news/json-one`, from: `${O}/feed.json`, title: 'Tide tables', publishedAt: '2026-12-05T06:00:00.000Z', author: 'Cy Editor' });
  });

  it('counts items without an http(s) link as malformed and keeps the rest; a bad date is null', () => {
    const feed = parseFeed(at(RSS_MALFORMED), `${O}/bad.xml`, DEFAULT_SOURCE_LIMITS);
    expect(feed.malformed).toBe(3);
    expect(feed.items).toEqual([{ url: `${O}/news/good`, from: `${O}/bad.xml`, title: 'Good one', publishedAt: null, author: null }]);
  });

  it.each([
    ['broken XML', '<rss><channel><item></channel>', /not well-formed XML/],
    ['HTML', '<html><body>hi</body></html>', /not an RSS, RDF, Atom or JSON feed/],
    ['a sitemap', at(SITEMAP_PAGES), /use --sitemap/],
    ['JSON that is not a feed', '{"a":1}', /not a JSON Feed/],
  ])('rejects %s with E_SOURCE', (_what, text, message) => {
    expect(() => parseFeed(text, `${O}/x`, DEFAULT_SOURCE_LIMITS)).toThrow(expect.objectContaining({ code: 'E_SOURCE', message: expect.stringMatching(message) }));
  });

  it('refuses nesting deeper than the limit', () => {
    const deep = `<rss><channel>${'<x>'.repeat(80)}${'</x>'.repeat(80)}</channel></rss>`;
    expect(() => parseFeed(deep, `${O}/x`, DEFAULT_SOURCE_LIMITS)).toThrow(expect.objectContaining({ code: 'E_SOURCE' }));
  });

  it('takes at most maxItems items', () => {
    const many = `<rss><channel>${Array.from({ length: 10 }, (_, i) => `<item><link>${O}/news/${i}</link></item>`).join('')}</channel></rss>`;
    expect(parseFeed(many, `${O}/x`, { maxDepth: 64, maxItems: 4 }).items).toHaveLength(4);
  });
});

describe('parseSitemap', () => {
  it('reads a sitemap index', () => {
    const parsed = parseSitemap(at(SITEMAP_INDEX), `${O}/sitemap.xml`, DEFAULT_SOURCE_LIMITS);
    expect(parsed).toMatchObject({ kind: 'sitemapindex', children: [`${O}/sitemaps/pages.xml.gz`, `${O}/sitemaps/news.xml`], items: [] });
  });

  it('reads a urlset with lastmod as the date', () => {
    const parsed = parseSitemap(at(SITEMAP_PAGES), `${O}/s.xml`, DEFAULT_SOURCE_LIMITS);
    expect(parsed.items.map((item) => [item.url, item.publishedAt])).toEqual([
      [`${O}/news/archive-a`, '2026-10-01T00:00:00.000Z'],
      [`${O}/news/archive-b`, '2026-12-02T10:00:00.000Z'],
      [`${O}/news/ferry`, null],
    ]);
  });

  it('reads a Google News sitemap: news:title and news:publication_date', () => {
    const parsed = parseSitemap(at(SITEMAP_NEWS), `${O}/news.xml`, DEFAULT_SOURCE_LIMITS);
    expect(parsed.items).toEqual([
      { url: `${O}/news/breaking`, from: `${O}/news.xml`, title: 'Storm closes the harbour', publishedAt: '2026-12-06T07:30:00.000Z', author: null },
    ]);
  });

  it('rejects a feed given as a sitemap', () => {
    expect(() => parseSitemap(at(RSS2), `${O}/x`, DEFAULT_SOURCE_LIMITS)).toThrow(expect.objectContaining({ code: 'E_SOURCE', message: expect.stringMatching(/use --feed/) }));
  });
});
