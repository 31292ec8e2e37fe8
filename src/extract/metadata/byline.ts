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
      for (const selector of BYLINE_SELECTORS) {
        const texts: string[] = [];
        $(selector).each((_, el) => {
          const $el = $(el);
          // Skip a byline container around a nested, more specific one (it would repeat the same name).
          if ($el.find('[rel~="author"]').length > 0 && selector !== '[rel~="author"]') return;
          if ($el.closest('[class*="comment"], footer, aside, nav').length > 0) return;
          const text = nonEmpty($el.text());
          if (text !== null && text.length <= MAX_BYLINE_CHARS) texts.push(text);
        });
        if (texts.length > 0) return texts;
      }
      return null;
    },
  },
};
