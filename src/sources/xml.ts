import { XMLParser } from 'fast-xml-parser';
import { ChronicleError } from '../errors.js';

/** Elements that may repeat, always read as arrays (namespace prefixes are removed before this test). */
const REPEATED = new Set(['item', 'entry', 'url', 'sitemap', 'link', 'author', 'creator', 'contributor']);

export type XmlNode = Record<string, unknown>;

/**
 * Parses a feed or sitemap with fast-xml-parser: namespace prefixes dropped (dc:date → date,
 * news:publication_date → publication_date), attributes kept as "@_name", entity expansion bounded by the
 * library's defaults, and at most `maxDepth` nested elements. Throws E_SOURCE on anything that is not
 * well-formed XML.
 */
export function parseXml(text: string, maxDepth: number): XmlNode {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    htmlEntities: true,
    maxNestedTags: maxDepth,
    isArray: (name) => REPEATED.has(name),
  });
  try {
    return parser.parse(text, true) as XmlNode;
  } catch (cause) {
    throw new ChronicleError('E_SOURCE', `not well-formed XML (${(cause as Error).message})`, { cause });
  }
}

/** The text of an element: a plain string, or "#text" of one with attributes; null when absent or empty. */
export function textOf(node: unknown): string | null {
  if (Array.isArray(node)) return textOf(node[0]);
  if (typeof node === 'string') return node.trim() === '' ? null : node.trim();
  if (typeof node === 'number') return String(node);
  if (typeof node === 'object' && node !== null) return textOf((node as XmlNode)['#text']);
  return null;
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
