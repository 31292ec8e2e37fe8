/** Renders a SnapshotDiff like git's word diff: [-removed-]{+added+}, or red/green without brackets in colour. */
import { summaryLine } from './summary-line.js';
import type { Change, EmbedValue, QuoteValue, SnapshotDiff, WordPart } from './types.js';

export interface TerminalOptions {
  colour: boolean;
}

const RED = '\u001b[31m';
const GREEN = '\u001b[32m';
const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

function marker(colour: boolean) {
  return {
    removed: (text: string): string => (text === '' ? '' : colour ? `${RED}${text}${RESET}` : `[-${text}-]`),
    added: (text: string): string => (text === '' ? '' : colour ? `${GREEN}${text}${RESET}` : `{+${text}+}`),
    label: (text: string): string => (colour ? `${BOLD}${text}${RESET}` : text),
    dim: (text: string): string => (colour ? `${DIM}${text}${RESET}` : text),
  };
}

function words(parts: WordPart[], mark: ReturnType<typeof marker>): string {
  return parts
    .map((part) => (part.type === 'equal' ? part.text : part.type === 'removed' ? mark.removed(part.text) : mark.added(part.text)))
    .join('');
}

function oldNew(oldText: string | null, newText: string | null, mark: ReturnType<typeof marker>): string {
  return [oldText === null ? '' : mark.removed(oldText), newText === null ? '' : mark.added(newText)].filter((s) => s !== '').join(' ');
}

function quoteText(quote: QuoteValue | null): string | null {
  if (quote === null) return null;
  return `“${quote.text}”${quote.by === null ? '' : ` (${quote.by})`}`;
}

function embedText(embed: EmbedValue | null): string | null {
  if (embed === null) return null;
  const ref = embed.id ?? embed.url ?? '?';
  return `${embed.provider} ${ref}${embed.text === null ? '' : `: ${embed.text}`}`;
}

function line(change: Change, mark: ReturnType<typeof marker>): string {
  switch (change.field) {
    case 'authors':
      return `${mark.label('authors:')} ${[...change.removed.map(mark.removed), ...change.added.map(mark.added)].join(' ')}`;
    case 'body': {
      const where = mark.label(`body ¶${change.paragraph + 1}:`);
      if (change.words !== undefined) return `${where} ${words(change.words, mark)}`;
      return `${where} ${oldNew(change.old, change.new, mark)}`;
    }
    case 'quotes': {
      if (change.words !== undefined && change.new !== null) {
        return `${mark.label('quote:')} “${words(change.words, mark)}”${change.new.by === null ? '' : ` (${change.new.by})`}`;
      }
      return `${mark.label('quote:')} ${oldNew(quoteText(change.old), quoteText(change.new), mark)}`;
    }
    case 'embeds':
      return `${mark.label('embed:')} ${oldNew(embedText(change.old), embedText(change.new), mark)}`;
    default:
      if (change.words !== undefined) return `${mark.label(`${change.field}:`)} ${words(change.words, mark)}`;
      return `${mark.label(`${change.field}:`)} ${oldNew(change.old, change.new, mark)}`;
  }
}

/** "STEALTH: no correction or update note" or "noted: correction: An earlier version…", and a headline change named. */
export function acknowledgement(diff: SnapshotDiff): string {
  const headline = diff.kinds.includes('headline') ? (diff.kinds.includes('content') ? ' (headline and content)' : ' (headline only)') : '';
  if (!diff.acknowledged) return `STEALTH${headline}: no correction or update note added`;
  return `noted${headline}: ${diff.notes.map((note) => `${note.kind}: ${note.text}`).join(' | ')}`;
}

export function renderTerminal(diff: SnapshotDiff, options: TerminalOptions): string {
  const mark = marker(options.colour);
  // Two different pages: say so, and name them, so nobody reads the result as one page's edits.
  const page = (url: string): string => (diff.samePage ? '' : `  ${url}`);
  const lines = [
    mark.dim(`--- ${diff.from.id}  ${diff.from.fetchedAt}${page(diff.from.url)}`),
    mark.dim(`+++ ${diff.to.id}  ${diff.to.fetchedAt}${page(diff.to.url)}`),
    ...(diff.samePage ? [] : [mark.label('note: these are snapshots of two different pages')]),
    `${summaryLine(diff.summary)}`,
  ];
  if (diff.changed) lines.push(acknowledgement(diff));
  for (const change of diff.changes) lines.push(line(change, mark));
  return `${lines.join('\n')}\n`;
}
