import type { Cheerio } from 'cheerio';
import type { Element } from 'domhandler';

/** Attributes lazy loaders put the real image URL in, most specific first. */
const LAZY_ATTRIBUTES = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-lazy',
  'data-url',
  'data-hi-res-src',
  'data-full-src',
  'data-echo',
  'data-actualsrc',
  'data-img-src',
  'data-image',
];
const LAZY_SRCSET_ATTRIBUTES = ['data-srcset', 'data-lazy-srcset', 'srcset'];

/** A src that is only a placeholder: a data: URI, a spacer gif, "about:blank". */
export function isPlaceholderSrc(src: string): boolean {
  const s = src.trim().toLowerCase();
  return (
    s === '' ||
    s.startsWith('data:') ||
    s === 'about:blank' ||
    /(?:^|\/)(?:blank|spacer|pixel|transparent|placeholder|grey|gray|loading|lazy)[\w-]*\.(?:gif|png|svg|jpg)(?:$|\?)/.test(s)
  );
}

/** The largest candidate of a srcset ("a.jpg 320w, b.jpg 1024w" → b.jpg; "x1.jpg 1x, x2.jpg 2x" → x2.jpg). */
export function largestFromSrcset(srcset: string): string | null {
  let best: { url: string; size: number } | null = null;
  // Candidates are separated by commas followed by whitespace (URLs themselves may contain commas).
  for (const candidate of srcset.split(/,\s+/)) {
    const [url, descriptor] = candidate.trim().split(/\s+/);
    if (url === undefined || url === '' || isPlaceholderSrc(url)) continue;
    const match = /^(\d+(?:\.\d+)?)([wx])$/i.exec(descriptor ?? '');
    const size = match ? Number(match[1]) * (match[2]?.toLowerCase() === 'x' ? 1000 : 1) : 1;
    if (best === null || size > best.size) best = { url: url.replace(/,$/, ''), size };
  }
  return best?.url ?? null;
}

/**
 * The real source of an <img> (or <source>/<amp-img>), lazy loading resolved: the largest srcset
 * candidate, else a lazy data-* attribute, else src — placeholders skipped. Not yet resolved against the page.
 */
export function imageSource($img: Cheerio<Element>): string | null {
  for (const attr of LAZY_SRCSET_ATTRIBUTES) {
    const srcset = $img.attr(attr);
    if (srcset) {
      const best = largestFromSrcset(srcset);
      if (best !== null) return best;
    }
  }
  for (const attr of LAZY_ATTRIBUTES) {
    const value = $img.attr(attr)?.trim();
    if (value && !isPlaceholderSrc(value)) return value;
  }
  const src = $img.attr('src')?.trim();
  if (src && !isPlaceholderSrc(src)) return src;
  return null;
}
