import type { CheerioAPI } from 'cheerio';
import type { JsonLdGraph } from './json-ld-graph.js';

/** Raw field values as a source finds them, before cleaning (dates unparsed, URLs unresolved, names unsplit). */
export interface RawMeta {
  title: string;
  authors: string[];
  siteName: string;
  publishedAt: string;
  modifiedAt: string;
  lang: string;
  description: string;
  image: string;
  section: string;
  tags: string[];
  canonicalUrl: string;
}

export type MetaField = keyof RawMeta;

/** What every rule is handed: the untouched page plus things parsed once for all rules. */
export interface MetaContext {
  $: CheerioAPI;
  pageUrl: string;
  /** <meta> values by lower-cased key (name / property / itemprop / http-equiv; "dc:x" is stored as "dc.x"). */
  metaTags: ReadonlyMap<string, readonly string[]>;
  /** JSON-LD blocks of the page, parsed once. */
  jsonLd: JsonLdGraph;
}

/** One rule: reads one field from one source; null / undefined / empty means "not here". May throw. */
export type MetaRule<F extends MetaField> = (ctx: MetaContext) => RawMeta[F] | null | undefined;

/** A source of metadata (JSON-LD, OpenGraph, …): a small module with one rule per field it knows. */
export interface MetaSource {
  name: string;
  rules: { [F in MetaField]?: MetaRule<F> };
}
