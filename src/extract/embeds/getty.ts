/**
 * Getty Images: `a.gie-single` / `a.gie-slideshow` (the link the embed script replaces) and
 * embed.gettyimages.com iframes. URL: https://www.gettyimages.com/detail/<id>.
 */
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData } from './types.js';
import { attr, hostIs, toUrl } from '../dom.js';
import { sourceUrl } from './dom.js';
import { embedProvider } from './provider.js';

export function parseGettyUrl(url: URL): EmbedData | null {
  if (!hostIs(url, 'gettyimages.com', 'gty.im') && !/(^|\.)gettyimages\.[a-z.]+$/.test(url.hostname)) return null;
  const match =
    /^\/embed\/(\d{5,15})/.exec(url.pathname) ??
    /^\/detail\/(?:[^/]+\/)*(\d{5,15})\/?$/.exec(url.pathname) ??
    (url.hostname === 'gty.im' ? /^\/(\d{5,15})/.exec(url.pathname) : null);
  if (match === null) return null;
  return { provider: 'getty', kind: 'image', url: `https://www.gettyimages.com/detail/${match[1]}`, id: match[1]!, title: null };
}

function fromLink(ctx: EmbedContext, element: Element): EmbedData | null {
  const url = toUrl(attr(element, 'href'), ctx.pageUrl);
  return url === null ? null : parseGettyUrl(url);
}

/** The older embed code's holder: <div class="getty embed image"> around the link line and the iframe. */
function fromHolder(ctx: EmbedContext, element: Element): EmbedData | null {
  const frame = ctx.$(element).find('iframe').get(0);
  const source = frame !== undefined ? sourceUrl(frame, ctx.pageUrl) : null;
  const candidates = [source, ...ctx.$(element).find('a[href]').toArray().map((a) => a.attribs['href'] ?? null)];
  for (const candidate of candidates) {
    const url = toUrl(candidate, ctx.pageUrl);
    const embed = url === null ? null : parseGettyUrl(url);
    if (embed !== null) return embed;
  }
  return null;
}

export const gettyDetector = embedProvider('getty', [
  { selector: 'a.gie-single, a.gie-slideshow', read: fromLink },
  { selector: 'div.getty.embed', read: fromHolder },
  { parse: (url) => (url.hostname.startsWith('embed.') ? parseGettyUrl(url) : null) },
]);
