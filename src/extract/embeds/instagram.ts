/**
 * Instagram posts and reels: `blockquote.instagram-media` (every embed-code version), rendered
 * `iframe.instagram-media` / instagram.com/p/<code>/embed iframes, and `amp-instagram`.
 * Canonical URL: https://www.instagram.com/<p|reel|tv>/<shortcode>/.
 */
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData, EmbedDetector, EmbedMatch } from './types.js';
import { attr, blockText, collapse, framesWithUrl, hostIs, isElement, normalizeDate, nullIfEmpty, select, toUrl } from './dom.js';

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

function fromBlockquote($: CheerioAPI, element: Element, pageUrl: string): EmbedData | null {
  const node = $(element);
  const candidates = [attr(element, 'data-instgrm-permalink'), ...node.find('a[href]').toArray().filter(isElement).map((a) => attr(a, 'href'))];
  let data: EmbedData | null = null;
  for (const href of candidates) {
    const url = toUrl(href, pageUrl);
    data = url === null ? null : parseInstagramUrl(url);
    if (data !== null) break;
  }
  if (data === null) return null;
  const whole = collapse(node.text());
  const { author, handle } = readSharedBy(whole);
  // The caption: the paragraph that links to the post and is not the "shared by" / "View this post" line.
  let text: string | null = null;
  for (const p of node.find('p').toArray()) {
    const content = collapse($(p).text());
    if (content === '' || BOILERPLATE.test(content)) continue;
    text = nullIfEmpty(blockText($, $(p)));
    break;
  }
  const time = node.find('time').first();
  const date = normalizeDate(time.attr('datetime') ?? time.text());
  return { ...data, author, handle, text, date };
}

export const instagramDetector: EmbedDetector = {
  provider: 'instagram',
  detect({ $, pageUrl }: EmbedContext): EmbedMatch[] {
    const matches: EmbedMatch[] = [];
    for (const element of select($, 'blockquote.instagram-media, blockquote[data-instgrm-permalink], blockquote[class*="instagram"]')) {
      const embed = fromBlockquote($, element, pageUrl);
      if (embed !== null) matches.push({ element, embed });
    }
    for (const element of select($, 'amp-instagram[data-shortcode]')) {
      const code = attr(element, 'data-shortcode');
      if (code !== null && /^[A-Za-z0-9_-]{5,40}$/.test(code)) matches.push({ element, embed: post('p', code) });
    }
    for (const { element, url } of framesWithUrl($, pageUrl, 'iframe')) {
      if (!hostIs(url, 'instagram.com')) continue;
      const embed = parseInstagramUrl(url);
      if (embed !== null) matches.push({ element, embed });
    }
    return matches;
  },
};
