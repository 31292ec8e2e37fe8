/**
 * Finds the outermost element that makes up an embed: the figure, div or paragraph that holds nothing but the
 * embed (plus its script, noscript copy and caption), so the orchestrator can replace exactly that element.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { classTokens, isElement } from '../dom.js';

/** Never climb into these: they hold the article, not one embed. */
const STOP_TAGS = new Set(['html', 'body', 'head', 'main', 'article', 'section', 'blockquote', 'td', 'th', 'tr', 'table', 'ul', 'ol', 'li', 'header', 'footer', 'nav', 'aside', 'form', 'a']);

/** Tags a wrapper can be. */
const WRAPPER_TAGS = new Set(['div', 'figure', 'p', 'span', 'center', 'amp-embed', 'picture']);

/** Classes and ids that name an embed wrapper. */
const EMBED_NAME = /embed|tweet|twitter|instagram|tiktok|youtube|vimeo|video|player|iframe|social|media|oembed|datawrapper|flourish|infogram|getty|spotify|soundcloud|podcast|audio|chart|graphic|responsive|wrapper/i;

/** Classes and ids that name a content container (an article body, a post). */
const CONTENT_NAME = /(^|[-_])(content|article|entry|story|post|body|main|text|page|container|column|col|row|layout|wrap)s?([-_]|$)/i;

/** Siblings that may sit next to the embed inside its wrapper without making the wrapper more than the embed. */
function isIgnorableSibling(node: AnyNode, parent: Element): boolean {
  if (node.type === 'comment' || node.type === 'directive') return true;
  if (node.type === 'text') return ((node as unknown as { data: string }).data ?? '').trim() === '';
  if (!isElement(node)) return true;
  const name = node.name.toLowerCase();
  if (name === 'script' || name === 'noscript' || name === 'style' || name === 'br' || name === 'link') return true;
  if (name === 'figcaption' && parent.name.toLowerCase() === 'figure') return true;
  // Empty spacers (<p></p>, <div class="clear"></div>) with no media inside.
  if (['p', 'div', 'span'].includes(name) && isBlank(node)) return true;
  return false;
}

function isBlank(element: Element): boolean {
  for (const child of element.children) {
    if (child.type === 'text') {
      if (((child as unknown as { data: string }).data ?? '').trim() !== '') return false;
    } else if (isElement(child)) {
      const name = child.name.toLowerCase();
      if (name === 'br' || name === 'script' || name === 'style') continue;
      if (!isBlank(child) || ['img', 'iframe', 'video', 'audio', 'svg', 'object', 'embed', 'picture'].includes(name)) return false;
    }
  }
  return true;
}

function names(element: Element): string {
  return [...classTokens(element), element.attribs['id'] ?? ''].join(' ');
}

/** May the walk climb from `child` into `parent`? */
function isWrapperOf(parent: Element, child: Element): boolean {
  const tag = parent.name.toLowerCase();
  if (STOP_TAGS.has(tag)) return false;
  const custom = tag.includes('-');
  if (!WRAPPER_TAGS.has(tag) && !custom) return false;
  const label = names(parent);
  if (!EMBED_NAME.test(label) && CONTENT_NAME.test(label)) return false;
  if (parent.attribs['itemprop'] === 'articleBody') return false;
  return parent.children.every((node) => node === child || isIgnorableSibling(node, parent));
}

const MAX_CLIMB = 5;

/** The outermost wrapper of `element` that holds nothing but this embed (at most a few levels up). */
export function outermostEmbedElement(_$: CheerioAPI, element: Element): Element {
  let current = element;
  for (let depth = 0; depth < MAX_CLIMB; depth += 1) {
    const parent = current.parent;
    if (!isElement(parent)) break;
    if (!isWrapperOf(parent, current)) break;
    current = parent;
  }
  return current;
}

/** True when `ancestor` is `node` or contains it. */
export function containsOrIs(ancestor: Element, node: AnyNode): boolean {
  let current: AnyNode | null = node;
  while (current !== null) {
    if (current === ancestor) return true;
    current = current.parent;
  }
  return false;
}
