/**
 * Flourish charts and stories: `div.flourish-embed[data-src="visualisation/<n>"]` and flo.uri.sh /
 * public.flourish.studio iframes. id: "visualisation/<n>" or "story/<n>"; URL: https://public.flourish.studio/<id>/.
 */
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData } from './types.js';
import { attr, hostIs, toUrl } from '../dom.js';
import { embedProvider } from './provider.js';

function visual(type: string, number: string): EmbedData {
  const id = `${type}/${number}`;
  return { provider: 'flourish', kind: 'chart', url: `https://public.flourish.studio/${id}/`, id, title: null, thumbnail: null };
}

function parseFlourishPath(path: string): EmbedData | null {
  const match = /^\/?(visualisation|story)\/(\d{3,12})/.exec(path);
  return match === null ? null : visual(match[1]!, match[2]!);
}

export function parseFlourishUrl(url: URL): EmbedData | null {
  if (!hostIs(url, 'flo.uri.sh', 'flourish.studio')) return null;
  return parseFlourishPath(url.pathname);
}

/** `div.flourish-embed[data-src="visualisation/<n>"]`, its fallback image in <noscript> (raw text in cheerio). */
function fromEmbedDiv(ctx: EmbedContext, element: Element): EmbedData | null {
  const embed = parseFlourishPath(attr(element, 'data-src') ?? '');
  if (embed === null) return null;
  const noscript = ctx.$(element).find('noscript').text();
  const image = /<img[^>]+src=["']([^"']+)["']/i.exec(noscript)?.[1];
  const thumbnail = image !== undefined ? toUrl(image, ctx.pageUrl)?.toString() ?? null : null;
  const title = attr(element, 'aria-label') ?? attr(element, 'data-title');
  return { ...embed, thumbnail, title };
}

export const flourishDetector = embedProvider('flourish', [
  { selector: 'div.flourish-embed[data-src]', read: fromEmbedDiv },
  { parse: parseFlourishUrl },
]);
