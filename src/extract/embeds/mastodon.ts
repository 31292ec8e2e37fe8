/**
 * Mastodon posts on any instance: iframes `https://<instance>/@<user>/<id>/embed` (class mastodon-embed) and
 * `blockquote.mastodon-embed` (Mastodon 4.3+). URL: https://<instance>/@<user>/<id>; handle user@instance.
 */
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData } from './types.js';
import { collapseWhitespace, nullIfEmpty } from '../../text/whitespace.js';
import { normalizeDate, paragraphText } from './dom.js';
import { embedProvider, firstLinkedEmbed } from './provider.js';

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

function fromBlockquote(ctx: EmbedContext, element: Element): EmbedData | null {
  const data = firstLinkedEmbed(ctx, element, (url) => parseMastodonUrl(url), 'data-embed-url');
  if (data === null) return null;
  const { $ } = ctx;
  const node = $(element);
  const paragraphs = node.find('p');
  const text = paragraphs.length > 0 ? paragraphText($, paragraphs) : null;
  const cleaned = text === null ? null : nullIfEmpty(text.replace(/Post by @\S+/gi, '').replace(/View on Mastodon/gi, ''));
  const time = node.find('time').first();
  const author = nullIfEmpty(collapseWhitespace(node.find('.display-name, [class*="display-name"]').first().text()));
  return { ...data, text: cleaned, author, date: normalizeDate(time.attr('datetime') ?? null) };
}

export const mastodonDetector = embedProvider('mastodon', [
  { selector: 'blockquote.mastodon-embed', read: fromBlockquote },
  { frames: 'iframe', titled: false, parse: (url) => parseMastodonUrl(url, true) },
]);
