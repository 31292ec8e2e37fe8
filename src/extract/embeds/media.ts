/**
 * Native `<video>` and `<audio>` players: the source (own src, lazy data-src, or the first `<source>` child)
 * resolved to an absolute URL, the poster as thumbnail. Brightcove `video-js` players carry ids instead.
 */
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData } from './types.js';
import { isAdHost } from './ad-hosts.js';
import { attr, cleanHttpUrl, isElement, toUrl } from '../dom.js';
import { meaningfulTitle, sourceUrl } from './dom.js';
import { embedProvider } from './provider.js';

function mediaSource($: CheerioAPI, element: Element, pageUrl: string): string | null {
  const own = sourceUrl(element, pageUrl);
  if (own !== null) return own;
  for (const source of $(element).children('source').toArray().filter(isElement)) {
    const url = sourceUrl(source, pageUrl);
    if (url !== null) return url;
  }
  return null;
}

function fromMedia($: CheerioAPI, element: Element, pageUrl: string, kind: 'video' | 'audio'): EmbedData | null {
  const source = mediaSource($, element, pageUrl);
  const poster = kind === 'video' ? toUrl(attr(element, 'data-poster') ?? attr(element, 'poster'), pageUrl) : null;
  const title = meaningfulTitle(attr(element, 'title') ?? attr(element, 'aria-label'));
  if (source !== null) {
    if (isAdHost(new URL(source).hostname)) return null;
    return { provider: kind, kind, url: cleanHttpUrl(source, pageUrl), id: null, title, thumbnail: poster?.toString() ?? null };
  }
  // Brightcove players: <video-js data-account data-player data-video-id> or <video data-video-id …>.
  const account = attr(element, 'data-account');
  const videoId = attr(element, 'data-video-id');
  if (account !== null && videoId !== null) {
    const player = attr(element, 'data-player') ?? 'default';
    const url = `https://players.brightcove.net/${encodeURIComponent(account)}/${encodeURIComponent(player)}_default/index.html?videoId=${encodeURIComponent(videoId)}`;
    return { provider: 'video', kind: 'video', url, id: videoId, title, thumbnail: poster?.toString() ?? null };
  }
  return null;
}

export const mediaDetector = embedProvider('media', [
  { selector: 'video, video-js, audio', read: ({ $, pageUrl }, element) => fromMedia($, element, pageUrl, element.name === 'audio' ? 'audio' : 'video') },
]);
