import {
  BLOCKED_MARKUP,
  BLOCKED_PHRASES,
  CAPTCHA_MARKUP,
  CAPTCHA_MAX_WORDS,
  CONSENT_MARKUP,
  CONSENT_PHRASES,
  ERROR_PAGE_PHRASES,
  PAYWALL_MARKUP,
  PAYWALL_PHRASES,
  SHORTER_THAN_ARTICLE_BODY,
  SHORTER_THAN_PREVIOUS,
  TRUNCATED_BELOW_PREVIOUS,
  WALL_MAX_WORDS,
} from './capture-signals.js';

export const CAPTURE_CLASSES = ['ok', 'blocked', 'consent', 'paywall', 'error-page', 'truncated'] as const;
export type CaptureClass = (typeof CAPTURE_CLASSES)[number];

/** What the classifier looks at for one fetched page. */
export interface CaptureFacts {
  status: number;
  /** The decoded page. */
  html: string;
  /** The extracted article, or null when nothing was extractable (E_NO_ARTICLE). */
  article: { title: string | null; text: string; wordCount: number } | null;
  /** Word count of the last `ok` version of the page, or null for a first capture. */
  previousWordCount: number | null;
}

export interface CaptureVerdict {
  class: CaptureClass;
  /** Why, in a few words ("consent platform markup, no article"); "" for ok. */
  reason: string;
}

const anyMatch = (patterns: readonly RegExp[], text: string): RegExp | null => patterns.find((pattern) => pattern.test(text)) ?? null;

/** <title> and <h1> texts of the raw page: where a wall or an error page names itself. */
function headings(html: string): string {
  const parts: string[] = [];
  for (const match of html.matchAll(/<(title|h1)\b[^>]*>([\s\S]{0,400}?)<\/\1>/gi)) parts.push(match[2]!.replace(/<[^>]+>/g, ' '));
  return decodeEntities(parts.join(' \n ')).replace(/\s+/g, ' ');
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|nbsp|#39|quot|hellip|#8230);/g, (_, name: string) => ({ amp: '&', nbsp: ' ', '#39': "'", quot: '"', hellip: '…', '#8230': '…' })[name] ?? ' ');
}

/** The visible text of a page too small for the extractor: tags, scripts and styles removed (a few KB at most). */
function rawText(html: string): string {
  return decodeEntities(html.slice(0, 200_000).replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
}

/** Words of JSON-LD `articleBody`, the largest one on the page (0 when none). */
function articleBodyWords(html: string): number {
  let most = 0;
  for (const match of html.matchAll(/"articleBody"\s*:\s*"((?:[^"\\]|\\.)*)"/g)) {
    const words = match[1]!.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
    most = Math.max(most, words);
  }
  return most;
}

/** A document cut off in transit or by the server: no closing </body> or </html> anywhere in its last 4 KB. */
function cutOff(html: string): boolean {
  const tail = html.slice(-4096);
  return !/<\/(?:body|html)\s*>/i.test(tail);
}

/**
 * Says whether a fetched page is the article (`ok`) or a failed capture, in this order: a bot challenge or
 * block page; a consent wall with no article; an error page served with 200; a paywall teaser; a truncated
 * document. Each rule needs a signal of its kind (capture-signals.ts) and an article that is missing, short,
 * or much shorter than the last good version (or than JSON-LD articleBody): a real article that carries a
 * consent script or a subscribe prompt is `ok`.
 */
export function classifyCapture(facts: CaptureFacts): CaptureVerdict {
  const { html, article, previousWordCount } = facts;
  const words = article?.wordCount ?? 0;
  const short = words < WALL_MAX_WORDS;
  const muchShorter = previousWordCount !== null && previousWordCount > 0 && words < previousWordCount * SHORTER_THAN_PREVIOUS;
  // A long article that kept its length is the article: no need to scan its markup (archive runs this on every page).
  if (!short && !muchShorter) return truncatedOrOk(facts, words);
  const titles = headings(html);
  const text = article === null ? rawText(html) : `${article.title ?? ''} ${article.text}`;

  if (short) {
    const markup = anyMatch(BLOCKED_MARKUP, html) ?? (words < CAPTCHA_MAX_WORDS ? anyMatch(CAPTCHA_MARKUP, html) : null);
    const phrase = anyMatch(BLOCKED_PHRASES, titles) ?? (words < 80 ? anyMatch(BLOCKED_PHRASES, text) : null);
    if (markup !== null || phrase !== null) return { class: 'blocked', reason: `${markup !== null ? 'challenge markup' : 'challenge wording'}, ${describeArticle(words, article)}` };
  }

  const consentMarkup = anyMatch(CONSENT_MARKUP, html) !== null;
  const consentWords = CONSENT_PHRASES.filter((pattern) => pattern.test(text)).length;
  const consentTitle = anyMatch(CONSENT_PHRASES, titles) !== null;
  if ((consentMarkup || consentWords >= 2 || consentTitle) && (article === null || (short && (consentWords >= 1 || consentTitle)) || (muchShorter && consentWords >= 1))) {
    return { class: 'consent', reason: `${consentMarkup ? 'consent platform markup' : 'consent wording'}, ${describeArticle(words, article)}` };
  }

  if (short && facts.status < 400) {
    const inTitle = anyMatch(ERROR_PAGE_PHRASES, titles);
    const inText = words < 120 ? anyMatch(ERROR_PAGE_PHRASES, text) : null;
    if (inTitle !== null || inText !== null) return { class: 'error-page', reason: `"not found" ${inTitle !== null ? 'in the title' : 'in the text'}, ${describeArticle(words, article)}` };
  }
  if (facts.status >= 400 && short) return { class: 'error-page', reason: `HTTP ${facts.status}` };

  const paywallMarkup = anyMatch(PAYWALL_MARKUP, html) !== null;
  // The prompt is page chrome the extractor drops: on a short page, look for it in the whole page's text.
  const paywallWords = anyMatch(PAYWALL_PHRASES, text) !== null || (short && anyMatch(PAYWALL_PHRASES, rawText(html)) !== null);
  if (paywallMarkup || paywallWords) {
    const signal = paywallMarkup ? 'paywall markup' : 'subscribe prompt';
    if (muchShorter) return { class: 'paywall', reason: `${signal}, ${words} words against ${previousWordCount} in the last good version` };
    if (short && paywallMarkup && paywallWords) return { class: 'paywall', reason: `${signal} and subscribe prompt, ${describeArticle(words, article)}` };
  }
  return truncatedOrOk(facts, words);
}

/** The checks that need no wall signal: a teaser much shorter than JSON-LD articleBody, a cut-off document. */
function truncatedOrOk(facts: CaptureFacts, words: number): CaptureVerdict {
  const { html, previousWordCount } = facts;
  const fullWords = articleBodyWords(html);
  if (fullWords >= 150 && words < fullWords * SHORTER_THAN_ARTICLE_BODY) {
    const markup = anyMatch(PAYWALL_MARKUP, html) !== null;
    const prompt = facts.article !== null && anyMatch(PAYWALL_PHRASES, facts.article.text) !== null;
    if (markup || prompt) return { class: 'paywall', reason: `${markup ? 'paywall markup' : 'subscribe prompt'}, ${words} words of ${fullWords} in JSON-LD articleBody` };
  }
  if (previousWordCount !== null && cutOff(html) && words < previousWordCount * TRUNCATED_BELOW_PREVIOUS) {
    return { class: 'truncated', reason: `document cut off (no </body>), ${words} words against ${previousWordCount}` };
  }
  return { class: 'ok', reason: '' };
}

function describeArticle(words: number, article: CaptureFacts['article']): string {
  return article === null ? 'no article' : `${words} words`;
}
