/**
 * The content digest: sha256 over the normalized, reader-visible content of an article, so that two
 * fetches of an unchanged story give the same digest even when ads, nonces, "5 minutes ago" labels,
 * comment counts and cache-busting query strings differ. Rules: docs/content-digest.md.
 */
import { createHash } from 'node:crypto';
import type { Embed, Quote, Snapshot } from '../types.js';
import { cleanParagraphs, cleanText, comparableDate, comparableUrl, foldText } from './noise.js';

export type DigestInput = Pick<Snapshot, 'meta' | 'body' | 'quotes' | 'embeds' | 'canonicalUrl'>;

/** Bumped whenever a rule changes what the digest covers (see docs/content-digest.md, "Versioning"). */
export const DIGEST_RULES_VERSION = 1;

/** Fields of the comparable view that the digest covers. */
export const DIGESTED_FIELDS = ['title', 'description', 'authors', 'publishedAt', 'body', 'quotes', 'embeds'] as const;
/** Fields compared and reported by diff, but not digested (a change there alone is not an edit). */
export const INFORMATIONAL_FIELDS = ['modifiedAt', 'canonicalUrl'] as const;

export type DigestedField = (typeof DIGESTED_FIELDS)[number];
export type InformationalField = (typeof INFORMATIONAL_FIELDS)[number];
export type ComparableField = DigestedField | InformationalField;

/** The normalized view of an article that the digest is computed over (plus the informational fields). */
export interface ComparableView {
  title: string | null;
  description: string | null;
  /** Folded names, "By " removed, duplicates removed, sorted. */
  authors: string[];
  publishedAt: string | null;
  /** Folded paragraphs with noise removed. */
  body: string[];
  /** One folded key per quote: kind, text and speaker/source. */
  quotes: string[];
  /** One folded key per embed: provider, id (or comparable URL), text and caption. Sorted (placement is not content). */
  embeds: string[];
  modifiedAt: string | null;
  canonicalUrl: string | null;
}

function foldedOrNull(text: string | null | undefined): string | null {
  const cleaned = cleanText(text);
  return cleaned === '' ? null : foldText(cleaned);
}

/** "By Jane Doe and" → "Jane Doe": byline words that are not the name. */
export function cleanAuthor(name: string): string {
  return cleanText(name)
    .replace(/^(?:by|written by|words by|von|par|por)\s+/i, '')
    .replace(/\s+(?:and|&)$/i, '')
    .trim();
}

export function comparableAuthors(authors: readonly string[]): string[] {
  const folded = new Set<string>();
  for (const author of authors) {
    const name = foldText(cleanAuthor(author));
    if (name !== '') folded.add(name);
  }
  return [...folded].sort();
}

/** The identity and reader-visible text of a quote, folded. */
export function quoteKey(quote: Quote): string {
  const text = foldText(cleanText(quote.text));
  switch (quote.kind) {
    case 'direct':
      return `direct|${text}|${foldText(cleanText(quote.speaker))}`;
    case 'excerpt':
      return `excerpt|${text}|${foldText(cleanText(quote.source))}|${comparableUrl(quote.sourceUrl) ?? ''}`;
    case 'pull':
      return `pull|${text}`;
  }
}

/** What identifies an embed: provider and id, or its comparable URL when it has no id. */
export function embedIdentity(embed: Pick<Embed, 'provider' | 'id' | 'url'>): string {
  const ref = embed.id !== null && embed.id !== '' ? `id:${embed.id}` : `url:${comparableUrl(embed.url) ?? ''}`;
  return `${embed.provider.toLowerCase()}|${ref}`;
}

/** Identity plus the reader-visible text of an embed: its quoted text and the publisher's caption. */
export function embedKey(embed: Embed): string {
  const caption = (embed as { caption?: string | null }).caption ?? '';
  return `${embedIdentity(embed)}|${foldText(cleanText(embed.text ?? ''))}|${foldText(cleanText(caption))}`;
}

/** The normalized comparable view of a snapshot (or of anything with its content fields). */
export function comparableView(input: DigestInput): ComparableView {
  return {
    title: foldedOrNull(input.meta.title),
    description: foldedOrNull(input.meta.description),
    authors: comparableAuthors(input.meta.authors),
    publishedAt: comparableDate(input.meta.publishedAt),
    body: cleanParagraphs(input.body.text).map(foldText),
    quotes: input.quotes.filter((quote) => cleanText(quote.text) !== '').map(quoteKey),
    embeds: input.embeds.map(embedKey).sort(),
    modifiedAt: comparableDate(input.meta.modifiedAt),
    canonicalUrl: comparableUrl(input.canonicalUrl),
  };
}

/** sha256 over the digested fields of the comparable view, as "sha256:<hex>". */
export function contentDigest(input: DigestInput): string {
  const view = comparableView(input);
  const covered: Record<string, unknown> = { rules: DIGEST_RULES_VERSION };
  for (const field of DIGESTED_FIELDS) covered[field] = view[field];
  return `sha256:${createHash('sha256').update(JSON.stringify(covered)).digest('hex')}`;
}

/** Names of the fields whose comparable values differ, digested fields first, in a stable order. */
export function changedFields(before: ComparableView, after: ComparableView): ComparableField[] {
  const fields: ComparableField[] = [];
  for (const field of [...DIGESTED_FIELDS, ...INFORMATIONAL_FIELDS]) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) fields.push(field);
  }
  return fields;
}
