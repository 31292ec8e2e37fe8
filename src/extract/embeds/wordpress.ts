/**
 * CMS oEmbed wrappers: WordPress `figure.wp-block-embed` (is-provider-*, wp-block-embed-*), WordPress post
 * embeds (`.wp-embedded-content` blockquote + iframe), CKEditor 5 `<oembed url>`, CKEditor 4 `[data-oembed-url]`
 * and Embedly cards. The wrapper is the match element; when a provider detector also matches inside it, the
 * provider's data wins and the wrapper stays the element (see mergeMatches).
 */
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { EmbedKind } from '../../types.js';
import type { EmbedContext, EmbedData } from './types.js';
import { collapseWhitespace, nullIfEmpty } from '../../text/whitespace.js';
import { attr, classTokens, cleanHttpUrl, isElement } from '../dom.js';
import { meaningfulTitle, sourceUrl } from './dom.js';
import { embedProvider } from './provider.js';
import { classifyEmbedUrl } from './classify-url.js';

/** A page embed of a URL no provider module knows. */
function pageEmbed(provider: string, url: string | null, kind: EmbedKind = 'page', title: string | null = null): EmbedData {
  return { provider, kind, url, id: null, title };
}

function providerFromClass(element: Element): { provider: string | null; kind: EmbedKind | null } {
  let provider: string | null = null;
  let kind: EmbedKind | null = null;
  for (const token of classTokens(element)) {
    const named = /^is-provider-([a-z0-9-]+)$/.exec(token) ?? /^wp-block-embed-([a-z0-9-]+)$/.exec(token);
    if (named !== null && provider === null) provider = named[1]!.replace(/-/g, '');
    if (token === 'is-type-video') kind = 'video';
    if (token === 'is-type-photo') kind = 'image';
    if (token === 'is-type-audio') kind = 'audio';
  }
  return { provider, kind };
}

/** URLs the wrapper carries: the bare URL WordPress leaves before rendering, iframes, then links. */
function wrapperUrls($: CheerioAPI, element: Element, pageUrl: string): string[] {
  const node = $(element);
  const urls: string[] = [];
  const inner = node.find('.wp-block-embed__wrapper').first();
  const bare = collapseWhitespace((inner.length > 0 ? inner : node.clone().children('figcaption').remove().end()).text());
  if (/^https?:\/\/\S+$/.test(bare)) urls.push(bare);
  for (const frame of node.find('iframe, video, audio').toArray().filter(isElement)) {
    const frameUrl = sourceUrl(frame, pageUrl);
    if (frameUrl !== null) urls.push(frameUrl);
  }
  for (const link of node.find('a[href]').toArray().filter(isElement)) {
    const href = attr(link, 'href');
    if (href !== null) urls.push(href);
  }
  return urls;
}

/** The first URL a provider module recognizes; else an embed of the first URL under the class-named provider. */
function describe(urls: string[], pageUrl: string, fallbackProvider: string | null, fallbackKind: EmbedKind | null, title: string | null): EmbedData | null {
  const known = urls
    .map((url) => classifyEmbedUrl(url, pageUrl, { mastodon: fallbackProvider === 'mastodon' }))
    .filter((data): data is EmbedData => data !== null);
  // A wrapper named for a provider prefers that provider's URL over links quoted inside the post.
  const named = known.find((data) => data.provider === fallbackProvider) ?? known[0];
  if (named !== undefined) return named;
  const first = urls.map((url) => cleanHttpUrl(url, pageUrl)).find((url) => url !== null);
  if (first === undefined) return null;
  return pageEmbed(fallbackProvider ?? 'iframe', first, fallbackKind ?? 'page', title);
}

/** `https://site/post/embed/#?secret=x` → `https://site/post/`. */
function postUrlFromEmbedFrame(src: string): string {
  return src.replace(/#.*$/, '').replace(/embed\/?$/, '');
}

function fromBlockEmbed({ $, pageUrl }: EmbedContext, element: Element): EmbedData | null {
  const { provider, kind } = providerFromClass(element);
  return describe(wrapperUrls($, element, pageUrl), pageUrl, provider, kind, null);
}

function fromPostQuote({ $, pageUrl }: EmbedContext, element: Element): EmbedData | null {
  const link = $(element).find('a[href]').first();
  const title = nullIfEmpty(collapseWhitespace(link.text()));
  const url = cleanHttpUrl(link.attr('href'), pageUrl);
  return url === null ? null : pageEmbed('iframe', url, 'page', title);
}

function fromPostFrame({ pageUrl }: EmbedContext, element: Element): EmbedData | null {
  const src = sourceUrl(element, pageUrl);
  if (src === null) return null;
  return pageEmbed('iframe', cleanHttpUrl(postUrlFromEmbedFrame(src), pageUrl), 'page', meaningfulTitle(attr(element, 'title')));
}

function fromOembed({ $, pageUrl }: EmbedContext, element: Element): EmbedData | null {
  const url = attr(element, 'url') ?? attr(element, 'data-oembed-url') ?? attr(element, 'data-url') ?? attr(element, 'href') ?? $(element).find('a[href]').first().attr('href') ?? null;
  return url === null ? null : describe([url], pageUrl, null, null, null);
}

export const wordpressDetector = embedProvider('wordpress', [
  { selector: 'figure.wp-block-embed, div.wp-block-embed', read: fromBlockEmbed },
  { selector: 'blockquote.wp-embedded-content', read: fromPostQuote },
  { selector: 'iframe.wp-embedded-content', read: fromPostFrame },
  { selector: 'oembed[url], [data-oembed-url], amp-embedly-card[data-url], a.embedly-card[href], blockquote.embedly-card', read: fromOembed },
]);
