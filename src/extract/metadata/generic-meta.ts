import type { MetaSource } from './types.js';
import { allMeta, firstMeta } from './meta-tags.js';

/** Plain <meta name=…> tags that are not part of a vocabulary (author, description, date, keywords…). */
export const genericMetaSource: MetaSource = {
  name: 'meta',
  rules: {
    title: (ctx) => firstMeta(ctx, 'title', 'headline'),
    authors: (ctx) => allMeta(ctx, 'author', 'byl', 'byline', 'article.author', 'authors'),
    siteName: (ctx) => firstMeta(ctx, 'application-name', 'site_name', 'publisher'),
    publishedAt: (ctx) =>
      firstMeta(
        ctx,
        'article.published',
        'published_time',
        'publish-date',
        'publish_date',
        'publication_date',
        'pubdate',
        'date',
        'datepublished',
        'original-publish-date',
        'displaydate',
        'dat',
      ),
    modifiedAt: (ctx) => firstMeta(ctx, 'article.updated', 'last-modified', 'lastmod', 'modified_time', 'revised', 'datemodified'),
    lang: (ctx) => firstMeta(ctx, 'content-language', 'language', 'lang'),
    description: (ctx) => firstMeta(ctx, 'description', 'summary', 'abstract'),
    section: (ctx) => firstMeta(ctx, 'section', 'article.section', 'category'),
    tags: (ctx) => {
      const raw = firstMeta(ctx, 'news_keywords');
      return raw === null ? null : raw.split(/[,;]/);
    },
  },
};
