/** Spotify tracks, albums, playlists, episodes, shows: open.spotify.com/embed… iframes. URL: https://open.spotify.com/<type>/<id>. */
import type { EmbedData } from './types.js';
import { hostIs } from '../dom.js';
import { embedProvider } from './provider.js';

export function parseSpotifyUrl(url: URL): EmbedData | null {
  if (!hostIs(url, 'open.spotify.com', 'embed.spotify.com')) return null;
  let path = url.pathname;
  if (url.hostname === 'embed.spotify.com') {
    // Old embeds: embed.spotify.com/?uri=spotify:track:<id>
    const uri = /^spotify:(track|album|playlist|episode|show|artist):([A-Za-z0-9]{10,40})$/.exec(url.searchParams.get('uri') ?? '');
    if (uri === null) return null;
    path = `/${uri[1]}/${uri[2]}`;
  }
  const match = /^\/(?:embed(?:-podcast)?\/)?(?:intl-[a-z-]+\/)?(track|album|playlist|episode|show|artist)\/([A-Za-z0-9]{10,40})/.exec(path);
  if (match === null) return null;
  return { provider: 'spotify', kind: 'audio', url: `https://open.spotify.com/${match[1]}/${match[2]}`, id: match[2]!, title: null };
}

export const spotifyDetector = embedProvider('spotify', [{ parse: parseSpotifyUrl }]);
