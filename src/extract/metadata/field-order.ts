import type { MetaField, MetaSource } from './types.js';
import { jsonLdSource } from './json-ld.js';
import { openGraphSource } from './open-graph.js';
import { twitterCardSource } from './twitter-card.js';
import { parselySource } from './parsely.js';
import { sailthruSource } from './sailthru.js';
import { dublinCoreSource } from './dublin-core.js';
import { citationSource } from './citation.js';
import { genericMetaSource } from './generic-meta.js';
import { microdataSource } from './microdata.js';
import { htmlElementsSource } from './html-elements.js';
import { bylineSource } from './byline.js';

/** Every source module, by name. */
export const SOURCES: Readonly<Record<string, MetaSource>> = Object.fromEntries(
  [
    jsonLdSource,
    openGraphSource,
    twitterCardSource,
    parselySource,
    sailthruSource,
    dublinCoreSource,
    citationSource,
    genericMetaSource,
    microdataSource,
    htmlElementsSource,
    bylineSource,
  ].map((source) => [source.name, source]),
);

/**
 * For each field, the sources tried in order; the first that yields a usable value wins.
 * Keep this table and docs/metadata.md in step.
 */
export const FIELD_ORDER: Readonly<Record<MetaField, readonly string[]>> = {
  title: ['json-ld', 'dublin-core', 'open-graph', 'twitter-card', 'parsely', 'sailthru', 'citation', 'microdata', 'meta', 'html'],
  authors: ['json-ld', 'dublin-core', 'meta', 'parsely', 'sailthru', 'citation', 'open-graph', 'twitter-card', 'microdata', 'byline'],
  siteName: ['open-graph', 'json-ld', 'meta', 'dublin-core', 'citation', 'microdata'],
  publishedAt: ['json-ld', 'open-graph', 'parsely', 'sailthru', 'dublin-core', 'citation', 'microdata', 'meta', 'html'],
  modifiedAt: ['json-ld', 'open-graph', 'dublin-core', 'microdata', 'meta', 'html'],
  lang: ['html', 'open-graph', 'meta', 'json-ld', 'dublin-core', 'citation', 'microdata'],
  description: ['open-graph', 'json-ld', 'twitter-card', 'meta', 'dublin-core', 'sailthru', 'citation', 'microdata'],
  image: ['open-graph', 'json-ld', 'twitter-card', 'parsely', 'sailthru', 'microdata', 'html'],
  section: ['open-graph', 'json-ld', 'parsely', 'meta', 'microdata'],
  tags: ['open-graph', 'json-ld', 'html', 'meta', 'parsely', 'sailthru', 'dublin-core', 'citation', 'microdata'],
  canonicalUrl: ['html', 'open-graph', 'json-ld', 'parsely', 'citation', 'microdata'],
};
