import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { ExcerptQuotation, ExcerptQuote } from '../../types.js';
import { cleanUrl } from '../../normalize/url.js';
import { bareHost, closestElement, insideEmbed, isElement, squash, wordCount } from './quote-text.js';
import { lastSentence, looksLikeLeadIn, parseLeadIn } from './lead-in.js';
import { detectDirectQuotes, namedSpeakerOf } from './direct-quotes.js';

/** An excerpt with the element it starts at (for document order). */
export interface FoundExcerpt {
  quote: ExcerptQuote;
  element: Element;
  /** Every blockquote of the run. */
  elements: Element[];
}

export interface ExcerptContext {
  $: CheerioAPI;
  pageUrl: string;
  /** Elements already taken (pull quotes that survived into the body). */
  skip: ReadonlySet<Element>;
}

/** Social-post blockquotes that the embed stage did not replace; they are embeds, never excerpts. */
const SOCIAL_CLASS = /twitter-tweet|instagram-media|tiktok-embed|reddit-card|bluesky-embed|mastodon-embed|text-post-media|fb-xfbml|threads/i;
const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, pre, dd';
const NOT_QUOTED_TEXT = 'cite, footer, figcaption, script, style';
const DASH_LINE = /^[—–―]{1,2}\s*|^--\s*/;
/** " - Nat Friedman" / " — Mayor Jo Reyes" after the closing words of a quotation. */
const TRAILING_ATTRIBUTION = /[.!?…"”’]\s+(?:-|--|—|–|―)\s*(\p{Lu}[\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,4})\s*$/u;

function isCandidate(ctx: ExcerptContext, element: Element): boolean {
  const { $ } = ctx;
  if (insideEmbed(element)) return false;
  // In a skipped block (the element too), or inside a blockquote (an ancestor: the element may be one itself).
  if (closestElement(element, (node) => ctx.skip.has(node) || (node !== element && node.name === 'blockquote')) !== null) return false;
  if (SOCIAL_CLASS.test(element.attribs['class'] ?? '')) return false;
  return squash($(element).text()) !== '';
}

/** The next sibling element, when only whitespace and comments stand between. */
function nextElementAcrossWhitespace(node: AnyNode): Element | null {
  for (let next = node.nextSibling; next !== null; next = next.nextSibling) {
    if (next.type === 'comment') continue;
    if (next.type === 'text') {
      if ((next as { data: string }).data.trim() === '') continue;
      return null;
    }
    return isElement(next) ? next : null;
  }
  return null;
}

function previousElementAcrossWhitespace(node: AnyNode): Element | null {
  for (let prev = node.prev; prev !== null; prev = prev.prev) {
    if (prev.type === 'comment') continue;
    if (prev.type === 'text') {
      if ((prev as { data: string }).data.trim() === '') continue;
      return null;
    }
    if (isElement(prev) && prev.name !== 'br' && prev.name !== 'hr') return prev;
    if (isElement(prev)) continue;
    return null;
  }
  return null;
}

/** Paragraph texts of one blockquote (its block children, else its whole text), citations left out. */
function paragraphsOf($: CheerioAPI, element: Element): string[] {
  const $clone = $(element).clone();
  $clone.find(NOT_QUOTED_TEXT).remove();
  const blocks = $clone.find(BLOCKS).filter((_, el) => $(el).find(BLOCKS).length === 0);
  const texts = blocks.length > 0 ? blocks.toArray().map((el) => squash($(el).text())) : [squash($clone.text())];
  return texts.filter((text) => text !== '');
}

function hrefOf(ctx: ExcerptContext, element: Element | undefined): string | null {
  if (element === undefined) return null;
  const url = cleanUrl(ctx.$(element).attr('href'), ctx.pageUrl);
  return url !== null && /^https?:/i.test(url) ? url : null;
}

function isOffSite(url: string, pageUrl: string): boolean {
  const host = bareHost(url);
  return host !== null && host !== bareHost(pageUrl);
}

/** A link in the lead-in: the one whose text names the outlet, else the last link of the lead-in sentence. */
function leadInLink(ctx: ExcerptContext, leadIn: Element, sentence: string, source: string | null): string | null {
  const { $ } = ctx;
  const links = $(leadIn)
    .find('a[href]')
    .toArray()
    .filter((a) => sentence.includes(squash($(a).text())) || squash($(a).text()) === '');
  if (links.length === 0) return null;
  if (source !== null) {
    const named = links.find((a) => squash($(a).text()).toLowerCase().includes(source.toLowerCase()));
    if (named) return hrefOf(ctx, named);
  }
  return hrefOf(ctx, links[links.length - 1]);
}

/** The element before the run that may hold its lead-in (the run may sit in a figure of its own). */
function leadInElement(ctx: ExcerptContext, first: Element): Element | null {
  let anchor: Element = first;
  const parent = first.parent;
  if (isElement(parent) && parent.name === 'figure' && previousElementAcrossWhitespace(first) === null) anchor = parent;
  const prev = previousElementAcrossWhitespace(anchor);
  if (prev === null || prev.name === 'blockquote' || prev.name === 'figure' || insideEmbed(prev)) return null;
  return squash(ctx.$(prev).text()) === '' ? null : prev;
}

/** Builds the excerpt quote for one run of consecutive blockquotes. */
function excerptOf(ctx: ExcerptContext, run: Element[]): ExcerptQuote {
  const { $ } = ctx;
  const first = run[0] as Element;
  let paragraphs = run.flatMap((element) => paragraphsOf($, element));
  let source: string | null = null;
  let via: string | null = null;
  let sourceUrl: string | null = null;
  let leadInText: string | null = null;

  // 1. The lead-in sentence just before the run.
  const leadIn = leadInElement(ctx, first);
  if (leadIn !== null) {
    const sentence = lastSentence(squash($(leadIn).text()));
    if (looksLikeLeadIn(sentence)) {
      leadInText = sentence;
      const parsed = parseLeadIn(sentence);
      if (parsed !== null) {
        source = parsed.source;
        via = parsed.via;
      }
      // "Here's how T-Mobile CEO John Legere responded:" — a person who said or wrote it.
      source ??= namedSpeakerOf(sentence);
      sourceUrl = leadInLink(ctx, leadIn, sentence, source);
    }
  }

  // 2. A <cite> in the quote, a figcaption of its figure, a trailing "— Name" line.
  const $cite = $(run).find('cite').first();
  if ($cite.length > 0) {
    const citeText = squash($cite.text()).replace(DASH_LINE, '');
    if (source === null && citeText !== '' && wordCount(citeText) <= 12) source = citeText;
    sourceUrl ??= hrefOf(ctx, $cite.find('a[href]').toArray()[0] ?? ($cite.is('a[href]') ? ($cite[0] as Element) : undefined));
  }
  const $figure = $(first).parent('figure');
  const $caption = $figure.children('figcaption').first();
  if ($caption.length > 0) {
    const captionText = squash($caption.text()).replace(DASH_LINE, '');
    if (source === null && captionText !== '' && wordCount(captionText) <= 12) source = captionText;
    sourceUrl ??= hrefOf(ctx, $caption.find('a[href]').toArray()[0]);
  }
  const lastParagraph = paragraphs[paragraphs.length - 1];
  if (lastParagraph !== undefined && DASH_LINE.test(lastParagraph) && wordCount(lastParagraph) <= 12 && paragraphs.length > 1) {
    source ??= lastParagraph.replace(DASH_LINE, '').trim();
    paragraphs = paragraphs.slice(0, -1);
  }

  // "… the free use of GitHub by the rest of the world. - Nat Friedman": an attribution closing the last paragraph.
  if (source === null && lastParagraph !== undefined) {
    const tail = TRAILING_ATTRIBUTION.exec(paragraphs[paragraphs.length - 1] ?? '');
    if (tail?.[1] !== undefined && wordCount(tail[1]) <= 6) {
      source = tail[1].trim();
      paragraphs = [...paragraphs.slice(0, -1), (paragraphs[paragraphs.length - 1] as string).slice(0, tail.index + 1).trim()];
    }
  }

  // 3. The cite attribute: a URL, and the host as the name when nothing better was found.
  const citeAttribute = run.map((element) => element.attribs['cite']).find((cite) => cite !== undefined && cite.trim() !== '');
  if (citeAttribute !== undefined) {
    const citeUrl = cleanUrl(citeAttribute, ctx.pageUrl);
    if (citeUrl !== null && /^https?:/i.test(citeUrl)) {
      sourceUrl ??= citeUrl;
      source ??= bareHost(citeUrl);
    }
  }

  // 4. Else the first off-site link inside the quote.
  if (sourceUrl === null) {
    for (const a of $(run).find('a[href]').toArray()) {
      const url = hrefOf(ctx, a);
      if (url !== null && isOffSite(url, ctx.pageUrl)) {
        sourceUrl = url;
        break;
      }
    }
  }

  // 5. Else the person the paragraph before reports as speaking ("…, Zuckerberg said at the trial.").
  if (source === null && leadIn !== null) {
    const sentences = squash($(leadIn).text()).split(/(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[\p{Lu}\p{N}])/u);
    for (let i = sentences.length - 1; i >= 0 && source === null; i -= 1) source = namedSpeakerOf(sentences[i] as string);
  }

  return {
    kind: 'excerpt',
    text: paragraphs.join('\n\n'),
    paragraphs,
    source,
    sourceUrl,
    via,
    leadIn: leadInText,
  };
}

/**
 * The direct quotations inside a copied passage ("… ,” Trump said in the statement."), with their speakers as
 * the passage gives them: second-hand words, reported with the excerpt as their context, never as the article's.
 */
function quotationsInside(ctx: ExcerptContext, run: Element[]): ExcerptQuotation[] {
  const { $ } = ctx;
  const paragraphs = run
    .flatMap((element) => {
      const blocks = $(element).find(BLOCKS).toArray().filter((el) => $(el).find(BLOCKS).length === 0);
      return blocks.length > 0 ? blocks : [element];
    })
    .map((element) => ({ element, text: squash($(element).text()) }))
    .filter((paragraph) => paragraph.text !== '');
  return detectDirectQuotes(paragraphs).map(({ quote }) => ({ text: quote.text, speaker: quote.speaker, cue: quote.cue }));
}

/**
 * Excerpts: each blockquote, or run of consecutive blockquotes (only whitespace between), of the body —
 * not inside an embed figure, not a social-post blockquote, not a pull quote — with its source.
 */
export function detectExcerpts(ctx: ExcerptContext): FoundExcerpt[] {
  const { $ } = ctx;
  const found: FoundExcerpt[] = [];
  const taken = new Set<Element>();
  for (const element of $('blockquote').toArray()) {
    if (taken.has(element) || !isCandidate(ctx, element)) continue;
    const run: Element[] = [element];
    taken.add(element);
    for (let next = nextElementAcrossWhitespace(element); next !== null; next = nextElementAcrossWhitespace(next)) {
      if (next.name !== 'blockquote' || !isCandidate(ctx, next)) break;
      run.push(next);
      taken.add(next);
    }
    const quote = excerptOf(ctx, run);
    const inside = quotationsInside(ctx, run);
    if (inside.length > 0) quote.quotations = inside;
    if (quote.paragraphs.length === 0) continue;
    found.push({ quote, element, elements: run });
  }
  return found;
}
