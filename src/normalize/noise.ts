/**
 * Noise removal and text folding for change detection. Every rule here is documented in
 * docs/content-digest.md; keep the two in step (a rule change changes digests).
 *
 * Two layers:
 *  - cleanText(): removes page noise (relative times, counters, ad labels) and tidies whitespace,
 *    but keeps the text readable (typographic quotes stay): what diff shows.
 *  - foldText(): the comparison key on top of that (NFKC, quote/dash/space variants folded).
 */
import { collapseWhitespace } from '../text/whitespace.js';
import { isTrackingParam } from './url.js';

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2035\u0060\u00B4\u2039\u203A]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB\u301D\u301E\u301F\uFF02]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g;


/**
 * The comparison key of a piece of already-cleaned text: Unicode NFKC, zero-width characters and soft
 * hyphens dropped, typographic single/double quotes and guillemets folded to ' and ", every dash and
 * the minus sign folded to "-", whitespace collapsed. Case is kept: a case change is shown as an edit.
 */
export function foldText(text: string): string {
  return collapseWhitespace(
    text
      .normalize('NFKC')
      .replace(ZERO_WIDTH, '')
      .replace(SINGLE_QUOTES, "'")
      .replace(DOUBLE_QUOTES, '"')
      .replace(DASHES, '-'),
  );
}

const SHORT_UNITS = String.raw`(?:seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h)`;
const LONG_UNITS = String.raw`(?:days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?|y)`;
const LABEL = String.raw`(?:last\s+updated|updated|posted|published|edited|modified|added)`;
const NUMBER_WORD = String.raw`(?:\d+|an?|one|a\s+few|few|several)`;

/** "5 minutes ago", "an hour ago", "Updated 3 hours ago", "just now", "moments ago" (any case). */
const RELATIVE_SHORT = new RegExp(
  String.raw`(?:\b${LABEL}\s*:?\s*)?(?:\b${NUMBER_WORD}\s*${SHORT_UNITS}\.?\s+ago\b|\bjust\s+now\b|\b(?:a\s+)?(?:few\s+)?moments?\s+ago\b)`,
  'giu',
);
/** Day-and-longer relative times only with a label before them: "Updated 2 days ago". */
const RELATIVE_LONG_LABELLED = new RegExp(
  String.raw`\b${LABEL}\s*:?\s*(?:${NUMBER_WORD}\s*${LONG_UNITS}\.?\s+ago\b|yesterday\b|today\b)`,
  'giu',
);

const COUNTER_WORDS = String.raw`(?:comments?|repl(?:y|ies)|reactions?|likes?|views?|shares?|retweets?|reposts?|upvotes?|votes?|reads?|readers?|responses?|claps?)`;
const COUNT = String.raw`\d[\d,.\u00A0\u202F ]*\s*[kKmM]?\+?`;
const SEPARATORS = '·•|/()[]';
/** "1,234 comments", "12 shares", "5.2K views". */
const COUNTER = new RegExp(String.raw`(?<![\p{L}\p{N}])${COUNT}\s*${COUNTER_WORDS}\b`, 'gu');
/** "Comments (12)", "Comments: 12", "Shares 3". */
const COUNTER_LABEL_FIRST = new RegExp(String.raw`\b${COUNTER_WORDS}\s*(?:\(\s*${COUNT}\s*\)|:\s*${COUNT}|\s${COUNT}(?=\s*(?:$|[·•|])))`, 'giu');

/** A block made only of one of these labels is dropped from the body (compared case-insensitively). */
const AD_LABELS = new Set(
  [
    'advertisement',
    'advertisements',
    'ad',
    'sponsored',
    'sponsored content',
    'paid content',
    'skip advertisement',
    'continue reading',
    'continue reading below',
    'continue reading the main story',
    'story continues below',
    'story continues below advertisement',
    'article continues below',
    'article continues below advertisement',
    'scroll to continue with content',
    'read more',
  ].map((label) => label.toLowerCase()),
);

/** True when a counter match stands as a label: at a block edge or next to a separator (· • | / ( ) [ ]). */
function isLabelPosition(text: string, start: number, end: number): boolean {
  const before = text.slice(0, start).trimEnd();
  const after = text.slice(end).trimStart();
  const beforeOk = before === '' || SEPARATORS.includes(before.at(-1) ?? '');
  const afterOk = after === '' || SEPARATORS.includes(after[0] ?? '');
  return beforeOk && afterOk;
}

/** Removes counters ("1,234 comments") that stand as labels; "he sold 12 shares of stock" stays. */
function removeCounters(text: string): string {
  let result = text;
  for (const pattern of [COUNTER, COUNTER_LABEL_FIRST]) {
    let changed = true;
    while (changed) {
      changed = false;
      pattern.lastIndex = 0;
      for (const match of result.matchAll(pattern)) {
        const start = match.index;
        const end = start + match[0].length;
        if (isLabelPosition(result, start, end)) {
          result = `${result.slice(0, start)} ${result.slice(end)}`;
          changed = true;
          break;
        }
      }
    }
  }
  return result;
}

/** Tidies separators left behind by removals: "By Ann · · " → "By Ann"; a bare "()" disappears. */
function tidySeparators(text: string): string {
  let result = text.replace(/\(\s*\)|\[\s*\]/g, ' ');
  result = result.replace(/\s*([·•|])(?:\s*[·•|])+/g, ' $1');
  result = collapseWhitespace(result);
  result = result.replace(/^(?:[·•|,;:]\s*)+/, '').replace(/(?:\s*[·•|,;:])+$/, '');
  return result.trim();
}

/** True when nothing a reader would read is left (only separators and punctuation). */
function isEmptyOfWords(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}

/**
 * One block of text (a title, a paragraph, a quote) with page noise removed: NFC, zero-width characters
 * dropped, whitespace collapsed, relative times and label-position counters removed, leftover separators
 * tidied. Returns '' when nothing readable is left or the block is only an ad label.
 */
export function cleanText(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  let result = collapseWhitespace(text.normalize('NFC').replace(ZERO_WIDTH, ''));
  result = result.replace(RELATIVE_SHORT, ' ').replace(RELATIVE_LONG_LABELLED, ' ');
  result = removeCounters(result);
  result = tidySeparators(result);
  if (isEmptyOfWords(result)) return '';
  if (AD_LABELS.has(foldText(result).toLowerCase().replace(/[.:\s]+$/, ''))) return '';
  return result;
}

/** Splits block-aware body text (blank line between blocks) into cleaned, non-empty paragraphs. */
export function cleanParagraphs(text: string | null | undefined): string[] {
  if (text === null || text === undefined) return [];
  return text
    .split(/\n\s*\n/)
    .map((block) => cleanText(block))
    .filter((block) => block !== '');
}

/** Query parameters whose only job is defeating caches, removed whatever their value. */
const CACHE_BUST_PARAMS = new Set([
  'cb', 'cachebust', 'cachebuster', 'cache_bust', 'cache-bust', 'cachebusting', 'nocache', 'no_cache', 'bust',
  '_', 'rand', 'rnd', 'random', 'nonce', '_t', '_ts', 'ts', 'timestamp', 'time', '_dc', 'buster',
]);
/** Parameters that are cache-busters only when the value looks generated (a timestamp or a hash). */
const MAYBE_CACHE_BUST_PARAMS = new Set(['t', 'v', 'ver', 'version', 'rev', 'r', 'build', 'hash', 'h', 'ck']);

function looksGenerated(value: string): boolean {
  return /^\d{6,}$/.test(value) || /^[0-9a-f]{8,}$/i.test(value) || /^\d+(?:\.\d+){1,3}$/.test(value);
}

/**
 * A URL as compared: tracking parameters and cache-busting parameters removed, remaining parameters
 * sorted, fragment dropped, scheme folded to https, host lower-cased. Unparseable input is returned folded.
 */
export function comparableUrl(input: string | null | undefined): string | null {
  if (input === null || input === undefined || input.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return foldText(input);
  }
  for (const [name, value] of [...url.searchParams.entries()]) {
    const lower = name.toLowerCase();
    if (isTrackingParam(lower) || CACHE_BUST_PARAMS.has(lower) || (MAYBE_CACHE_BUST_PARAMS.has(lower) && looksGenerated(value))) {
      url.searchParams.delete(name);
    }
  }
  url.searchParams.sort();
  url.hash = '';
  if (url.protocol === 'http:') url.protocol = 'https:';
  const text = url.toString();
  return url.search === '' && text.endsWith('?') ? text.slice(0, -1) : text;
}

/** An ISO-8601 UTC date to the second, or the folded text when it does not parse. */
export function comparableDate(input: string | null | undefined): string | null {
  if (input === null || input === undefined || input.trim() === '') return null;
  const time = Date.parse(input);
  if (Number.isNaN(time)) return foldText(input);
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
