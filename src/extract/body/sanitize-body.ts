import sanitizeHtml from 'sanitize-html';

/**
 * The allow-list that makes body.html safe to open: no scripts, no event handlers, no styles, no frames or
 * objects, only http(s)/mailto links and http(s)/data images. Embed figures keep their data-* attributes.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'q', 'cite', 'figure', 'figcaption',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'pre',
    'code', 'a', 'b', 'strong', 'i', 'em', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'abbr', 'time',
    'span', 'img', 'picture', 'source', 'aside', 'details', 'summary', 'address', 'footer', 'div',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'class'],
    img: ['src', 'alt', 'title', 'width', 'height', 'srcset', 'class'],
    source: ['srcset', 'type', 'media'],
    blockquote: ['cite', 'class'],
    q: ['cite'],
    time: ['datetime'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    figure: ['class', 'data-chronicle-embed', 'data-provider', 'data-kind', 'data-embed-id'],
    figcaption: ['class'],
    div: ['class'],
    p: ['class'],
    span: ['class'],
    footer: ['class'],
    '*': ['lang', 'dir'],
  },
  // Only the classes of chronicle's own embed figures survive (styling hooks for article.html).
  allowedClasses: {
    figure: ['chronicle-embed'],
    a: ['chronicle-embed-*'],
    img: ['chronicle-embed-*'],
    blockquote: ['chronicle-embed-*'],
    figcaption: ['chronicle-embed-*'],
    div: ['chronicle-embed-*'],
    p: ['chronicle-embed-*'],
    span: ['chronicle-embed-*'],
    footer: ['chronicle-embed-*'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'svg'],
};

export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
