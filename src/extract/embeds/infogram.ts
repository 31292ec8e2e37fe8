/** Infogram charts: `div.infogram-embed[data-id]` and e.infogram.com iframes. URL: https://infogram.com/<id>. */
import type { EmbedContext, EmbedData, EmbedDetector, EmbedMatch } from './types.js';
import { attr, hostIs, nullIfEmpty, select } from './dom.js';
import { detectFrames } from './frames.js';

const INFOGRAM_ID = /^[A-Za-z0-9_-]{6,120}$/;

function chart(id: string): EmbedData {
  return { provider: 'infogram', kind: 'chart', url: `https://infogram.com/${id}`, id, title: null };
}

export function parseInfogramUrl(url: URL): EmbedData | null {
  if (!hostIs(url, 'infogram.com', 'infogr.am')) return null;
  const id = url.pathname.replace(/^\/(?:embed\/)?/, '').replace(/\/.*$/, '');
  if (!INFOGRAM_ID.test(id) || ['app', 'templates', 'examples', 'features', 'pricing', 'js'].includes(id)) return null;
  return chart(id);
}

export const infogramDetector: EmbedDetector = {
  provider: 'infogram',
  detect(ctx: EmbedContext): EmbedMatch[] {
    const matches: EmbedMatch[] = [];
    for (const element of select(ctx.$, 'div.infogram-embed[data-id]')) {
      const id = attr(element, 'data-id');
      if (id === null || !INFOGRAM_ID.test(id)) continue;
      matches.push({ element, embed: { ...chart(id), title: nullIfEmpty(attr(element, 'data-title')) } });
    }
    matches.push(...detectFrames(ctx, parseInfogramUrl));
    return matches;
  },
};
