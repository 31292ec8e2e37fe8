/** HTML text in and out: character references decoded by the parser's rules, text escaped for markup. */
import { Parser } from 'htmlparser2';

/** HTML character references decoded by the HTML parser's own rules (htmlparser2, as pages are parsed); `<` kept. */
export function decodeEntities(text: string): string {
  let decoded = '';
  const parser = new Parser({ ontext: (data) => (decoded += data) }, { decodeEntities: true });
  parser.end(text.replace(/</g, '&lt;'));
  return decoded;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}
