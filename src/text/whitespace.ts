/**
 * Whitespace folding, one function per distinct output. `\s` already covers tabs, line breaks, NBSP and the other
 * Unicode spaces; the zero-width space (U+200B) is not in `\s`, so the helpers that fold it say so.
 */

/** Every run of whitespace becomes one space; trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** collapseWhitespace that also folds zero-width spaces, then Unicode NFC: the form of a metadata or quote value. */
export function collapseWhitespaceNfc(text: string): string {
  return text.replace(/[\s\u200b]+/g, ' ').trim().normalize('NFC');
}

/**
 * Multi-line text tidied: spaces, tabs and NBSP inside each line folded and the line trimmed, single line breaks
 * kept, runs of blank lines folded into one paragraph break.
 */
export function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The trimmed text, or null when there is none. */
export function nullIfEmpty(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}
