import type { MetaSource } from './types.js';
import { allMeta, firstMeta } from './meta-tags.js';

/** Highwire Press citation_* tags (scholarly pages, some news sites). */
export const citationSource: MetaSource = {
  name: 'citation',
  rules: {
    title: (ctx) => firstMeta(ctx, 'citation_title'),
    authors: (ctx) => allMeta(ctx, 'citation_author'),
    siteName: (ctx) => firstMeta(ctx, 'citation_journal_title', 'citation_publisher', 'citation_conference_title'),
    publishedAt: (ctx) => firstMeta(ctx, 'citation_publication_date', 'citation_date', 'citation_online_date'),
    lang: (ctx) => firstMeta(ctx, 'citation_language'),
    description: (ctx) => firstMeta(ctx, 'citation_abstract'),
    tags: (ctx) => {
      const list = allMeta(ctx, 'citation_keywords');
      return list.flatMap((item) => item.split(/[;,]/));
    },
    canonicalUrl: (ctx) => firstMeta(ctx, 'citation_abstract_html_url', 'citation_public_url'),
  },
};
