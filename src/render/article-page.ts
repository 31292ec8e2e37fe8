import type { Snapshot } from '../types.js';
import { escapeHtml } from '../text/html.js';
import { offlineBodyHtml } from './offline-body.js';

export interface ArticlePageOptions {
  /** Images kept in the archive: absolute URL → link relative to article.html. Others show as alt-text links. */
  localImages?: ReadonlyMap<string, string>;
}

/** Nothing but the page's own inline style and images from the archive (same folder tree) or data: URLs. */
export const ARTICLE_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/**
 * article.html: a standalone page a person can open offline — title, authors, date, a link to the source, when it
 * was archived, then the (already sanitized) body. Nothing is loaded from anywhere: images kept in the archive are
 * shown through relative links, others as their alt text linked to the original; no <base> survives; and a
 * Content-Security-Policy forbids scripts and any remote load even if one slipped through.
 */
export function renderArticlePage(snapshot: Snapshot, options: ArticlePageOptions = {}): string {
  const { meta } = snapshot;
  const title = meta.title ?? snapshot.url;
  const lang = meta.lang ? ` lang="${escapeHtml(meta.lang)}"` : '';
  const byline = meta.authors.length > 0 ? `<p class="byline">By ${escapeHtml(joinNames(meta.authors))}</p>` : '';
  const published = meta.publishedAt
    ? `<p class="dates">Published <time datetime="${escapeHtml(meta.publishedAt)}">${escapeHtml(meta.publishedAt)}</time>${
        meta.modifiedAt && meta.modifiedAt !== meta.publishedAt
          ? `, updated <time datetime="${escapeHtml(meta.modifiedAt)}">${escapeHtml(meta.modifiedAt)}</time>`
          : ''
      }</p>`
    : '';
  const source = snapshot.canonicalUrl ?? snapshot.finalUrl;
  return `<!DOCTYPE html>
<html${lang}>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${ARTICLE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="chronicle">
<title>${escapeHtml(title)}</title>
<style>
body{max-width:42rem;margin:2rem auto;padding:0 1rem;font:1.05rem/1.6 Georgia,serif;color:#222}
header{border-bottom:1px solid #ddd;margin-bottom:1.5rem}
.byline,.dates,.source{font:.9rem/1.4 system-ui,sans-serif;color:#555;margin:.2rem 0}
blockquote{margin:1rem 0;padding:.2rem 1rem;border-left:4px solid #ccc;color:#333}
figure.chronicle-embed{margin:1.2rem 0;padding:.8rem 1rem;border:1px solid #ddd;border-radius:6px;font:.95rem/1.5 system-ui,sans-serif}
img{max-width:100%;height:auto}
.chronicle-image-missing{display:inline-block;padding:.3rem .6rem;border:1px dashed #bbb;font:.85rem/1.4 system-ui,sans-serif;color:#555}
</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
${byline}
${published}
<p class="source">Source: <a href="${escapeHtml(source)}">${escapeHtml(source)}</a>${
    meta.siteName ? ` (${escapeHtml(meta.siteName)})` : ''
  }</p>
<p class="source">Archived by chronicle on <time datetime="${escapeHtml(snapshot.fetch.fetchedAt)}">${escapeHtml(
    snapshot.fetch.fetchedAt,
  )}</time> · snapshot ${escapeHtml(snapshot.id)}</p>
</header>
<main>
${offlineBodyHtml(snapshot.body.html, snapshot.finalUrl, options.localImages)}
</main>
</body>
</html>
`;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
