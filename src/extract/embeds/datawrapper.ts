/**
 * Datawrapper charts: datawrapper.dwcdn.net/<id>/<version>/ iframes (also lazy, also with
 * `data-datawrapper-height`), the web-component embed `div[id^="datawrapper-vis-"]` and `datawrapper.de/_/<id>` links
 * in oEmbed wrappers. URL: https://datawrapper.dwcdn.net/<id>/ (the version is dropped: republishing keeps the chart).
 */
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData } from './types.js';
import { attr, hostIs, toUrl } from '../dom.js';
import { meaningfulTitle, sourceUrl } from './dom.js';
import { embedProvider } from './provider.js';

const CHART_ID = /^[A-Za-z0-9]{5}$/;

function chart(id: string): EmbedData {
  return { provider: 'datawrapper', kind: 'chart', url: `https://datawrapper.dwcdn.net/${id}/`, id, title: null, thumbnail: null };
}

export function parseDatawrapperUrl(url: URL): EmbedData | null {
  if (hostIs(url, 'dwcdn.net')) {
    const match = /^\/([A-Za-z0-9]{5})(?:\/|$)/.exec(url.pathname);
    return match === null ? null : chart(match[1]!);
  }
  if (hostIs(url, 'datawrapper.de')) {
    const match = /^\/_\/([A-Za-z0-9]{5})\/?/.exec(url.pathname);
    return match === null ? null : chart(match[1]!);
  }
  return null;
}

/** `<div id="datawrapper-vis-abc12"><script src=…/embed.js></script><noscript><img src=…/full.png></noscript></div>`. */
function fromVisDiv(ctx: EmbedContext, element: Element): EmbedData | null {
  const id = /^datawrapper-vis-([A-Za-z0-9]{5})$/.exec(attr(element, 'id') ?? '')?.[1];
  const script = ctx.$(element).find('script[src]').get(0);
  const scriptUrl = script !== undefined ? toUrl(script.attribs['src'], ctx.pageUrl) : null;
  const data = (scriptUrl !== null ? parseDatawrapperUrl(scriptUrl) : null) ?? (id !== undefined && CHART_ID.test(id) ? chart(id) : null);
  if (data === null) return null;
  // The fallback image sits in <noscript>, which cheerio keeps as raw text.
  const noscript = ctx.$(element).find('noscript').text();
  const image = /<img[^>]+src=["']([^"']+)["']/i.exec(noscript)?.[1];
  const thumbnail = image !== undefined ? toUrl(image, ctx.pageUrl)?.toString() ?? null : null;
  return { ...data, title: meaningfulTitle(attr(element, 'aria-label')), thumbnail };
}

/** Responsive embeds mark the iframe (or its holder) with data-datawrapper-height; the chart URL may be lazy. */
function fromResponsive(ctx: EmbedContext, element: Element): EmbedData | null {
  const frame = element.name === 'iframe' ? element : ctx.$(element).find('iframe').get(0);
  const source = frame !== undefined ? sourceUrl(frame, ctx.pageUrl) : null;
  const url = source === null ? null : toUrl(source, ctx.pageUrl);
  const embed = url === null ? null : parseDatawrapperUrl(url);
  return embed === null ? null : { ...embed, title: meaningfulTitle(attr(frame ?? element, 'title')) };
}

export const datawrapperDetector = embedProvider('datawrapper', [
  { selector: 'div[id^="datawrapper-vis-"]', read: fromVisDiv },
  { selector: '[data-datawrapper-height]', read: fromResponsive },
  { parse: parseDatawrapperUrl },
]);
