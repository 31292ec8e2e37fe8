import type { Article, Correction, Embed, ImageRef, LinkRef, Meta, Quote } from '../types.js';
import { normalizeLine, normalizeLineOrNull, normalizeParagraphs, toIsoUtc } from './text.js';

/**
 * One deterministic form of an Article: keys in a fixed order, Unicode NFC, whitespace collapsed, dates as
 * ISO-8601 UTC, lists de-duplicated. Two extractions of the same page give byte-identical JSON.
 */
export function normalizeArticle(article: Article): Article {
  return {
    url: article.url,
    canonicalUrl: article.canonicalUrl,
    charset: article.charset,
    meta: normalizeMeta(article.meta),
    body: {
      text: normalizeParagraphs(article.body.text),
      html: article.body.html.normalize('NFC'),
      wordCount: article.body.wordCount,
    },
    quotes: article.quotes.map(normalizeQuote),
    embeds: article.embeds.map(normalizeEmbed),
    images: article.images.map(normalizeImage),
    links: article.links.map(normalizeLink),
    corrections: (article.corrections ?? []).map(normalizeCorrection),
    warnings: [...article.warnings],
  };
}

function normalizeCorrection(note: Correction): Correction {
  return { kind: note.kind, text: normalizeLine(note.text), date: normalizeLineOrNull(note.date), position: note.position, where: note.where };
}

function normalizeMeta(meta: Meta): Meta {
  return {
    title: normalizeLineOrNull(meta.title),
    authors: unique(meta.authors.map(normalizeLine).filter((name) => name !== '')),
    siteName: normalizeLineOrNull(meta.siteName),
    publishedAt: toIsoUtc(meta.publishedAt),
    modifiedAt: toIsoUtc(meta.modifiedAt),
    lang: normalizeLineOrNull(meta.lang),
    description: normalizeLineOrNull(meta.description),
    image: meta.image,
    section: normalizeLineOrNull(meta.section),
    tags: unique(meta.tags.map(normalizeLine).filter((tag) => tag !== '')),
  };
}

function normalizeQuote(quote: Quote): Quote {
  switch (quote.kind) {
    case 'excerpt':
      return {
        kind: 'excerpt',
        text: normalizeParagraphs(quote.text),
        paragraphs: quote.paragraphs.map(normalizeLine).filter((line) => line !== ''),
        source: normalizeLineOrNull(quote.source),
        sourceUrl: quote.sourceUrl,
        via: normalizeLineOrNull(quote.via),
        leadIn: normalizeLineOrNull(quote.leadIn),
        ...(quote.quotations === undefined
          ? {}
          : {
              quotations: quote.quotations.map((inner) => ({
                text: normalizeParagraphs(inner.text),
                speaker: normalizeLineOrNull(inner.speaker),
                cue: normalizeLineOrNull(inner.cue),
              })),
            }),
      };
    case 'direct':
      return {
        kind: 'direct',
        text: normalizeParagraphs(quote.text),
        speaker: normalizeLineOrNull(quote.speaker),
        cue: normalizeLineOrNull(quote.cue),
        attribution: quote.attribution ?? null,
        description: normalizeLineOrNull(quote.description ?? null),
      };
    case 'pull':
      return { kind: 'pull', text: normalizeLine(quote.text), duplicateOfBody: quote.duplicateOfBody };
  }
}

function normalizeEmbed(embed: Embed): Embed {
  return {
    provider: embed.provider,
    kind: embed.kind,
    url: embed.url,
    id: embed.id,
    author: normalizeLineOrNull(embed.author),
    handle: normalizeLineOrNull(embed.handle),
    text: embed.text ? normalizeParagraphs(embed.text) || null : null,
    title: normalizeLineOrNull(embed.title),
    date: normalizeLineOrNull(embed.date),
    thumbnail: embed.thumbnail ?? null,
    position: embed.position,
  };
}

function normalizeImage(image: ImageRef): ImageRef {
  return {
    url: image.url,
    alt: normalizeLineOrNull(image.alt),
    caption: normalizeLineOrNull(image.caption),
    credit: normalizeLineOrNull(image.credit),
  };
}

function normalizeLink(link: LinkRef): LinkRef {
  return { url: link.url, text: normalizeLine(link.text) };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
