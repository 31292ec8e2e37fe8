/**
 * Embed detection: runs every registered detector on the untouched page (before Readability), folds nested and
 * duplicate matches into one match per embed (outermost element, richest provider data), drops embeds that sit
 * outside the article, and returns them in document order. A detector that throws adds a warning.
 */
import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData, EmbedDetector, EmbedMatch } from './types.js';
import { collapseWhitespace, nullIfEmpty } from '../../text/whitespace.js';
import { isElement } from '../dom.js';
import { forgetElementIndex, indexElements, select } from './dom.js';
import { containsOrIs, outermostEmbedElement } from './wrapper.js';
import { PlacementJudge } from './placement.js';
import { attempt } from '../attempt.js';
import { twitterDetector } from './twitter.js';
import { instagramDetector } from './instagram.js';
import { tiktokDetector } from './tiktok.js';
import { facebookDetector } from './facebook.js';
import { youtubeDetector } from './youtube.js';
import { vimeoDetector } from './vimeo.js';
import { blueskyDetector } from './bluesky.js';
import { threadsDetector } from './threads.js';
import { mastodonDetector } from './mastodon.js';
import { redditDetector } from './reddit.js';
import { spotifyDetector } from './spotify.js';
import { soundcloudDetector } from './soundcloud.js';
import { giphyDetector } from './giphy.js';
import { gettyDetector } from './getty.js';
import { documentcloudDetector } from './documentcloud.js';
import { datawrapperDetector } from './datawrapper.js';
import { flourishDetector } from './flourish.js';
import { infogramDetector } from './infogram.js';
import { scribdDetector } from './scribd.js';
import { googleMapsDetector } from './google-maps.js';
import { mediaDetector } from './media.js';
import { wordpressDetector } from './wordpress.js';
import { iframeDetector } from './iframe.js';

export type { EmbedContext, EmbedData, EmbedDetector, EmbedMatch } from './types.js';
export { renderEmbedFigure } from './render.js';

/** The registry, listed by hand. Provider modules first; wrappers and the generic fallbacks last. */
export const EMBED_DETECTORS: readonly EmbedDetector[] = [
  twitterDetector,
  instagramDetector,
  tiktokDetector,
  facebookDetector,
  youtubeDetector,
  vimeoDetector,
  blueskyDetector,
  threadsDetector,
  mastodonDetector,
  redditDetector,
  spotifyDetector,
  soundcloudDetector,
  giphyDetector,
  gettyDetector,
  documentcloudDetector,
  datawrapperDetector,
  flourishDetector,
  infogramDetector,
  scribdDetector,
  googleMapsDetector,
  mediaDetector,
  wordpressDetector,
  iframeDetector,
];

export interface DetectEmbedsOptions {
  /** Replaces the registry (tests hand in a detector that throws). */
  detectors?: readonly EmbedDetector[];
  /** Keep embeds that sit in sidebars, footers, navigation, comments (default false). */
  includeOutside?: boolean;
}

export interface DetectEmbedsResult {
  matches: EmbedMatch[];
  warnings: string[];
}

interface Candidate {
  /** The element the detector matched. */
  original: Element;
  /** Its outermost wrapper in the page. */
  outer: Element;
  embed: EmbedData;
  companions: Element[];
  /** The detector that produced it. */
  source: string;
  /** Found in the raw text of a <noscript> (a lazy-loading fallback copy). */
  fromNoscript: boolean;
}

/** Detectors whose data a provider module's data overrides. */
const RANK: Record<string, number> = { iframe: 0, wordpress: 1, media: 2 };

function rank(candidate: Candidate): number {
  return RANK[candidate.source] ?? 3;
}

function filledFields(embed: EmbedData): number {
  return Object.values(embed).filter((value) => value !== null && value !== undefined && value !== '').length;
}

function keyOf(embed: EmbedData): string {
  return `${embed.provider}|${embed.id ?? embed.url ?? ''}`;
}

function runDetectors(ctx: EmbedContext, detectors: readonly EmbedDetector[], warnings: string[]): Array<{ match: EmbedMatch; source: string }> {
  const found: Array<{ match: EmbedMatch; source: string }> = [];
  for (const detector of detectors) {
    const matches = attempt(warnings, `embed detector ${detector.provider}`, () => detector.detect(ctx), []);
    for (const match of matches) found.push({ match, source: detector.provider });
  }
  return found;
}

/**
 * `cheerio.load` keeps `<noscript>` content as raw text (scripting on), so lazy-loading fallbacks are parsed
 * separately; what they hold is reported with the `<noscript>` element itself.
 */
function noscriptCandidates($: CheerioAPI, pageUrl: string, detectors: readonly EmbedDetector[], warnings: string[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const noscript of select($, 'noscript')) {
    const children = noscript.children;
    if (children.length === 0 || children.some((child) => child.type !== 'text')) continue;
    const raw = $(noscript).text();
    if (!/<(iframe|video|audio|blockquote|embed|object|div|lite-youtube)\b/i.test(raw)) continue;
    const fragment = cheerio.load(raw, null, false);
    for (const { match, source } of runDetectors({ $: fragment, pageUrl }, detectors, warnings)) {
      candidates.push({ original: noscript, outer: noscript, embed: match.embed, companions: [], source, fromNoscript: true });
    }
  }
  return candidates;
}

/** The figcaption that belongs to the embed's wrapper figure (not one inside the embed markup). */
function captionOf($: CheerioAPI, element: Element): string | null {
  const figure = element.name === 'figure' ? element : null;
  if (figure === null) return null;
  const caption = $(figure).children('figcaption').first();
  return caption.length > 0 ? nullIfEmpty(collapseWhitespace(caption.text())) : null;
}

const SHARED_FIELDS = new Set(['title', 'thumbnail', 'caption']);

/** Merges a group of candidates that make up one embed into a match. */
function mergeGroup($: CheerioAPI, group: Candidate[]): EmbedMatch {
  const ordered = [...group].sort((a, b) => rank(b) - rank(a) || filledFields(b.embed) - filledFields(a.embed));
  const primary = ordered[0]!;
  const embed: EmbedData = { ...primary.embed };
  const fill = embed as unknown as Record<string, unknown>;
  for (const other of ordered.slice(1)) {
    // Same provider: any field may fill a gap. Another provider (the generic iframe around a CMS-named one):
    // only what describes the frame itself.
    const sameProvider = other.embed.provider === embed.provider;
    for (const [name, value] of Object.entries(other.embed)) {
      if (!sameProvider && !SHARED_FIELDS.has(name)) continue;
      if ((fill[name] === null || fill[name] === undefined) && value !== null && value !== undefined) fill[name] = value;
    }
  }
  let element = group[0]!.outer;
  for (const candidate of group) {
    if (containsOrIs(candidate.outer, element)) element = candidate.outer;
  }
  const companions = [...new Set(group.flatMap((candidate) => candidate.companions))].filter((companion) => !containsOrIs(element, companion));
  const caption = captionOf($, element);
  if (caption !== null && (embed.caption === null || embed.caption === undefined)) embed.caption = caption;
  return companions.length > 0 ? { element, embed, companions } : { element, embed };
}

/** Splits a containment group when it holds two different specific embeds (a wrapper around two tweets). */
function splitGroup(group: Candidate[]): Candidate[][] {
  const specific = group.filter((candidate) => rank(candidate) >= 2);
  const keys = new Set(specific.map((candidate) => keyOf(candidate.embed)));
  if (keys.size <= 1) return [group];
  const byKey = new Map<string, Candidate[]>();
  for (const candidate of specific) {
    const key = keyOf(candidate.embed);
    byKey.set(key, [...(byKey.get(key) ?? []), candidate]);
  }
  // Generic candidates join the specific embed they sit in; wrappers around several embeds are dropped.
  for (const candidate of group.filter((c) => rank(c) < 2)) {
    for (const members of byKey.values()) {
      if (members.some((member) => containsOrIs(member.outer, candidate.original))) {
        members.push(candidate);
        break;
      }
    }
  }
  return [...byKey.values()];
}

function documentOrder($: CheerioAPI): Map<Element, number> {
  const order = new Map<Element, number>();
  $('*').each((index, element) => {
    if (isElement(element)) order.set(element, index);
  });
  return order;
}

export function detectEmbeds(ctx: EmbedContext, options: DetectEmbedsOptions = {}): DetectEmbedsResult {
  const { $, pageUrl } = ctx;
  const detectors = options.detectors ?? EMBED_DETECTORS;
  const warnings: string[] = [];
  indexElements($);
  let found: Array<{ match: EmbedMatch; source: string }>;
  try {
    found = runDetectors(ctx, detectors, warnings);
  } finally {
    forgetElementIndex($);
  }
  const candidates: Candidate[] = found.map(({ match, source }) => ({
    original: match.element,
    outer: match.element,
    embed: match.embed,
    companions: match.companions ?? [],
    source,
    fromNoscript: false,
  }));
  candidates.push(...noscriptCandidates($, pageUrl, detectors, warnings));
  for (const candidate of candidates) candidate.outer = outermostEmbedElement($, candidate.original);

  // Group candidates whose elements nest (the wrapper, the blockquote inside it, the iframe inside that).
  const groups: Candidate[][] = [];
  for (const candidate of candidates) {
    const joined = groups.filter((group) =>
      group.some((member) => containsOrIs(member.outer, candidate.outer) || containsOrIs(candidate.outer, member.outer)),
    );
    if (joined.length === 0) {
      groups.push([candidate]);
      continue;
    }
    const merged = joined.flat();
    merged.push(candidate);
    for (const group of joined) groups.splice(groups.indexOf(group), 1);
    groups.push(merged);
  }
  let matches = groups.flatMap((group) => splitGroup(group).map((part) => ({ part, match: mergeGroup($, part) })));

  // <noscript> copies of an embed found elsewhere become that embed's companions.
  const live = matches.filter(({ part }) => !part.every((candidate) => candidate.fromNoscript));
  const folded = new Set<EmbedMatch>();
  for (const entry of matches) {
    if (!entry.part.every((candidate) => candidate.fromNoscript)) continue;
    const twin = live.find(({ match }) => keyOf(match.embed) === keyOf(entry.match.embed));
    if (twin === undefined) continue;
    twin.match.companions = [...(twin.match.companions ?? []), entry.match.element];
    folded.add(entry.match);
  }
  matches = matches.filter(({ match }) => !folded.has(match));

  // Same embed twice side by side (WordPress post embeds ship a blockquote and an iframe): keep one.
  const unsorted = matches.map(({ match }) => match);
  const order = unsorted.length > 1 ? documentOrder($) : new Map<Element, number>();
  const sorted = unsorted.sort((a, b) => (order.get(a.element) ?? 0) - (order.get(b.element) ?? 0));
  const result: EmbedMatch[] = [];
  for (const match of sorted) {
    const previous = result[result.length - 1];
    if (previous !== undefined && keyOf(previous.embed) === keyOf(match.embed) && areAdjacentSiblings(previous.element, match.element)) {
      previous.companions = [...(previous.companions ?? []), match.element];
      for (const [name, value] of Object.entries(match.embed)) {
        const target = previous.embed as unknown as Record<string, unknown>;
        if ((target[name] === null || target[name] === undefined) && value !== null && value !== undefined) target[name] = value;
      }
      continue;
    }
    result.push(match);
  }

  if (options.includeOutside === true) return { matches: result, warnings };
  const judge = new PlacementJudge($);
  return { matches: result.filter((match) => !judge.isOutsideArticle(match.element)), warnings };
}

/** True when `b` follows `a` with only whitespace, comments, scripts or noscripts between them. */
function areAdjacentSiblings(a: Element, b: Element): boolean {
  let node = a.next;
  while (node !== null) {
    if (node === b) return true;
    if (node.type === 'text' && ((node as unknown as { data: string }).data ?? '').trim() !== '') return false;
    if (isElement(node) && !['script', 'noscript', 'style', 'br'].includes(node.name)) return false;
    node = node.next;
  }
  return false;
}
