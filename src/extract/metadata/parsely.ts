import type { MetaContext, MetaSource } from './types.js';
import { allMeta, firstMeta } from './meta-tags.js';
import { isObject, type JsonValue } from './json-ld-graph.js';

/** Old Parse.ly pages carry one JSON object in <meta name="parsely-page" content="{…}">. */
function parselyPage(ctx: MetaContext, key: string): JsonValue | undefined {
  const raw = firstMeta(ctx, 'parsely-page');
  if (raw === null) return undefined;
  const parsed = JSON.parse(raw) as JsonValue;
  return isObject(parsed) ? parsed[key] : undefined;
}

function str(value: JsonValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

function strings(value: JsonValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Parse.ly (parsely-* metas, and the older parsely-page JSON). */
export const parselySource: MetaSource = {
  name: 'parsely',
  rules: {
    title: (ctx) => firstMeta(ctx, 'parsely-title') ?? str(parselyPage(ctx, 'title')),
    authors: (ctx) => {
      const list = allMeta(ctx, 'parsely-author');
      return list.length > 0 ? list : strings(parselyPage(ctx, 'author') ?? parselyPage(ctx, 'authors'));
    },
    publishedAt: (ctx) => firstMeta(ctx, 'parsely-pub-date') ?? str(parselyPage(ctx, 'pub_date')),
    image: (ctx) => firstMeta(ctx, 'parsely-image-url') ?? str(parselyPage(ctx, 'image_url')),
    section: (ctx) => firstMeta(ctx, 'parsely-section') ?? str(parselyPage(ctx, 'section')),
    tags: (ctx) => {
      const raw = firstMeta(ctx, 'parsely-tags');
      return raw !== null ? raw.split(',') : strings(parselyPage(ctx, 'tags'));
    },
    canonicalUrl: (ctx) => firstMeta(ctx, 'parsely-link') ?? str(parselyPage(ctx, 'link')),
  },
};
