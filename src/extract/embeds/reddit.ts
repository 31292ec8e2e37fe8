/**
 * Reddit posts and comments: `blockquote.reddit-embed-bq` (current embed code), `blockquote.reddit-card`
 * (old cards) and embed.reddit.com / redditmedia.com iframes. URL: https://www.reddit.com/r/<sub>/comments/<id>/
 * (plus /comment/<id>/ for a comment).
 */
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData } from './types.js';
import { collapseWhitespace, nullIfEmpty } from '../../text/whitespace.js';
import { attr, hostIs, toUrl } from '../dom.js';
import { embedProvider, linksIn } from './provider.js';

export function parseRedditUrl(url: URL): EmbedData | null {
  if (!hostIs(url, 'reddit.com', 'redditmedia.com')) return null;
  const match = /^\/r\/([A-Za-z0-9_]{2,30})\/comments\/([a-z0-9]{4,12})(?:\/([^/]*)(?:\/([a-z0-9]{4,12}))?)?/i.exec(url.pathname);
  if (match === null) return null;
  const post = match[2]!.toLowerCase();
  const comment = match[4]?.toLowerCase();
  const base = `https://www.reddit.com/r/${match[1]}/comments/${post}/`;
  return {
    provider: 'reddit',
    kind: 'post',
    url: comment !== undefined ? `${base}comment/${comment}/` : base,
    id: comment ?? post,
    title: null,
    author: null,
    handle: null,
  };
}

function fromBlockquote(ctx: EmbedContext, element: Element): EmbedData | null {
  const { $, pageUrl } = ctx;
  const links = linksIn(ctx, element);
  for (const link of links) {
    const url = toUrl(attr(link, 'href'), pageUrl);
    const data = url === null ? null : parseRedditUrl(url);
    if (data === null) continue;
    const title = nullIfEmpty(collapseWhitespace($(link).text()));
    let handle: string | null = null;
    for (const other of links) {
      const match = /^\/(?:user|u)\/([A-Za-z0-9_-]{2,30})\/?$/.exec(toUrl(attr(other, 'href'), pageUrl)?.pathname ?? '');
      if (match !== null) handle = match[1]!;
    }
    return { ...data, title, handle, author: handle === null ? null : `u/${handle}` };
  }
  return null;
}

export const redditDetector = embedProvider('reddit', [
  { selector: 'blockquote.reddit-embed-bq, blockquote.reddit-card', read: fromBlockquote },
  { parse: parseRedditUrl },
]);
