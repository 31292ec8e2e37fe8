/** Content types we archive as pages. */
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** The lower-case media type of a Content-Type header ("text/html; charset=x" → "text/html"), or null. */
export function mediaType(contentType: string | null | undefined): string | null {
  if (contentType === null || contentType === undefined) return null;
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase();
  return type === '' ? null : type;
}

/** True for text/html and application/xhtml+xml. */
export function isHtmlType(contentType: string | null | undefined): boolean {
  const type = mediaType(contentType);
  return type !== null && HTML_TYPES.has(type);
}

/**
 * Types that say nothing about the content, so the body is sniffed instead: no header at all,
 * or the generic types servers send when they do not know.
 */
export function isUnknownType(contentType: string | null | undefined): boolean {
  const type = mediaType(contentType);
  return type === null || type === 'application/octet-stream' || type === 'unknown/unknown' || type === 'text/plain';
}

const HTML_SIGNATURES = [
  '<!doctype html', '<html', '<head', '<body', '<script', '<iframe', '<h1', '<div', '<font', '<table', '<a',
  '<style', '<title', '<b', '<br', '<p', '<!--', '<?xml',
];

/**
 * The WHATWG MIME sniffing rule for HTML, simplified: skip a BOM and leading whitespace, then look for a
 * tag that only HTML starts with (followed by a space or ">"). Binary signatures such as %PDF never match.
 */
export function looksLikeHtml(body: Uint8Array): boolean {
  const head = Buffer.from(body.subarray(0, 1024)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF|^\xFF\xFE|^\xFE\xFF/, '');
  const trimmed = head.replace(/^[\t\n\f\r ]+/, '').toLowerCase();
  return HTML_SIGNATURES.some((signature) => {
    if (!trimmed.startsWith(signature)) return false;
    if (signature === '<!--' || signature === '<?xml') return true;
    const next = trimmed.charAt(signature.length);
    return next === ' ' || next === '>' || next === '\t' || next === '\n' || next === '\r' || next === '\f';
  });
}
