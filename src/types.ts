/**
 * The one record that flows through the pipeline:
 *   URL ──fetch──▶ Capture ──decode──▶ html ──extract──▶ Article ──normalize──▶ Snapshot ──archive──▶ files
 * Field meanings are documented in docs/snapshot-format.md; keep the two in step.
 */

export const SNAPSHOT_SCHEMA = 'chronicle.snapshot/1' as const;

export interface RedirectHop {
  /** The URL that answered with a redirect. */
  url: string;
  status: number;
  /** The absolute URL it pointed to. */
  location: string;
}

/** What the fetch stage hands on: the response exactly as received (content-encoding undone). */
export interface Capture {
  requestedUrl: string;
  finalUrl: string;
  redirects: RedirectHop[];
  status: number;
  /** Selected response headers, lower-case names. */
  headers: Record<string, string>;
  contentType: string | null;
  /** The Content-Encoding that was undone (gzip, deflate, br), or null. */
  contentEncoding: string | null;
  body: Uint8Array;
  /** Hex sha256 of `body`. */
  sha256: string;
  fetchedAt: Date;
  elapsedMs: number;
  /** How many attempts the fetch took (1 = no retry). */
  attempts: number;
  /** The HTTP request sent and the response head received for the final hop (absent in older captures). */
  exchange?: HttpExchange;
}

/** One HTTP request/response head pair as sent and received (docs/archive-format.md "The HTTP exchange"). */
export interface HttpExchange {
  request: { method: string; target: string; httpVersion: string; headers: Array<[string, string]> };
  response: { httpVersion: string; status: number; statusText: string; headers: Array<[string, string]> };
  /** How the payload (raw.html) relates to the wire bytes: content-encoding and chunking undone. */
  payload: 'decoded';
}

export interface Meta {
  title: string | null;
  authors: string[];
  siteName: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  lang: string | null;
  description: string | null;
  image: string | null;
  section: string | null;
  tags: string[];
}

export interface Body {
  /** Block-aware plain text: paragraphs separated by a blank line. */
  text: string;
  /** Clean, script-free article HTML with embeds in place. */
  html: string;
  wordCount: number;
}

export type EmbedKind = 'post' | 'video' | 'audio' | 'chart' | 'document' | 'map' | 'image' | 'page';

export interface Embed {
  provider: string;
  kind: EmbedKind;
  /** Canonical URL, tracking parameters removed. */
  url: string | null;
  /** The provider's own id (tweet id, YouTube video id, …), or null. */
  id: string | null;
  author?: string | null;
  /** Author handle without '@' where the provider has handles. */
  handle?: string | null;
  text?: string | null;
  title?: string | null;
  date?: string | null;
  thumbnail?: string | null;
  /** The publisher's own caption around the embed (figcaption of its wrapper figure). */
  caption?: string | null;
  /** Index of the embed among the top-level blocks of body.html (0-based); null when not placed. */
  position: number | null;
}

export type Quote = ExcerptQuote | DirectQuote | PullQuote;

export interface ExcerptQuote {
  kind: 'excerpt';
  text: string;
  paragraphs: string[];
  source: string | null;
  sourceUrl: string | null;
  via: string | null;
  leadIn: string | null;
  /** Direct quotations inside the copied passage (second-hand: the excerpt is their context); absent when none. */
  quotations?: ExcerptQuotation[];
}

export interface ExcerptQuotation {
  text: string;
  speaker: string | null;
  cue: string | null;
}

export interface DirectQuote {
  kind: 'direct';
  text: string;
  /** Who said it: the person's full name as the article first gives it, or an organisation; null when never said. */
  speaker: string | null;
  cue: string | null;
  /** How the speaker was found: named in the sentence, a pronoun or description resolved, or the paragraph before. */
  attribution?: 'named' | 'pronoun' | 'context' | null;
  /** The description that stands for an unnamed or resolved speaker ("a senior administration official"). */
  description?: string | null;
}

export interface PullQuote {
  kind: 'pull';
  text: string;
  /** True when the same text also stands in the body (it is then not counted twice). */
  duplicateOfBody: boolean;
}

/** A correction, update, clarification or editor's note the outlet published with the article (docs/corrections.md). */
export interface Correction {
  kind: 'correction' | 'update' | 'clarification' | 'editors-note';
  /** The note's text, whitespace collapsed (it also stays in body.text where it stands in the article). */
  text: string;
  /** The date or time the note gives, as written ("5:40 p.m.", "Nov. 20, 2026"; JSON-LD datePublished), or null. */
  date: string | null;
  /** Index of the body paragraph that holds the note (0-based), or null when it stands outside the body. */
  position: number | null;
  /** Where it was found: a body paragraph, a box elsewhere on the page, or JSON-LD `correction`. */
  where: 'body' | 'page' | 'json-ld';
}

export interface ImageRef {
  url: string;
  alt: string | null;
  caption: string | null;
  credit: string | null;
}

export interface LinkRef {
  url: string;
  text: string;
}

/** What a reader sees of a page: the part an Article and a Snapshot share. */
export interface ReaderContent {
  canonicalUrl: string | null;
  meta: Meta;
  body: Body;
  quotes: Quote[];
  embeds: Embed[];
  images: ImageRef[];
  links: LinkRef[];
  /**
   * Correction/update notes, [] when none (extractArticle always sets it; absent from snapshots filed before it
   * existed, read as []).
   */
  corrections?: Correction[];
  warnings: string[];
}

/** What extractArticle returns: everything read from one HTML page. */
export interface Article extends ReaderContent {
  /** The page URL the article was read as (used to resolve relative links). */
  url: string;
  charset: string;
}

export interface FetchRecord {
  fetchedAt: string;
  status: number;
  redirects: RedirectHop[];
  contentType: string | null;
  contentEncoding: string | null;
  charset: string;
  bytes: number;
  sha256: string;
  elapsedMs: number;
  /** The request and response heads (additive; missing in snapshots filed before it was recorded). */
  exchange?: HttpExchange;
}

export interface Digest {
  /** sha256 over the normalized reader-visible content (see docs/content-digest.md). */
  content: string;
  /** sha256 of raw.html. */
  raw: string;
}

/** The normalized record stored as snapshot.json. */
export interface Snapshot extends ReaderContent {
  schema: typeof SNAPSHOT_SCHEMA;
  id: string;
  url: string;
  finalUrl: string;
  fetch: FetchRecord;
  digest: Digest;
  /** Set on snapshots made by `chronicle import`: the WARC file, the record's byte offset and WARC-Record-ID. */
  source?: { warc: string; offset: number; recordId: string | null };
  /** Present only when a browser loaded the page (--render, --screenshot): see docs/snapshot-format.md. */
  render?: RenderRecord;
}

/** What the browser did for a snapshot. `raw.html` stays the server's response either way. */
export interface RenderRecord {
  /** Why the browser was used: --render always, --render auto's findings, or only for --screenshot. */
  reason: 'always' | 'no-article' | 'short-body' | 'screenshot';
  /** True when the article was extracted from the rendered DOM (rendered.html), false when from raw.html. */
  extractedFromRendered: boolean;
  renderedAt: string;
  finalUrl: string;
  elapsedMs: number;
  /** Requests refused because their host is a known ad or tracker host. */
  blockedRequests: number;
  /** rendered.html, when kept. */
  html: { sha256: string; bytes: number } | null;
  /** screenshot.png (full page, cut at a documented height), when taken. */
  screenshot: { sha256: string; bytes: number; width: number; height: number } | null;
}
