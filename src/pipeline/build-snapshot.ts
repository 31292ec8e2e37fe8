import type { SaveInput } from '../archive/types.js';
import type { ExtractOptions } from '../extract/extract-article.js';
import { contentDigest } from '../normalize/digest.js';
import { normalizeArticle } from '../normalize/normalize-article.js';
import { makeSnapshotId } from '../normalize/snapshot-id.js';
import { normalizeUrl } from '../normalize/url.js';
import { renderArticlePage } from '../render/article-page.js';
import { SNAPSHOT_SCHEMA, type Article, type Capture, type Snapshot } from '../types.js';

/** What the archive stage files for one fetch: the record, raw bytes, reader page (and assets, rendered DOM, screenshot). */
export type BuiltSnapshot = SaveInput;

export type ExtractFunction = (html: string | Uint8Array, options: ExtractOptions) => Promise<Article>;

/**
 * extractArticle, loaded on first use: the extraction modules (jsdom, Readability, cheerio) cost about a second
 * and 40 MB to load, which a command that extracts nothing in this thread (`list`, `diff`, `--version`, or
 * `archive` with its extraction workers) should not pay.
 */
const extractInProcess: ExtractFunction = async (html, options) => {
  const { extractArticle } = await import('../extract/extract-article.js');
  return extractArticle(html, options);
};

export interface BuildOptions {
  /** The extractor to use (a worker pool passes its own); default extractArticle in-process. */
  extract?: ExtractFunction;
  /** Extract from this document (a browser's rendered DOM, UTF-8) instead of the capture's body, which stays the raw record. */
  document?: string;
}

/** Capture → Article → normalized Snapshot + raw bytes + reader page. Throws E_NO_ARTICLE when nothing is extractable. */
export async function buildSnapshot(capture: Capture, options: BuildOptions = {}): Promise<BuiltSnapshot> {
  const extract = options.extract ?? extractInProcess;
  const source = options.document ?? capture.body;
  const contentType = options.document === undefined ? capture.contentType : 'text/html; charset=utf-8';
  const article = await extract(source, {
    url: capture.finalUrl,
    ...(contentType ? { contentType } : {}),
  });
  const snapshot = snapshotFromArticle(article, capture);
  return { snapshot, raw: capture.body, articleHtml: renderArticlePage(snapshot) };
}

/** Assembles the versioned record (stable key order) from an Article and the Capture it came from. */
export function snapshotFromArticle(extracted: Article, capture: Capture): Snapshot {
  const article = normalizeArticle(extracted);
  const url = recordUrl(capture.requestedUrl);
  const content = contentDigest({
    meta: article.meta,
    body: article.body,
    quotes: article.quotes,
    embeds: article.embeds,
    canonicalUrl: article.canonicalUrl,
  });
  return {
    schema: SNAPSHOT_SCHEMA,
    id: makeSnapshotId(capture.fetchedAt, url, capture.sha256),
    url,
    finalUrl: capture.finalUrl,
    canonicalUrl: article.canonicalUrl,
    fetch: {
      fetchedAt: capture.fetchedAt.toISOString(),
      status: capture.status,
      redirects: capture.redirects,
      contentType: capture.contentType,
      contentEncoding: capture.contentEncoding,
      charset: article.charset,
      bytes: capture.body.byteLength,
      sha256: capture.sha256,
      elapsedMs: capture.elapsedMs,
      ...(capture.exchange === undefined ? {} : { exchange: capture.exchange }),
    },
    meta: article.meta,
    body: article.body,
    quotes: article.quotes,
    embeds: article.embeds,
    images: article.images,
    links: article.links,
    corrections: article.corrections,
    digest: { content, raw: `sha256:${capture.sha256}` },
    warnings: article.warnings,
  };
}

/**
 * The record's `url`: the archive key (normalizeUrl) of an http(s) page; a page read from a file keeps its
 * `file://` URL (or whatever --url names), without its fragment, as `extract FILE` promises.
 */
function recordUrl(requestedUrl: string): string {
  if (/^https?:/i.test(requestedUrl)) return normalizeUrl(requestedUrl);
  const url = new URL(requestedUrl);
  url.hash = '';
  return url.toString();
}
