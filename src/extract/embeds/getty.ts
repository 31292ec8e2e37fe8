/**
 * Getty Images: `a.gie-single` / `a.gie-slideshow` (the link the embed script replaces) and
 * embed.gettyimages.com iframes. URL: https://www.gettyimages.com/detail/<id>.
 */
import type { EmbedContext, EmbedData, EmbedDetector, EmbedMatch } from './types.js';
import { attr, hostIs, select, toUrl } from './dom.js';
import { detectFrames } from './frames.js';

export function parseGettyUrl(url: URL): EmbedData | null {
  if (!hostIs(url, 'gettyimages.com', 'gty.im') && !/(^|\.)gettyimages\.[a-z.]+$/.test(url.hostname)) return null;
  const match =
    /^\/embed\/(\d{5,15})/.exec(url.pathname) ??
    /^\/detail\/(?:[^/]+\/)*(\d{5,15})\/?$/.exec(url.pathname) ??
    (url.hostname === 'gty.im' ? /^\/(\d{5,15})/.exec(url.pathname) : null);
  if (match === null) return null;
  return { provider: 'getty', kind: 'image', url: `https://www.gettyimages.com/detail/${match[1]}`, id: match[1]!, title: null };
}

export const gettyDetector: EmbedDetector = {
  provider: 'getty',
  detect(ctx: EmbedContext): EmbedMatch[] {
    const matches: EmbedMatch[] = [];
    for (const element of select(ctx.$, 'a.gie-single, a.gie-slideshow')) {
      const url = toUrl(attr(element, 'href'), ctx.pageUrl);
      const embed = url === null ? null : parseGettyUrl(url);
      if (embed !== null) matches.push({ element, embed });
    }
    matches.push(...detectFrames(ctx, (url) => (url.hostname.startsWith('embed.') ? parseGettyUrl(url) : null)));
    return matches;
  },
};
