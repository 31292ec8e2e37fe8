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

/**
 * Byte patterns of the WHATWG MIME Sniffing standard (image, audio/video, font and archive type pattern
 * matching, plus PDF and PostScript from its table of unknown types): a body that starts so is that type
 * whatever its Content-Type says. `mask` bytes are ANDed before comparing (0xff when absent).
 */
const BINARY_SIGNATURES: readonly { type: string; pattern: number[]; mask?: number[] }[] = [
  { type: 'application/pdf', pattern: [...'%PDF-'].map((c) => c.charCodeAt(0)) },
  { type: 'application/postscript', pattern: [...'%!PS-Adobe-'].map((c) => c.charCodeAt(0)) },
  { type: 'image/gif', pattern: [...'GIF87a'].map((c) => c.charCodeAt(0)) },
  { type: 'image/gif', pattern: [...'GIF89a'].map((c) => c.charCodeAt(0)) },
  { type: 'image/png', pattern: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', pattern: [0xff, 0xd8, 0xff] },
  { type: 'image/webp', pattern: [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50], mask: [0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff] },
  { type: 'image/x-icon', pattern: [0x00, 0x00, 0x01, 0x00] },
  { type: 'audio/wave', pattern: [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45], mask: [0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff] },
  { type: 'audio/mpeg', pattern: [0x49, 0x44, 0x33] },
  { type: 'application/ogg', pattern: [0x4f, 0x67, 0x67, 0x53, 0x00] },
  { type: 'video/webm', pattern: [0x1a, 0x45, 0xdf, 0xa3] },
  { type: 'video/mp4', pattern: [0, 0, 0, 0, 0x66, 0x74, 0x79, 0x70], mask: [0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff] },
  { type: 'font/woff', pattern: [...'wOFF'].map((c) => c.charCodeAt(0)) },
  { type: 'font/woff2', pattern: [...'wOF2'].map((c) => c.charCodeAt(0)) },
  { type: 'application/x-gzip', pattern: [0x1f, 0x8b, 0x08] },
  { type: 'application/zip', pattern: [0x50, 0x4b, 0x03, 0x04] },
  { type: 'application/x-rar-compressed', pattern: [0x52, 0x61, 0x72, 0x20, 0x1a, 0x07, 0x00] },
];

/** The standard's resource header: the bytes sniffing looks at. */
const RESOURCE_HEADER_BYTES = 1445;

/** The standard's binary data bytes: control characters that text never holds. */
function isBinaryDataByte(byte: number): boolean {
  return byte <= 0x08 || byte === 0x0b || (byte >= 0x0e && byte <= 0x1a) || (byte >= 0x1c && byte <= 0x1f);
}

function matchesSignature(bytes: Uint8Array, signature: (typeof BINARY_SIGNATURES)[number]): boolean {
  if (bytes.length < signature.pattern.length) return false;
  return signature.pattern.every((expected, index) => (bytes[index]! & (signature.mask?.[index] ?? 0xff)) === expected);
}

/**
 * What a body really is when it is not text, by the WHATWG MIME Sniffing rules: a known binary signature
 * (PDF, images, media, fonts, archives) names its type; else a binary data byte in the resource header (the
 * standard's "text or binary" rule; a byte-order mark means text) makes it application/octet-stream. Null for
 * text, which HTML is. Applied to pages served as text/html too: a PDF or a file download mislabelled so is
 * no article.
 */
export function sniffBinaryType(body: Uint8Array): string | null {
  const header = body.subarray(0, RESOURCE_HEADER_BYTES);
  const bom = (header[0] === 0xfe && header[1] === 0xff) || (header[0] === 0xff && header[1] === 0xfe) || (header[0] === 0xef && header[1] === 0xbb && header[2] === 0xbf);
  if (bom) return null;
  const signature = BINARY_SIGNATURES.find((candidate) => matchesSignature(header, candidate));
  if (signature !== undefined) return signature.type;
  return header.some(isBinaryDataByte) ? 'application/octet-stream' : null;
}
