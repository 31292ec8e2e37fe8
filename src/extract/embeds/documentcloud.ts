/**
 * DocumentCloud documents: embed.documentcloud.org / www.documentcloud.org iframes and the old
 * `div.DC-embed` / `div[id^="DV-viewer-"]` viewers. URL: https://www.documentcloud.org/documents/<id>-<slug>.
 */
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData } from './types.js';
import { collapseWhitespace, nullIfEmpty } from '../../text/whitespace.js';
import { attr, hostIs } from '../dom.js';
import { embedProvider, firstLinkedEmbed } from './provider.js';

function documentFromSlug(slug: string): EmbedData | null {
  const match = /^(\d{3,12})(?:-([A-Za-z0-9_.-]+?))?(?:\.(?:html|js|json|pdf))?$/.exec(slug);
  if (match === null) return null;
  const tail = match[2] !== undefined ? `-${match[2]}` : '';
  return { provider: 'documentcloud', kind: 'document', url: `https://www.documentcloud.org/documents/${match[1]}${tail}`, id: match[1]!, title: null };
}

export function parseDocumentcloudUrl(url: URL): EmbedData | null {
  if (!hostIs(url, 'documentcloud.org', 'dcloud.org')) return null;
  const match = /^\/documents\/([^/?#]+)/.exec(url.pathname);
  return match === null ? null : documentFromSlug(decodeURIComponent(match[1]!));
}

function fromViewer(ctx: EmbedContext, element: Element): EmbedData | null {
  const data = firstLinkedEmbed(ctx, element, parseDocumentcloudUrl);
  if (data !== null) return { ...data, title: nullIfEmpty(collapseWhitespace(ctx.$(element).find('a.DC-embed-resource, a[href]').first().text())) };
  const id = /^DV-viewer-(.+)$/.exec(attr(element, 'id') ?? '');
  return id === null ? null : documentFromSlug(id[1]!);
}

export const documentcloudDetector = embedProvider('documentcloud', [
  { selector: 'div.DC-embed, div[id^="DV-viewer-"]', read: fromViewer },
  { parse: parseDocumentcloudUrl },
]);
