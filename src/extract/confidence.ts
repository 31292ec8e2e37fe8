import type { CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { collapseWhitespace } from '../text/whitespace.js';

/**
 * Whether the body Chronicle read is likely the article, from three signals (issue 20 item 16): the body's
 * share of the page's readable text, the share of the body's text that is link text, and, when the page's
 * JSON-LD carries the article's text (`articleBody`), how much of it the body holds. A body that is mostly not
 * the article (a disclosure box, a login form, a table of addresses picked instead of the story) gets the
 * warning LOW_CONFIDENCE_WARNING; it is still filed. Thresholds are calibrated on the 772 corpus pages
 * (docs/metadata.md is not the place: see docs/snapshot-format.md, `warnings`).
 */
export interface ConfidenceSignals {
  /** Body text characters over the page's readable text characters (0–1). */
  bodyShare: number;
  /** Characters of link text over characters of body text (0–1). */
  linkDensity: number;
  /** Share of the JSON-LD articleBody's words found in the body (0–1), or null without an articleBody. */
  articleBodyCoverage: number | null;
  /** Words of the page's readable text. */
  pageWords: number;
}

/** The warning's fixed start; what follows says which signal. */
export const LOW_CONFIDENCE_WARNING = 'lowConfidence';

/** Below this share of a page of at least PAGE_WORDS words, the body is likely a box of the page. */
const MIN_BODY_SHARE = 0.1;
const PAGE_WORDS = 400;
const MAX_LINK_DENSITY = 0.6;
/** An articleBody shorter than this is a teaser, not the article. */
const ARTICLE_BODY_WORDS = 150;
const MIN_ARTICLE_BODY_COVERAGE = 0.35;

/** Elements whose text no reader sees. */
const UNSEEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object']);

/** Characters of the text a reader sees on the page (whitespace runs count as one). */
export function readableTextLength($: CheerioAPI): { chars: number; words: number } {
  let chars = 0;
  let words = 0;
  const stack: AnyNode[] = [...$.root().contents().toArray()];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      const text = collapseWhitespace(node.data);
      chars += text.length;
      if (text !== '') words += text.split(' ').length;
    } else if ('children' in node && !('name' in node && UNSEEN.has(String(node.name).toLowerCase()))) {
      for (const child of node.children) stack.push(child); // not push(...children): a page may have 100,000s
    }
  }
  return { chars, words };
}

/** The longest `articleBody` string in the page's JSON-LD, or null. */
export function jsonLdArticleBody($: CheerioAPI): string | null {
  let best: string | null = null;
  const visit = (value: unknown, depth: number): void => {
    if (depth > 8 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'articleBody' && typeof inner === 'string' && inner.length > (best?.length ?? 0)) best = inner;
      else visit(inner, depth + 1);
    }
  };
  $('script[type="application/ld+json"]').each((_, element) => {
    try {
      visit(JSON.parse($(element).text()), 0);
    } catch {
      // a broken block is the metadata rules' to report
    }
  });
  return best;
}

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Share of `reference`'s words that occur in `body`. */
function coverage(reference: string, body: string): number {
  const bodyWords = new Set(words(body));
  const referenceWords = words(reference);
  if (referenceWords.length === 0) return 1;
  return referenceWords.filter((word) => bodyWords.has(word)).length / referenceWords.length;
}

export function confidenceSignals(input: {
  page: { chars: number; words: number };
  articleBody: string | null;
  bodyText: string;
  body$: CheerioAPI;
}): ConfidenceSignals {
  const bodyChars = collapseWhitespace(input.bodyText).length;
  let linkChars = 0;
  input.body$('a').each((_, element) => {
    if (input.body$(element).parents('a').length === 0) linkChars += collapseWhitespace(input.body$(element).text()).length;
  });
  const articleBody = input.articleBody !== null && words(input.articleBody).length >= ARTICLE_BODY_WORDS ? input.articleBody : null;
  return {
    bodyShare: input.page.chars === 0 ? 1 : Math.min(1, bodyChars / input.page.chars),
    linkDensity: bodyChars === 0 ? 0 : Math.min(1, linkChars / bodyChars),
    articleBodyCoverage: articleBody === null ? null : coverage(articleBody, input.bodyText),
    pageWords: input.page.words,
  };
}

/** The lowConfidence warning for these signals, or null when the body looks like the article. */
export function lowConfidenceWarning(signals: ConfidenceSignals): string | null {
  const percent = (value: number): string => `${Math.round(value * 100)}%`;
  const reasons: string[] = [];
  if (signals.articleBodyCoverage !== null && signals.articleBodyCoverage < MIN_ARTICLE_BODY_COVERAGE) {
    reasons.push(`it holds ${percent(signals.articleBodyCoverage)} of the words of the page's JSON-LD articleBody`);
  }
  if (signals.pageWords >= PAGE_WORDS && signals.bodyShare < MIN_BODY_SHARE) {
    reasons.push(`it is ${percent(signals.bodyShare)} of the page's text`);
  }
  if (signals.linkDensity > MAX_LINK_DENSITY) reasons.push(`${percent(signals.linkDensity)} of its text is links`);
  return reasons.length === 0 ? null : `${LOW_CONFIDENCE_WARNING}: the body may not be the article: ${reasons.join('; ')}`;
}
