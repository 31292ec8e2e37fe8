import type { MetaSource } from './types.js';
import { allMeta, firstMeta } from './meta-tags.js';

/** Dublin Core (dc.* and dcterms.*, written with "." or ":"). */
export const dublinCoreSource: MetaSource = {
  name: 'dublin-core',
  rules: {
    title: (ctx) => firstMeta(ctx, 'dc.title', 'dcterms.title'),
    authors: (ctx) => allMeta(ctx, 'dc.creator', 'dcterms.creator', 'dc.contributor'),
    siteName: (ctx) => firstMeta(ctx, 'dc.publisher', 'dcterms.publisher'),
    publishedAt: (ctx) =>
      firstMeta(ctx, 'dc.date.issued', 'dcterms.issued', 'dcterms.created', 'dc.date.created', 'dc.date', 'dcterms.date'),
    modifiedAt: (ctx) => firstMeta(ctx, 'dcterms.modified', 'dc.date.modified'),
    lang: (ctx) => firstMeta(ctx, 'dc.language', 'dcterms.language'),
    description: (ctx) => firstMeta(ctx, 'dc.description', 'dcterms.description', 'dcterms.abstract'),
    tags: (ctx) => allMeta(ctx, 'dc.subject', 'dcterms.subject'),
  },
};
