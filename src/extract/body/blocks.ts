import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { isElement } from '../parse-html.js';

/** Elements that stand as blocks of the article body and are kept whole. */
export const BLOCK_TAGS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'figure', 'ul', 'ol', 'dl', 'table', 'pre', 'hr',
  'aside', 'details', 'address',
]);

/** Wrappers that are unwrapped so their children become blocks of their own. */
const CONTAINER_TAGS = new Set([
  'div', 'section', 'article', 'main', 'header', 'footer', 'span', 'center', 'font', 'body', 'html', 'form',
]);

/** True when an element holds a block (or a container of blocks) anywhere inside it. */
function hasBlockDescendant(element: Element): boolean {
  for (const child of element.children) {
    if (!isElement(child)) continue;
    if (BLOCK_TAGS.has(child.name) || (CONTAINER_TAGS.has(child.name) && hasBlockDescendant(child))) return true;
    if (child.name === 'div' || child.name === 'section' || child.name === 'article') return true;
  }
  return false;
}

export interface FlattenOptions {
  /**
   * Keep a run of inline content that is only an image (a photo post's link around its picture). Off for
   * Readability's output, where such runs are avatars and logos; on for a site rule's body, which is the post.
   */
  keepImageRuns?: boolean;
}

/**
 * Flattens Readability's nested wrappers into one sequence of top-level blocks (p, h2, blockquote, figure, ul, …).
 * Runs of inline content between blocks become paragraphs; empty wrappers disappear.
 */
export function flattenBlocks($: CheerioAPI, options: FlattenOptions = {}): string {
  const blocks: string[] = [];
  let inlineRun: string[] = [];
  /** Whether the inline run holds any text, or an image with keepImageRuns (a run of only <br>s and white space is dropped). */
  let inlineHasContent = false;
  const pushInline = (html: string, text: string, node?: Element): void => {
    inlineRun.push(html);
    if (inlineHasContent) return;
    inlineHasContent = text.trim() !== '' || (options.keepImageRuns === true && node !== undefined && holdsImage($, node));
  };
  const flushInline = (): void => {
    const html = inlineRun.join('').trim();
    if (html !== '' && inlineHasContent) blocks.push(`<p>${html}</p>`);
    inlineRun = [];
    inlineHasContent = false;
  };
  const visit = (nodes: AnyNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') {
        pushInline($.html(node), node.data);
        continue;
      }
      if (!isElement(node)) continue;
      if (node.name === 'br' && inlineRun.length > 0) {
        pushInline('<br>', '');
        continue;
      }
      if (BLOCK_TAGS.has(node.name)) {
        flushInline();
        if (node.name === 'p' && $(node).text().trim() === '' && $(node).find('img, figure, iframe, video').length === 0) continue;
        blocks.push($.html(node));
      } else if (CONTAINER_TAGS.has(node.name) && hasBlockDescendant(node)) {
        flushInline();
        visit(node.children);
        flushInline();
      } else if (CONTAINER_TAGS.has(node.name) && node.name !== 'span' && node.name !== 'font') {
        // A wrapper of inline content only: a paragraph of its own.
        flushInline();
        pushInline($(node).html() ?? '', $(node).text(), node);
        flushInline();
      } else {
        pushInline($.html(node), $(node).text(), node);
      }
    }
  };
  visit($.root().children().toArray());
  flushInline();
  return blocks.join('\n');
}

/** An image, or an element around one. */
function holdsImage($: CheerioAPI, element: Element): boolean {
  return element.name === 'img' || element.name === 'picture' || $(element).find('img, picture').length > 0;
}

/** The top-level block elements of a flattened body. */
export function topLevelBlocks($: CheerioAPI): Element[] {
  return $.root()
    .children()
    .toArray()
    .filter((node): node is Element => isElement(node));
}
