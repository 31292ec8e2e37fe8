import type { MetaContext, MetaSource } from './types.js';
import { nonEmpty } from './text.js';

/** Byline markup, most specific first. Texts longer than this are bios or paragraphs, not bylines. */
const BYLINE_SELECTORS = [
  '[rel~="author"]',
  '.byline [class*="author"]',
  '.byline',
  '[class*="byline"]',
  '.author-name',
  '.author',
  '.article-author',
  '.by-author',
  '[class*="author-name"]',
];
const MAX_BYLINE_CHARS = 120;

/** Byline elements (`[rel=author]`, `.byline`, `.author`, …): the first selector that yields names wins. */
export const bylineSource: MetaSource = {
  name: 'byline',
  rules: {
    authors: (ctx: MetaContext) => {
      const { $ } = ctx;
      // The first byline in document order (sidebars list other stories' bylines further down), outermost.
      const selector = BYLINE_SELECTORS.join(', ');
      const usable = (text: string | null): text is string => text !== null && text.length <= MAX_BYLINE_CHARS && /\p{L}/u.test(text);
      for (const el of $(selector).toArray()) {
        const $el = $(el);
        if ($el.parent().closest(selector).length > 0) continue;
        if ($el.closest('[class*="comment"], footer, nav, [class*="related"], [class*="sidebar"], [class*="recirc"]').length > 0) continue;
        // Inside a byline block, the innermost byline elements hold the names without dates and labels.
        const leaves = $el
          .find(selector)
          .toArray()
          .filter((inner) => $(inner).find(selector).toArray().every((deeper) => nonEmpty($(deeper).text()) === null))
          .map((inner) => nonEmpty($(inner).text()))
          .filter(usable);
        if (leaves.length > 0) return leaves;
        const text = nonEmpty($el.text());
        if (usable(text)) return [text];
      }
      return null;
    },
  },
};
