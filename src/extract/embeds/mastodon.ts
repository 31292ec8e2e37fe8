/**
 * Mastodon posts on any instance: iframes `https://<instance>/@<user>/<id>/embed` (class mastodon-embed) and
 * `blockquote.mastodon-embed` (Mastodon 4.3+). URL: https://<instance>/@<user>/<id>; handle user@instance.
 */
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData, EmbedDetector, EmbedMatch } from './types.js';
import { attr, blockText, collapse, framesWithUrl, isElement, normalizeDate, nullIfEmpty, select, toUrl } from './dom.js';

const STATUS = /^\/@([A-Za-z0-9_]{1,64})(?:@([A-Za-z0-9.-]+))?\/(\d{6,25})(\/embed)?\/?$/;

/** A Mastodon status URL. Without `requireEmbed` any host matches the path shape, so callers pass it for iframes. */
export function parseMastodonUrl(url: URL, requireEmbed = false): EmbedData | null {
  const match = STATUS.exec(url.pathname);
  if (match === null || (requireEmbed && match[4] === undefined)) return null;
  const host = url.hostname.toLowerCase();
  const user = match[1]!;
  return {
    provider: 'mastodon',
    kind: 'post',
    url: `https://${host}/@${user}${match[2] !== undefined ? `@${match[2]}` : ''}/${match[3]}`,
    id: match[3]!,
    handle: `${user}@${match[2] ?? host}`,
    author: null,
    text: null,
    date: null,
  };
}

function fromBlockquote($: CheerioAPI, element: Element, pageUrl: string): EmbedData | null {
  const node = $(element);
  const hrefs = [attr(element, 'data-embed-url'), ...node.find('a[href]').toArray().filter(isElement).map((a) => attr(a, 'href'))];
  for (const href of hrefs) {
    const url = toUrl(href, pageUrl);
    const data = url === null ? null : parseMastodonUrl(url);
    if (data === null) continue;
    const paragraphs = node.find('p');
    const text = paragraphs.length > 0 ? blockText($, paragraphs) : null;
    const cleaned = text === null ? null : nullIfEmpty(text.replace(/Post by @\S+/gi, '').replace(/View on Mastodon/gi, ''));
    const time = node.find('time').first();
    const author = nullIfEmpty(collapse(node.find('.display-name, [class*="display-name"]').first().text()));
    return { ...data, text: cleaned, author, date: normalizeDate(time.attr('datetime') ?? null) };
  }
  return null;
}

export const mastodonDetector: EmbedDetector = {
  provider: 'mastodon',
  detect({ $, pageUrl }: EmbedContext): EmbedMatch[] {
    const matches: EmbedMatch[] = [];
    for (const element of select($, 'blockquote.mastodon-embed')) {
      const embed = fromBlockquote($, element, pageUrl);
      if (embed !== null) matches.push({ element, embed });
    }
    for (const { element, url } of framesWithUrl($, pageUrl, 'iframe')) {
      const embed = parseMastodonUrl(url, true);
      if (embed !== null) matches.push({ element, embed });
    }
    return matches;
  },
};
