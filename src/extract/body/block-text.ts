import type { AnyNode } from 'domhandler';
import { isElement } from '../parse-html.js';

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

/** Text is segmented in pieces of about this many characters: ICU's word segmenter is superlinear in length. */
const PIECE = 1024;
/**
 * Where a piece may end: after white space or CJK sentence punctuation, before a character that is not a
 * combining mark or format character. UAX #29 always puts a word boundary there, so counting piece by piece
 * gives the same count as counting the whole text.
 */
const PIECE_END = /[\s\u3000\u3001\u3002\uff01\uff0c\uff0e\uff1f]+(?=[^\s\p{M}\p{Cf}])/gu;

/**
 * An ASCII token that is exactly one word under UAX #29: letters and digits (WB5, WB8-WB10), letters joined by
 * an apostrophe or full stop (WB6-WB7), digits joined by a full stop or comma (WB11-WB12), with opening
 * brackets or quotes before and closing punctuation after, which are never word-like.
 */
const PLAIN_WORD = /^[("[]*(?:[A-Za-z0-9]+|[A-Za-z]+(?:['.][A-Za-z]+)+|[0-9]+(?:[.,][0-9]+)+)[.,;:!?)\]"]*$/;

/**
 * Words by the Unicode word-break rules (ICU): Japanese and Chinese are counted by word, not by space-free run.
 * Linear in the length of the text: plain ASCII words are counted directly, the rest goes to the segmenter in
 * pieces (a Wikipedia-length body took 60 s in one piece on Node 20's ICU).
 */
export function countWords(text: string): number {
  let count = 0;
  const rest: string[] = [];
  for (const token of text.split(/\s+/)) {
    if (PLAIN_WORD.test(token)) count += 1;
    else if (token !== '') rest.push(token);
  }
  return count + segmentWords(rest.join(' '));
}

/** Word-like segments in `text`, segmented piece by piece. */
function segmentWords(text: string): number {
  let count = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.length;
    if (end - start > PIECE) {
      PIECE_END.lastIndex = start + PIECE;
      const found = PIECE_END.exec(text);
      if (found !== null) end = found.index + found[0].length;
    }
    for (const segment of wordSegmenter.segment(text.slice(start, end))) if (segment.isWordLike) count += 1;
    start = end;
  }
  return count;
}
