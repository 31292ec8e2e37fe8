import type { AnyNode } from 'domhandler';
import { isElement } from './blocks.js';

const BLOCK_BREAK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'figure', 'figcaption',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'pre', 'hr', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'address', 'details', 'summary', 'caption', 'form', 'fieldset', 'center',
]);
const CELL = new Set(['td', 'th']);
const SENTENCE_END = /[.!?;:]$/;
const STARTS_CAPITAL = /^\p{Lu}/u;
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'button', 'select', 'textarea']);

/**
 * Block-aware plain text: each block is a paragraph, paragraphs are separated by one blank line, `<br>` is a line
 * break, table cells are separated by a tab, and words are never run together across tags. Whitespace inside a
 * paragraph is collapsed. Nodes matching `exclude` (e.g. embed figures) are left out.
 */
export function blockText(nodes: AnyNode[], exclude?: (node: AnyNode) => boolean): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const text = current
      .split('\n')
      .map((line) => line.replace(/[ \f\r\u00a0]+/g, ' ').replace(/ ?\t ?/g, '\t').trim())
      .filter((line) => line !== '')
      .join('\n');
    if (text !== '') paragraphs.push(text);
    current = '';
  };
  const walk = (list: AnyNode[]): void => {
    for (const node of list) {
      if (exclude?.(node)) continue;
      if (node.type === 'text') {
        const data = node.data.replace(/\s+/g, ' ');
        // Two sentences in sibling elements ("…in August.</span><span>Credit…") are two sentences.
        if (SENTENCE_END.test(current) && STARTS_CAPITAL.test(data)) current += ' ';
        current += data;
        continue;
      }
      if (!isElement(node) || SKIP.has(node.name)) continue;
      if (node.name === 'br') {
        current += '\n';
        continue;
      }
      if (CELL.has(node.name)) {
        walk(node.children);
        current += '\t';
        continue;
      }
      if (node.name === 'img') {
        current += ' ';
        continue;
      }
      if (BLOCK_BREAK.has(node.name)) {
        flush();
        walk(node.children);
        flush();
      } else {
        walk(node.children);
      }
    }
  };
  walk(nodes);
  flush();
  return paragraphs.join('\n\n');
}

const wordSegmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** Words by the Unicode word-break rules (ICU): Japanese and Chinese are counted by word, not by space-free run. */
export function countWords(text: string): number {
  let count = 0;
  for (const segment of wordSegmenter.segment(text)) if (segment.isWordLike) count += 1;
  return count;
}
