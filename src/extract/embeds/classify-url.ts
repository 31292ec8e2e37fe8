/**
 * Which provider an embed URL belongs to, for markup that carries only a URL (oEmbed wrappers, proxied iframes).
 * Listed by hand, most specific first.
 */
import type { EmbedData, EmbedUrlParser } from './types.js';
import { toUrl } from '../dom.js';
import { parseTwitterUrl } from './twitter.js';
import { parseInstagramUrl } from './instagram.js';
import { parseTiktokUrl } from './tiktok.js';
import { parseFacebookUrl } from './facebook.js';
import { parseYoutubeUrl } from './youtube.js';
import { parseVimeoUrl } from './vimeo.js';
import { parseBlueskyUrl } from './bluesky.js';
import { parseThreadsUrl } from './threads.js';
import { parseRedditUrl } from './reddit.js';
import { parseSpotifyUrl } from './spotify.js';
import { parseSoundcloudUrl } from './soundcloud.js';
import { parseGiphyUrl } from './giphy.js';
import { parseGettyUrl } from './getty.js';
import { parseDocumentcloudUrl } from './documentcloud.js';
import { parseDatawrapperUrl } from './datawrapper.js';
import { parseFlourishUrl } from './flourish.js';
import { parseInfogramUrl } from './infogram.js';
import { parseScribdUrl } from './scribd.js';
import { parseGoogleMapsUrl } from './google-maps.js';
import { parseMastodonUrl } from './mastodon.js';

const PARSERS: EmbedUrlParser[] = [
  parseTwitterUrl,
  parseInstagramUrl,
  parseTiktokUrl,
  parseFacebookUrl,
  parseYoutubeUrl,
  parseVimeoUrl,
  parseBlueskyUrl,
  parseThreadsUrl,
  parseRedditUrl,
  parseSpotifyUrl,
  parseSoundcloudUrl,
  parseGiphyUrl,
  parseGettyUrl,
  parseDocumentcloudUrl,
  parseDatawrapperUrl,
  parseFlourishUrl,
  parseInfogramUrl,
  parseScribdUrl,
  parseGoogleMapsUrl,
];

/** Query parameters embed proxies (Embedly, CMS "/embed?url=…" frames) carry the real URL in. */
const NESTED_PARAMS = ['url', 'src', 'href', 'u', 'media', 'embed_url'];

/**
 * The provider data for a URL: its own provider, else (one level deep) the provider of a URL nested in its query
 * (cdn.embedly.com/widgets/media.html?src=…youtube…, /embed?url=https://www.youtube.com/watch?v=…).
 * Mastodon is only recognized when `mastodon` is set, since its path shape fits any host.
 */
export function classifyEmbedUrl(href: string, pageUrl: string, options: { nested?: boolean; mastodon?: boolean } = {}): EmbedData | null {
  const url = toUrl(href, pageUrl);
  if (url === null) return null;
  for (const parse of PARSERS) {
    const data = parse(url);
    if (data !== null) return data;
  }
  if (options.mastodon === true) {
    const data = parseMastodonUrl(url);
    if (data !== null) return data;
  }
  if (options.nested !== false) {
    for (const name of NESTED_PARAMS) {
      const inner = url.searchParams.get(name);
      if (inner === null || !/^(https?:)?\/\//i.test(inner)) continue;
      const data = classifyEmbedUrl(inner, pageUrl, { nested: false });
      if (data !== null) return data;
    }
  }
  return null;
}
