/** Infogram charts: `div.infogram-embed[data-id]` and e.infogram.com iframes. URL: https://infogram.com/<id>. */
import type { EmbedContext, EmbedData } from './types.js';
import type { Element } from 'domhandler';
import { nullIfEmpty } from '../../text/whitespace.js';
import { attr, hostIs, isElement, toUrl } from '../dom.js';
import { embedProvider } from './provider.js';

const INFOGRAM_ID = /^[A-Za-z0-9_-]{6,120}$/;

function chart(id: string): EmbedData {
  return { provider: 'infogram', kind: 'chart', url: `https://infogram.com/${id}`, id, title: null };
}

export function parseInfogramUrl(url: URL): EmbedData | null {
  if (!hostIs(url, 'infogram.com', 'infogr.am')) return null;
  const id = url.pathname.replace(/^\/(?:embed\/)?/, '').replace(/\/.*$/, '');
  if (!INFOGRAM_ID.test(id) || ['app', 'templates', 'examples', 'features', 'pricing', 'js'].includes(id)) return null;
  return chart(id);
}

/** Infogram's embed code ends with a credit line (chart title · "Infogram" links) after the script. */
function creditAfter(ctx: EmbedContext, element: Element): Element | null {
  let next = element.next;
  while (next !== null && (next.type === 'text' || (isElement(next) && next.name === 'script'))) {
    if (next.type === 'text' && ((next as unknown as { data: string }).data ?? '').trim() !== '') return null;
    next = next.next;
  }
  if (!isElement(next) || next.name !== 'div') return null;
  const links = ctx.$(next).find('a[href]').toArray().filter(isElement);
  const allInfogram = links.length > 0 && links.every((link) => {
    const url = toUrl(attr(link, 'href'), ctx.pageUrl);
    return url !== null && hostIs(url, 'infogram.com');
  });
  return allInfogram ? next : null;
}

function fromEmbedDiv(_ctx: EmbedContext, element: Element): EmbedData | null {
  const id = attr(element, 'data-id');
  if (id === null || !INFOGRAM_ID.test(id)) return null;
  return { ...chart(id), title: nullIfEmpty(attr(element, 'data-title')) };
}

export const infogramDetector = embedProvider('infogram', [
  { selector: 'div.infogram-embed[data-id]', read: fromEmbedDiv, companions: (ctx, element) => [creditAfter(ctx, element)].filter(isElement) },
  { parse: parseInfogramUrl },
]);
