import type { MetaSource } from './types.js';
import { allMeta, firstMeta } from './meta-tags.js';

/** Sailthru (sailthru.*). */
export const sailthruSource: MetaSource = {
  name: 'sailthru',
  rules: {
    title: (ctx) => firstMeta(ctx, 'sailthru.title'),
    authors: (ctx) => allMeta(ctx, 'sailthru.author'),
    publishedAt: (ctx) => firstMeta(ctx, 'sailthru.date'),
    description: (ctx) => firstMeta(ctx, 'sailthru.description'),
    image: (ctx) => firstMeta(ctx, 'sailthru.image.full', 'sailthru.image'),
    tags: (ctx) => {
      const raw = firstMeta(ctx, 'sailthru.tags');
      return raw === null ? null : raw.split(',');
    },
  },
};
