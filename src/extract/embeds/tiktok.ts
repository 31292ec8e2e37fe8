/**
 * TikTok videos: `blockquote.tiktok-embed` (cite + data-video-id, caption and @handle inside) and
 * tiktok.com/embed iframes. Canonical URL: https://www.tiktok.com/@<handle>/video/<id>.
 */
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData } from './types.js';
import { nullIfEmpty } from '../../text/whitespace.js';
import { attr, hostIs, toUrl } from '../dom.js';
import { paragraphText } from './dom.js';
import { embedProvider } from './provider.js';

function video(id: string, handle: string | null): EmbedData {
  return {
    provider: 'tiktok',
    kind: 'video',
    url: handle === null ? `https://www.tiktok.com/embed/v2/${id}` : `https://www.tiktok.com/@${handle}/video/${id}`,
    id,
    handle,
    author: null,
    text: null,
  };
}

export function parseTiktokUrl(url: URL): EmbedData | null {
  if (!hostIs(url, 'tiktok.com')) return null;
  const page = /^\/@([A-Za-z0-9_.]{1,40})\/video\/(\d{6,25})/.exec(url.pathname);
  if (page !== null) return video(page[2]!, page[1]!);
  const embed = /^\/(?:embed(?:\/v\d)?|player\/v\d)\/(\d{6,25})/.exec(url.pathname);
  return embed === null ? null : video(embed[1]!, null);
}

function fromBlockquote({ $, pageUrl }: EmbedContext, element: Element): EmbedData | null {
  const cite = toUrl(attr(element, 'cite'), pageUrl);
  let data = cite === null ? null : parseTiktokUrl(cite);
  const id = attr(element, 'data-video-id');
  if (data === null && id !== null && /^\d+$/.test(id)) data = video(id, null);
  if (data === null) return null;
  const node = $(element);
  const handleLink = node.find('a[title^="@"], a[href*="tiktok.com/@"]').first();
  const handleText = (handleLink.attr('title') ?? handleLink.text()).trim();
  const handle = data.handle ?? (/^@([A-Za-z0-9_.]{1,40})$/.exec(handleText)?.[1] ?? null);
  const caption = node.find('p').first();
  const text = caption.length > 0 ? nullIfEmpty(paragraphText($, caption)) : null;
  const base = handle !== null && data.handle === null ? video(data.id!, handle) : data;
  return { ...base, text };
}

export const tiktokDetector = embedProvider('tiktok', [
  { selector: 'blockquote.tiktok-embed', read: fromBlockquote },
  { frames: 'iframe', titled: false, parse: parseTiktokUrl },
]);
