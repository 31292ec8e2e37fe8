/**
 * Agreement between an extracted body and a reference body (Readability's expected.html in its test pages).
 *
 * Definition (used by `npm run eval` and reusable by benchmarks): both texts are reduced to a multiset of words —
 * NFKC, lower-cased, maximal runs of letters and digits (Unicode), so markup, punctuation and whitespace do not
 * matter. With `common` the size of the multiset intersection:
 *   recall    = common / words in the reference   (how much of the reference text we kept)
 *   precision = common / words in our body        (how much of our body is reference text)
 * The bodies agree when recall ≥ 0.9 and precision ≥ 0.8. Precision is allowed to be lower than recall because
 * we legitimately add text the reference lacks (embed figures, captions), and recall is what a reader loses.
 * Two empty texts agree; one empty text against a non-empty one does not.
 */
import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';

export interface AgreementThresholds {
  minRecall: number;
  minPrecision: number;
}

export const AGREEMENT_THRESHOLDS: AgreementThresholds = { minRecall: 0.9, minPrecision: 0.8 };

export interface BodyAgreement {
  referenceWords: number;
  actualWords: number;
  commonWords: number;
  recall: number;
  precision: number;
  agrees: boolean;
}

/** The words of a text as a lower-cased list (letters and digits of any script). */
export function wordsOf(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function countWords(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

export function bodyAgreement(referenceText: string, actualText: string, thresholds: AgreementThresholds = AGREEMENT_THRESHOLDS): BodyAgreement {
  const reference = wordsOf(referenceText);
  const actual = wordsOf(actualText);
  const actualCounts = countWords(actual);
  let common = 0;
  for (const [word, count] of countWords(reference)) common += Math.min(count, actualCounts.get(word) ?? 0);
  const recall = reference.length === 0 ? (actual.length === 0 ? 1 : 0) : common / reference.length;
  const precision = actual.length === 0 ? (reference.length === 0 ? 1 : 0) : common / actual.length;
  return {
    referenceWords: reference.length,
    actualWords: actual.length,
    commonWords: common,
    recall,
    precision,
    agrees: recall >= thresholds.minRecall && precision >= thresholds.minPrecision,
  };
}

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template']);

/** Visible text of an HTML fragment, with a space at every block boundary so words never run together. */
export function htmlToText(html: string): string {
  const $ = cheerio.load(html, null, false);
  const parts: string[] = [];
  const walk = (nodes: AnyNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') parts.push(node.data);
      else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        const name = node.name.toLowerCase();
        if (SKIPPED_TAGS.has(name)) continue;
        const block = BLOCK_TAGS.has(name);
        if (block) parts.push(' ');
        walk(node.children);
        if (block) parts.push(' ');
      }
    }
  };
  walk($.root().children().toArray());
  return parts.join('').replace(/\s+/g, ' ').trim();
}
