/**
 * The declarative form of an embed provider: a list of rules, each either a selector whose elements are read into
 * an embed, or the frames (iframes and the like) whose loaded URL the provider's parser recognizes. Matches come out
 * in rule order, then document order within a rule (the merge in index.ts keeps the first of equal candidates).
 */
import type { Element } from 'domhandler';
import type { EmbedContext, EmbedData, EmbedDetector, EmbedMatch } from './types.js';
import { attr, isElement, toUrl } from '../dom.js';
import { framesWithUrl, meaningfulTitle, select } from './dom.js';

/** Elements a selector finds, each read into an embed (null: not one). */
export interface ElementRule {
  selector: string;
  read(ctx: EmbedContext, element: Element): EmbedData | null;
  /** Elements outside `element` that belong to the embed (a credit line after it). */
  companions?(ctx: EmbedContext, element: Element): Element[];
}

/** Frames whose loaded URL `parse` recognizes. */
export interface FrameRule {
  /** Default `iframe, amp-iframe`. */
  frames?: string;
  parse(url: URL, element: Element, ctx: EmbedContext): EmbedData | null;
  /** Fill a missing title from the frame's title / aria-label (default true). */
  titled?: boolean;
  /** Reads what sits around the frame (an attribution line) into the match. */
  complete?(ctx: EmbedContext, match: EmbedMatch): EmbedMatch;
}

export type EmbedRule = ElementRule | FrameRule;

function isElementRule(rule: EmbedRule): rule is ElementRule {
  return 'selector' in rule;
}

function elementMatches(ctx: EmbedContext, rule: ElementRule): EmbedMatch[] {
  const matches: EmbedMatch[] = [];
  for (const element of select(ctx.$, rule.selector)) {
    const embed = rule.read(ctx, element);
    if (embed === null) continue;
    const companions = rule.companions?.(ctx, element) ?? [];
    matches.push(companions.length > 0 ? { element, embed, companions } : { element, embed });
  }
  return matches;
}

/** Every frame of `rule.frames` whose URL the rule parses; see FrameRule. */
function frameMatches(ctx: EmbedContext, rule: FrameRule): EmbedMatch[] {
  const matches: EmbedMatch[] = [];
  for (const { element, url } of framesWithUrl(ctx.$, ctx.pageUrl, rule.frames ?? 'iframe, amp-iframe')) {
    const parsed = rule.parse(url, element, ctx);
    if (parsed === null) continue;
    const embed = rule.titled === false ? parsed : { ...parsed, title: parsed.title ?? meaningfulTitle(attr(element, 'title') ?? attr(element, 'aria-label')) };
    const match = { element, embed };
    matches.push(rule.complete === undefined ? match : rule.complete(ctx, match));
  }
  return matches;
}

/** A detector made of rules. */
export function embedProvider(provider: string, rules: readonly EmbedRule[]): EmbedDetector {
  return {
    provider,
    detect(ctx: EmbedContext): EmbedMatch[] {
      return rules.flatMap((rule) => (isElementRule(rule) ? elementMatches(ctx, rule) : frameMatches(ctx, rule)));
    },
  };
}

/** `match` with an element outside it (an attribution line) as its companion, and the fields read from that. */
export function withCompanion(match: EmbedMatch, companion: Element, fields: Partial<EmbedData> = {}): EmbedMatch {
  return { element: match.element, companions: [companion], embed: { ...match.embed, ...fields } };
}

/** The links inside an element (`a[href]`), as elements. */
export function linksIn(ctx: EmbedContext, element: Element): Element[] {
  return ctx.$(element).find('a[href]').toArray().filter(isElement);
}

/**
 * The first of an element's URLs that `parse` recognizes: the value of `attribute` on the element when given,
 * then the links inside it in document order.
 */
export function firstLinkedEmbed(ctx: EmbedContext, element: Element, parse: (url: URL) => EmbedData | null, attribute?: string): EmbedData | null {
  const hrefs = [...(attribute === undefined ? [] : [attr(element, attribute)]), ...linksIn(ctx, element).map((a) => attr(a, 'href'))];
  for (const href of hrefs) {
    const url = toUrl(href, ctx.pageUrl);
    const data = url === null ? null : parse(url);
    if (data !== null) return data;
  }
  return null;
}
