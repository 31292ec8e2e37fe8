/**
 * A self-contained side-by-side HTML report of a SnapshotDiff: inline CSS only, no scripts, no external
 * resources (a Content-Security-Policy forbids loading any), every value escaped, <del>/<ins> marked.
 */
import { summaryLine } from './summary-line.js';
import type { Change, DiffSide, EmbedValue, QuoteValue, SnapshotDiff, WordPart } from './types.js';
import { escapeHtml } from '../text/html.js';

const STYLE = `
h2{font:600 17px/1.3 system-ui,sans-serif;margin:24px 0 8px}
.screenshots{display:grid;grid-template-columns:1fr 1fr;gap:16px;align-items:start}
.screenshots figure{margin:0}.screenshots figcaption{font:13px system-ui,sans-serif;color:#57606a;margin-bottom:4px}
.screenshots img{width:100%;height:auto;border:1px solid #d0d7de}
*{box-sizing:border-box}
body{font:16px/1.5 Georgia,"Times New Roman",serif;margin:0;padding:24px;color:#1f2328;background:#fff}
.notes{border-left:4px solid #1a7f37;padding:4px 12px;margin:12px 0}.notes blockquote{margin:4px 0}.stealth{border-left:4px solid #cf222e;padding:4px 12px;margin:12px 0}
h1{font:600 20px/1.3 system-ui,sans-serif;margin:0 0 4px}
p.summary{font:14px system-ui,sans-serif;color:#57606a;margin:0 0 16px}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #d0d7de;padding:8px 10px;vertical-align:top;text-align:left;word-wrap:break-word}
th{font:600 13px system-ui,sans-serif;background:#f6f8fa}
th:first-child,td.field{width:10em}
td.field{font:600 13px system-ui,sans-serif;color:#57606a}
td.empty{background:#f6f8fa}
del{background:#ffcecb;color:#82071e;text-decoration:line-through;text-decoration-thickness:1px}
ins{background:#aceebb;color:#055d20;text-decoration:none}
td.old del, td.new ins{padding:1px 0;border-radius:2px}
.legend{font:13px system-ui,sans-serif;margin:0 0 12px}
.none{font:14px system-ui,sans-serif;color:#57606a}
`;

function sideHeader(label: string, side: DiffSide): string {
  return `${label} <br><code>${escapeHtml(side.id)}</code><br>${escapeHtml(side.fetchedAt)}`;
}

function wordsCell(parts: WordPart[], which: 'old' | 'new'): string {
  return parts
    .map((part) => {
      if (part.type === 'equal') return escapeHtml(part.text);
      if (part.type === 'removed') return which === 'old' ? `<del>${escapeHtml(part.text)}</del>` : '';
      return which === 'new' ? `<ins>${escapeHtml(part.text)}</ins>` : '';
    })
    .join('');
}

function whole(text: string | null, tag: 'del' | 'ins'): string {
  return text === null ? '' : `<${tag}>${escapeHtml(text)}</${tag}>`;
}

function quoteText(quote: QuoteValue | null): string | null {
  return quote === null ? null : `“${quote.text}”${quote.by === null ? '' : ` — ${quote.by}`}`;
}

function embedText(embed: EmbedValue | null): string | null {
  if (embed === null) return null;
  return `${embed.provider} ${embed.id ?? embed.url ?? ''}${embed.text === null ? '' : `: ${embed.text}`}`;
}

function cells(change: Change): [label: string, oldHtml: string, newHtml: string] {
  switch (change.field) {
    case 'authors': {
      const removed = new Set(change.removed);
      const added = new Set(change.added);
      const list = (names: string[], marked: Set<string>, tag: 'del' | 'ins'): string =>
        names.map((name) => (marked.has(name) ? whole(name, tag) : escapeHtml(name))).join(', ');
      return ['authors', list(change.old, removed, 'del'), list(change.new, added, 'ins')];
    }
    case 'body': {
      const label = `body ¶${change.paragraph + 1}${change.unit === 'sentence' ? ' (sentence)' : ''}`;
      if (change.words !== undefined) return [label, wordsCell(change.words, 'old'), wordsCell(change.words, 'new')];
      return [label, whole(change.old, 'del'), whole(change.new, 'ins')];
    }
    case 'quotes':
      if (change.words !== undefined && change.old !== null && change.new !== null) {
        const by = (q: QuoteValue): string => (q.by === null ? '' : ` — ${escapeHtml(q.by)}`);
        return ['quote', `“${wordsCell(change.words, 'old')}”${by(change.old)}`, `“${wordsCell(change.words, 'new')}”${by(change.new)}`];
      }
      return ['quote', whole(quoteText(change.old), 'del'), whole(quoteText(change.new), 'ins')];
    case 'embeds':
      return ['embed', whole(embedText(change.old), 'del'), whole(embedText(change.new), 'ins')];
    default:
      if (change.words !== undefined) return [change.field, wordsCell(change.words, 'old'), wordsCell(change.words, 'new')];
      return [change.field, whole(change.old, 'del'), whole(change.new, 'ins')];
  }
}

/** PNG screenshots of the two versions, shown side by side in the report when both have one. */
export interface ReportScreenshots {
  before: Uint8Array;
  after: Uint8Array;
}

export function renderHtml(diff: SnapshotDiff, screenshots: ReportScreenshots | null = null): string {
  const rows = diff.changes.map((change) => {
    const [label, oldHtml, newHtml] = cells(change);
    const td = (cls: string, html: string): string => `<td class="${cls}${html === '' ? ' empty' : ''}">${html}</td>`;
    return `<tr data-field="${escapeHtml(change.field)}" data-type="${change.type}" data-acknowledged="${diff.acknowledged}"><td class="field">${escapeHtml(label)}</td>${td('old', oldHtml)}${td('new', newHtml)}</tr>`;
  });
  // The note that acknowledges the changes stands beside them; without one, the edit is marked stealth.
  const notes = !diff.changed
    ? ''
    : diff.acknowledged
      ? `<aside class="notes"><p><strong>Noted by the outlet:</strong></p>${diff.notes.map((note) => `<blockquote class="note" data-kind="${escapeHtml(note.kind)}">${escapeHtml(note.text)}</blockquote>`).join('')}</aside>`
      : '<p class="stealth"><strong>STEALTH</strong>: no correction or update note was added with these changes.</p>';
  const title = diff.to.title ?? diff.from.title ?? diff.to.url;
  const table =
    rows.length === 0
      ? '<p class="none">No differences.</p>'
      : `<table><thead><tr><th>field</th><th>${sideHeader('Before', diff.from)}</th><th>${sideHeader('After', diff.to)}</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Changes: ${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="summary">${diff.samePage ? escapeHtml(diff.to.url) : `${escapeHtml(diff.from.url)} → ${escapeHtml(diff.to.url)} (two different pages)`} — ${escapeHtml(summaryLine(diff.summary))}</p>
<p class="legend"><del>removed</del> <ins>added</ins></p>
${notes}
${table}
${screenshots === null ? '' : screenshotSection(diff, screenshots)}
</body>
</html>
`;
}

/** The two screenshots side by side, inlined as data: URLs so the report stays one self-contained file. */
function screenshotSection(diff: SnapshotDiff, screenshots: ReportScreenshots): string {
  const figure = (label: string, side: SnapshotDiff['from'], png: Uint8Array): string =>
    `<figure><figcaption>${sideHeader(label, side)}</figcaption><img alt="${escapeHtml(`${label}: screenshot`)}" src="data:image/png;base64,${Buffer.from(png).toString('base64')}"></figure>`;
  return `<h2>Screenshots</h2>\n<div class="screenshots">${figure('Before', diff.from, screenshots.before)}${figure('After', diff.to, screenshots.after)}</div>`;
}
