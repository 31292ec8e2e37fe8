/**
 * Threads posts: `blockquote.text-post-media[data-text-post-permalink]` and threads.net/.com …/embed iframes.
 * URL: https://www.threads.net/@<handle>/post/<code> (threads.com folded to threads.net).
 */
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData } from './types.js';
import { collapseWhitespace, nullIfEmpty } from '../../text/whitespace.js';
import { hostIs } from '../dom.js';
import { embedProvider, firstLinkedEmbed } from './provider.js';

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

function fromBlockquote(ctx: EmbedContext, element: Element): EmbedData | null {
  const data = firstLinkedEmbed(ctx, element, parseThreadsUrl, 'data-text-post-permalink');
  if (data === null) return null;
  // Threads ships no post text in the embed code; keep any the publisher added (not the boilerplate).
  const text = collapseWhitespace(ctx.$(element).text())
    .replace(/Post by @\S+/gi, '')
    .replace(/View on Threads/gi, '')
    .trim();
  return { ...data, text: nullIfEmpty(text) };
}

export const threadsDetector = embedProvider('threads', [
  { selector: 'blockquote.text-post-media, blockquote[data-text-post-permalink]', read: fromBlockquote },
  { parse: parseThreadsUrl },
]);
