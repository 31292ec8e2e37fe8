import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { hasClass, isElement } from '../dom.js';

/** Whitespace (zero-width spaces too) folded, NFC: the form quote text is compared and reported in. */
export { collapseWhitespaceNfc as squash } from '../../text/whitespace.js';

/** Strips one layer of surrounding quote marks ("…", “…”, «…»). */
export function stripSurroundingQuotes(text: string): string {
  const trimmed = text.trim();
  const match = /^["“„«‘']\s*([\s\S]*?)\s*["”»’']$/.exec(trimmed);
  if (match && match[1] !== undefined && !/["“”]/.test(match[1])) return match[1];
  return trimmed.replace(/^["“„«]\s*/, '').replace(/\s*["”»]$/, '');
}

/** A loose comparison form: lower case, letters and digits only, single spaces, quote marks and dashes gone. */
export function comparable(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whitespace-separated tokens with a letter or digit. */
export { countLetterWords as wordCount } from '../../text/words.js';

export { isElement };

/**
 * The element itself or its nearest ancestor element that `test` accepts, else null: what cheerio's
 * `closest(selector)` finds, without compiling a selector for every paragraph of every page.
 */
export function closestElement(element: Element, test: (candidate: Element) => boolean): Element | null {
  for (let node: AnyNode | null = element; node !== null; node = node.parent) {
    if (isElement(node) && test(node)) return node;
  }
  return null;
}

/** `figure.chronicle-embed, [data-chronicle-embed]`. */
function isEmbedElement(element: Element): boolean {
  return element.attribs['data-chronicle-embed'] !== undefined || (element.name === 'figure' && hasClass(element, 'chronicle-embed'));
}

/** True for an embed figure put back by the orchestrator (or anything inside one). */
export function insideEmbed(element: Element): boolean {
  return closestElement(element, isEmbedElement) !== null;
}

/** Every element of the document in document order, numbered: for ordering quotes as they stand. */
export function documentOrder($: CheerioAPI): Map<Element, number> {
  const order = new Map<Element, number>();
  let next = 0;
  const visit = (nodes: AnyNode[]): void => {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      order.set(node, next);
      next += 1;
      visit(node.children);
    }
  };
  visit($.root().toArray().flatMap((root) => ('children' in root ? (root.children as AnyNode[]) : [])));
  return order;
}

/** The host without "www.", lower case; null when unparseable. */
export function bareHost(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\d?\./, '');
  } catch {
    return null;
  }
}
