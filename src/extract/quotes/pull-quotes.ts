import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { comparable, isElement, squash, stripSurroundingQuotes, wordCount } from './quote-text.js';

/** Class / data-* names that mark a pull quote: pullquote, pull-quote, pull_quote, PullQuote, tw-pullquote … */
const PULL_QUOTE_NAME = /pull[-_ ]?quote/i;
/** Parts of a pull quote that are not its text: attribution, share buttons. */
const NOT_TEXT =
  'cite, footer, figcaption, button, svg, script, style, noscript, [class*="cite"], [class*="attribution"], [class*="author"], [class*="credit"], [class*="share"], [class*="tweet-this"], [class*="byline"]';

function isPullQuoteElement(element: Element): boolean {
  const attributes = element.attribs;
  return ['class', 'data-component', 'data-type', 'data-block', 'data-module'].some((name) => {
    const value = attributes[name];
    return value !== undefined && PULL_QUOTE_NAME.test(value);
  });
}

function hasPullQuoteAncestor(element: Element): boolean {
  for (let parent = element.parent; isElement(parent); parent = parent.parent) {
    if (isPullQuoteElement(parent)) return true;
  }
  return false;
}

/** The text a pull quote shows, attribution and surrounding quote marks removed. */
export function pullQuoteText($: CheerioAPI, element: Element): string {
  const $clone = $(element).clone();
  $clone.find(NOT_TEXT).remove();
  // Paragraphs inside the pull quote are joined by a space.
  $clone.find('p, br, div').each((_, el) => {
    $(el).before(' ').after(' ');
  });
  return stripSurroundingQuotes(stripTrailingAttribution(squash($clone.text())));
}

/** "“We will win.” — Jane Doe, mayor" → "“We will win.”": a dash line naming someone after closing punctuation. */
export function stripTrailingAttribution(text: string): string {
  const match = /([.!?…"”’])\s*[—–―]{1,2}\s*(\p{Lu}[^.!?—–]{0,80})$/u.exec(text);
  if (match && match[2] !== undefined && wordCount(match[2]) <= 10) return text.slice(0, match.index + 1);
  return text;
}

/**
 * Pull quotes of the UNTOUCHED page (Readability strips the classes that mark them): `.pullquote`,
 * `.wp-block-pullquote`, `aside.pull-quote`, `figure.pull-quote`, `.tw-pullquote`, any class or
 * data-component containing "pullquote" / "pull-quote". The outermost element counts; texts of fewer
 * than three words are ignored; duplicates are dropped.
 */
export function findPullQuotes($: CheerioAPI): string[] {
  const texts: string[] = [];
  const seen = new Set<string>();
  $('*').each((_, element) => {
    if (!isElement(element) || !isPullQuoteElement(element) || hasPullQuoteAncestor(element)) return;
    if ($(element).closest('script, template, noscript').length > 0) return;
    const text = pullQuoteText($, element);
    const key = comparable(text);
    if (wordCount(text) < 3 || seen.has(key)) return;
    seen.add(key);
    texts.push(text);
  });
  return texts;
}
