import type { CheerioAPI } from 'cheerio';
import { ChronicleError } from '../errors.js';
import { decodeHtml, type DecodedHtml } from '../decode/decode-html.js';
import { attempt } from './attempt.js';
import { collapseWhitespace } from '../text/whitespace.js';
import { cleanUrl } from '../normalize/url.js';
import type { Article, Embed, LinkRef, Meta, Quote } from '../types.js';
import { countWords } from './body/block-text.js';
import { bodyText } from './body/body-text.js';
import { flattenBlocks, topLevelBlocks } from './body/blocks.js';
import { findDenseContainer, isInside, pickFallsShort, proseOf } from './body/dense-container.js';
import { findLeadParagraph } from './body/lead-paragraph.js';
import { sanitizeBody } from './body/sanitize-body.js';
import { cleanChrome } from './clean/clean-chrome.js';
import { prunePage } from './clean/prune-page.js';
import { loadFragment, loadPage } from './parse-html.js';
import { removeDuplicatePullQuotes } from './clean/pull-quote-duplicates.js';
import { stripUnlikelyCandidates } from './clean/strip-unlikely.js';
import { detectEmbeds } from './embeds/index.js';
import { renderEmbedFigure } from './embeds/render.js';
import type { EmbedMatch } from './embeds/types.js';
import { confidenceSignals, jsonLdArticleBody, lowConfidenceWarning, readableTextLength } from './confidence.js';
import { findJsonLdNotes, findPageNotes, placeCorrections, type FoundNote } from './corrections/index.js';
import { extractImages } from './images.js';
import { captureLibraryOutput } from '../host/library-output.js';
import { DEFAULT_EXTRACT_LIMITS, extractionDeadline, HeapTooSmallError, memoryBudgetError, type ExtractLimits } from './limits.js';
import { countPage, estimateHeapMb, heapAvailableMb } from './page-weight.js';
import { extractMetadata } from './metadata/index.js';
import { extractQuotes, findPullQuotes } from './quotes/index.js';
import { readArticle, runReadability, type ReadabilityResult } from './readability.js';
import { findSiteRule, readSiteBody, type SiteReading } from './sites/index.js';

export interface ExtractOptions {
  /** The page URL: resolves relative links and is recorded as the article URL. */
  url: string;
  /** The Content-Type header, used for the charset when `html` is bytes. */
  contentType?: string;
  /** Sees the page's HTML at each stage of the body's making (for `npm run eval:body`; see BodyStage). */
  trace?: (stage: BodyStage, html: string) => void;
  /** What the page may cost (default DEFAULT_EXTRACT_LIMITS): past it, E_EXTRACT_LIMIT. */
  limits?: Partial<ExtractLimits>;
}

/**
 * The body's stages, in order: the decoded page, the page after prunePage, the body Readability (or a site
 * rule) picked, the flattened blocks, the body after the chrome clean-up.
 */
export type BodyStage = 'page' | 'pruned' | 'picked' | 'flattened' | 'cleaned';

/** The text that stands in for an embed while Readability runs; it survives only if the embed is in the article. */
const placeholderText = (index: number): string => `chronicle-embed-placeholder-${index}`;
const PLACEHOLDER_PATTERN = /chronicle-embed-placeholder-(\d+)/;

/**
 * Reads one HTML page the way a reader sees it: metadata, embeds and pull quotes from the untouched document,
 * the body from Readability (on jsdom, scripts never run), embeds put back in place as static markup, site
 * chrome removed, then quotes, images and links from the clean body. A detector that throws adds a warning.
 * The library's entry: bytes are decoded here (the decode stage, src/decode), text is taken as it is.
 */
export async function extractArticle(html: string | Uint8Array, options: ExtractOptions): Promise<Article> {
  return extractDecoded(typeof html === 'string' ? decodedText(html) : decodeHtml(html, options.contentType), options);
}

/** Text given as text: nothing was decoded, nothing guessed. */
function decodedText(text: string): DecodedHtml {
  return { text, charset: 'UTF-8', charsetSource: 'sniff', guessed: false };
}

/** The extract stage proper: a page already decoded (src/decode). */
async function extractDecoded(page: DecodedHtml, options: ExtractOptions): Promise<Article> {
  // Synchronous on purpose: what a library prints meanwhile is caught and filed as a warning (library-output.ts).
  const { value: article, warnings } = captureLibraryOutput(() => extractPage(page, options));
  article.warnings.push(...warnings);
  return article;
}

function extractPage(decoded: DecodedHtml, options: ExtractOptions): Article {
  const pageUrl = parsePageUrl(options.url);
  const warnings: string[] = [];
  if (decoded.guessed) warnings.push(`charset guessed: ${decoded.charset} (the page declares none; statistical detection)`);
  const limits = { ...DEFAULT_EXTRACT_LIMITS, ...options.limits };
  const checkTime = extractionDeadline(pageUrl, limits.timeMs);
  checkMemoryBudget(decoded.text, pageUrl, limits.maxMemoryMb);
  const $ = loadPage(decoded.text);
  const trace = options.trace;
  trace?.('page', decoded.text);

  // 1. Everything that needs the untouched document.
  const { metadata, embedResult, pullQuotes, pageNotes, jsonLdNotes, pageText, articleBody } = readUntouchedPage($, pageUrl, warnings);

  // 2. Stand-ins for embeds, then the body: a site rule's, else Readability's (see readArticleBody).
  placeEmbedPlaceholders($, embedResult.matches);
  const rule = findSiteRule({ $, pageUrl, canonicalUrl: metadata?.canonicalUrl ?? null });
  const ruled = rule === null ? null : attempt(warnings, `site rule ${rule.name}`, () => readSiteBody($, rule), null);
  checkTime();
  const read = ruled !== null ? { readable: siteResult(ruled), picked$: null } : readArticleBody($, pageUrl, trace);
  const readable = read?.readable ?? null;
  checkTime();
  if (readable === null) {
    throw new ChronicleError('E_NO_ARTICLE', `no article content found in ${pageUrl}`, { url: pageUrl });
  }

  trace?.('picked', readable.content);

  // 3. The body: flat blocks, chrome removed, embeds back in place, sanitized.
  const body$ = loadFragment(flattenBlocks(read?.picked$ ?? loadFragment(readable.content), { keepImageRuns: ruled !== null }));
  if (ruled === null) attempt(warnings, 'lead paragraph', () => addLeadParagraph(body$, $), undefined);
  if (trace) trace('flattened', body$.html());
  attempt(warnings, 'chrome clean-up', () => cleanChrome(body$, { authors: metadata?.meta.authors ?? [] }), 0);
  attempt(warnings, 'pull quote clean-up', () => removeDuplicatePullQuotes(body$, pullQuotes), 0);
  if (trace) trace('cleaned', body$.html());
  const embeds = restoreEmbeds(body$, embedResult.matches);
  // One block a line: the blocks removed above leave no blank runs behind.
  const bodyHtml = sanitizeBody(topLevelBlocks(body$).map((block) => body$.html(block)).join('\n'));
  const clean$ = loadFragment(bodyHtml);
  const text = bodyText(clean$.root().children().toArray());
  // A site's photo post is an article too; from Readability, a body of images alone is a page it could not read.
  const photoPost = ruled !== null && clean$('img').length > 0;
  if (text.trim() === '' && embeds.length === 0 && !photoPost) {
    throw new ChronicleError('E_NO_ARTICLE', `no article text found in ${pageUrl}`, { url: pageUrl });
  }

  // 4. What is read from the clean body.
  checkTime();
  const doubt = lowConfidenceWarning(confidenceSignals({ page: pageText, articleBody, bodyText: text, body$: clean$ }));
  if (doubt !== null) warnings.push(doubt);
  const quoteResult = attempt(warnings, 'quotes', () => extractQuotes({ body$: clean$, pageUrl, pullQuotes }), {
    quotes: [] as Quote[],
    warnings: [] as string[],
  });
  warnings.push(...quoteResult.warnings);
  const meta = completeMeta(metadata?.meta ?? emptyMeta(), readable);
  const images = attempt(warnings, 'images', () => extractImages({ body$: clean$, pageUrl, leadImage: meta.image, page$: $ }), []);

  return {
    url: pageUrl,
    canonicalUrl: metadata?.canonicalUrl ?? null,
    charset: decoded.charset,
    meta,
    body: { text, html: bodyHtml, wordCount: countWords(text) },
    quotes: quoteResult.quotes,
    embeds,
    images,
    links: extractLinks(clean$, pageUrl),
    corrections: placeCorrections(text, pageNotes, jsonLdNotes),
    warnings,
  };
}

/** What is read from the page before it is pruned: metadata, embeds, pull quotes, notes, the page's text size. */
function readUntouchedPage($: CheerioAPI, pageUrl: string, warnings: string[]) {
  const metadata = attempt(warnings, 'metadata', () => extractMetadata({ $, pageUrl }), null);
  if (metadata) warnings.push(...metadata.warnings);
  const embedResult = attempt(warnings, 'embeds', () => detectEmbeds({ $, pageUrl }), { matches: [], warnings: [] });
  warnings.push(...embedResult.warnings);
  return {
    metadata,
    embedResult,
    pullQuotes: attempt(warnings, 'pull quotes', () => findPullQuotes($), []),
    pageNotes: attempt(warnings, 'corrections', () => findPageNotes($), [] as FoundNote[]),
    jsonLdNotes: attempt(warnings, 'corrections', () => findJsonLdNotes($), [] as FoundNote[]),
    // What the body is compared with (see confidence.ts), read before the page is pruned.
    pageText: readableTextLength($),
    articleBody: attempt(warnings, 'articleBody', () => jsonLdArticleBody($), null),
  };
}

/** Refuses, before any tree is built, a page whose extraction could fill the budget or this thread's heap. */
function checkMemoryBudget(html: string, pageUrl: string, maxMemoryMb: number): void {
  const needMb = estimateHeapMb(countPage(html));
  if (needMb > maxMemoryMb) throw memoryBudgetError(pageUrl, needMb, maxMemoryMb);
  const availableMb = heapAvailableMb();
  if (needMb > availableMb) throw new HeapTooSmallError(pageUrl, needMb, availableMb);
}

/**
 * Readability's reading of the page: first what is never content is stripped (and what Readability's first
 * pass would drop), so that jsdom builds a smaller tree; `$` is left as pruned (the lead image's details are
 * read from it).
 */
function readArticleBody($: CheerioAPI, pageUrl: string, trace?: ExtractOptions['trace']): BodyReading | null {
  prunePage($);
  if (trace) trace('pruned', $.html());
  const stripped = stripUnlikelyCandidates($);
  const pageHtml = $.html();
  const dense = findDenseContainer($);
  const considered = dense !== null && dense.prose >= MIN_DENSE_PROSE ? dense : null;
  // The second reading is serialized, when needed, while the stripped elements are out: it never holds them.
  let denseHtml: string | null = null;
  const serializeDense = (): string => (denseHtml ??= considered === null ? '' : $.html(considered.element));
  let restored = false;
  // The page as pruned, for Readability's fallback to the whole page, and for the lead image's details.
  const restore = (): void => {
    if (!restored) stripped.restore();
    restored = true;
  };
  const wholePage = (): string => {
    if (considered !== null) serializeDense(); // before the stripped elements come back
    restore();
    return $.html();
  };
  const result = stripped.removed > 0 ? readArticle(pageHtml, wholePage, pageUrl) : runReadability(pageHtml, pageUrl);
  const denseText = (): string => (considered === null ? '' : $(considered.element).text());
  const reading = considered !== null ? preferDenseReading(result, serializeDense, considered.prose, denseText) : pickedReading(result);
  restore();
  return reading;
}

/** The body's reading: Readability's result (or the second reading in its place), and its content parsed. */
interface BodyReading {
  readable: ReadabilityResult;
  /** `readable.content` parsed (a fragment), when it was parsed already; null for a site rule's body. */
  picked$: CheerioAPI | null;
}

function pickedReading(result: ReadabilityResult | null): BodyReading | null {
  return result === null ? null : { readable: result, picked$: null };
}

/** The second reading (body/dense-container.ts) is considered when it holds at least this much prose. */
const MIN_DENSE_PROSE = 1500;

/**
 * Readability's pick, unless it holds little of the prose that one container of the page holds (it picked a
 * list of names, a disclosure box, a teaser), or that container holds the pick and clearly more prose (the article
 * split across sibling blocks): then that container, without its title heading (Readability drops it too; the
 * metadata has it). Also when Readability found nothing.
 */
function preferDenseReading(result: ReadabilityResult | null, denseHtml: () => string, denseProse: number, denseText: () => string): BodyReading | null {
  if (result !== null) {
    const picked$ = loadFragment(result.content);
    const pickedProse = proseOf(picked$);
    if (!pickFallsShort(pickedProse, denseProse, () => isInside(picked$, denseText()))) return { readable: result, picked$ };
  }
  const dense$ = loadFragment(denseHtml());
  dense$('h1').remove();
  const content = dense$.html();
  const readable = result ?? { title: null, byline: null, content, excerpt: null, siteName: null, lang: null, publishedTime: null };
  return { readable: { ...readable, content }, picked$: dense$ };
}

/** The page's lead paragraph, when Readability left it out (body/lead-paragraph.ts), as the body's first block. */
function addLeadParagraph(body$: CheerioAPI, page$: CheerioAPI): void {
  const lead = findLeadParagraph(page$, topLevelBlocks(body$).map((block) => body$(block).text()));
  if (lead === null) return;
  const paragraph = body$('<p></p>');
  paragraph.text(lead);
  body$.root().prepend(paragraph);
}

/** A site rule's body in Readability's place; the page's metadata fills the rest. */
function siteResult(reading: SiteReading): ReadabilityResult {
  return {
    title: null, byline: reading.byline, content: reading.content, excerpt: null, siteName: null, lang: null,
    publishedTime: null,
  };
}

function placeEmbedPlaceholders($: CheerioAPI, matches: EmbedMatch[]): void {
  matches.forEach((match, index) => {
    $(match.element).replaceWith(`<p data-chronicle-embed="${index}">${placeholderText(index)}</p>`);
    for (const companion of match.companions ?? []) $(companion).remove(); // noscript copies, attribution lines
  });
}

/**
 * Replaces each surviving placeholder with the embed's static figure and records its position among the
 * top-level blocks. Embeds whose placeholder Readability dropped were outside the article and are not reported.
 */
function restoreEmbeds(body$: CheerioAPI, matches: EmbedMatch[]): Embed[] {
  const placed = new Map<number, number>(); // match index -> embed order
  const embeds: Embed[] = [];
  for (const block of topLevelBlocks(body$)) {
    const node = body$(block);
    const blockText = node.text();
    const found = [...blockText.matchAll(new RegExp(PLACEHOLDER_PATTERN, 'g'))].map((m) => Number(m[1]));
    if (found.length === 0) continue;
    const figures: string[] = [];
    for (const index of found) {
      const match = matches[index];
      if (!match || placed.has(index)) continue;
      placed.set(index, embeds.length);
      embeds.push({ ...match.embed, position: null });
      figures.push(renderEmbedFigure(embeds[embeds.length - 1]!, index));
    }
    const rest = blockText.replace(new RegExp(PLACEHOLDER_PATTERN, 'g'), '').trim();
    if (rest === '') {
      node.replaceWith(figures.join('\n'));
    } else {
      // An embed that stood inside a paragraph: keep the paragraph, the figure follows it.
      node.find('*').addBack().contents().each((_, child) => {
        if (child.type === 'text') child.data = child.data.replace(new RegExp(PLACEHOLDER_PATTERN, 'g'), '');
      });
      node.after(figures.join('\n'));
    }
  }
  const blocks = topLevelBlocks(body$);
  blocks.forEach((block, position) => {
    const attribute = block.attribs['data-chronicle-embed'];
    if (block.name !== 'figure' || attribute === undefined) return;
    const order = placed.get(Number(attribute));
    if (order !== undefined) embeds[order]!.position = position;
  });
  return embeds;
}

function extractLinks($: CheerioAPI, pageUrl: string): LinkRef[] {
  const seen = new Set<string>();
  const links: LinkRef[] = [];
  $('a[href]').each((_, element) => {
    const url = cleanUrl($(element).attr('href'), pageUrl, true);
    if (url === null || !/^https?:/.test(url) || seen.has(url)) return;
    seen.add(url);
    links.push({ url, text: collapseWhitespace($(element).text()) });
  });
  return links;
}

function emptyMeta(): Meta {
  return {
    title: null, authors: [], siteName: null, publishedAt: null, modifiedAt: null, lang: null,
    description: null, image: null, section: null, tags: [],
  };
}

/** Readability's own findings fill what the metadata rules left blank. */
function completeMeta(meta: Meta, readable: ReadabilityResult): Meta {
  const published = readable.publishedTime ? new Date(readable.publishedTime) : null;
  return {
    ...meta,
    title: meta.title ?? blankToNull(readable.title),
    authors: meta.authors.length > 0 ? meta.authors : splitByline(readable.byline),
    siteName: meta.siteName ?? blankToNull(readable.siteName),
    lang: meta.lang ?? blankToNull(readable.lang),
    description: meta.description ?? blankToNull(readable.excerpt),
    publishedAt: meta.publishedAt ?? (published && !Number.isNaN(published.getTime()) ? published.toISOString() : null),
  };
}

function blankToNull(value: string | null): string | null {
  const trimmed = value === null ? null : collapseWhitespace(value);
  return trimmed ? trimmed : null;
}

function splitByline(byline: string | null): string[] {
  const text = blankToNull(byline);
  if (text === null) return [];
  return text
    .replace(/^by\s+/i, '')
    .split(/\s*(?:,|&|\band\b)\s*/i)
    .map((name) => name.trim())
    .filter((name) => name !== '' && name.length < 80);
}

/** Any absolute URL will do as a page URL (http(s) for fetched pages, file: for saved ones). */
function parsePageUrl(url: string): string {
  try {
    return new URL(url).toString();
  } catch (cause) {
    throw new ChronicleError('E_INVALID_URL', `not a valid page URL: ${JSON.stringify(url)}`, { cause });
  }
}

