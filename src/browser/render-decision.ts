import { countTokens } from '../text/words.js';

/** Static extraction found fewer than this share of the words of the page's JSON-LD articleBody: render. */
export const SHORT_BODY_RATIO = 0.5;

export type RenderReason = 'always' | 'no-article' | 'short-body';

/**
 * `--render auto`: whether a page's static extraction is worth redoing in a browser. Yes when it found no
 * article, or far less text than the page itself declares in JSON-LD `articleBody` (less than half its words):
 * both mean the article is built or completed by scripts. A page that states no articleBody and extracted
 * fine is left alone, since a browser costs far more than a fetch.
 */
export function autoRenderReason(staticWords: number | null, html: string): RenderReason | null {
  if (staticWords === null) return 'no-article';
  const declared = jsonLdArticleBodyWords(html);
  if (declared > 0 && staticWords < declared * SHORT_BODY_RATIO) return 'short-body';
  return null;
}

/** Words of the longest `articleBody` in the page's JSON-LD blocks (0 when none is readable). */
export function jsonLdArticleBodyWords(html: string): number {
  let longest = 0;
  for (const match of html.matchAll(/<script\b[^>]*type\s*=\s*["']?application\/ld\+json[^>]*>([\s\S]*?)<\/script>/gi)) {
    let data: unknown;
    try {
      data = JSON.parse(match[1]!);
    } catch {
      continue;
    }
    for (const body of articleBodies(data, 0)) longest = Math.max(longest, countWords(body));
  }
  return longest;
}

function* articleBodies(value: unknown, depth: number): Generator<string> {
  if (depth > 8 || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) yield* articleBodies(item, depth + 1);
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (key === 'articleBody' && typeof child === 'string') yield child;
    else yield* articleBodies(child, depth + 1);
  }
}

/** Words of an articleBody, which some sites fill with HTML. */
function countWords(text: string): number {
  return countTokens(text.replace(/<[^>]*>/g, ' '));
}
