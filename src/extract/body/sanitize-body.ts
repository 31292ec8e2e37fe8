import sanitizeHtml from 'sanitize-html';

/**
 * MathML presentation markup: equations stay equations in body.html (a browser renders them; none of these
 * elements runs anything or loads anything). Annotations (TeX source and the like) are not shown by a browser
 * and are dropped with their text.
 */
const MATHML_TAGS = [
  'math', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'mfrac', 'msqrt', 'mroot', 'msub', 'msup', 'msubsup',
  'munder', 'mover', 'munderover', 'mmultiscripts', 'mprescripts', 'none', 'mtable', 'mtr', 'mtd', 'mlabeledtr',
  'mstyle', 'mpadded', 'mphantom', 'menclose', 'merror', 'semantics',
];
const MATHML_ATTRIBUTES = [
  'display', 'mathvariant', 'stretchy', 'fence', 'separator', 'form', 'accent', 'accentunder', 'movablelimits',
  'largeop', 'symmetric', 'linethickness', 'displaystyle', 'scriptlevel', 'notation', 'columnalign', 'rowalign',
  'columnspan', 'rowspan', 'width', 'height', 'depth', 'lspace', 'rspace',
];

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
    ...MATHML_TAGS,
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
    ...Object.fromEntries(MATHML_TAGS.map((tag) => [tag, MATHML_ATTRIBUTES])),
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
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'svg', 'annotation', 'annotation-xml'],
};

export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
