import { TextDecoder, labelToName } from '@exodus/bytes/encoding.js';
import chardet from 'chardet';
import sniffHTMLEncoding from 'html-encoding-sniffer';

export interface DecodedHtml {
  text: string;
  /** WHATWG canonical encoding name actually used, e.g. "UTF-8", "windows-1252", "Shift_JIS". */
  charset: string;
  /**
   * Which rule decided: a byte-order mark, the Content-Type header, a <meta> (the prescan of the first 1024
   * bytes, else one further on in <head>), the bytes themselves (nothing declared and the bytes are ASCII or
   * UTF-8, or a <meta> that names another encoding for bytes that are UTF-8: see decodeHtml), or statistical
   * detection (nothing declared, the bytes are not UTF-8: a guess).
   */
  charsetSource: 'bom' | 'header' | 'meta' | 'sniff' | 'detected';
  /** True when the encoding is a guess (charsetSource 'detected'): the text may be mojibake. */
  guessed: boolean;
}

/** Never a legitimate answer of the prescan (it maps x-user-defined to windows-1252), so it marks "nothing found". */
const NOTHING_FOUND = 'x-user-defined';

/**
 * Decodes an HTML byte stream by the WHATWG rules: BOM, then the Content-Type charset, then the <meta> prescan of
 * the first 1024 bytes. Then, as browsers do when the parser meets a <meta charset> later on (and crawlers that
 * scan the whole head), a <meta> anywhere in <head>. When nothing names an encoding, valid UTF-8 (ASCII
 * included) is read as UTF-8, and anything else by statistical detection (chardet: Shift_JIS, EUC-JP, GB18030,
 * Big5, EUC-KR, KOI8-R, windows-125x, ISO-8859-x, …), marked as a guess; windows-1252 (the spec's default for
 * most locales) when detection names nothing the Encoding standard can decode. One departure from the browser rules: a <meta> (never a
 * header or BOM) that names another encoding for bytes that are valid UTF-8 and not plain ASCII is overruled,
 * since such bytes are UTF-8 (a page re-saved or migrated to UTF-8 with its old declaration left in place —
 * Readability's own qq test page is one: gb2312 declared, UTF-8 saved). Text in a legacy encoding is
 * practically never valid UTF-8 once it holds non-ASCII text. Decoding uses @exodus/bytes, a complete
 * implementation of the Encoding standard (Node's own TextDecoder reads windows-1252 as ISO-8859-1 and loses
 * curly quotes).
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): DecodedHtml {
  const headerLabel = charsetFromContentType(contentType);
  let charset = sniffHTMLEncoding(bytes, {
    transportLayerEncodingLabel: headerLabel ?? undefined,
    defaultEncoding: NOTHING_FOUND,
  });
  let charsetSource: DecodedHtml['charsetSource'];
  if (charset === NOTHING_FOUND && !hasBom(bytes)) charset = metaInHead(bytes) ?? NOTHING_FOUND;
  if (hasBom(bytes)) charsetSource = 'bom';
  else if (charset !== NOTHING_FOUND && headerLabel !== null && sameEncoding(headerLabel, charset)) charsetSource = 'header';
  else if (charset !== NOTHING_FOUND) {
    charsetSource = 'meta';
    if (charset !== 'UTF-8' && hasNonAscii(bytes) && isValidUtf8(bytes)) {
      charset = 'UTF-8';
      charsetSource = 'sniff';
    }
  } else if (isValidUtf8(bytes)) {
    charsetSource = 'sniff';
    charset = 'UTF-8';
  } else {
    charsetSource = 'detected';
    charset = detectEncoding(bytes);
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    // An encoding the platform cannot decode (should not happen with full ICU): fall back like a browser would.
    charset = 'windows-1252';
    decoder = new TextDecoder(charset);
  }
  return { text: decoder.decode(bytes), charset, charsetSource, guessed: charsetSource === 'detected' };
}

/** How far into the page a <head> is searched for a late <meta> (a head past this is not a head). */
const HEAD_SCAN_BYTES = 512 * 1024;

/**
 * The encoding named by the first <meta charset> or <meta http-equiv="Content-Type"> in <head> past the 1024
 * bytes of the prescan (a long <title>, styles or scripts before it), read by the same prescan rules from that
 * tag on; null if none. The search ends at </head> or <body>.
 */
function metaInHead(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, HEAD_SCAN_BYTES)).toString('latin1').toLowerCase();
  const end = Math.min(...['</head', '<body'].map((tag) => head.indexOf(tag)).filter((index) => index >= 0), head.length);
  for (let index = head.indexOf('<meta'); index >= 0 && index < end; index = head.indexOf('<meta', index + 5)) {
    const named = sniffHTMLEncoding(bytes.subarray(index, index + 1024), { defaultEncoding: NOTHING_FOUND });
    if (named !== NOTHING_FOUND) return named;
  }
  return null;
}

/** The statistical detector's best guess as an Encoding-standard name, windows-1252 when it has none. */
function detectEncoding(bytes: Uint8Array): string {
  for (const match of chardet.analyse(bytes)) {
    const name = labelToName(match.name);
    if (name !== null && name !== 'replacement' && !name.startsWith('UTF-16')) return name;
  }
  return 'windows-1252';
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return match ? match[2]!.trim() : null;
}

function sameEncoding(label: string, canonical: string): boolean {
  const name = labelToName(label);
  return name !== null && name === labelToName(canonical);
}

function hasBom(bytes: Uint8Array): boolean {
  return (
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe)
  );
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
