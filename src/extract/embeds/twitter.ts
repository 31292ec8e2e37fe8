/**
 * Twitter / X posts: `blockquote.twitter-tweet` (as pasted, also wrapped), tweets rendered by widgets.js
 * (`div.twitter-tweet-rendered` / iframes with `data-tweet-id`), `amp-twitter`, and platform.twitter.com embed
 * iframes. Canonical URL: https://twitter.com/<handle>/status/<id> (x.com and ?ref_src=… folded away).
 */
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData } from './types.js';
import { collapseWhitespace, nullIfEmpty } from '../../text/whitespace.js';
import { attr, hostIs, isElement, toUrl } from '../dom.js';
import { normalizeDate, paragraphText } from './dom.js';
import { embedProvider } from './provider.js';

const STATUS_PATH = /^\/(?:#!\/)?([A-Za-z0-9_]{1,30}|i\/web|i)\/status(?:es)?\/(\d{5,25})/;

function tweet(id: string, handle: string | null): EmbedData {
  const url = handle === null ? `https://twitter.com/i/web/status/${id}` : `https://twitter.com/${handle}/status/${id}`;
  return { provider: 'twitter', kind: 'post', url, id, handle, author: null, text: null, date: null };
}

/** twitter.com / x.com status URLs. */
export function parseTwitterUrl(url: URL): EmbedData | null {
  if (!hostIs(url, 'twitter.com', 'x.com')) return null;
  if (url.hostname.startsWith('platform.') || url.hostname.startsWith('syndication.')) {
    const id = url.searchParams.get('id');
    return id !== null && /^\d{5,25}$/.test(id) ? tweet(id, null) : null;
  }
  const match = STATUS_PATH.exec(url.pathname);
  if (match === null) return null;
  const handle = match[1] === 'i/web' || match[1] === 'i' ? null : match[1]!;
  return tweet(match[2]!, handle);
}

/** "— Name (@handle) <a>December 23, 2016</a>": the attribution line after the tweet text. */
function readAttribution(text: string): { author: string | null; handle: string | null } {
  const match = /[—–-]\s*(.*?)\s*\(@([A-Za-z0-9_]{1,30})\)/.exec(text);
  if (match === null) return { author: null, handle: null };
  return { author: nullIfEmpty(collapseWhitespace(match[1]!)), handle: match[2]! };
}

function fromBlockquote($: CheerioAPI, element: Element, pageUrl: string): EmbedData | null {
  const node = $(element);
  const links = node.find('a[href]').toArray().filter(isElement);
  let data: EmbedData | null = null;
  // The last status link is the date link of the tweet itself (earlier ones may be quoted tweets).
  for (const link of links.reverse()) {
    const url = toUrl(attr(link, 'href'), pageUrl);
    const parsed = url === null ? null : parseTwitterUrl(url);
    if (parsed !== null && parsed.handle !== null) {
      data = { ...parsed, date: normalizeDate($(link).text()) };
      break;
    }
    if (parsed !== null && data === null) data = { ...parsed, date: normalizeDate($(link).text()) };
  }
  const idAttr = attr(element, 'data-tweet-id') ?? attr(element, 'data-tweetid');
  if (data === null && idAttr !== null && /^\d+$/.test(idAttr)) data = tweet(idAttr, null);
  if (data === null) return null;
  const paragraphs = node.children('p').toArray();
  const textParagraph = paragraphs.find((p) => $(p).attr('lang') !== undefined) ?? paragraphs[0];
  const text = textParagraph !== undefined ? nullIfEmpty(paragraphText($, $(textParagraph))) : null;
  const whole = collapseWhitespace(node.text());
  const attribution = readAttribution(textParagraph !== undefined ? whole.slice(collapseWhitespace($(textParagraph).text()).length) : whole);
  const handle = data.handle ?? attribution.handle;
  const rebuilt = handle !== null && data.handle === null && data.id !== null ? tweet(data.id, handle) : data;
  return { ...rebuilt, date: data.date, author: attribution.author, handle, text };
}

/**
 * A blockquote with no embed class that is a pasted tweet: short, its last link a status URL with a handle,
 * and the "(@handle)" attribution line (or nothing else) around it — not an excerpt that happens to cite a tweet.
 */
function isBareTweet($: CheerioAPI, element: Element, pageUrl: string): boolean {
  const links = $(element).find('a[href]').toArray().filter(isElement);
  const last = links[links.length - 1];
  if (last === undefined) return false;
  const url = toUrl(attr(last, 'href'), pageUrl);
  const parsed = url === null ? null : parseTwitterUrl(url);
  if (parsed === null || parsed.handle === null) return false;
  const text = collapseWhitespace($(element).text());
  if (text.length > 700) return false;
  return text === collapseWhitespace($(last).text()) || /\(@[A-Za-z0-9_]{1,30}\)/.test(text);
}

function fromIdAttribute(element: Element, name: string): EmbedData | null {
  const id = attr(element, name);
  return id !== null && /^\d{5,25}$/.test(id) ? tweet(id, null) : null;
}

/** Embed code as pasted; also a site's own placeholder for a tweet (blockquote.js-tweet__placeholder, [data-tweetid]). */
const MARKED = 'blockquote.twitter-tweet, blockquote.twitter-video, blockquote[data-tweet-id], blockquote[data-tweetid], blockquote[class*="tweet"]';

/** A marked blockquote, unless it sits inside another one (a quoted tweet). */
function fromMarked({ $, pageUrl }: EmbedContext, element: Element): EmbedData | null {
  return $(element).parents(MARKED).length > 0 ? null : fromBlockquote($, element, pageUrl);
}

/** A tweet pasted as a bare blockquote: its text, then "— Name (@handle) <a href=…/status/ID>date</a>". */
function fromBare({ $, pageUrl }: EmbedContext, element: Element): EmbedData | null {
  return $(element).is(MARKED) || !isBareTweet($, element, pageUrl) ? null : fromBlockquote($, element, pageUrl);
}

/**
 * Rendered by widgets.js: <div class="twitter-tweet twitter-tweet-rendered"><iframe data-tweet-id="…"> or
 * <twitter-widget data-tweet-id>. A bare div[data-tweet-id] is twitter.com's own timeline markup, not an embed.
 */
function fromRendered({ $ }: EmbedContext, element: Element): EmbedData | null {
  const inner = element.attribs['data-tweet-id'] !== undefined ? element : $(element).find('[data-tweet-id]').get(0);
  return inner !== undefined && isElement(inner) ? fromIdAttribute(inner, 'data-tweet-id') : null;
}

function fromAmp({ pageUrl }: EmbedContext, element: Element): EmbedData | null {
  const url = toUrl(attr(element, 'data-url'), pageUrl);
  return fromIdAttribute(element, 'data-tweetid') ?? (url === null ? null : parseTwitterUrl(url));
}

export const twitterDetector = embedProvider('twitter', [
  { selector: MARKED, read: fromMarked },
  { selector: 'blockquote', read: fromBare },
  { selector: 'div.twitter-tweet, twitter-widget, iframe[data-tweet-id]', read: fromRendered },
  { selector: 'amp-twitter[data-tweetid], amp-embedly-card[data-url*="/status/"]', read: fromAmp },
  {
    frames: 'iframe',
    titled: false,
    parse: (url) => (hostIs(url, 'twitter.com', 'x.com') && /\/embed\/|Tweet\.html|\/status/.test(url.pathname) ? parseTwitterUrl(url) : null),
  },
]);
