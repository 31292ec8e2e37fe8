import type { DiffSummary } from './types.js';

const MINUS = '\u2212';

function counts(added: number, removed: number, changed = 0): string {
  const parts: string[] = [];
  if (added > 0) parts.push(`+${added}`);
  if (removed > 0) parts.push(`${MINUS}${removed}`);
  if (changed > 0) parts.push(`~${changed}`);
  return parts.join(' ');
}

/** One line naming what changed: "title; body +2 −1 sentences; quotes +1". "no changes" when nothing did. */
export function summaryLine(summary: DiffSummary): string {
  const parts: string[] = [];
  for (const field of summary.fields) {
    if (field === 'body') {
      const text = counts(summary.body.sentencesAdded, summary.body.sentencesRemoved);
      parts.push(text === '' ? 'body' : `body ${text} sentences`);
    } else if (field === 'quotes' || field === 'embeds') {
      const { added, removed, changed } = summary[field];
      const text = counts(added, removed, changed);
      parts.push(text === '' ? field : `${field} ${text}`);
    } else {
      parts.push(field);
    }
  }
  return parts.length === 0 ? 'no changes' : parts.join('; ');
}
