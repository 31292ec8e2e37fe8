import type { AnyNode } from 'domhandler';
import { isCreditCaption } from '../clean/clean-chrome.js';
import { isElement } from '../parse-html.js';
import { blockText } from './block-text.js';

/** An embed's static figure: the embed has its own record in `embeds`. */
function isEmbedFigure(node: AnyNode): boolean {
  return isElement(node) && node.name === 'figure' && node.attribs['data-chronicle-embed'] !== undefined;
}

/**
 * What `body.text` leaves out of the body's HTML: embed figures, and figure captions that are a photo credit or end
 * with one. `body.html` keeps such a caption beside its picture and `images[]` records its caption and credit; in
 * the text it is a picture's credit line, as the same line left as a paragraph is (clean-chrome.ts).
 */
function isLeftOutOfText(node: AnyNode): boolean {
  if (isEmbedFigure(node)) return true;
  return isElement(node) && node.name === 'figcaption' && isCreditCaption(textOf(node));
}

function textOf(node: AnyNode): string {
  if (node.type === 'text') return node.data;
  return isElement(node) ? node.children.map(textOf).join(' ') : '';
}

/** The body's plain text (block-text.ts), without what isLeftOutOfText leaves out. */
export function bodyText(nodes: AnyNode[]): string {
  return blockText(nodes, isLeftOutOfText);
}
