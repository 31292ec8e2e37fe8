import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { PullQuote, Quote } from '../../types.js';
import { detectExcerpts } from './excerpts.js';
import { detectDirectQuotes, type QuoteParagraph } from './direct-quotes.js';
import { closestElement, comparable, documentOrder, insideEmbed, squash } from './quote-text.js';
import { attempt } from '../attempt.js';

export { findPullQuotes } from './pull-quotes.js';
export { parseLeadIn } from './lead-in.js';
export { parseSpeaker } from './speaker.js';

export interface QuotesInput {
  /** The article body after Readability (embeds stand as figure.chronicle-embed and are ignored). */
  body$: CheerioAPI;
  pageUrl: string;
  /** Pull quote texts found on the untouched page by findPullQuotes. */
  pullQuotes: string[];
}

export interface QuotesResult {
  quotes: Quote[];
  warnings: string[];
}

interface Placed {
  quote: Quote;
  order: number;
}

/** Block elements a surviving pull quote may stand as. */
const PULL_CONTAINERS = 'blockquote, aside, figure, p, div';

/**
 * Body elements that are a pull quote which survived into the body: an aside / figure / blockquote whose
 * text is the pull quote, or a paragraph whose text is the pull quote while the same words also stand
 * elsewhere in the body. They produce the pull quote only — no excerpt, no direct quote.
 */
function survivingPullQuotes($: CheerioAPI, pullKeys: string[]): Map<Element, string> {
  const survivors = new Map<Element, string>();
  if (pullKeys.length === 0) return survivors;
  const blocks = $(PULL_CONTAINERS)
    .toArray()
    .filter((el) => !insideEmbed(el));
  const taken = (el: Element): boolean => survivors.has(el) || [...survivors.keys()].some((other) => $(other).find(el).length > 0);
  for (const key of pullKeys) {
    // A pull-quote-like block (blockquote, aside, figure) holding the words, perhaps with a short attribution…
    let survivor = blocks.find((el) => {
      if (taken(el) || !['blockquote', 'aside', 'figure'].includes(el.name)) return false;
      const text = comparable($(el).text());
      return text === key || (text.includes(key) && text.length <= key.length + 40);
    });
    // …or a paragraph that is exactly the pull quote while the words also stand elsewhere in the body.
    survivor ??= blocks.find((el) => {
      if (taken(el) || (el.name !== 'p' && el.name !== 'div') || comparable($(el).text()) !== key) return false;
      return blocks.some(
        (other) => other !== el && $(el).find(other).length === 0 && $(other).find(el).length === 0 && comparable($(other).text()).includes(key),
      );
    });
    if (survivor !== undefined) survivors.set(survivor, key);
  }
  return survivors;
}

/**
 * Blockquotes that repeat words of the article's own paragraphs ("…women internalize societal messages …" under
 * the paragraph quoting it in full): pull quotes set as blockquotes, not excerpts. Each part between "…" must
 * stand in the body, and the part must be long enough (five words) to be a repetition, not a coincidence.
 */
function repeatingBlockquotes($: CheerioAPI, skip: ReadonlySet<Element>): Element[] {
  const quotes = $('blockquote')
    .toArray()
    .filter((el) => !insideEmbed(el) && !skip.has(el) && closestElement(el, (node) => node !== el && node.name === 'blockquote') === null);
  if (quotes.length === 0) return [];
  const own = $('p, li')
    .toArray()
    .filter((el) => closestElement(el, (node) => node.name === 'blockquote') === null)
    .map((el) => comparable($(el).text()))
    .join(' ');
  return quotes.filter((el) => {
    const parts = squash($(el).text())
      .split(/\.\.\.|…/)
      .map(comparable)
      .filter((part) => part !== '');
    return parts.length > 0 && parts.every((part) => part.split(' ').length >= 5 && own.includes(part));
  });
}

/** Where a paragraph is someone else's words, or not prose. */
const NOT_OWN_TEXT = new Set(['blockquote', 'figcaption', 'aside', 'pre', 'table']);

/** The article's own paragraphs: not in a blockquote, an embed, a caption or a surviving pull quote. */
function ownParagraphs($: CheerioAPI, skip: ReadonlySet<Element>): QuoteParagraph[] {
  return $('p, li')
    .toArray()
    .filter((el) => {
      if (insideEmbed(el)) return false;
      if (closestElement(el, (node) => NOT_OWN_TEXT.has(node.name) || skip.has(node)) !== null) return false;
      return !(el.name === 'li' && $(el).find('p').length > 0);
    })
    .map((element) => ({ element, text: squash($(element).text()), ...headingBefore($, element) }))
    .filter((paragraph) => paragraph.text !== '');
}

/**
 * Whether a heading stands just before a paragraph (a new section: the paragraph continues no speaker from before
 * it), and its text when the heading is wholly one link (`<h2><a href=…>regex2fat</a></h2>`): the item of a round-up
 * that the paragraph is about. Short names only (one to six words, no sentence punctuation).
 */
function headingBefore($: CheerioAPI, element: Element): { afterHeading?: true; heading?: string } {
  if (element.name !== 'p') return {};
  let previous = element.prev;
  while (previous !== null && (previous.type === 'comment' || (previous.type === 'text' && squash($(previous).text()) === ''))) previous = previous.prev;
  if (previous === null || previous.type !== 'tag' || !/^h[1-6]$/.test((previous as Element).name)) return {};
  const heading = $(previous as Element);
  const text = squash(heading.text());
  const links = heading.find('a[href]');
  if (links.length !== 1 || squash(links.text()) !== text) return { afterHeading: true };
  const words = text.split(' ').length;
  return text !== '' && words <= 6 && !/[.!?:;]$/.test(text) ? { afterHeading: true, heading: text } : { afterHeading: true };
}

/**
 * Quoted sources of the article body, in document order: excerpts copied from other outlets, in-text
 * direct quotations, and pull quotes. Each kind is detected on its own; one that throws adds a warning
 * and the others still come out. Direct quotes are read from the article's own paragraphs only: the text
 * inside an excerpt is another outlet's, and its quotations belong to that excerpt.
 */
export function extractQuotes(input: QuotesInput): QuotesResult {
  const { body$: $ } = input;
  const warnings: string[] = [];
  const order = documentOrder($);
  const placed: Placed[] = [];
  const END = Number.MAX_SAFE_INTEGER;
  const orderOf = (el: Element | undefined): number => (el === undefined ? END : (order.get(el) ?? END));

  const pullTexts = input.pullQuotes.map(squash).filter((text) => text !== '');
  const pullKeys = pullTexts.map(comparable);
  const survivors = attempt(warnings, 'quotes: pull quote matching', () => survivingPullQuotes($, pullKeys), new Map<Element, string>());
  const skip = new Set(survivors.keys());

  attempt(warnings, 'quotes: pull quote matching', () => {
    for (const element of repeatingBlockquotes($, skip)) {
      skip.add(element);
      const text = squash($(element).text());
      placed.push({ quote: { kind: 'pull', text, duplicateOfBody: true }, order: orderOf(element) + 0.5 });
    }
  }, undefined);

  attempt(warnings, 'quotes: excerpt detection', () => {
    for (const found of detectExcerpts({ $, pageUrl: input.pageUrl, skip })) {
      placed.push({ quote: found.quote, order: orderOf(found.element) });
      for (const element of found.elements) skip.add(element);
    }
  }, undefined);

  attempt(warnings, 'quotes: direct quote detection', () => {
    for (const found of detectDirectQuotes(ownParagraphs($, skip))) {
      placed.push({ quote: found.quote, order: orderOf(found.element) });
    }
  }, undefined);

  attempt(warnings, 'quotes: pull quote detection', () => {
    const survivorByKey = new Map([...survivors].map(([el, key]) => [key, el]));
    // The body's blocks and their text, which only pull quotes are looked up in.
    const blocks = pullTexts.length === 0 ? [] : $('p, li, blockquote, h2, h3, h4')
      .toArray()
      .filter((el) => !survivors.has(el) && !insideEmbed(el) && ![...survivors.keys()].some((s) => $(s).find(el).length > 0));
    const blockKeys = blocks.map((el) => comparable($(el).text()));
    const bodyKey = blockKeys.join(' ');
    pullTexts.forEach((text, index) => {
      const key = pullKeys[index] as string;
      const fragments = text
        .split(/\.\.\.|…/)
        .map(comparable)
        .filter((part) => part !== '');
      const duplicateOfBody = key !== '' && fragments.every((fragment) => bodyKey.includes(fragment));
      const survivor = survivorByKey.get(key);
      const firstHolder = blocks[blockKeys.findIndex((blockKey) => blockKey.includes(fragments[0] ?? key))];
      const quote: PullQuote = { kind: 'pull', text, duplicateOfBody };
      placed.push({ quote, order: orderOf(survivor ?? (duplicateOfBody ? firstHolder : undefined)) + 0.5 });
    });
  }, undefined);

  placed.sort((a, b) => a.order - b.order);
  return { quotes: placed.map((item) => item.quote), warnings };
}
