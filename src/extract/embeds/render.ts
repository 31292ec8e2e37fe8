/**
 * Static, script-free markup for an embed, put where the embed stood in body.html:
 *   <figure class="chronicle-embed" data-chronicle-embed="<index>" data-provider="…" data-kind="…">
 * with what the markup carried (title, author and handle, text as paragraphs, date, an https thumbnail, the
 * publisher's caption) and a link to the original. No iframes, scripts, event handlers or style attributes.
 */
import type { Embed } from '../../types.js';
import { escapeHtml } from '../../text/html.js';

type RenderableEmbed = Omit<Embed, 'position'> & { position?: number | null };

const PROVIDER_NAMES: Record<string, string> = {
  twitter: 'X (Twitter)',
  instagram: 'Instagram',
  tiktok: 'TikTok',
  facebook: 'Facebook',
  youtube: 'YouTube',
  vimeo: 'Vimeo',
  bluesky: 'Bluesky',
  threads: 'Threads',
  mastodon: 'Mastodon',
  reddit: 'Reddit',
  spotify: 'Spotify',
  soundcloud: 'SoundCloud',
  giphy: 'GIPHY',
  getty: 'Getty Images',
  documentcloud: 'DocumentCloud',
  datawrapper: 'Datawrapper',
  flourish: 'Flourish',
  infogram: 'Infogram',
  scribd: 'Scribd',
  googlemaps: 'Google Maps',
};

const ACTION: Record<string, string> = {
  post: 'View post on',
  video: 'Watch on',
  audio: 'Listen on',
  chart: 'View chart on',
  document: 'Read document on',
  map: 'View map on',
  image: 'View image on',
  page: 'Open',
};

/** Only absolute http(s) URLs make it into href/src; anything else (javascript:, data:) is dropped. */
function safeUrl(value: string | null | undefined, httpsOnly = false): string | null {
  if (value === null || value === undefined) return null;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || (!httpsOnly && url.protocol === 'http:')) return url.toString();
  } catch {
    return null;
  }
  return null;
}

function present(value: string | null | undefined): value is string {
  return value !== null && value !== undefined && value.trim() !== '';
}

/** Text as paragraphs: blank lines split paragraphs, single line breaks become <br>. */
function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${paragraph.split('\n').map((line) => escapeHtml(line.trim())).join('<br>')}</p>`)
    .join('');
}

function providerLabel(embed: RenderableEmbed): string {
  if (embed.provider === 'video' || embed.provider === 'audio' || embed.provider === 'iframe') {
    const url = safeUrl(embed.url);
    return url === null ? embed.provider : new URL(url).hostname;
  }
  return PROVIDER_NAMES[embed.provider] ?? embed.provider;
}

export function renderEmbedFigure(embed: RenderableEmbed, index: number): string {
  const parts: string[] = [];
  const position = Number.isInteger(index) && index >= 0 ? index : 0;
  parts.push(
    `<figure class="chronicle-embed" data-chronicle-embed="${position}" data-provider="${escapeHtml(embed.provider)}" data-kind="${escapeHtml(embed.kind)}"${present(embed.id) ? ` data-embed-id="${escapeHtml(embed.id)}"` : ''}>`,
  );
  if (present(embed.title)) parts.push(`<p class="chronicle-embed-title"><strong>${escapeHtml(embed.title)}</strong></p>`);
  if (present(embed.author) || present(embed.handle)) {
    const author = present(embed.author) ? `<span class="chronicle-embed-author">${escapeHtml(embed.author)}</span>` : '';
    const handle = present(embed.handle) ? `<span class="chronicle-embed-handle">@${escapeHtml(embed.handle)}</span>` : '';
    parts.push(`<p class="chronicle-embed-byline">${[author, handle].filter((part) => part !== '').join(' ')}</p>`);
  }
  if (present(embed.text)) parts.push(`<blockquote class="chronicle-embed-text">${paragraphs(embed.text)}</blockquote>`);
  const thumbnail = safeUrl(embed.thumbnail, true);
  if (thumbnail !== null) {
    parts.push(`<img class="chronicle-embed-thumbnail" src="${escapeHtml(thumbnail)}" alt="${escapeHtml(embed.title ?? '')}">`);
  }
  if (present(embed.date)) {
    const machine = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/.test(embed.date) ? ` datetime="${escapeHtml(embed.date)}"` : '';
    parts.push(`<p class="chronicle-embed-date"><time${machine}>${escapeHtml(embed.date)}</time></p>`);
  }
  const link = safeUrl(embed.url);
  const caption: string[] = [];
  if (present(embed.caption)) caption.push(`<span class="chronicle-embed-caption">${escapeHtml(embed.caption)}</span>`);
  const label = providerLabel(embed);
  const action = ACTION[embed.kind] ?? 'Open';
  if (link !== null) {
    caption.push(`<a class="chronicle-embed-link" href="${escapeHtml(link)}">${escapeHtml(`${action} ${label}`)}</a>`);
  } else {
    caption.push(`<span class="chronicle-embed-provider">${escapeHtml(label)}</span>`);
  }
  parts.push(`<figcaption>${caption.join(' ')}</figcaption>`);
  parts.push('</figure>');
  return parts.join('');
}
