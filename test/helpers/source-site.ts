import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { articleHtml } from './article-page.js';

export interface SourceSite {
  origin: string;
  /** Requests per path so far. */
  hits(path: string): number;
  close(): Promise<void>;
}

/** A body the site serves at a path; `$ORIGIN` in it becomes the site's origin. */
export interface Served {
  type: string;
  body: string;
  gzip?: boolean;
  status?: number;
}

/**
 * A local news site on 127.0.0.1, port 0: the given feeds and sitemaps, and an article page at every
 * /news/... path (its title says which path). Everything else is 404.
 */
export async function startSourceSite(files: Record<string, Served>): Promise<SourceSite> {
  const hits = new Map<string, number>();
  let origin = '';
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const file = files[path];
    if (file !== undefined) {
      const text = file.body.replaceAll('$ORIGIN', origin);
      const body = file.gzip ? gzipSync(text) : Buffer.from(text);
      response.writeHead(file.status ?? 200, { 'content-type': file.type, 'content-length': String(body.length) }).end(body);
      return;
    }
    if (path.startsWith('/news/')) {
      const body = Buffer.from(articleHtml(path, { title: `Story at ${path}` }));
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(body.length) }).end(body);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    hits: (path) => hits.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export const RSS2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel><title>Harbour Gazette</title><link>$ORIGIN/</link>
<atom:link href="$ORIGIN/rss.xml" rel="self" type="application/rss+xml"/>
<item><title>Ferry berth approved</title><link>$ORIGIN/news/ferry</link><pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate><dc:creator>Ada Reporter</dc:creator></item>
<item><title><![CDATA[Dredging & the quay]]></title><link>/news/dredging</link><pubDate>Fri, 20 Nov 2026 10:00:00 +0100</pubDate></item>
<item><title>By guid only</title><guid isPermaLink="true">$ORIGIN/news/guid-only</guid><pubDate>Wed, 02 Dec 2026 09:00:00 GMT</pubDate></item>
</channel></rss>`;

export const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Gazette (Atom)</title>
<entry><title>Council budget</title><link rel="alternate" href="$ORIGIN/news/budget"/><link rel="edit" href="$ORIGIN/edit/1"/>
<published>2026-12-03T12:00:00Z</published><updated>2026-12-04T12:00:00Z</updated><author><name>Ben Writer</name></author></entry>
<entry><title>Ferry berth approved</title><link href="$ORIGIN/news/ferry"/><updated>2026-12-01T08:00:00Z</updated></entry>
</feed>`;

export const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Gazette (JSON)',
  items: [
    { id: '1', url: '$ORIGIN/news/json-one', title: 'Tide tables', date_published: '2026-12-05T06:00:00Z', authors: [{ name: 'Cy Editor' }] },
    { id: '2', url: '$ORIGIN/news/json-old', title: 'Old story', date_published: '2025-01-01T00:00:00Z' },
  ],
});

/** An RSS feed with 3 malformed items (no link, a mailto: link, an item that is not an element) and one good one. */
export const RSS_MALFORMED = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Bad items</title>
<item><title>No link at all</title><pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate></item>
<item><title>Mail link</title><link>mailto:desk@example.org</link></item>
<item></item>
<item><title>Good one</title><link>$ORIGIN/news/good</link><pubDate>not a date</pubDate></item>
</channel></rss>`;

export const SITEMAP_INDEX = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>$ORIGIN/sitemaps/pages.xml.gz</loc></sitemap>
<sitemap><loc>$ORIGIN/sitemaps/news.xml</loc></sitemap>
</sitemapindex>`;

export const SITEMAP_PAGES = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>$ORIGIN/news/archive-a</loc><lastmod>2026-10-01</lastmod></url>
<url><loc>$ORIGIN/news/archive-b</loc><lastmod>2026-12-02T10:00:00+00:00</lastmod></url>
<url><loc>$ORIGIN/news/ferry</loc></url>
</urlset>`;

export const SITEMAP_NEWS = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>$ORIGIN/news/breaking</loc>
<news:news><news:publication><news:name>Harbour Gazette</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2026-12-06T07:30:00Z</news:publication_date><news:title>Storm closes the harbour</news:title></news:news></url>
</urlset>`;
