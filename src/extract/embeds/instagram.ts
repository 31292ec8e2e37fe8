/**
 * Instagram posts and reels: `blockquote.instagram-media` (every embed-code version), rendered
 * `iframe.instagram-media` / instagram.com/p/<code>/embed iframes, and `amp-instagram`.
 * Canonical URL: https://www.instagram.com/<p|reel|tv>/<shortcode>/.
 */
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData } from './types.js';
import { collapseWhitespace, nullIfEmpty } from '../../text/whitespace.js';
import { attr, hostIs } from '../dom.js';
import { normalizeDate, paragraphText } from './dom.js';
import { embedProvider, firstLinkedEmbed } from './provider.js';

const POST_PATH = /^\/(?:[A-Za-z0-9_.]+\/)?(p|reel|reels|tv)\/([A-Za-z0-9_-]{5,40})/;

function post(kind: string, code: string): EmbedData {
  const type = kind === 'reels' ? 'reel' : kind;
  return {
    provider: 'instagram',
    kind: type === 'p' ? 'post' : 'video',
    url: `https://www.instagram.com/${type}/${code}/`,
    id: code,
    author: null,
    handle: null,
    text: null,
    date: null,
  };
}

export function parseInstagramUrl(url: URL): EmbedData | null {
  if (!hostIs(url, 'instagram.com', 'instagr.am')) return null;
  const match = POST_PATH.exec(url.pathname);
  return match === null ? null : post(match[1]!, match[2]!);
}

/**
 * The "shared by" line in the languages Instagram localizes embed code into:
 * "A post shared by xoxo, Gaga (@ladygaga) on Dec 5, 2016", "Ein Beitrag geteilt von Pro Bahn e.V. (@probahn_ev)",
 * "Une publication partagée par …", "Una publicación compartida por …", "Un post condiviso da …", …
 */
const SHARED_BY =
  /(?:(?:post|video|photo|reel)\s+shared\s+by|beitrag\s+geteilt\s+von|publication\s+partag[ée]e\s+par|publicaci[óo]n\s+compartida\s+por|post\s+condiviso\s+da|publica[çc][ãa]o\s+(?:compartilhada|partilhada)\s+por|bericht\s+gedeeld\s+door|inl[äa]gg\s+delat\s+av|opslag\s+delt\s+af|innlegg\s+delt\s+av)\s+(.*?)\s*\(@([A-Za-z0-9_.]{1,30})\)/i;

/** A paragraph that is Instagram's boilerplate, not the caption. */
const BOILERPLATE = /\(@[A-Za-z0-9_.]{1,30}\)|shared\s+by|view this (post|profile)|on instagram$|auf instagram an$|sur instagram$/i;

function readSharedBy(text: string): { author: string | null; handle: string | null } {
  const match = SHARED_BY.exec(text);
  if (match !== null) return { author: nullIfEmpty(match[1]), handle: match[2]! };
  const handleOnly = /shared\s+by\s+@([A-Za-z0-9_.]{1,30})/i.exec(text);
  if (handleOnly !== null) return { author: null, handle: handleOnly[1]! };
  return { author: null, handle: null };
}

function fromBlockquote(ctx: EmbedContext, element: Element): EmbedData | null {
  const data = firstLinkedEmbed(ctx, element, parseInstagramUrl, 'data-instgrm-permalink');
  if (data === null) return null;
  const { $ } = ctx;
  const node = $(element);
  const whole = collapseWhitespace(node.text());
  const { author, handle } = readSharedBy(whole);
  // The caption: the paragraph that links to the post and is not the "shared by" / "View this post" line.
  let text: string | null = null;
  for (const p of node.find('p').toArray()) {
    const content = collapseWhitespace($(p).text());
    if (content === '' || BOILERPLATE.test(content)) continue;
    text = nullIfEmpty(paragraphText($, $(p)));
    break;
  }
  const time = node.find('time').first();
  const date = normalizeDate(time.attr('datetime') ?? time.text());
  return { ...data, author, handle, text, date };
}

function fromAmpShortcode(_ctx: EmbedContext, element: Element): EmbedData | null {
  const code = attr(element, 'data-shortcode');
  return code !== null && /^[A-Za-z0-9_-]{5,40}$/.test(code) ? post('p', code) : null;
}

export const instagramDetector = embedProvider('instagram', [
  { selector: 'blockquote.instagram-media, blockquote[data-instgrm-permalink], blockquote[class*="instagram"]', read: fromBlockquote },
  { selector: 'amp-instagram[data-shortcode]', read: fromAmpShortcode },
  { frames: 'iframe', titled: false, parse: (url) => (hostIs(url, 'instagram.com') ? parseInstagramUrl(url) : null) },
]);
