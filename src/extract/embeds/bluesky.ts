/**
 * Bluesky posts: `blockquote.bluesky-embed[data-bluesky-uri]` (text, author, handle and date inside) and
 * embed.bsky.app iframes. id: the post's at:// URI; URL: https://bsky.app/profile/<did>/post/<rkey>.
 */
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData, EmbedDetector, EmbedMatch } from './types.js';
import { attr, blockText, collapse, framesWithUrl, hostIs, isElement, normalizeDate, nullIfEmpty, select, toUrl } from './dom.js';

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

export function parseBlueskyAtUri(uri: string): EmbedData | null {
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

function fromBlockquote($: CheerioAPI, element: Element, pageUrl: string): EmbedData | null {
  const uri = attr(element, 'data-bluesky-uri');
  let data = uri === null ? null : parseBlueskyAtUri(uri);
  const node = $(element);
  const links = node.find('a[href]').toArray().filter(isElement);
  if (data === null) {
    for (const link of links) {
      const url = toUrl(attr(link, 'href'), pageUrl);
      data = url === null ? null : parseBlueskyUrl(url);
      if (data !== null) break;
    }
  }
  if (data === null) return null;
  const paragraph = node.children('p').first();
  const rawText = paragraph.length > 0 ? blockText($, paragraph) : null;
  // "[image or embed]" stands for media the script would load; it is not the author's text.
  const text = nullIfEmpty(rawText?.replace(/\[image or embed\]/gi, '').trim());
  const whole = collapse(node.text());
  const attribution = /—\s*(.*?)\s*\(@([A-Za-z0-9.-]+)\)\s*(.*)$/.exec(whole);
  const dateLink = links.length > 0 ? collapse($(links[links.length - 1]).text()) : '';
  return {
    ...data,
    author: attribution !== null ? nullIfEmpty(attribution[1]) : null,
    handle: attribution !== null ? attribution[2]! : data.handle ?? null,
    text,
    date: normalizeDate(dateLink.replace(/\s+at\s+.*$/, '')) ?? null,
  };
}

export const blueskyDetector: EmbedDetector = {
  provider: 'bluesky',
  detect({ $, pageUrl }: EmbedContext): EmbedMatch[] {
    const matches: EmbedMatch[] = [];
    for (const element of select($, 'blockquote.bluesky-embed, blockquote[data-bluesky-uri]')) {
      const embed = fromBlockquote($, element, pageUrl);
      if (embed !== null) matches.push({ element, embed });
    }
    for (const { element, url } of framesWithUrl($, pageUrl, 'iframe')) {
      const embed = hostIs(url, 'embed.bsky.app') ? parseBlueskyUrl(url) : null;
      if (embed !== null) matches.push({ element, embed });
    }
    return matches;
  },
};
