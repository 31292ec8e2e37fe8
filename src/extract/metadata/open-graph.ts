import type { MetaSource } from './types.js';
import { allMeta, firstMeta } from './meta-tags.js';

/** OpenGraph (og:*) and its article:* extension. */
export const openGraphSource: MetaSource = {
  name: 'open-graph',
  rules: {
    title: (ctx) => firstMeta(ctx, 'og:title'),
    authors: (ctx) => allMeta(ctx, 'article:author', 'og:article:author'),
    siteName: (ctx) => firstMeta(ctx, 'og:site_name'),
    publishedAt: (ctx) => firstMeta(ctx, 'article:published_time', 'og:article:published_time', 'og:published_time'),
    modifiedAt: (ctx) =>
      firstMeta(ctx, 'article:modified_time', 'og:article:modified_time', 'og:modified_time', 'og:updated_time'),
    lang: (ctx) => firstMeta(ctx, 'og:locale'),
    description: (ctx) => firstMeta(ctx, 'og:description'),
    image: (ctx) => firstMeta(ctx, 'og:image:secure_url', 'og:image', 'og:image:url'),
    section: (ctx) => firstMeta(ctx, 'article:section', 'og:article:section'),
    tags: (ctx) => allMeta(ctx, 'article:tag', 'og:article:tag'),
    canonicalUrl: (ctx) => firstMeta(ctx, 'og:url'),
  },
};
