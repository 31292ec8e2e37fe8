import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { isElement } from '../parse-html.js';

/**
 * A second reading of the page, for when Readability picks the wrong container (a list of signatories, an
 * advertiser disclosure, a teaser): the tightest element that holds most of the page's *prose*, the text of
 * paragraphs that are long and mostly not links. One walk over the cheerio tree Readability was given (with its
 * unlikely candidates already stripped), no second DOM.
 */

/** Elements that make a paragraph of the text directly under them. */
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'li', 'dd', 'dt', 'td', 'th', 'pre', 'blockquote', 'h2', 'h3', 'h4', 'h5',
  'h6', 'figcaption', 'header', 'footer', 'aside', 'center', 'font', 'form', 'ul', 'ol', 'table', 'body',
]);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'button', 'select', 'textarea', 'nav']);
/** A paragraph counts as prose from this many characters of text, with at most this share of link text. */
const PROSE_CHARS = 80;
const PROSE_LINK_SHARE = 0.35;
/** Descend into a child while it holds at least this share of the page's prose. */
const HOLDS_MOST = 0.6;

interface Stats {
  chars: number;
  linkChars: number;
}

export interface DenseContainer {
  element: Element;
  /** Characters of prose inside it. */
  prose: number;
  /** Characters of prose on the whole page. */
  pageProse: number;
}

/** The element that holds most of the page's prose, or null when the page has none. */
export function findDenseContainer($: CheerioAPI): DenseContainer | null {
  // htmlparser2 makes no <body> for a page that has none in its markup: then the document is read.
  const body = ($('body')[0] ?? $('html')[0] ?? $.root()[0]) as Element | undefined;
  if (body === undefined) return null;
  const stats = new Map<Element, Stats>();
  measure(body, false, stats);
  const prose = new Map<Element, number>();
  const paragraphs = new Map<Element, number>();
  const pageProse = countProse(body, body, false, { stats, prose, paragraphs });
  if (pageProse === 0) return null;
  let element: Element = body;
  for (;;) {
    let best: Element | null = null;
    let bestProse = 0;
    for (const child of element.children) {
      if (!isElement(child)) continue;
      const amount = prose.get(child) ?? 0;
      if (amount > bestProse) {
        best = child;
        bestProse = amount;
      }
    }
    if (best === null || bestProse < HOLDS_MOST * pageProse) break;
    element = best;
  }
  if (isDocument(element) || isDiscussion(element) || longestParagraph(element, paragraphs) < ARTICLE_PARAGRAPH) return null;
  return { element, prose: prose.get(element) ?? 0, pageProse };
}

/**
 * An article has a paragraph of prose at least this long (characters, white space not counted); a grid of
 * teasers (a linked headline over a sentence or two each) has none.
 */
const ARTICLE_PARAGRAPH = 300;

/** The most prose any one paragraph under `element` holds. */
function longestParagraph(element: Element, paragraphs: Map<Element, number>): number {
  let longest = paragraphs.get(element) ?? 0;
  for (const child of element.children) if (isElement(child)) longest = Math.max(longest, longestParagraph(child, paragraphs));
  return longest;
}

/** Comment threads and forums: many long paragraphs, and never the article. */
const DISCUSSION = /comment|kommentar|commentaire|comentario|commento|reactie|komentarz|forum|discussion|diskussion|repl(?:y|ies)|respon[sd]|antwort|thread|guestbook|gästebuch/i;

/** A list (comments are lists of long items) or a container named for a discussion, or inside one. */
function isDiscussion(element: Element): boolean {
  if (element.name === 'ul' || element.name === 'ol') return true;
  for (let node: Element | null = element; node !== null; node = isElement(node.parent) ? node.parent : null) {
    if (DISCUSSION.test(`${node.attribs.class ?? ''} ${node.attribs.id ?? ''}`)) return true;
  }
  return false;
}

/** An element whose text counts, or the document itself (read as an element with no name). */
function isParent(node: AnyNode): node is Element {
  return (isElement(node) && !SKIPPED.has(node.name)) || isDocument(node);
}

function isDocument(node: AnyNode): boolean {
  return (node.type as string) === 'root';
}

/** Characters of text (white space not counted) and of link text under each element. */
function measure(node: AnyNode, inLink: boolean, stats: Map<Element, Stats>): Stats {
  if (node.type === 'text') {
    const chars = node.data.replace(/\s+/g, '').length;
    return { chars, linkChars: inLink ? chars : 0 };
  }
  if (!isParent(node)) return { chars: 0, linkChars: 0 };
  const link = inLink || node.name === 'a';
  const total: Stats = { chars: 0, linkChars: 0 };
  for (const child of node.children) {
    const counted = measure(child, link, stats);
    total.chars += counted.chars;
    total.linkChars += counted.linkChars;
  }
  stats.set(node, total);
  return total;
}

interface ProseTables {
  stats: Map<Element, Stats>;
  /** Prose under each element. */
  prose: Map<Element, number>;
  /** Prose of each paragraph's own text. */
  paragraphs: Map<Element, number>;
}

/** Prose characters under `node`: text outside links whose paragraph (nearest block) is prose. Records each element's. */
function countProse(node: AnyNode, paragraph: Element, inLink: boolean, tables: ProseTables): number {
  if (node.type === 'text') {
    if (inLink) return 0;
    const own = tables.stats.get(paragraph);
    if (own === undefined || own.chars < PROSE_CHARS || own.linkChars > PROSE_LINK_SHARE * own.chars) return 0;
    const chars = node.data.replace(/\s+/g, '').length;
    tables.paragraphs.set(paragraph, (tables.paragraphs.get(paragraph) ?? 0) + chars);
    return chars;
  }
  if (!isParent(node)) return 0;
  const block = BLOCKS.has(node.name) || isDocument(node) ? node : paragraph;
  const link = inLink || node.name === 'a';
  let total = 0;
  for (const child of node.children) total += countProse(child, block, link, tables);
  tables.prose.set(node, total);
  return total;
}

/** Prose characters of an HTML fragment's root (Readability's pick), by the same rule. */
export function proseOf($: CheerioAPI): number {
  const tables: ProseTables = { stats: new Map(), prose: new Map(), paragraphs: new Map() };
  let total = 0;
  for (const node of $.root().children().toArray()) {
    if (!isElement(node)) continue;
    measure(node, false, tables.stats);
    total += countProse(node, node, false, tables);
  }
  return total;
}

/** The second reading replaces Readability's pick when that holds less than this share of its prose… */
const PICK_SHARE = 0.5;
/**
 * …or when the pick lies inside the second reading's container and the container holds this much more prose
 * (Readability kept one of the sibling blocks the article is split over, or the names after a letter).
 */
const SUPERSET_GROWTH = 1.25;
const SUPERSET_MIN_EXTRA = 400;

/** Whether Readability's pick falls short of the second reading (`inside`: whether the pick lies inside it). */
export function pickFallsShort(pickedProse: number, denseProse: number, inside: () => boolean): boolean {
  if (pickedProse < PICK_SHARE * denseProse) return true;
  return denseProse >= SUPERSET_GROWTH * pickedProse + SUPERSET_MIN_EXTRA && inside();
}

/** The pick's paragraphs count as inside a container when this share of their text is found in its text. */
const INSIDE_SHARE = 0.9;
const INSIDE_MIN_CHARS = 25;
const INSIDE_BLOCKS = 'p, li, h2, h3, h4, h5, h6, td, th, dd, dt, pre, blockquote, div, section, article, figcaption';

/** Whether the paragraphs of a fragment (Readability's pick) are found, nearly all, in a container's text. */
export function isInside(fragment$: CheerioAPI, containerText: string): boolean {
  const haystack = containerText.replace(/\s+/g, '');
  let found = 0;
  let total = 0;
  fragment$(INSIDE_BLOCKS).each((_, element) => {
    if (fragment$(element).find(INSIDE_BLOCKS).length > 0) return; // the innermost blocks only
    const text = fragment$(element).text().replace(/\s+/g, '');
    if (text.length < INSIDE_MIN_CHARS) return;
    total += text.length;
    if (haystack.includes(text)) found += text.length;
  });
  return total > 0 && found >= INSIDE_SHARE * total;
}
