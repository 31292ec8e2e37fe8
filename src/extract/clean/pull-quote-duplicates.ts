import type { CheerioAPI } from 'cheerio';
import { topLevelBlocks } from '../body/blocks.js';

/** Letters and digits only, lower-cased: pull quotes drop quote marks and trailing punctuation. */
function comparable(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Removes from a flattened body the pull-quote blocks whose words also stand in the article's own text, so a
 * reader-visible sentence is in body.text once. A pull quote with words found nowhere else is kept: it is then
 * the only place they appear.
 */
export function removeDuplicatePullQuotes($: CheerioAPI, pullQuotes: string[]): number {
  const wanted = pullQuotes.map(comparable).filter((text) => text.split(' ').length >= 4);
  if (wanted.length === 0) return 0;
  const blocks = topLevelBlocks($).filter((block) => !(block.name === 'figure' && block.attribs['data-chronicle-embed'] !== undefined));
  const texts = blocks.map((block) => comparable($(block).text()));
  let removed = 0;
  blocks.forEach((block, index) => {
    if (!['figure', 'blockquote', 'aside', 'p', 'div'].includes(block.name)) return;
    const own = texts[index]!;
    const quote = wanted.find((text) => own.startsWith(text) && own.length <= text.length + 80);
    if (quote === undefined) return;
    const elsewhere = texts.some((other, otherIndex) => otherIndex !== index && other.includes(quote));
    if (elsewhere) {
      $(block).remove();
      texts[index] = '';
      removed += 1;
    }
  });
  return removed;
}
