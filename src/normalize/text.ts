import { collapseWhitespace } from '../text/whitespace.js';

/** Unicode NFC and collapsed whitespace: the form of every single-line text field of a snapshot. */
export function normalizeLine(value: string): string {
  return collapseWhitespace(value.normalize('NFC'));
}

export function normalizeLineOrNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const line = normalizeLine(value);
  return line === '' ? null : line;
}

/** NFC, lines trimmed, runs of blank lines folded to one: the form of multi-paragraph text. */
export function normalizeParagraphs(value: string): string {
  return value
    .normalize('NFC')
    .split(/\n{2,}/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
        .filter((line) => line !== '')
        .join('\n'),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** A date string as ISO-8601 UTC with milliseconds, or null when it does not parse. */
export function toIsoUtc(value: string | null | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
