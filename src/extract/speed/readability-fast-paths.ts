import type { Readability } from '@mozilla/readability';

/*
 * Faster versions of a few @mozilla/readability 0.6.0 internals, installed on one Readability instance; each returns
 * exactly what the method it replaces returns (test/extract/speed/readability-fast-paths.test.ts compares them), skipping
 * only work that cannot change the answer. What each saves: docs/performance.md.
 */

/** The Readability internals read or replaced here (0.6.0). */
export interface ReadabilityInternals {
  ELEMENT_NODE: number;
  REGEXPS: { byline: RegExp };
  _getAllNodesWithTag?: (root: Document | Element, tagNames: string[]) => ArrayLike<Element>;
  _isValidByline?: (node: Element, matchString: string) => boolean;
  _isElementWithoutContent?: (node: Element) => boolean;
  _isProbablyVisible?: (node: Element) => boolean;
}

/** The methods replaced, by name (for the test that compares them with Readability's own). */
export const REPLACED_METHODS = ['_getAllNodesWithTag', '_isValidByline', '_isElementWithoutContent', '_isProbablyVisible'] as const;

/**
 * How many times the subtree under a node has changed: jsdom bumps a node's `_version`, and every ancestor's, on
 * each insertion or removal below it. Undefined when it cannot be read (then nothing is cached).
 */
export type SubtreeVersion = (node: Document | Element) => number | undefined;

export function installFastPaths(reader: Readability, subtreeVersion?: SubtreeVersion): void {
  const internals = reader as unknown as ReadabilityInternals;
  for (const name of REPLACED_METHODS) {
    if (typeof internals[name] !== 'function') return; // not the Readability these were written for: leave it be
  }
  const listing = subtreeVersion === undefined ? null : new DescendantListing(subtreeVersion);
  internals._getAllNodesWithTag = listing === null ? elementsByTagNames : (root, tagNames) => listing.query(root, tagNames);
  internals._isValidByline = isValidByline;
  internals._isElementWithoutContent = isElementWithoutContent;
  internals._isProbablyVisible = isProbablyVisible;
}

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * The descendants of `root` matching any of the type selectors `tagNames`, in tree order: what
 * `root.querySelectorAll(tagNames.join(','))` returns (ASCII case-insensitive for HTML elements, exact otherwise).
 * Readability asks for these about a hundred times a page; jsdom answers through a general CSS selector engine.
 */
export function elementsByTagNames(root: Document | Element, tagNames: readonly string[]): Element[] {
  const wanted = tagKeys(tagNames);
  const found: Element[] = [];
  forEachDescendant(root, (element, key) => {
    if (wanted.has(key)) found.push(element);
  });
  return found;
}

/**
 * The key a tag query matches an element by: its local name if HTML (the names asked are lower-cased, so the
 * match is ASCII case-insensitive), else NUL + its local name (matched exactly).
 */
function elementKey(element: Element): string {
  return element.namespaceURI === HTML_NAMESPACE ? element.localName : `\u0000${element.localName}`;
}

/** The keys (see elementKey) that match any of the type selectors `tagNames`. */
function tagKeys(tagNames: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const name of tagNames) {
    keys.add(name.toLowerCase());
    keys.add(`\u0000${name}`);
  }
  return keys;
}

/** Calls `visit` with each descendant element of `root` and its key, in tree order. */
function forEachDescendant(root: Document | Element, visit: (element: Element, key: string) => void): void {
  for (let child = root.firstElementChild; child !== null; child = child.nextElementSibling) {
    visit(child, elementKey(child));
    if (child.firstElementChild !== null) forEachDescendant(child, visit);
  }
}

/**
 * elementsByTagNames, answered from a list of the descendants of the last root asked about, kept while that
 * subtree is unchanged. Readability asks four such questions in a row of each element it may clean away
 * (lists, headings, embeds, text-ish elements: `_cleanConditionally`); the tree is walked once for them, and
 * the other three read a flat list. Only the last root is kept: the walk of every element's subtree kept
 * would hold a list the size of the sum of all subtree sizes.
 */
class DescendantListing {
  private root: Document | Element | null = null;
  private version = -1;
  private elements: Element[] = [];
  /** Per element of `elements`, its key (see elementKey). */
  private keys: string[] = [];

  constructor(private readonly subtreeVersion: SubtreeVersion) {}

  query(root: Document | Element, tagNames: readonly string[]): Element[] {
    const version = this.subtreeVersion(root);
    if (version === undefined) return elementsByTagNames(root, tagNames);
    if (root !== this.root || version !== this.version) this.list(root, version);
    const wanted = tagKeys(tagNames);
    const { elements, keys } = this;
    const found: Element[] = [];
    for (let index = 0; index < keys.length; index++) if (wanted.has(keys[index]!)) found.push(elements[index]!);
    return found;
  }

  private list(root: Document | Element, version: number): void {
    const elements: Element[] = [];
    const keys: string[] = [];
    forEachDescendant(root, (element, key) => {
      elements.push(element);
      keys.push(key);
    });
    this.root = root;
    this.version = version;
    this.elements = elements;
    this.keys = keys;
  }
}

/**
 * Readability's byline test, asked of every element until a byline is found. The original measures the
 * element's whole text first (its textContent: the walk over a page costs the sum of all subtree sizes); here
 * the text is measured only for the few elements whose attributes already look like a byline.
 */
function isValidByline(this: ReadabilityInternals, node: Element, matchString: string): boolean {
  const rel = node.getAttribute('rel');
  const itemprop = node.getAttribute('itemprop');
  const looksLikeByline =
    rel === 'author' || (itemprop !== null && itemprop !== '' && itemprop.includes('author')) || this.REGEXPS.byline.test(matchString);
  if (!looksLikeByline) return false;
  const bylineLength = (node.textContent ?? '').trim().length;
  return bylineLength > 0 && bylineLength < 100;
}

/**
 * Readability's "empty container" test (no text, and no children but <br>/<hr>). The original builds the
 * element's whole text to see whether it is blank; this stops at the first text node that is not.
 * (`String.prototype.trim` and `\s` strip the same characters.)
 */
function isElementWithoutContent(this: ReadabilityInternals, node: Element): boolean {
  return (
    node.nodeType === this.ELEMENT_NODE &&
    !hasNonBlankText(node) &&
    (node.children.length === 0 ||
      node.children.length === node.getElementsByTagName('br').length + node.getElementsByTagName('hr').length)
  );
}

const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const NON_BLANK = /\S/;

/** Whether any Text (or CDATA) descendant of `node` holds a non-whitespace character: textContent.trim() !== ''. */
function hasNonBlankText(node: Node): boolean {
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    const type = child.nodeType;
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      if (NON_BLANK.test((child as CharacterData).data)) return true;
    } else if (child.firstChild !== null && hasNonBlankText(child)) {
      return true;
    }
  }
  return false;
}

/**
 * Readability's visibility test, asked of every element. The original reads `node.style`, for which jsdom
 * builds a CSS declaration from the style attribute; without that attribute the declaration is empty (neither
 * display:none nor visibility:hidden), so it is built only for elements that have one.
 */
function isProbablyVisible(node: Element): boolean {
  if (node.hasAttribute('style')) {
    const style = (node as HTMLElement).style as CSSStyleDeclaration | undefined;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  if (node.hasAttribute('hidden')) return false;
  if (!node.hasAttribute('aria-hidden') || node.getAttribute('aria-hidden') !== 'true') return true;
  const className = (node as { className?: unknown }).className;
  return typeof className === 'string' && className !== '' && className.includes('fallback-image');
}
