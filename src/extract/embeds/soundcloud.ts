/**
 * SoundCloud tracks and playlists: w.soundcloud.com/player/?url=… iframes, with the attribution line SoundCloud's
 * embed code puts after the iframe (artist · track links) read for author and title and folded in as a companion.
 */
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData, EmbedMatch } from './types.js';
import { collapseWhitespace, nullIfEmpty } from '../../text/whitespace.js';
import { attr, cleanHttpUrl, hostIs, isElement, toUrl } from '../dom.js';
import { embedProvider, withCompanion } from './provider.js';

export function parseSoundcloudUrl(url: URL): EmbedData | null {
  if (hostIs(url, 'w.soundcloud.com')) {
    const inner = toUrl(url.searchParams.get('url'), 'https://api.soundcloud.com/');
    return inner === null ? null : parseSoundcloudUrl(inner);
  }
  if (hostIs(url, 'api.soundcloud.com')) {
    const match = /^\/(tracks|playlists|users)\/(\d+)/.exec(url.pathname);
    if (match === null) return null;
    return { provider: 'soundcloud', kind: 'audio', url: `https://api.soundcloud.com/${match[1]}/${match[2]}`, id: match[2]!, title: null, author: null };
  }
  if (hostIs(url, 'soundcloud.com')) {
    const match = /^\/([A-Za-z0-9_-]+)\/((?:sets\/)?[A-Za-z0-9_-]+)\/?$/.exec(url.pathname);
    if (match === null) return null;
    const clean = cleanHttpUrl(`https://soundcloud.com/${match[1]}/${match[2]}`, url.toString());
    return { provider: 'soundcloud', kind: 'audio', url: clean, id: `${match[1]}/${match[2]}`, title: null, author: null };
  }
  return null;
}

/** The `<div>` after the iframe with links to the artist and the track. */
function attributionAfter(ctx: EmbedContext, iframe: Element): { element: Element; author: string | null; title: string | null; url: string | null } | null {
  let next = iframe.next;
  while (next !== null && next.type === 'text' && ((next as unknown as { data: string }).data ?? '').trim() === '') next = next.next;
  if (!isElement(next) || next.name !== 'div') return null;
  const links = ctx.$(next).find('a[href]').toArray().filter(isElement);
  const onSoundcloud = links.filter((link) => {
    const url = toUrl(attr(link, 'href'), ctx.pageUrl);
    return url !== null && hostIs(url, 'soundcloud.com');
  });
  if (onSoundcloud.length === 0 || onSoundcloud.length !== links.length) return null;
  const author = nullIfEmpty(collapseWhitespace(ctx.$(onSoundcloud[0]).text()));
  const trackLink = onSoundcloud.length > 1 ? onSoundcloud[onSoundcloud.length - 1]! : null;
  return {
    element: next,
    author,
    title: trackLink === null ? null : nullIfEmpty(collapseWhitespace(ctx.$(trackLink).text())),
    url: trackLink === null ? null : cleanHttpUrl(attr(trackLink, 'href'), ctx.pageUrl),
  };
}

function withAttribution(ctx: EmbedContext, match: EmbedMatch): EmbedMatch {
  const attribution = attributionAfter(ctx, match.element);
  if (attribution === null) return match;
  const { author, title, url } = attribution;
  return withCompanion(match, attribution.element, { author, title: match.embed.title ?? title, url: url ?? match.embed.url });
}

export const soundcloudDetector = embedProvider('soundcloud', [
  { parse: (url) => (hostIs(url, 'w.soundcloud.com') ? parseSoundcloudUrl(url) : null), complete: withAttribution },
]);
