/**
 * DocumentCloud documents: embed.documentcloud.org / www.documentcloud.org iframes and the old
 * `div.DC-embed` / `div[id^="DV-viewer-"]` viewers. URL: https://www.documentcloud.org/documents/<id>-<slug>.
 */
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData, EmbedDetector, EmbedMatch } from './types.js';
import { attr, collapse, hostIs, isElement, nullIfEmpty, select, toUrl } from './dom.js';
import { detectFrames } from './frames.js';

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
  const node = ctx.$(element);
  const hrefs = node.find('a[href]').toArray().filter(isElement).map((a) => attr(a, 'href'));
  for (const href of hrefs) {
    const url = toUrl(href, ctx.pageUrl);
    const data = url === null ? null : parseDocumentcloudUrl(url);
    if (data !== null) return { ...data, title: nullIfEmpty(collapse(node.find('a.DC-embed-resource, a[href]').first().text())) };
  }
  const id = /^DV-viewer-(.+)$/.exec(attr(element, 'id') ?? '');
  return id === null ? null : documentFromSlug(id[1]!);
}

export const documentcloudDetector: EmbedDetector = {
  provider: 'documentcloud',
  detect(ctx: EmbedContext): EmbedMatch[] {
    const matches: EmbedMatch[] = [];
    for (const element of select(ctx.$, 'div.DC-embed, div[id^="DV-viewer-"]')) {
      const embed = fromViewer(ctx, element);
      if (embed !== null) matches.push({ element, embed });
    }
    matches.push(...detectFrames(ctx, parseDocumentcloudUrl));
    return matches;
  },
};
