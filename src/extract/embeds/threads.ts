/**
 * Threads posts: `blockquote.text-post-media[data-text-post-permalink]` and threads.net/.com …/embed iframes.
 * URL: https://www.threads.net/@<handle>/post/<code> (threads.com folded to threads.net).
 */
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData, EmbedDetector, EmbedMatch } from './types.js';
import { attr, collapse, hostIs, isElement, nullIfEmpty, select, toUrl } from './dom.js';
import { detectFrames } from './frames.js';

export function parseThreadsUrl(url: URL): EmbedData | null {
  if (!hostIs(url, 'threads.net', 'threads.com')) return null;
  const match = /^\/@([A-Za-z0-9_.]{1,40})\/post\/([A-Za-z0-9_-]{5,40})/.exec(url.pathname);
  if (match === null) return null;
  return {
    provider: 'threads',
    kind: 'post',
    url: `https://www.threads.net/@${match[1]}/post/${match[2]}`,
    id: match[2]!,
    handle: match[1]!,
    author: null,
    text: null,
  };
}

function fromBlockquote($: CheerioAPI, element: Element, pageUrl: string): EmbedData | null {
  const node = $(element);
  const hrefs = [attr(element, 'data-text-post-permalink'), ...node.find('a[href]').toArray().filter(isElement).map((a) => attr(a, 'href'))];
  for (const href of hrefs) {
    const url = toUrl(href, pageUrl);
    const data = url === null ? null : parseThreadsUrl(url);
    if (data === null) continue;
    // Threads ships no post text in the embed code; keep any the publisher added (not the boilerplate).
    const text = collapse(node.text())
      .replace(/Post by @\S+/gi, '')
      .replace(/View on Threads/gi, '')
      .trim();
    return { ...data, text: nullIfEmpty(text) };
  }
  return null;
}

export const threadsDetector: EmbedDetector = {
  provider: 'threads',
  detect(ctx: EmbedContext): EmbedMatch[] {
    const matches: EmbedMatch[] = [];
    for (const element of select(ctx.$, 'blockquote.text-post-media, blockquote[data-text-post-permalink]')) {
      const embed = fromBlockquote(ctx.$, element, ctx.pageUrl);
      if (embed !== null) matches.push({ element, embed });
    }
    matches.push(...detectFrames(ctx, parseThreadsUrl));
    return matches;
  },
};
