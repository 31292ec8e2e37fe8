import type { MetaContext, MetaSource } from './types.js';
import {
  articleNode,
  isObject,
  nodeOfType,
  resolveRef,
  type JsonLdGraph,
  type JsonObject,
  type JsonValue,
} from './json-ld-graph.js';
import { nonEmpty } from './text.js';

function asList(value: JsonValue | undefined): JsonValue[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A plain string from a JSON-LD value: a string, a {"@value"} object, or the first of a list. */
function text(value: JsonValue | undefined): string | null {
  for (const item of asList(value)) {
    if (typeof item === 'string' || typeof item === 'number') {
      const t = nonEmpty(item);
      if (t !== null) return t;
    }
    if (isObject(item)) {
      const t = nonEmpty(item['@value']);
      if (t !== null) return t;
    }
  }
  return null;
}

/** Names of persons / organizations: strings, {name}, {givenName, familyName}, @id references, lists. */
function names(graph: JsonLdGraph, value: JsonValue | undefined): string[] {
  const out: string[] = [];
  for (const raw of asList(value)) {
    const item = resolveRef(graph, raw);
    if (typeof item === 'string') {
      const t = nonEmpty(item);
      if (t !== null) out.push(t);
    } else if (isObject(item)) {
      const name = text(item['name']) ?? joinName(item);
      if (name !== null) out.push(name);
    }
  }
  return out;
}

function joinName(item: JsonObject): string | null {
  const parts = [text(item['givenName']), text(item['familyName'])].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** A URL from a string, an ImageObject-like {url | contentUrl | @id}, or the first of a list. */
function url(graph: JsonLdGraph, value: JsonValue | undefined): string | null {
  for (const raw of asList(value)) {
    const item = resolveRef(graph, raw);
    if (typeof item === 'string') {
      const t = nonEmpty(item);
      if (t !== null) return t;
    } else if (isObject(item)) {
      const t = text(item['url']) ?? text(item['contentUrl']) ?? text(item['@id']);
      if (t !== null) return t;
    }
  }
  return null;
}

function article(ctx: MetaContext): JsonObject | null {
  return articleNode(ctx.jsonLd);
}

/** A rule reading the Article node's first property of `keys` that holds text. */
function articleText(...keys: string[]): (ctx: MetaContext) => string | null {
  return (ctx) => {
    const node = article(ctx);
    if (!node) return null;
    for (const key of keys) {
      const value = text(node[key]);
      if (value !== null) return value;
    }
    return null;
  };
}

/** JSON-LD (schema.org): the Article-like node, its author / publisher references, the WebSite node. */
export const jsonLdSource: MetaSource = {
  name: 'json-ld',
  rules: {
    title: (ctx) => {
      const node = article(ctx);
      if (!node) return null;
      const headline = text(node['headline']);
      const name = text(node['name']);
      // Some sites (Wikipedia) put a description in headline and the title in name: trust the one <title> shows.
      if (headline !== null && name !== null && headline !== name) {
        const pageTitle = ctx.$('title').first().text();
        if (!pageTitle.includes(headline) && pageTitle.includes(name)) return name;
      }
      return headline ?? name;
    },
    authors: (ctx) => {
      const node = article(ctx);
      return node ? names(ctx.jsonLd, node['author'] ?? node['creator']) : null;
    },
    siteName: (ctx) => {
      const node = article(ctx);
      const publisher = node ? names(ctx.jsonLd, node['publisher'])[0] : undefined;
      if (publisher !== undefined) return publisher;
      const site = nodeOfType(ctx.jsonLd, 'WebSite');
      return site ? text(site['name']) : null;
    },
    publishedAt: articleText('datePublished', 'dateCreated'),
    modifiedAt: articleText('dateModified'),
    lang: (ctx) => {
      const node = article(ctx);
      if (!node) return null;
      const value = resolveRef(ctx.jsonLd, node['inLanguage']);
      return isObject(value) ? (text(value['alternateName']) ?? text(value['name'])) : text(value);
    },
    description: articleText('description'),
    image: (ctx) => {
      const node = article(ctx);
      return node ? (url(ctx.jsonLd, node['image']) ?? url(ctx.jsonLd, node['thumbnailUrl'])) : null;
    },
    section: articleText('articleSection'),
    tags: (ctx) => {
      const node = article(ctx);
      if (!node) return null;
      const out: string[] = [];
      for (const item of asList(node['keywords'])) {
        if (typeof item === 'string') out.push(...item.split(','));
        else if (isObject(item)) {
          const name = text(item['name']);
          if (name !== null) out.push(name);
        }
      }
      return out;
    },
    canonicalUrl: (ctx) => {
      const node = article(ctx);
      return node ? (text(node['url']) ?? url(ctx.jsonLd, node['mainEntityOfPage'])) : null;
    },
  },
};
