/** One article URL found in a feed or a sitemap, with what the source said about it. */
export interface DiscoveredItem {
  url: string;
  /** The feed or sitemap URL it was listed in. */
  from: string;
  title: string | null;
  /** ISO-8601 UTC: the item's publication date (feed date, news:publication_date, else lastmod), or null. */
  publishedAt: string | null;
  author: string | null;
}

/** What one parsed feed or sitemap document yields. */
export interface ParsedSource {
  kind: 'feed' | 'urlset' | 'sitemapindex';
  items: DiscoveredItem[];
  /** sitemapindex: the child sitemaps it lists (absolute URLs). */
  children: string[];
  /** Entries skipped because they had no usable http(s) link. */
  malformed: number;
}

/** A source given on the command line: `--feed URL` or `--sitemap URL|auto`. */
export type SourceSpec = { kind: 'feed'; url: string } | { kind: 'sitemap'; url: string } | { kind: 'sitemap-auto'; pageUrl: string };

/** A source that could not be read: one line on stderr, and exit code 10 at the end of the run. */
export interface SourceFailure {
  source: string;
  message: string;
}

/** Limits on what a source may make chronicle read. */
export interface SourceLimits {
  /** Largest feed/sitemap body, after decompression (the sitemap protocol's own cap is 50 MB). */
  maxBytes: number;
  /** Deepest element nesting accepted in an XML document. */
  maxDepth: number;
  /** Most child sitemaps fetched for one --sitemap (over all nesting levels). */
  maxChildSitemaps: number;
  /** Most nesting levels of sitemap indexes followed. */
  maxIndexLevels: number;
  /** Most items taken from one document (the sitemap protocol allows 50,000 URLs). */
  maxItems: number;
}

export const DEFAULT_SOURCE_LIMITS: SourceLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxDepth: 64,
  maxChildSitemaps: 1000,
  maxIndexLevels: 3,
  maxItems: 50_000,
};
