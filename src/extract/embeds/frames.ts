/** Shared by detectors whose embed is an iframe (or lazy iframe) pointing at the provider. */
import type { EmbedContext, EmbedMatch, EmbedUrlParser } from './types.js';
import { attr, framesWithUrl, meaningfulTitle } from './dom.js';

/** Every iframe / embed / amp-iframe whose loaded URL `parse` recognizes; the frame's title is kept. */
export function detectFrames({ $, pageUrl }: EmbedContext, parse: EmbedUrlParser, selector = 'iframe, amp-iframe'): EmbedMatch[] {
  const matches: EmbedMatch[] = [];
  for (const { element, url } of framesWithUrl($, pageUrl, selector)) {
    const embed = parse(url);
    if (embed === null) continue;
    const title = embed.title ?? meaningfulTitle(attr(element, 'title') ?? attr(element, 'aria-label'));
    matches.push({ element, embed: { ...embed, title } });
  }
  return matches;
}
