/**
 * Bluesky posts: `blockquote.bluesky-embed[data-bluesky-uri]` (text, author, handle and date inside) and
 * embed.bsky.app iframes. id: the post's at:// URI; URL: https://bsky.app/profile/<did>/post/<rkey>.
 */
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData } from './types.js';
import { collapseWhitespace, nullIfEmpty } from '../../text/whitespace.js';
import { attr, hostIs } from '../dom.js';
import { normalizeDate, paragraphText } from './dom.js';
import { embedProvider, firstLinkedEmbed, linksIn } from './provider.js';

const AT_URI = /^at:\/\/(did:[a-z0-9]+:[A-Za-z0-9._:%-]+|[A-Za-z0-9.-]+)\/app\.bsky\.feed\.post\/([A-Za-z0-9]{5,20})$/;

function post(actor: string, rkey: string): EmbedData {
  return {
    provider: 'bluesky',
    kind: 'post',
    url: `https://bsky.app/profile/${actor}/post/${rkey}`,
    id: `at://${actor}/app.bsky.feed.post/${rkey}`,
    author: null,
    handle: actor.startsWith('did:') ? null : actor,
    text: null,
    date: null,
  };
}

function parseBlueskyAtUri(uri: string): EmbedData | null {
  const match = AT_URI.exec(uri.trim());
  return match === null ? null : post(match[1]!, match[2]!);
}

export function parseBlueskyUrl(url: URL): EmbedData | null {
  if (hostIs(url, 'embed.bsky.app')) {
    const match = /^\/embed\/([^/]+)\/app\.bsky\.feed\.post\/([A-Za-z0-9]{5,20})/.exec(url.pathname);
    return match === null ? null : post(decodeURIComponent(match[1]!), match[2]!);
  }
  if (!hostIs(url, 'bsky.app')) return null;
  const match = /^\/profile\/([^/]+)\/post\/([A-Za-z0-9]{5,20})/.exec(url.pathname);
  return match === null ? null : post(decodeURIComponent(match[1]!), match[2]!);
}

function fromBlockquote(ctx: EmbedContext, element: Element): EmbedData | null {
  const uri = attr(element, 'data-bluesky-uri');
  const data = (uri === null ? null : parseBlueskyAtUri(uri)) ?? firstLinkedEmbed(ctx, element, parseBlueskyUrl);
  if (data === null) return null;
  const { $ } = ctx;
  const node = $(element);
  const links = linksIn(ctx, element);
  const paragraph = node.children('p').first();
  const rawText = paragraph.length > 0 ? paragraphText($, paragraph) : null;
  // "[image or embed]" stands for media the script would load; it is not the author's text.
  const text = nullIfEmpty(rawText?.replace(/\[image or embed\]/gi, '').trim());
  const whole = collapseWhitespace(node.text());
  const attribution = /—\s*(.*?)\s*\(@([A-Za-z0-9.-]+)\)\s*(.*)$/.exec(whole);
  const dateLink = links.length > 0 ? collapseWhitespace($(links[links.length - 1]).text()) : '';
  return {
    ...data,
    author: attribution !== null ? nullIfEmpty(attribution[1]) : null,
    handle: attribution !== null ? attribution[2]! : data.handle ?? null,
    text,
    date: normalizeDate(dateLink.replace(/\s+at\s+.*$/, '')) ?? null,
  };
}

export const blueskyDetector = embedProvider('bluesky', [
  { selector: 'blockquote.bluesky-embed, blockquote[data-bluesky-uri]', read: fromBlockquote },
  { frames: 'iframe', titled: false, parse: (url) => (hostIs(url, 'embed.bsky.app') ? parseBlueskyUrl(url) : null) },
]);
