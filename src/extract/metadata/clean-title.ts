import { collapseWhitespaceNfc } from '../../text/whitespace.js';
import { countTokens } from '../../text/words.js';
import { looseKey, stripMarkup } from './text.js';

/** Separators between a headline and the site / section name. */
const SEPARATOR = /\s+(?:\||-|–|—|::|»|·|•|\/|~)\s+/;

export interface TitleContext {
  siteName: string | null;
  pageUrl: string;
  /** The page's <h1> texts: a title that is one of them plus a short site label is cut to the heading. */
  headings?: string[];
}

/**
 * Words a site's name does not start with but the end of a headline does ("… – Until Now", "… — And Why It
 * Matters", "… – Part Two"): such a tail after a dash is not cut as an unknown site's label.
 */
const HEADLINE_TAIL =
  /^(?:Until|Now|And|Or|But|Yet|So|Then|Not|Never|Forever|Finally|Maybe|Part|Again|Too|Still|Just|Once|After|Before|Here|There|Why|How|What|When|Where|Who|Is|Are|Was|Were|Will|Can|Could|Should|Would|In|On|At|Of|To|From|With|Without|By|As|If|Than|Even|Only|Almost|For|Or Not|Explained|Analysis|Review|Updated?|Live)\b/;

const SEPARATOR_CHARS = /\||-|–|—|::|»|·|•|\/|~/g;
const SEPARATOR_AT_END = /\s(?:\||-|–|—|::|»|·|•|\/|~)$/;
const SEPARATOR_AT_START = /^(?:\||-|–|—|::|»|·|•|\/|~)\s/;

/** "Site Name - Headline" where "Headline" is the page's <h1>: the heading, when the rest is a short label. */
function headingInTitle(title: string, headings: string[]): string | null {
  for (const heading of headings) {
    const clean = collapseWhitespaceNfc(heading);
    if (countTokens(clean) < 3 || clean.length >= title.length) continue;
    const at = title.indexOf(clean);
    if (at < 0) continue;
    const before = title.slice(0, at).trim();
    const after = title.slice(at + clean.length).trim();
    // The heading must be cut off from the label by a separator: "Site - Headline" or "Headline | Site".
    const separated = (before === '' || SEPARATOR_AT_END.test(` ${before}`)) && (after === '' || SEPARATOR_AT_START.test(`${after} `));
    const label = `${before} ${after}`.replace(SEPARATOR_CHARS, ' ');
    if (separated && countTokens(label) <= 5) return clean;
  }
  return null;
}

function siteKeys(ctx: TitleContext): string[] {
  const keys: string[] = [];
  if (ctx.siteName !== null) keys.push(looseKey(ctx.siteName));
  try {
    const host = new URL(ctx.pageUrl).hostname.replace(/^www\./, '');
    keys.push(looseKey(host));
    const base = host.split('.').slice(-2, -1)[0];
    if (base !== undefined && base.length > 3) keys.push(looseKey(base));
  } catch {
    // no host to compare with
  }
  return keys.filter((key) => key.length > 0);
}

function isSite(segment: string, keys: string[]): boolean {
  const key = looseKey(segment);
  if (key === '') return false;
  return keys.some((site) => site === key || (site.length > 4 && (key.startsWith(site) || site.startsWith(key)) && key.length > 3));
}

/**
 * Strips " | Site Name" (and "Site Name | ") from a title. A segment is stripped when it matches the
 * site name or host; a last " | X" of at most four words when at least three words remain; a last
 * " – X" / " — X" / " · X" of at most three capitalized words when at least four remain. A plain " - "
 * is only stripped on a site-name match, since headlines use hyphens themselves.
 */
export function cleanTitle(raw: string, ctx: TitleContext): string {
  let title = collapseWhitespaceNfc(stripMarkup(raw));
  // The page's own heading reads the same, separator and all ("… – Until Now"): nothing to cut.
  if ((ctx.headings ?? []).some((heading) => looseKey(heading) === looseKey(title))) return title;
  const fromHeading = headingInTitle(title, ctx.headings ?? []);
  if (fromHeading !== null) return fromHeading;
  const keys = siteKeys(ctx);
  for (let i = 0; i < 3; i += 1) {
    const parts = title.split(SEPARATOR);
    if (parts.length < 2) break;
    const last = parts[parts.length - 1] ?? '';
    const firstPart = parts[0] ?? '';
    const lastSep = title.slice(0, title.length - last.length).match(/\s+(\S+)\s+$/)?.[1] ?? '';
    const head = title.slice(0, title.length - last.length).replace(/\s+\S+\s+$/, '');
    if (isSite(last, keys) && countTokens(head) >= 2) {
      title = head;
      continue;
    }
    // "News | Headline of the story": a short section label in front.
    const firstSep = title.slice(firstPart.length).match(/^\s+(\S+)\s+/)?.[1] ?? '';
    if (firstSep === '|' && countTokens(firstPart) <= 2 && countTokens(title.slice(firstPart.length)) >= 5) {
      title = title.slice(firstPart.length).replace(/^\s+\S+\s+/, '');
      continue;
    }
    if (isSite(firstPart, keys)) {
      const tail = title.slice(firstPart.length).replace(/^\s+\S+\s+/, '');
      if (countTokens(tail) >= 2) {
        title = tail;
        continue;
      }
    }
    const dashLike = lastSep !== '|' && lastSep !== '/' && lastSep !== '-';
    if (dashLike && /^\p{Lu}/u.test(last) && !HEADLINE_TAIL.test(last) && countTokens(last) <= 3 && countTokens(head) >= 4) {
      title = head;
      continue;
    }
    if (lastSep === '|' && countTokens(last) <= 4 && countTokens(head) >= 3) {
      title = head;
      continue;
    }
    break;
  }
  return title;
}
