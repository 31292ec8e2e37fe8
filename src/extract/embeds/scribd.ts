/**
 * Scribd documents: scribd.com/embeds/<id>/content iframes, with the "Title by Author on Scribd" paragraph
 * Scribd's embed code puts before the iframe read and folded in. URL: https://www.scribd.com/document/<id>.
 */
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData, EmbedMatch } from './types.js';
import { collapseWhitespace, nullIfEmpty } from '../../text/whitespace.js';
import { attr, hostIs, isElement, toUrl } from '../dom.js';
import { embedProvider, withCompanion } from './provider.js';

export function parseScribdUrl(url: URL): EmbedData | null {
  if (!hostIs(url, 'scribd.com')) return null;
  const match = /^\/(?:embeds|document|doc|book|presentation)\/(\d{3,15})/.exec(url.pathname);
  if (match === null) return null;
  return { provider: 'scribd', kind: 'document', url: `https://www.scribd.com/document/${match[1]}`, id: match[1]!, title: null, author: null };
}

function attributionBefore(ctx: EmbedContext, iframe: Element): { element: Element; title: string | null; author: string | null } | null {
  let previous = iframe.prev;
  while (previous !== null && previous.type === 'text' && ((previous as unknown as { data: string }).data ?? '').trim() === '') previous = previous.prev;
  if (!isElement(previous) || previous.name !== 'p') return null;
  const links = ctx.$(previous).find('a[href]').toArray().filter(isElement);
  const first = links[0];
  const url = first === undefined ? null : toUrl(attr(first, 'href'), ctx.pageUrl);
  if (url === null || !hostIs(url, 'scribd.com')) return null;
  return {
    element: previous,
    title: nullIfEmpty(collapseWhitespace(ctx.$(first).text())),
    author: links.length > 1 ? nullIfEmpty(collapseWhitespace(ctx.$(links[1]).text())) : null,
  };
}

function withAttribution(ctx: EmbedContext, match: EmbedMatch): EmbedMatch {
  const attribution = attributionBefore(ctx, match.element);
  return attribution === null ? match : withCompanion(match, attribution.element, { title: match.embed.title ?? attribution.title, author: attribution.author });
}

export const scribdDetector = embedProvider('scribd', [{ parse: parseScribdUrl, complete: withAttribution }]);
