/** DOM helpers shared by the extract stages (embeds, quotes, site rules): domhandler elements and the URLs in them. */
import type { Element } from 'domhandler';
import { cleanUrl, resolveUrl } from '../normalize/url.js';
import { isElement } from './parse-html.js';

export { isElement };

export function attr(element: Element, name: string): string | null {
  const value = element.attribs[name];
  if (value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function classTokens(element: Element): string[] {
  return (element.attribs['class'] ?? '').split(/\s+/).filter((token) => token !== '');
}

export function hasClass(element: Element, name: string): boolean {
  return classTokens(element).includes(name);
}

/** Parses an absolute URL, or null. */
export function toUrl(href: string | null | undefined, pageUrl: string): URL | null {
  const resolved = resolveUrl(href, pageUrl);
  if (resolved === null) return null;
  try {
    const url = new URL(resolved);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** A clean absolute http(s) URL (tracking parameters removed), or null. */
export function cleanHttpUrl(href: string | null | undefined, pageUrl: string): string | null {
  const cleaned = cleanUrl(href, pageUrl);
  return cleaned !== null && /^https?:/i.test(cleaned) ? cleaned : null;
}

export function hostIs(url: URL, ...domains: string[]): boolean {
  const host = url.hostname.toLowerCase();
  return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
