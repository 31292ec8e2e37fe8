import type { MetaContext, MetaSource } from './types.js';
import { firstMeta } from './meta-tags.js';

/** Yoast and others put the author in a labelled pair: twitter:label1="Written by", twitter:data1="Name". */
function labelledAuthor(ctx: MetaContext): string[] {
  for (let i = 1; i <= 4; i += 1) {
    const label = firstMeta(ctx, `twitter:label${i}`);
    if (label !== null && /written by|author/i.test(label)) {
      const value = firstMeta(ctx, `twitter:data${i}`);
      if (value !== null) return [value];
    }
  }
  return [];
}

/** Twitter cards (twitter:*). Handles (twitter:site, twitter:creator) are not names and are not used. */
export const twitterCardSource: MetaSource = {
  name: 'twitter-card',
  rules: {
    title: (ctx) => firstMeta(ctx, 'twitter:title'),
    authors: labelledAuthor,
    description: (ctx) => firstMeta(ctx, 'twitter:description'),
    image: (ctx) => firstMeta(ctx, 'twitter:image', 'twitter:image:src', 'twitter:image0'),
  },
};
