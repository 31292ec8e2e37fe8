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
  return elementAcrossWhitespace(node, 'next', false);
}

/** The previous sibling element, when only whitespace, comments and line breaks or rules stand between. */
function previousElementAcrossWhitespace(node: AnyNode): Element | null {
  return elementAcrossWhitespace(node, 'prev', true);
}

function elementAcrossWhitespace(node: AnyNode, direction: 'next' | 'prev', passBreaks: boolean): Element | null {
  for (let sibling = node[direction]; sibling !== null; sibling = sibling[direction]) {
    if (sibling.type === 'comment') continue;
    if (sibling.type === 'text') {
      if ((sibling as { data: string }).data.trim() === '') continue;
      return null;
    }
    if (!isElement(sibling)) return null;
    if (passBreaks && (sibling.name === 'br' || sibling.name === 'hr')) continue;
    return sibling;
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

/** What is found about one excerpt, step by step: each step fills what the steps before left empty. */
interface ExcerptFinding {
  paragraphs: string[];
  source: string | null;
  via: string | null;
  sourceUrl: string | null;
  leadInText: string | null;
}

/** Builds the excerpt quote for one run of consecutive blockquotes. */
function excerptOf(ctx: ExcerptContext, run: Element[]): ExcerptQuote {
  const first = run[0] as Element;
  const found: ExcerptFinding = { paragraphs: run.flatMap((element) => paragraphsOf(ctx.$, element)), source: null, via: null, sourceUrl: null, leadInText: null };
  // 1. The lead-in sentence just before the run.
  const leadIn = leadInElement(ctx, first);
  if (leadIn !== null) readLeadIn(ctx, leadIn, found);
  // 2. A <cite> in the quote, a figcaption of its figure, a trailing "— Name" line.
  readCiteAndCaption(ctx, run, found);
  readClosingAttribution(found);
  // 3. The cite attribute: a URL, and the host as the name when nothing better was found.
  readCiteAttribute(ctx, run, found);
  // 4. Else the first off-site link inside the quote.
  found.sourceUrl ??= firstOffSiteLink(ctx, run);
  // 5. Else the person the paragraph before reports as speaking ("…, Zuckerberg said at the trial.").
  if (found.source === null && leadIn !== null) {
    const sentences = squash(ctx.$(leadIn).text()).split(/(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[\p{Lu}\p{N}])/u);
    for (let i = sentences.length - 1; i >= 0 && found.source === null; i -= 1) found.source = namedSpeakerOf(sentences[i] as string);
  }
  const { paragraphs, source, sourceUrl, via, leadInText } = found;
  return { kind: 'excerpt', text: paragraphs.join('\n\n'), paragraphs, source, sourceUrl, via, leadIn: leadInText };
}

function readLeadIn(ctx: ExcerptContext, leadIn: Element, found: ExcerptFinding): void {
  const sentence = lastSentence(squash(ctx.$(leadIn).text()));
  if (!looksLikeLeadIn(sentence)) return;
  found.leadInText = sentence;
  const parsed = parseLeadIn(sentence);
  if (parsed !== null) {
    found.source = parsed.source;
    found.via = parsed.via;
  }
  // "Here's how T-Mobile CEO John Legere responded:" — a person who said or wrote it.
  found.source ??= namedSpeakerOf(sentence);
  found.sourceUrl = leadInLink(ctx, leadIn, sentence, found.source);
}

function readCiteAndCaption(ctx: ExcerptContext, run: Element[], found: ExcerptFinding): void {
  const { $ } = ctx;
  const $cite = $(run).find('cite').first();
  if ($cite.length > 0) {
    const citeText = squash($cite.text()).replace(DASH_LINE, '');
    if (found.source === null && citeText !== '' && wordCount(citeText) <= 12) found.source = citeText;
    found.sourceUrl ??= hrefOf(ctx, $cite.find('a[href]').toArray()[0] ?? ($cite.is('a[href]') ? ($cite[0] as Element) : undefined));
  }
  const $caption = $(run[0] as Element).parent('figure').children('figcaption').first();
  if ($caption.length > 0) {
    const captionText = squash($caption.text()).replace(DASH_LINE, '');
    if (found.source === null && captionText !== '' && wordCount(captionText) <= 12) found.source = captionText;
    found.sourceUrl ??= hrefOf(ctx, $caption.find('a[href]').toArray()[0]);
  }
}

/** A last paragraph that is a "— Name" line, or an attribution closing the last paragraph, names the source. */
function readClosingAttribution(found: ExcerptFinding): void {
  const lastParagraph = found.paragraphs[found.paragraphs.length - 1];
  if (lastParagraph === undefined) return;
  if (DASH_LINE.test(lastParagraph) && wordCount(lastParagraph) <= 12 && found.paragraphs.length > 1) {
    found.source ??= lastParagraph.replace(DASH_LINE, '').trim();
    found.paragraphs = found.paragraphs.slice(0, -1);
  }
  // "… the free use of GitHub by the rest of the world. - Nat Friedman": an attribution closing the last paragraph.
  if (found.source !== null) return;
  const paragraphs = found.paragraphs;
  const tail = TRAILING_ATTRIBUTION.exec(paragraphs[paragraphs.length - 1] ?? '');
  if (tail?.[1] !== undefined && wordCount(tail[1]) <= 6) {
    found.source = tail[1].trim();
    found.paragraphs = [...paragraphs.slice(0, -1), (paragraphs[paragraphs.length - 1] as string).slice(0, tail.index + 1).trim()];
  }
}

function readCiteAttribute(ctx: ExcerptContext, run: Element[], found: ExcerptFinding): void {
  const citeAttribute = run.map((element) => element.attribs['cite']).find((cite) => cite !== undefined && cite.trim() !== '');
  if (citeAttribute === undefined) return;
  const citeUrl = cleanUrl(citeAttribute, ctx.pageUrl);
  if (citeUrl !== null && /^https?:/i.test(citeUrl)) {
    found.sourceUrl ??= citeUrl;
    found.source ??= bareHost(citeUrl);
  }
}

function firstOffSiteLink(ctx: ExcerptContext, run: Element[]): string | null {
  for (const a of ctx.$(run).find('a[href]').toArray()) {
    const url = hrefOf(ctx, a);
    if (url !== null && isOffSite(url, ctx.pageUrl)) return url;
  }
  return null;
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
