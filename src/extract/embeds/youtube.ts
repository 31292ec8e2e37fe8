/**
 * YouTube videos, shorts and playlists: embed / youtube-nocookie iframes (also lazy `data-src`,
 * `data-lazy-src`), old `<embed>` players, `lite-youtube`, `amp-youtube`, WP Rocket `div.rll-youtube-player`,
 * and `[data-youtube-id]` placeholders. Canonical URL: https://www.youtube.com/watch?v=<id>
 * (playlists: https://www.youtube.com/playlist?list=<id>).
 */
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData } from './types.js';
import { nullIfEmpty } from '../../text/whitespace.js';
import { attr, hostIs, toUrl } from '../dom.js';
import { meaningfulTitle } from './dom.js';
import { embedProvider } from './provider.js';

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

function youtubeVideo(id: string, title: string | null = null): EmbedData {
  return { provider: 'youtube', kind: 'video', url: `https://www.youtube.com/watch?v=${id}`, id, title, thumbnail: null };
}

function playlist(list: string): EmbedData {
  return { provider: 'youtube', kind: 'video', url: `https://www.youtube.com/playlist?list=${encodeURIComponent(list)}`, id: list, title: null, thumbnail: null };
}

export function parseYoutubeUrl(url: URL): EmbedData | null {
  if (hostIs(url, 'youtu.be')) {
    const id = url.pathname.slice(1).split('/')[0] ?? '';
    return VIDEO_ID.test(id) ? youtubeVideo(id) : null;
  }
  if (!hostIs(url, 'youtube.com', 'youtube-nocookie.com')) return null;
  const path = /^\/(embed|v|shorts|live|e)\/([^/?#]+)/.exec(url.pathname);
  if (path !== null) {
    const id = decodeURIComponent(path[2]!);
    const list = url.searchParams.get('list');
    if (id === 'videoseries') return list !== null && /^[A-Za-z0-9_-]{10,64}$/.test(list) ? playlist(list) : null;
    return VIDEO_ID.test(id) ? youtubeVideo(id) : null;
  }
  if (url.pathname === '/watch' || url.pathname === '/watch/') {
    const id = url.searchParams.get('v');
    return id !== null && VIDEO_ID.test(id) ? youtubeVideo(id) : null;
  }
  if (url.pathname === '/playlist') {
    const list = url.searchParams.get('list');
    return list !== null && /^[A-Za-z0-9_-]{10,64}$/.test(list) ? playlist(list) : null;
  }
  return null;
}

/** A thumbnail the placeholder markup carries: an <img> inside, or a background-image in its style. */
function thumbnailOf($: CheerioAPI, element: Element, pageUrl: string): string | null {
  const fromAttr = attr(element, 'data-thumbnail') ?? attr(element, 'data-poster');
  const img = $(element).find('img').first();
  const fromImg = img.attr('data-lazy-src') ?? img.attr('data-src') ?? img.attr('src') ?? null;
  const style = element.attribs['style'] ?? '';
  const fromStyle = /background(?:-image)?\s*:\s*url\((['"]?)([^'")]+)\1\)/i.exec(style)?.[2] ?? null;
  for (const candidate of [fromAttr, fromImg, fromStyle]) {
    const url = toUrl(candidate, pageUrl);
    if (url !== null) return url.toString();
  }
  return null;
}

function withId(id: string | null, title: string | null): EmbedData | null {
  return id !== null && VIDEO_ID.test(id) ? youtubeVideo(id, title) : null;
}

function fromObject({ pageUrl }: EmbedContext, element: Element): EmbedData | null {
  const url = toUrl(attr(element, 'data'), pageUrl);
  return url === null ? null : parseYoutubeUrl(url);
}

function fromLiteYoutube({ $, pageUrl }: EmbedContext, element: Element): EmbedData | null {
  const embed = withId(attr(element, 'videoid') ?? attr(element, 'data-videoid'), nullIfEmpty(attr(element, 'videotitle') ?? attr(element, 'playlabel')));
  return embed === null ? null : { ...embed, thumbnail: thumbnailOf($, element, pageUrl) };
}

function fromAmpYoutube(_ctx: EmbedContext, element: Element): EmbedData | null {
  return withId(attr(element, 'data-videoid'), meaningfulTitle(attr(element, 'title')));
}

/** WP Rocket, lazyframe and similar click-to-load placeholders. */
function fromPlaceholder({ $, pageUrl }: EmbedContext, element: Element): EmbedData | null {
  const source = attr(element, 'data-src');
  const url = source === null ? null : toUrl(source, pageUrl);
  const fromUrl = url === null ? null : parseYoutubeUrl(url);
  const idAttr = attr(element, 'data-id') ?? attr(element, 'data-youtube-id') ?? attr(element, 'data-youtube-video-id');
  const embed = fromUrl ?? withId(idAttr, null) ?? (element.attribs['class']?.includes('lyte') ? withId(attr(element, 'id')?.replace(/^lyte_/, '') ?? null, null) : null);
  if (embed === null) return null;
  return { ...embed, title: meaningfulTitle(attr(element, 'data-alt') ?? attr(element, 'title')), thumbnail: thumbnailOf($, element, pageUrl) };
}

/** Kinja / G/O Media inset players: <iframe data-recommend-id="youtube://<id>" data-src="…/embed/inset/iframe?id=youtube-video-<id>">. */
function fromRecommendId(_ctx: EmbedContext, element: Element): EmbedData | null {
  return withId(attr(element, 'data-recommend-id')?.slice('youtube://'.length) ?? null, meaningfulTitle(attr(element, 'title')));
}

export const youtubeDetector = embedProvider('youtube', [
  {
    frames: 'iframe, embed, amp-iframe',
    titled: false,
    parse: (url, element) => {
      const embed = parseYoutubeUrl(url);
      return embed === null ? null : { ...embed, title: meaningfulTitle(attr(element, 'title')) };
    },
  },
  { selector: 'object[data*="youtube"]', read: fromObject },
  { selector: 'lite-youtube, lite-youtube-embed', read: fromLiteYoutube },
  { selector: 'amp-youtube[data-videoid]', read: fromAmpYoutube },
  {
    selector: 'div.rll-youtube-player, .lazyframe[data-vendor="youtube"], [data-youtube-id], [data-youtube-video-id], div.youtube-player[data-id], div.lyte[id]',
    read: fromPlaceholder,
  },
  { selector: 'iframe[data-recommend-id^="youtube://"]', read: fromRecommendId },
]);
