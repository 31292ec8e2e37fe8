import { TextDecoder, labelToName } from '@exodus/bytes/encoding.js';
import sniffHTMLEncoding from 'html-encoding-sniffer';

export interface DecodedHtml {
  text: string;
  /** WHATWG canonical encoding name actually used, e.g. "UTF-8", "windows-1252", "Shift_JIS". */
  charset: string;
  /**
   * Which rule decided: a byte-order mark, the Content-Type header, the <meta> prescan, or the bytes themselves
   * (nothing declared, or a <meta> that names another encoding for bytes that are UTF-8: see decodeHtml).
   */
  charsetSource: 'bom' | 'header' | 'meta' | 'sniff';
}

/** Never a legitimate answer of the prescan (it maps x-user-defined to windows-1252), so it marks "nothing found". */
const NOTHING_FOUND = 'x-user-defined';

/**
 * Decodes an HTML byte stream by the WHATWG rules: BOM, then the Content-Type charset, then the <meta> prescan of
 * the first 1024 bytes; when none of them names an encoding, valid UTF-8 is read as UTF-8 and anything else as
 * windows-1252 (the spec's default for most locales). One departure from the browser rules: a <meta> (never a
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
  if (hasBom(bytes)) charsetSource = 'bom';
  else if (charset !== NOTHING_FOUND && headerLabel !== null && sameEncoding(headerLabel, charset)) charsetSource = 'header';
  else if (charset !== NOTHING_FOUND) {
    charsetSource = 'meta';
    if (charset !== 'UTF-8' && hasNonAscii(bytes) && isValidUtf8(bytes)) {
      charset = 'UTF-8';
      charsetSource = 'sniff';
    }
  } else {
    charsetSource = 'sniff';
    charset = isValidUtf8(bytes) ? 'UTF-8' : 'windows-1252';
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    // An encoding the platform cannot decode (should not happen with full ICU): fall back like a browser would.
    charset = 'windows-1252';
    decoder = new TextDecoder(charset);
  }
  return { text: decoder.decode(bytes), charset, charsetSource };
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
