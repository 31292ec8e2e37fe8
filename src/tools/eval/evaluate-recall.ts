/**
 * Embed-detection recall: counts the embeds in a page's raw markup with simple, independent patterns (regular
 * expressions over the HTML, not the detectors) and checks which of them detectEmbeds found.
 *
 *   evaluateEmbedRecall(html, pageUrl) → { twitter: { expected, found, detected, outside }, youtube: … }
 *
 * expected: embeds of that provider in the raw markup (scripts, styles, comments and <noscript> copies skipped);
 * found: how many of those detectEmbeds reported (matched by id where the pattern yields one, else by count);
 * detected: how many embeds of that provider detectEmbeds reported in all;
 * outside: expected embeds detectEmbeds left out because they sit outside the article (sidebar, footer, …).
 */
import * as cheerio from 'cheerio';
import type { Embed } from '../../types.js';
import { detectEmbeds } from '../../extract/embeds/index.js';

export interface ProviderRecall {
  expected: number;
  found: number;
  detected: number;
  outside: number;
}

export type RecallByProvider = Record<string, ProviderRecall>;

/** Providers the independent counter knows. */
export const COUNTED_PROVIDERS = [
  'twitter', 'instagram', 'youtube', 'tiktok', 'facebook', 'vimeo', 'bluesky', 'spotify', 'soundcloud',
  'datawrapper', 'flourish', 'infogram', 'documentcloud', 'giphy', 'video', 'audio',
] as const;

/** What the independent counter saw: per provider, one entry per embed (its id, or null when unknown). */
export type RawEmbedCounts = Record<string, Array<string | null>>;

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/gi, '&')
    .replace(/&#x2F;|&#47;/gi, '/')
    .replace(/&quot;/gi, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Every `<tag …>` opening tag of the given names. */
function openingTags(html: string, names: string): string[] {
  return html.match(new RegExp(`<(?:${names})\\b[^>]*>`, 'gi')) ?? [];
}

/** Each `<blockquote …class="…name…">…</blockquote>` (not nested: embed code never nests blockquotes). */
function blockquotes(html: string, className: string): string[] {
  return html.match(new RegExp(`<blockquote\\b[^>]*class\\s*=\\s*["'][^"']*\\b${className}\\b[^>]*>[\\s\\S]*?</blockquote>`, 'gi')) ?? [];
}

function firstGroup(text: string, pattern: RegExp): string | null {
  return pattern.exec(text)?.[1] ?? null;
}

function lastGroup(text: string, pattern: RegExp): string | null {
  let last: string | null = null;
  for (const match of text.matchAll(pattern)) last = match[1] ?? null;
  return last;
}

/** The URL-ish attribute values of an opening tag, entity- and percent-decoded. */
function tagUrls(tag: string): string {
  const values = [...tag.matchAll(/\s(?:src|data-src|data-lazy-src|data-original|data-url|href)\s*=\s*["']([^"']*)["']/gi)].map((m) => m[1] ?? '');
  return values.map((value) => safeDecode(decodeEntities(value))).join(' ');
}

/** Counts embeds in raw HTML with simple patterns, independently of the detectors. */
export function countRawEmbeds(rawHtml: string): RawEmbedCounts {
  const html = rawHtml
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<style\b[\s\S]*?<\/style>/gi, '')
    .replace(/<noscript\b[\s\S]*?<\/noscript>/gi, '');
  const counts: RawEmbedCounts = {};
  const add = (provider: string, id: string | null): void => {
    (counts[provider] ??= []).push(id);
  };

  for (const quote of blockquotes(html, 'twitter-(?:tweet|video)')) add('twitter', lastGroup(quote, /(?:twitter|x)\.com\/[^"'\s/]+\/status(?:es)?\/(\d+)/gi));
  // Rendered tweets: iframes / twitter-widget elements with the tweet id (a bare div with data-tweet-id is
  // twitter.com's own timeline, not an embed).
  for (const tag of openingTags(html, 'iframe|twitter-widget|amp-twitter')) {
    const id = firstGroup(tag, /\sdata-tweet-?id\s*=\s*["'](\d+)["']/i);
    if (id !== null) add('twitter', id);
  }
  for (const quote of blockquotes(html, 'instagram-media')) add('instagram', firstGroup(decodeEntities(quote), /instagram\.com\/(?:p|reel|tv)\/([\w-]+)/i));
  for (const quote of blockquotes(html, 'tiktok-embed')) add('tiktok', firstGroup(quote, /data-video-id\s*=\s*["'](\d+)["']/i));
  for (const quote of blockquotes(html, 'bluesky-embed')) add('bluesky', firstGroup(quote, /app\.bsky\.feed\.post\/(\w+)/i));

  for (const tag of openingTags(html, 'iframe|amp-iframe')) {
    const urls = tagUrls(tag);
    const youtube = /(?:youtube(?:-nocookie)?\.com\/(?:embed\/|watch\?v=|v\/|shorts\/)|youtu\.be\/)([\w-]{11})/i.exec(urls);
    if (/youtube(?:-nocookie)?\.com\/embed\/videoseries/i.test(urls)) add('youtube', firstGroup(urls, /list=([\w-]+)/i));
    else if (youtube !== null) add('youtube', youtube[1]!);
    else if (/data-recommend-id\s*=\s*["']youtube:\/\/([\w-]{11})/i.test(tag)) add('youtube', firstGroup(tag, /youtube:\/\/([\w-]{11})/i));
    else if (/instagram\.com\/(?:p|reel|tv)\/[\w-]+\/embed/i.test(urls)) add('instagram', firstGroup(urls, /instagram\.com\/(?:p|reel|tv)\/([\w-]+)/i));
    else if (/player\.vimeo\.com\/video\/(\d+)/i.test(urls)) add('vimeo', firstGroup(urls, /player\.vimeo\.com\/video\/(\d+)/i));
    else if (/open\.spotify\.com\/embed/i.test(urls)) add('spotify', firstGroup(urls, /open\.spotify\.com\/embed(?:-podcast)?\/\w+\/(\w+)/i));
    else if (/w\.soundcloud\.com\/player/i.test(urls)) add('soundcloud', null);
    else if (/datawrapper\.dwcdn\.net\/(\w{5})/i.test(urls)) add('datawrapper', firstGroup(urls, /datawrapper\.dwcdn\.net\/(\w{5})/i));
    else if (/flo\.uri\.sh|flourish\.studio/i.test(urls)) add('flourish', firstGroup(urls, /((?:visualisation|story)\/\d+)/i));
    else if (/infogram\.com/i.test(urls)) add('infogram', null);
    else if (/documentcloud\.org\/documents\//i.test(urls)) add('documentcloud', firstGroup(urls, /documents\/(\d+)/i));
    else if (/giphy\.com\/embed\/(\w+)/i.test(urls)) add('giphy', firstGroup(urls, /giphy\.com\/embed\/(\w+)/i));
    else if (/tiktok\.com\/embed/i.test(urls)) add('tiktok', firstGroup(urls, /embed(?:\/v2)?\/(\d+)/i));
    else if (/facebook\.com\/plugins\/(?:post|video)\.php/i.test(urls)) add('facebook', null);
  }
  for (const tag of openingTags(html, 'lite-youtube')) add('youtube', firstGroup(tag, /videoid\s*=\s*["']([\w-]{11})["']/i));
  for (const tag of openingTags(html, 'amp-youtube')) add('youtube', firstGroup(tag, /data-videoid\s*=\s*["']([\w-]{11})["']/i));
  for (const tag of openingTags(html, 'div')) {
    if (/class\s*=\s*["'][^"']*rll-youtube-player/i.test(tag)) add('youtube', firstGroup(tag, /data-id\s*=\s*["']([\w-]{11})["']/i));
    if (/class\s*=\s*["'][^"']*\bfb-(?:post|video)\b/i.test(tag)) add('facebook', null);
    if (/class\s*=\s*["'][^"']*\bflourish-embed\b/i.test(tag)) add('flourish', firstGroup(tag, /data-src\s*=\s*["']((?:visualisation|story)\/\d+)/i));
    if (/class\s*=\s*["'][^"']*\binfogram-embed\b/i.test(tag)) add('infogram', null);
  }
  // Native players with a source (own src or a <source> child).
  for (const media of html.match(/<(video|audio)\b[^>]*>[\s\S]*?<\/\1>/gi) ?? []) {
    const kind = media.toLowerCase().startsWith('<video') ? 'video' : 'audio';
    // Ad-server creatives (DoubleClick's 2mdn.net, ad players) are ads, not embeds.
    if (/2mdn\.net|doubleclick\.net|extremereach\.io|vi-serve\.com|connatix\.com|springserve\.com/i.test(media)) continue;
    if (/\s(?:src|data-src)\s*=\s*["'](?!data:|about:|blob:|["'])[^"']+["']/i.test(media)) add(kind, null);
  }
  return counts;
}

function foundAmong(expected: Array<string | null>, detected: Embed[] | Array<Omit<Embed, 'position'>>): number {
  const ids = detected.map((embed) => embed.id ?? '');
  const urls = detected.map((embed) => embed.url ?? '');
  let found = 0;
  let anonymous = 0;
  const used = new Set<number>();
  for (const id of expected) {
    if (id === null) {
      anonymous += 1;
      continue;
    }
    const index = ids.findIndex((candidate, i) => !used.has(i) && (candidate === id || candidate.endsWith(`/${id}`) || urls[i]!.includes(id)));
    if (index >= 0) {
      used.add(index);
      found += 1;
    }
  }
  // Embeds the counter saw without an id are matched by count against what is left.
  found += Math.min(anonymous, detected.length - used.size);
  return found;
}

/**
 * Compares what the raw markup holds with a list of detected embeds (from detectEmbeds, or from the full
 * extraction pipeline), per provider.
 */
export function compareEmbeds(rawHtml: string, detected: Array<Omit<Embed, 'position'>>, outsideIds: Array<Omit<Embed, 'position'>> = []): RecallByProvider {
  const counts = countRawEmbeds(rawHtml);
  const result: RecallByProvider = {};
  const providers = new Set([...Object.keys(counts), ...detected.map((embed) => embed.provider)]);
  for (const provider of providers) {
    if (!(COUNTED_PROVIDERS as readonly string[]).includes(provider)) continue;
    const expected = counts[provider] ?? [];
    const mine = detected.filter((embed) => embed.provider === provider);
    const outside = outsideIds.filter((embed) => embed.provider === provider);
    result[provider] = {
      expected: expected.length,
      found: foundAmong(expected, mine),
      detected: mine.length,
      outside: Math.min(foundAmong(expected, outside), expected.length - foundAmong(expected, mine)),
    };
  }
  return result;
}

/** Recall of detectEmbeds on one page, per provider (see the module comment for the fields). */
export function evaluateEmbedRecall(html: string, pageUrl: string): RecallByProvider {
  const $ = cheerio.load(html);
  const inside = detectEmbeds({ $, pageUrl }).matches.map((match) => match.embed);
  const all = detectEmbeds({ $, pageUrl }, { includeOutside: true }).matches.map((match) => match.embed);
  const insideKeys = new Set(inside.map((embed) => `${embed.provider}|${embed.id ?? embed.url}`));
  const outside = all.filter((embed) => !insideKeys.has(`${embed.provider}|${embed.id ?? embed.url}`));
  return compareEmbeds(html, inside, outside);
}

/** Adds page results into a running total. */
export function addRecall(total: RecallByProvider, page: RecallByProvider): RecallByProvider {
  for (const [provider, counts] of Object.entries(page)) {
    const sum = (total[provider] ??= { expected: 0, found: 0, detected: 0, outside: 0 });
    sum.expected += counts.expected;
    sum.found += counts.found;
    sum.detected += counts.detected;
    sum.outside += counts.outside;
  }
  return total;
}

/** A plain-text table: provider, expected, found, recall, recall over in-article embeds, detected. */
export function formatRecallTable(total: RecallByProvider): string {
  const rows = [['provider', 'expected', 'found', 'recall', 'outside', 'in-body recall', 'detected']];
  const percent = (found: number, expected: number): string => (expected === 0 ? '—' : `${((100 * found) / expected).toFixed(1)}%`);
  for (const provider of Object.keys(total).sort()) {
    const { expected, found, detected, outside } = total[provider]!;
    rows.push([provider, String(expected), String(found), percent(found, expected), String(outside), percent(found, expected - outside), String(detected)]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')).join('\n');
}
