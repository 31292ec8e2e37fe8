/**
 * Facebook posts and videos: `div.fb-post` / `div.fb-video` (data-href, with the fallback blockquote inside) and
 * plugins/post.php / plugins/video.php iframes. Like, share, page, comments and follow plugins are not embeds.
 */
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData } from './types.js';
import { collapseWhitespace, nullIfEmpty } from '../../text/whitespace.js';
import { attr, cleanHttpUrl, hostIs, toUrl } from '../dom.js';
import { normalizeDate, paragraphText } from './dom.js';
import { embedProvider } from './provider.js';

/** Reads a facebook.com post or video URL (not the plugin URL). */
export function parseFacebookUrl(url: URL): EmbedData | null {
  if (!hostIs(url, 'facebook.com', 'fb.watch')) return null;
  if (url.pathname.startsWith('/plugins/')) {
    if (!/^\/plugins\/(post|video|comment_embed)\.php/.test(url.pathname)) return null;
    const href = url.searchParams.get('href');
    const inner = href === null ? null : toUrl(href, url.toString());
    const parsed = inner === null || inner.pathname.startsWith('/plugins/') ? null : parseFacebookUrl(inner);
    if (parsed === null) return null;
    return url.pathname.startsWith('/plugins/video') ? { ...parsed, kind: 'video' } : parsed;
  }
  const path = url.pathname;
  let id: string | null = null;
  let kind: 'post' | 'video' = 'post';
  const video = /\/videos\/(?:[^/]+\/)?(\d{5,25})/.exec(path) ?? /^\/reel\/(\d{5,25})/.exec(path);
  const watch = path.startsWith('/watch') ? url.searchParams.get('v') : null;
  const postMatch = /\/(?:posts|photos\/[^/]+|permalink)\/([A-Za-z0-9.]{5,60})/.exec(path);
  if (video !== null) {
    id = video[1]!;
    kind = 'video';
  } else if (watch !== null && /^\d+$/.test(watch)) {
    id = watch;
    kind = 'video';
  } else if (postMatch !== null) {
    id = postMatch[1]!;
  } else if (/^\/(permalink|story)\.php$/.test(path)) {
    id = url.searchParams.get('story_fbid');
  } else if (path === '/photo.php' || path === '/photo') {
    id = url.searchParams.get('fbid');
  } else {
    return null;
  }
  if (id === null) return null;
  const canonical = new URL(url.toString());
  canonical.protocol = 'https:';
  if (canonical.hostname === 'facebook.com' || canonical.hostname.endsWith('.facebook.com')) canonical.hostname = 'www.facebook.com';
  // Only the parameters that address the post survive.
  for (const name of [...canonical.searchParams.keys()]) {
    if (!['story_fbid', 'id', 'fbid', 'v'].includes(name)) canonical.searchParams.delete(name);
  }
  return { provider: 'facebook', kind, url: cleanHttpUrl(canonical.toString(), canonical.toString()), id, author: null, text: null, date: null };
}

function fromDiv({ $, pageUrl }: EmbedContext, element: Element): EmbedData | null {
  const href = toUrl(attr(element, 'data-href'), pageUrl);
  const parsed = href === null ? null : parseFacebookUrl(href);
  if (parsed === null) return null;
  const data: EmbedData = element.attribs['class']?.includes('fb-video') ? { ...parsed, kind: 'video' } : parsed;
  // The fallback markup Facebook ships: <blockquote cite=…><p>text</p>Posted by <a>Name</a> on <a>Date</a></blockquote>
  const quote = $(element).find('blockquote').first();
  if (quote.length === 0) return data;
  const paragraph = quote.find('p').first();
  const text = paragraph.length > 0 ? nullIfEmpty(paragraphText($, paragraph)) : null;
  const whole = collapseWhitespace(quote.text());
  const postedBy = /Posted by\s+(.+?)\s+on\s+(.+)$/i.exec(whole);
  // Video fallbacks start with a link carrying the video title, before the description paragraph.
  const firstChild = quote.children().first();
  const title = firstChild.is('a') ? nullIfEmpty(collapseWhitespace(firstChild.text())) : null;
  return {
    ...data,
    text,
    title,
    author: postedBy !== null ? nullIfEmpty(postedBy[1]) : null,
    date: postedBy !== null ? normalizeDate(postedBy[2]) : null,
  };
}

export const facebookDetector = embedProvider('facebook', [
  { selector: 'div.fb-post[data-href], div.fb-video[data-href], div.fb-comment-embed[data-href]', read: fromDiv },
  {
    frames: 'iframe',
    titled: false,
    parse: (url) => (hostIs(url, 'facebook.com') && url.pathname.startsWith('/plugins/') ? parseFacebookUrl(url) : null),
  },
]);
