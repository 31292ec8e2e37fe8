/** Vimeo videos: player.vimeo.com/video/<id> iframes (unlisted `?h=` hash kept). URL: https://vimeo.com/<id>. */
import type { EmbedData } from './types.js';
import { hostIs } from '../dom.js';
import { embedProvider } from './provider.js';

export function parseVimeoUrl(url: URL): EmbedData | null {
  if (!hostIs(url, 'vimeo.com')) return null;
  const match = /^\/(?:video\/|channels\/[^/]+\/|groups\/[^/]+\/videos\/|album\/\d+\/video\/)?(\d{4,12})(?:\/([0-9a-f]{6,20}))?\/?$/.exec(url.pathname);
  if (match === null) return null;
  const id = match[1]!;
  const hash = match[2] ?? url.searchParams.get('h');
  const suffix = hash !== null && /^[0-9a-f]{6,20}$/.test(hash) ? `/${hash}` : '';
  return { provider: 'vimeo', kind: 'video', url: `https://vimeo.com/${id}${suffix}`, id, title: null };
}

export const vimeoDetector = embedProvider('vimeo', [{ parse: (url) => (url.hostname === 'player.vimeo.com' ? parseVimeoUrl(url) : null) }]);
