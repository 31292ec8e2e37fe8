import type { CheerioAPI } from 'cheerio';

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** The JSON-LD of a page: every node (arrays and @graph flattened), an @id index, and parse failures. */
export interface JsonLdGraph {
  nodes: JsonObject[];
  byId: ReadonlyMap<string, JsonObject>;
  /** One note per <script type="application/ld+json"> block that could not be parsed. */
  errors: string[];
}

/** @type values that mean "this node is the article" (NewsArticle, ReportageNewsArticle, BlogPosting, …). */
const ARTICLE_TYPE = /(?:Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report|NewsArticle)$/i;

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^https?:\/\/schema\.org\//i, ''));
}

/** Tolerant JSON.parse: strips HTML comments / CDATA wrappers, then retries with raw control characters escaped. */
function parseBlock(text: string): JsonValue {
  const stripped = text
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
    .trim();
  try {
    return JSON.parse(stripped) as JsonValue;
  } catch (first) {
    // Common publisher breakage: raw newlines / tabs inside strings, trailing commas.
    const repaired = stripped.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1');
    try {
      return JSON.parse(repaired) as JsonValue;
    } catch {
      throw first;
    }
  }
}

function flatten(value: JsonValue, out: JsonObject[], depth = 0): void {
  if (depth > 6) return;
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, out, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  const graph = value['@graph'];
  if (graph !== undefined) flatten(graph, out, depth + 1);
  if (value['@type'] !== undefined) out.push(value);
  // A WebPage often wraps the article: {"@type":"WebPage","mainEntity":{"@type":"NewsArticle",…}}.
  for (const key of ['mainEntity', 'mainEntityOfPage', 'itemListElement']) {
    const inner = value[key];
    if (isObject(inner) && inner['@type'] !== undefined) flatten(inner, out, depth + 1);
    if (Array.isArray(inner)) flatten(inner, out, depth + 1);
  }
}

export function parseJsonLd($: CheerioAPI): JsonLdGraph {
  const nodes: JsonObject[] = [];
  const errors: string[] = [];
  $('script').each((index, element) => {
    const type = ($(element).attr('type') ?? '').trim().toLowerCase();
    if (type !== 'application/ld+json') return;
    const text = $(element).text();
    if (text.trim() === '') return;
    try {
      flatten(parseBlock(text), nodes);
    } catch (error) {
      errors.push(`json-ld: block ${index + 1} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  });
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = node['@id'];
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, node);
  }
  return { nodes, byId, errors };
}

/** Follows {"@id": "…"} references to the full node when the graph has it. */
export function resolveRef(graph: JsonLdGraph, value: JsonValue | undefined): JsonValue | undefined {
  if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length <= 2) {
    return graph.byId.get(value['@id']) ?? value;
  }
  return value;
}

/** The node describing the article: the first Article-like node, preferring one with a headline. */
export function articleNode(graph: JsonLdGraph): JsonObject | null {
  const articles = graph.nodes.filter((node) => typesOf(node).some((type) => ARTICLE_TYPE.test(type)));
  return articles.find((node) => typeof node['headline'] === 'string') ?? articles[0] ?? null;
}

/** The first node of one of the given types. */
export function nodeOfType(graph: JsonLdGraph, ...types: string[]): JsonObject | null {
  const wanted = new Set(types.map((t) => t.toLowerCase()));
  return graph.nodes.find((node) => typesOf(node).some((type) => wanted.has(type.toLowerCase()))) ?? null;
}
