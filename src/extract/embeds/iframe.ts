/**
 * The generic iframe fallback: any other iframe the reader sees, as provider "iframe", kind "page". Iframes of a
 * known provider (also proxied through Embedly or a CMS "/embed?url=…" frame) get that provider's data.
 * Skipped: ads, trackers, social buttons (like / share / follow), comment widgets, about:blank, hidden and 1×1 frames.
 */
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData } from './types.js';
import { attr, classTokens, cleanHttpUrl } from '../dom.js';
import { meaningfulTitle } from './dom.js';
import { embedProvider } from './provider.js';
import { classifyEmbedUrl } from './classify-url.js';
import { isAdHost } from './ad-hosts.js';

/** Paths of social buttons and widgets on provider hosts: not embeds of content. */
const BUTTON_PATHS: Array<[RegExp, RegExp]> = [
  [/(^|\.)facebook\.com$/i, /^\/(plugins\/(like|share_button|page|follow|comments|likebox|like_box|send|facepile|group)|tr\b|v\d+\.\d+\/plugins\/(like|share_button|page))/i],
  [/(^|\.)twitter\.com$/i, /^\/widgets\/(tweet|follow|hashtag|mention)_button/i],
  [/(^|\.)linkedin\.com$/i, /share|follow/i],
  [/(^|\.)pinterest\.com$/i, /pin|button/i],
  [/(^|\.)google\.com$/i, /^\/recaptcha|^\/ads|^\/pagead/i],
  [/(^|\.)youtube\.com$/i, /^\/subscribe_embed/i],
  [/(^|\.)instagram\.com$/i, /^\/?$/],
];

const AD_NAME = /(^|[-_])(ad|ads|advert|advertisement|dfp|gpt|google_ads|sponsor|sponsored|tracking|tracker|pixel|beacon|banner)([-_]|\d|$)/i;

function isTiny(element: Element): boolean {
  const width = attr(element, 'width');
  const height = attr(element, 'height');
  if ((width !== null && /^[0-2](px)?$/.test(width)) || (height !== null && /^[0-2](px)?$/.test(height))) return true;
  const style = (element.attribs['style'] ?? '').replace(/\s+/g, '').toLowerCase();
  return /display:none|visibility:hidden|(^|;)width:[0-2]px|(^|;)height:[0-2]px|(^|;)width:0(;|$)|(^|;)height:0(;|$)/.test(style);
}

function isAdOrTracker(element: Element, url: URL): boolean {
  const host = url.hostname.toLowerCase();
  if (isAdHost(host)) return true;
  if (BUTTON_PATHS.some(([hostPattern, pathPattern]) => hostPattern.test(host) && pathPattern.test(url.pathname))) return true;
  const names = [...classTokens(element), element.attribs['id'] ?? '', element.attribs['name'] ?? ''];
  if (names.some((name) => AD_NAME.test(name))) return true;
  return element.attribs['aria-hidden'] === 'true' && element.attribs['tabindex'] === '-1';
}

/** Any frame the reader sees: a known provider's data when its URL is one, else a page embed. */
function frameEmbed(url: URL, element: Element, { pageUrl }: EmbedContext): EmbedData | null {
  if (isTiny(element) || isAdOrTracker(element, url)) return null;
  const title = meaningfulTitle(attr(element, 'title') ?? attr(element, 'aria-label'));
  const known = classifyEmbedUrl(url.toString(), pageUrl);
  if (known !== null) return { ...known, title: known.title ?? title };
  return { provider: 'iframe', kind: 'page', url: cleanHttpUrl(url.toString(), pageUrl), id: null, title };
}

/** Pym.js responsive graphics: <div id="…" data-pym-src="https://graphics…/"></div>, the iframe made by script. */
function fromPym({ $, pageUrl }: EmbedContext, element: Element): EmbedData | null {
  const url = cleanHttpUrl(attr(element, 'data-pym-src'), pageUrl);
  if (url === null || $(element).find('iframe').length > 0) return null;
  return { provider: 'iframe', kind: 'page', url, id: null, title: meaningfulTitle(attr(element, 'data-title') ?? attr(element, 'aria-label')) };
}

export const iframeDetector = embedProvider('iframe', [
  { frames: 'iframe, amp-iframe', titled: false, parse: frameEmbed },
  { selector: '[data-pym-src]', read: fromPym },
]);
