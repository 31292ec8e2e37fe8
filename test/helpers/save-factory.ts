import { createHash } from 'node:crypto';
import { SNAPSHOT_SCHEMA, type Snapshot } from '../../src/types.js';
import type { SaveInput } from '../../src/archive/types.js';

export interface FactoryOptions {
  url?: string;
  id?: string;
  fetchedAt?: string;
  title?: string;
  authors?: string[];
  body?: string;
  quotes?: Snapshot['quotes'];
  embeds?: Snapshot['embeds'];
  /** Raw HTML; defaults to a page built from title and body. */
  raw?: string;
}

let counter = 0;

/** A valid snapshot record with its raw body and article page, independent of the extractor. */
export function makeSave(options: FactoryOptions = {}): SaveInput {
  counter += 1;
  const fetchedAt = options.fetchedAt ?? new Date(Date.UTC(2026, 10, 25, 10, 0, 0) + counter * 1000).toISOString();
  const title = options.title ?? `Test article ${counter}`;
  const body = options.body ?? `Paragraph ${counter} about the city council budget.\n\nA second paragraph.`;
  const rawText = options.raw ?? `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${body}</p></article></body></html>`;
  const raw = new TextEncoder().encode(rawText);
  const rawSha = createHash('sha256').update(raw).digest('hex');
  const contentSha = createHash('sha256').update(JSON.stringify([title, options.authors ?? [], body, options.quotes ?? []])).digest('hex');
  const id = options.id ?? `${fetchedAt.replace(/[-:.]/g, '').replace('T', 'T')}-${createHash('sha256').update(`${counter}${Math.random()}`).digest('hex').slice(0, 8)}`;
  const url = options.url ?? `https://news.example.com/2026/11/story-${counter}`;
  const snapshot: Snapshot = {
    schema: SNAPSHOT_SCHEMA,
    id,
    url,
    finalUrl: url,
    canonicalUrl: url,
    fetch: {
      fetchedAt,
      status: 200,
      redirects: [],
      contentType: 'text/html; charset=utf-8',
      contentEncoding: null,
      charset: 'utf-8',
      bytes: raw.byteLength,
      sha256: rawSha,
      elapsedMs: 12,
    },
    meta: {
      title,
      authors: options.authors ?? ['Jane Reporter'],
      siteName: 'Example News',
      publishedAt: '2026-11-24T08:00:00.000Z',
      modifiedAt: null,
      lang: 'en',
      description: null,
      image: null,
      section: null,
      tags: [],
    },
    body: { text: body, html: `<p>${body}</p>`, wordCount: body.split(/\s+/).length },
    quotes: options.quotes ?? [],
    embeds: options.embeds ?? [],
    images: [],
    links: [],
    digest: { content: `sha256:${contentSha}`, raw: `sha256:${rawSha}` },
    warnings: [],
  };
  return { snapshot, raw, articleHtml: `<!doctype html><html><body><h1>${title}</h1><p>${body}</p></body></html>` };
}
