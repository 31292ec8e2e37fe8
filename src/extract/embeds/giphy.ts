/** Giphy GIFs: giphy.com/embed/<id> iframes (and the "via GIPHY" line after them). URL: https://giphy.com/gifs/<id>. */
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData, EmbedMatch } from './types.js';
import { attr, hostIs, isElement, toUrl } from '../dom.js';
import { embedProvider, withCompanion } from './provider.js';

export function parseGiphyUrl(url: URL): EmbedData | null {
  if (!hostIs(url, 'giphy.com')) return null;
  const embed = /^\/embed\/([A-Za-z0-9]{5,40})/.exec(url.pathname);
  const page = /^\/(?:gifs|stickers|clips)\/(?:[A-Za-z0-9-]*-)?([A-Za-z0-9]{5,40})\/?$/.exec(url.pathname);
  const id = embed?.[1] ?? page?.[1];
  if (id === undefined) return null;
  return { provider: 'giphy', kind: 'image', url: `https://giphy.com/gifs/${id}`, id, title: null };
}

/** `<p><a href="https://giphy.com/gifs/…">via GIPHY</a></p>` right after the iframe. */
function viaGiphy(ctx: EmbedContext, iframe: Element): Element | null {
  let next = iframe.next;
  while (next !== null && next.type === 'text' && ((next as unknown as { data: string }).data ?? '').trim() === '') next = next.next;
  if (!isElement(next) || next.name !== 'p') return null;
  const link = ctx.$(next).find('a[href]').first().get(0);
  if (link === undefined || !isElement(link)) return null;
  const url = toUrl(attr(link, 'href'), ctx.pageUrl);
  return url !== null && hostIs(url, 'giphy.com') && /via giphy/i.test(ctx.$(next).text()) ? next : null;
}

/** The iframe usually sits in <div style="…position:relative"> with the via line as the div's sibling. */
function withViaLine(ctx: EmbedContext, match: EmbedMatch): EmbedMatch {
  const holder = isElement(match.element.parent) && match.element.parent.name === 'div' ? match.element.parent : match.element;
  const via = viaGiphy(ctx, holder) ?? viaGiphy(ctx, match.element);
  return via === null ? match : withCompanion(match, via);
}

export const giphyDetector = embedProvider('giphy', [{ parse: parseGiphyUrl, complete: withViaLine }]);
