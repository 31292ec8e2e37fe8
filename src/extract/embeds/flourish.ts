/**
 * Flourish charts and stories: `div.flourish-embed[data-src="visualisation/<n>"]` and flo.uri.sh /
 * public.flourish.studio iframes. id: "visualisation/<n>" or "story/<n>"; URL: https://public.flourish.studio/<id>/.
 */
import type { EmbedContext, EmbedData, EmbedDetector, EmbedMatch } from './types.js';
import { attr, hostIs, select, toUrl } from './dom.js';
import { detectFrames } from './frames.js';

function visual(type: string, number: string): EmbedData {
  const id = `${type}/${number}`;
  return { provider: 'flourish', kind: 'chart', url: `https://public.flourish.studio/${id}/`, id, title: null, thumbnail: null };
}

export function parseFlourishPath(path: string): EmbedData | null {
  const match = /^\/?(visualisation|story)\/(\d{3,12})/.exec(path);
  return match === null ? null : visual(match[1]!, match[2]!);
}

export function parseFlourishUrl(url: URL): EmbedData | null {
  if (!hostIs(url, 'flo.uri.sh', 'flourish.studio')) return null;
  return parseFlourishPath(url.pathname);
}

export const flourishDetector: EmbedDetector = {
  provider: 'flourish',
  detect(ctx: EmbedContext): EmbedMatch[] {
    const matches: EmbedMatch[] = [];
    for (const element of select(ctx.$, 'div.flourish-embed[data-src]')) {
      const embed = parseFlourishPath(attr(element, 'data-src') ?? '');
      if (embed === null) continue;
      const noscript = ctx.$(element).find('noscript').text();
      const image = /<img[^>]+src=["']([^"']+)["']/i.exec(noscript)?.[1];
      const thumbnail = image !== undefined ? toUrl(image, ctx.pageUrl)?.toString() ?? null : null;
      const title = attr(element, 'aria-label') ?? attr(element, 'data-title');
      matches.push({ element, embed: { ...embed, thumbnail, title } });
    }
    matches.push(...detectFrames(ctx, parseFlourishUrl));
    return matches;
  },
};
