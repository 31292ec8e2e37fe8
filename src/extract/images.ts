import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { ImageRef } from '../types.js';
import { cleanUrl } from '../normalize/url.js';
import { imageSource, largestFromSrcset } from './metadata/image-source.js';
import { collapseWhitespaceNfc } from '../text/whitespace.js';

export interface ImagesInput {
  /** The article body (after Readability); embed figures are skipped. */
  body$: CheerioAPI;
  pageUrl: string;
  /** The page's lead image (meta image); listed first when the body does not already show it. */
  leadImage: string | null;
  /**
   * The whole page (optional): when the lead image stands outside the body (a lead-art figure Readability
   * left out), its alt, caption and credit are read from its figure there.
   */
  page$?: CheerioAPI;
}

/** Hosts and paths of tracking pixels and analytics beacons. */
const TRACKER =
  /(?:doubleclick\.net|google-analytics\.com|googletagmanager\.com|scorecardresearch\.com|quantserve\.com|facebook\.com\/tr|pixel\.wp\.com|\/b\/ss\/|analytics|beacon|\/pixel[./?]|[/_-]1x1[._-]|spacer\.gif|clear\.gif|blank\.gif)/i;

const CREDIT_CLASSES = '.credit, .wp-caption-credit, [class*="credit"], .image-credit, .photo-credit, [class*="copyright"]';

/** Credit patterns at the end of a caption, most specific first. Group 1 is the credit. */
const CREDIT_PATTERNS: RegExp[] = [
  /\s*\bCredits?\s*(?:\.{3}|…)\s*(.+?)\s*$/i,
  /\s*\(([^()]*\S\/\S[^()]*)\)\s*$/,
  /[\s(]*\b(?:photo(?:graph)?s?|images?|pictures?|illustrations?|credits?|video)(?:\s+(?:by|credit))?\s*[:：]\s*([^()]+?)\)?\s*$/i,
  /[\s(]*\b(?:photo(?:graph)?s?|illustration)\s+by\s+([^()]+?)\)?\s*$/i,
  /\s*\(([^()]*\b(?:Getty|AP|Reuters|REUTERS|AFP|Shutterstock|EPA|Bloomberg|Images|Photo|Courtesy|Alamy|Unsplash|Wikimedia)\b[^()]*)\)\s*$/,
  /\s*((?:©|\(c\)|Copyright)\s*[^.]+?)\s*$/i,
  /\s+((?:[A-Z][\w.'’-]*\s?)+\/\s?(?:Getty Images|AFP|AP|Reuters|EPA|Shutterstock|Bloomberg)[\w\s/]*?)\s*$/,
  /\s+((?:REUTERS|AP Photo|AFP|EPA)\/[A-Z][\w.'’ -]+?)\s*$/,
];

function tiny($img: Cheerio<Element>): boolean {
  const width = Number($img.attr('width'));
  const height = Number($img.attr('height'));
  return (width > 0 && width <= 3) || (height > 0 && height <= 3);
}

/** A comparison key: no query, no WordPress size suffix ("-1024x768"), lower case. */
function imageKey(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname.replace(/-\d+x\d+(?=\.\w+$)/, '')}`.toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}

/** Splits a credit off the end of a caption ("… Photo: Jane Roe", "… (Getty Images)"). */
export function splitCredit(caption: string): { caption: string | null; credit: string | null } {
  for (const pattern of CREDIT_PATTERNS) {
    const match = pattern.exec(caption);
    if (match && match[1] !== undefined) {
      const credit = collapseWhitespaceNfc(match[1]).replace(/[.;,]$/, '');
      const rest = collapseWhitespaceNfc(caption.slice(0, match.index));
      if (credit !== '') return { caption: rest === '' ? null : rest, credit };
    }
  }
  return { caption: caption === '' ? null : caption, credit: null };
}

function captionOf($: CheerioAPI, $img: Cheerio<Element>): { caption: string | null; credit: string | null } {
  const split = (text: string): string => collapseWhitespaceNfc(text).replace(/^\((.*)\)$/, '$1');
  const $figure = $img.closest('figure, .wp-caption, [class*="caption"]');
  if ($figure.length === 0) return { caption: null, credit: null };
  const $caption = $figure.find('figcaption, .wp-caption-text, [class*="caption-text"]').first();
  const $credit = $figure.find(CREDIT_CLASSES).first();
  const creditText = $credit.length > 0 ? split($credit.text()) : '';
  if ($caption.length === 0) return { caption: null, credit: creditText === '' ? null : creditText };
  const $clone = $caption.clone();
  $clone.find(CREDIT_CLASSES).remove();
  const captionText = collapseWhitespaceNfc($clone.text());
  if (creditText !== '') return { caption: captionText === '' ? null : captionText, credit: creditText };
  return splitCredit(captionText);
}

function sourceOf($: CheerioAPI, $img: Cheerio<Element>): string | null {
  const direct = imageSource($img);
  if (direct !== null) return direct;
  // <picture><source srcset> without a usable <img src>.
  const $source = $img.closest('picture').find('source[srcset], source[data-srcset]').first();
  const srcset = $source.attr('srcset') ?? $source.attr('data-srcset');
  return srcset ? largestFromSrcset(srcset) : null;
}

const NO_DETAILS = { alt: null, caption: null, credit: null } as const;

/** Alt, caption and credit of the page's <img> showing the image with this key (any of its candidates). */
function describeOnPage($: CheerioAPI, pageUrl: string, key: string): Omit<ImageRef, 'url'> {
  for (const element of $('img, amp-img').toArray()) {
    const $img = $(element);
    const candidates = [sourceOf($, $img), $img.attr('src') ?? null].filter((c): c is string => c !== null);
    const matches = candidates.some((candidate) => {
      const url = cleanUrl(candidate, pageUrl);
      return url !== null && imageKey(url) === key;
    });
    if (!matches) continue;
    const alt = collapseWhitespaceNfc($img.attr('alt') ?? '');
    return { alt: alt === '' ? null : alt, ...captionOf($, $img) };
  }
  return NO_DETAILS;
}

/**
 * The images of the article body: url (absolute, lazy loading resolved, tracking parameters removed), alt,
 * caption and credit. Embed figures and tracking pixels are skipped, duplicates (also other sizes of the
 * same WordPress upload) dropped. The lead image comes first when the body does not show it.
 */
export function extractImages(input: ImagesInput): ImageRef[] {
  const { body$: $, pageUrl } = input;
  const images: ImageRef[] = [];
  const seen = new Set<string>();
  $('img, amp-img').each((_, element) => {
    const $img = $(element);
    if ($img.closest('figure.chronicle-embed, [data-chronicle-embed]').length > 0) return;
    if (tiny($img)) return;
    const raw = sourceOf($, $img);
    const url = raw === null ? null : cleanUrl(raw, pageUrl);
    if (url === null || !/^https?:/i.test(url) || TRACKER.test(url)) return;
    const key = imageKey(url);
    if (seen.has(key)) return;
    seen.add(key);
    const alt = collapseWhitespaceNfc($img.attr('alt') ?? '');
    const { caption, credit } = captionOf($, $img);
    images.push({ url, alt: alt === '' ? null : alt, caption, credit });
  });
  const lead = input.leadImage === null ? null : cleanUrl(input.leadImage, pageUrl);
  if (lead !== null && /^https?:/i.test(lead) && !seen.has(imageKey(lead))) {
    images.unshift({ url: lead, ...(input.page$ ? describeOnPage(input.page$, pageUrl, imageKey(lead)) : NO_DETAILS) });
  }
  return images;
}
