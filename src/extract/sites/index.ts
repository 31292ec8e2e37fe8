/**
 * Site rules: a registry listed by hand (one small data module per site), which rule applies to a page, and
 * the body a rule reads from it.
 */
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { hostIs, isElement, toUrl } from '../dom.js';
import { redditRule } from './reddit.js';
import type { SiteRule } from './types.js';
import { collapseWhitespace } from '../../text/whitespace.js';

export type { SiteRule } from './types.js';

export const SITE_RULES: readonly SiteRule[] = [redditRule];

/** What a page shows of itself that can name its site: the address it was read from and its canonical URL. */
export interface PageIdentity {
  $: CheerioAPI;
  pageUrl: string;
  canonicalUrl: string | null;
}

/**
 * The rule for a page: the first whose hosts include the page's host or its canonical URL's host (or a
 * parent domain of either), else the first whose `detect` selector matches the page's `<head>`.
 */
export function findSiteRule(page: PageIdentity, rules: readonly SiteRule[] = SITE_RULES): SiteRule | null {
  const urls = [page.pageUrl, page.canonicalUrl]
    .map((url) => toUrl(url, page.pageUrl))
    .filter((url): url is URL => url !== null);
  const byHost = rules.find((rule) => urls.some((url) => hostIs(url, ...rule.hosts)));
  if (byHost !== undefined) return byHost;
  const head = page.$('head');
  return rules.find((rule) => rule.detect !== undefined && head.find(rule.detect).length > 0) ?? null;
}

/** What a site rule reads from a page. */
export interface SiteReading {
  /** The body's HTML: the matches of the first body selector that held text or media, chrome removed. */
  content: string;
  /** The author names the rule found, joined with commas; null when it found none or has no author selector. */
  byline: string | null;
}

/** Elements that are content without any text. */
const MEDIA = 'img, picture, video, audio, iframe, [data-chronicle-embed]';

/** Reads the body that `rule` names on the page, or null when none of its body selectors finds content. */
export function readSiteBody($: CheerioAPI, rule: SiteRule): SiteReading | null {
  const remove = (rule.remove ?? []).join(', ');
  for (const selector of rule.body) {
    const parts = outermost($(selector).toArray().filter(isElement)).map((element) => {
      const copy = $(element).clone();
      if (remove !== '') copy.find(remove).remove();
      return copy;
    });
    if (!parts.some((part) => part.text().trim() !== '' || part.find(MEDIA).length > 0 || part.is(MEDIA))) continue;
    return { content: parts.map((part) => $.html(part)).join('\n'), byline: authorsOf($, rule) };
  }
  return null;
}

function authorsOf($: CheerioAPI, rule: SiteRule): string | null {
  if (rule.authors === undefined) return null;
  const names = $(rule.authors)
    .toArray()
    .map((element) => collapseWhitespace($(element).text()))
    .filter((name, index, all) => name !== '' && all.indexOf(name) === index);
  return names.length > 0 ? names.join(', ') : null;
}

/** The elements not inside another of them: a body counts each part of the page once. */
function outermost(elements: Element[]): Element[] {
  const set = new Set(elements);
  return elements.filter((element) => {
    for (let parent = element.parent; parent !== null; parent = parent.parent) {
      if (isElement(parent) && set.has(parent)) return false;
    }
    return true;
  });
}
