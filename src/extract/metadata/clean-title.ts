import { collapseWhitespace, looseKey } from './text.js';

/** Separators between a headline and the site / section name. */
const SEPARATOR = /\s+(?:\||-|–|—|::|»|·|•|\/|~)\s+/;

export interface TitleContext {
  siteName: string | null;
  pageUrl: string;
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

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

/**
 * Strips " | Site Name" (and "Site Name | ") from a title. A segment is stripped when it matches the
 * site name or host; a last " | X" of at most four words when at least three words remain; a last
 * " – X" / " — X" / " · X" of at most three capitalized words when at least four remain. A plain " - "
 * is only stripped on a site-name match, since headlines use hyphens themselves.
 */
export function cleanTitle(raw: string, ctx: TitleContext): string {
  let title = collapseWhitespace(raw);
  const keys = siteKeys(ctx);
  for (let i = 0; i < 3; i += 1) {
    const parts = title.split(SEPARATOR);
    if (parts.length < 2) break;
    const last = parts[parts.length - 1] ?? '';
    const firstPart = parts[0] ?? '';
    const lastSep = title.slice(0, title.length - last.length).match(/\s+(\S+)\s+$/)?.[1] ?? '';
    const head = title.slice(0, title.length - last.length).replace(/\s+\S+\s+$/, '');
    if (isSite(last, keys) && wordCount(head) >= 2) {
      title = head;
      continue;
    }
    // "News | Headline of the story": a short section label in front.
    const firstSep = title.slice(firstPart.length).match(/^\s+(\S+)\s+/)?.[1] ?? '';
    if (firstSep === '|' && wordCount(firstPart) <= 2 && wordCount(title.slice(firstPart.length)) >= 5) {
      title = title.slice(firstPart.length).replace(/^\s+\S+\s+/, '');
      continue;
    }
    if (isSite(firstPart, keys)) {
      const tail = title.slice(firstPart.length).replace(/^\s+\S+\s+/, '');
      if (wordCount(tail) >= 2) {
        title = tail;
        continue;
      }
    }
    const dashLike = lastSep !== '|' && lastSep !== '/' && lastSep !== '-';
    if (dashLike && /^\p{Lu}/u.test(last) && wordCount(last) <= 3 && wordCount(head) >= 4) {
      title = head;
      continue;
    }
    if (lastSep === '|' && wordCount(last) <= 4 && wordCount(head) >= 3) {
      title = head;
      continue;
    }
    break;
  }
  return title;
}
