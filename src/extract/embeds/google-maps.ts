/**
 * Google Maps: google.com/maps/embed iframes (`?pb=…` and the Embed API `/maps/embed/v1/<mode>?q=…`) and
 * maps.google.com `output=embed` frames. The API key is never recorded.
 */
import type { EmbedData } from './types.js';
import { cleanHttpUrl } from '../dom.js';
import { embedProvider } from './provider.js';

function isGoogleHost(host: string): boolean {
  return /^(www\.|maps\.)?google\.[a-z.]{2,6}$/.test(host);
}

export function parseGoogleMapsUrl(url: URL): EmbedData | null {
  const host = url.hostname.toLowerCase();
  if (!isGoogleHost(host)) return null;
  const embedPath = /^\/maps(\/d)?\/embed/.test(url.pathname);
  const legacy = host.startsWith('maps.') && url.searchParams.get('output') === 'embed';
  if (!embedPath && !legacy) return null;
  const query = url.searchParams.get('q') ?? url.searchParams.get('center');
  // Drop the API key textually: re-serializing the query would percent-encode the `!` of `pb=` strings.
  const withoutKey = url.toString().replace(/([?&])key=[^&#]*(&|$)/, (_, lead: string, tail: string) => (tail === '&' ? lead : '')).replace(/[?&]$/, '');
  const recorded =
    query !== null && query.trim() !== ''
      ? `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(query.trim())}`
      : cleanHttpUrl(withoutKey, withoutKey);
  return { provider: 'googlemaps', kind: 'map', url: recorded, id: url.searchParams.get('mid') ?? null, title: query === null ? null : query.trim() };
}

export const googleMapsDetector = embedProvider('googlemaps', [{ parse: parseGoogleMapsUrl }]);
