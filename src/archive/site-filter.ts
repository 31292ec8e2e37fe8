import { ChronicleError } from '../errors.js';

/** `list --site`: a host name (its subdomains included), optionally with a port. */
export interface SiteFilter {
  /** Lower-case host name as the index holds it ("[::1]" for IPv6). */
  hostname: string;
  /** The port the page must be served on; null for any. */
  port: string | null;
}

/**
 * Reads `--site` as a person writes it: `example.com`, `127.0.0.1:8765`, `[::1]:8080`, or a URL
 * (`http://127.0.0.1:8765/`: its host and port). A port is compared as the page's effective port, so
 * `example.com:443` finds https://example.com/ pages. Anything else is E_USAGE.
 */
export function parseSiteFilter(site: string): SiteFilter {
  const text = site.trim();
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  let url: URL;
  try {
    url = new URL(isUrl ? text : `http://${text}`);
  } catch (cause) {
    throw new ChronicleError('E_USAGE', `--site expects a host or host:port, got ${JSON.stringify(site)}`, { cause });
  }
  if (url.hostname === '' || (!isUrl && (url.pathname !== '/' || url.search !== '' || url.username !== ''))) {
    throw new ChronicleError('E_USAGE', `--site expects a host or host:port, got ${JSON.stringify(site)}`);
  }
  const explicitPort = isUrl ? (url.port === '' ? null : url.port) : /:\d+$/.test(text) ? url.port || '80' : null;
  return { hostname: url.hostname.toLowerCase(), port: explicitPort };
}

/** The port a URL is served on, the scheme's default included. */
export function effectivePort(url: string): string {
  const parsed = new URL(url);
  if (parsed.port !== '') return parsed.port;
  return parsed.protocol === 'https:' ? '443' : '80';
}
