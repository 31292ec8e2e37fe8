import { ChronicleError } from '../errors.js';

/** Query parameters that only track the reader; removed from every URL we key or record. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'mc_cid', 'mc_eid', 'yclid', 'igshid',
  'igsh', 'twclid', 'ttclid', 'li_fat_id', 'mkt_tok', '_hsenc', '_hsmi', 'hsctatracking', 'oly_anon_id',
  'oly_enc_id', 'rb_clickid', 's_cid', 'vero_conv', 'vero_id', 'wickedid', 'ref_src', 'ref_url', 'cmpid',
  'ncid', 'sr_share', 'smid', 'smtyp', 'ocid', 'cid', 'utm', 'at_medium', 'at_campaign', 'icid', 'sh', '_ga', '_gl',
]);

const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hmb_', 'at_'];

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * Parses an absolute http(s) URL or throws E_INVALID_URL. A user name and password in the URL are dropped:
 * they are never sent (the HTTP client ignores them), stored, printed or part of a page's key.
 */
export function parseHttpUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch (cause) {
    throw new ChronicleError('E_INVALID_URL', `not a valid URL: ${JSON.stringify(redactCredentials(input))}`, { cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ChronicleError('E_INVALID_URL', `not an http(s) URL: ${JSON.stringify(redactCredentials(input))}`);
  }
  url.username = '';
  url.password = '';
  return url;
}

/** "scheme://user:pass@rest" → "scheme://rest", for URL text that is echoed back (parsed or not). */
export function redactCredentials(text: string): string {
  return text.replace(/^(\s*[a-z][a-z0-9+.-]*:\/\/)[^/?#\s]*@/i, '$1');
}

/** Removes tracking parameters from a URL object in place and returns it. */
function removeTrackingParams(url: URL): URL {
  for (const name of [...url.searchParams.keys()]) {
    if (isTrackingParam(name)) url.searchParams.delete(name);
  }
  return url;
}

/**
 * The key a page is archived under: tracking parameters removed, fragment dropped, host lower-cased,
 * default port dropped (the URL parser does the last two). Other query parameters keep their order:
 * different URLs are never merged.
 */
export function normalizeUrl(input: string): string {
  const url = removeTrackingParams(parseHttpUrl(input));
  url.hash = '';
  const text = url.toString();
  // "https://x/?" with every parameter removed leaves a bare "?"; drop it.
  return url.search === '' && text.endsWith('?') ? text.slice(0, -1) : text;
}

/** Resolves a possibly relative or protocol-relative URL against a base; null when it cannot be resolved. */
export function resolveUrl(href: string | null | undefined, base: string): string | null {
  if (href === null || href === undefined) return null;
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('javascript:') || trimmed.startsWith('data:')) return null;
  try {
    return new URL(trimmed, base).toString();
  } catch {
    return null;
  }
}

/** A clean absolute URL for recording: resolved, tracking parameters removed, fragment kept only if asked. */
export function cleanUrl(href: string | null | undefined, base: string, keepFragment = false): string | null {
  const resolved = resolveUrl(href, base);
  if (resolved === null) return null;
  const url = removeTrackingParams(new URL(resolved));
  if (!keepFragment) url.hash = '';
  const text = url.toString();
  return url.search === '' && text.endsWith('?') ? text.slice(0, -1) : text;
}
