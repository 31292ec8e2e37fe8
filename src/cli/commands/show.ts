import { Option, type Command } from 'commander';
import type { FileArchive } from '../../archive/index.js';
import { ChronicleError } from '../../errors.js';
import { normalizeUrl } from '../../normalize/url.js';
import type { Snapshot } from '../../types.js';
import type { CommandContext } from '../context.js';
import { ARCHIVE_DIR_HELP } from '../options.js';
import { parseDateOption, withArchive } from './list.js';

type ShowFormat = 'json' | 'text' | 'html' | 'raw';

interface ShowOptions {
  archiveDir?: string;
  at?: string;
  format: ShowFormat;
}

export function registerShow(program: Command, ctx: CommandContext): void {
  program
    .command('show')
    .description('print one snapshot: by id, or the latest of a URL (or the one current at --at)')
    .argument('<id|url>', 'a snapshot id, or an http(s) URL')
    .option('--archive-dir <dir>', ARCHIVE_DIR_HELP)
    .option('--at <date>', 'with a URL: the snapshot current at this ISO date/time (a bare date means its end)')
    .addOption(new Option('--format <format>', 'json record, text, article html, or the raw page').choices(['json', 'text', 'html', 'raw']).default('text'))
    .action(async (ref: string, options: ShowOptions) => {
      const isUrl = /^https?:\/\//i.test(ref);
      if (options.at !== undefined && !isUrl) throw new ChronicleError('E_USAGE', '--at needs a URL, not a snapshot id');
      const at = options.at === undefined ? undefined : parseDateOption(options.at, '--at', 'end');
      await withArchive(ctx, options.archiveDir, async (archive) => {
        const snapshot = isUrl ? await latestOf(archive, ref, at) : await archive.load(ref);
        await print(ctx, archive, snapshot, options.format);
      });
    });
}

async function latestOf(archive: FileArchive, url: string, at: Date | undefined): Promise<Snapshot> {
  const snapshot = await archive.current(url, at);
  if (snapshot === null) {
    const when = at === undefined ? '' : ` at or before ${at.toISOString()}`;
    const key = normalizeUrl(url);
    throw new ChronicleError('E_NOT_FOUND', `no snapshot of ${key}${when}`, { url: key });
  }
  return snapshot;
}

async function print(ctx: CommandContext, archive: FileArchive, snapshot: Snapshot, format: ShowFormat): Promise<void> {
  if (format === 'json') {
    ctx.io.stdout.write(`${JSON.stringify(snapshot, null, 2)}\n`);
    return;
  }
  if (format === 'text') {
    ctx.io.stdout.write(renderText(snapshot));
    return;
  }
  // Checked against its recorded sha256, never through a link: a damaged or planted file is refused (exit 6).
  const data = await archive.readFile(snapshot.id, format === 'html' ? 'article.html' : 'raw.html');
  ctx.io.stdout.write(data);
}

/** A plain-text rendering for reading in a terminal. */
export function renderText(snapshot: Snapshot): string {
  const lines: string[] = [];
  lines.push(snapshot.meta.title ?? '(untitled)');
  const byline = [
    snapshot.meta.authors.length > 0 ? `By ${snapshot.meta.authors.join(', ')}` : null,
    snapshot.meta.siteName,
    snapshot.meta.publishedAt === null ? null : `published ${snapshot.meta.publishedAt}`,
    snapshot.meta.modifiedAt === null ? null : `modified ${snapshot.meta.modifiedAt}`,
  ].filter((part): part is string => part !== null && part !== '');
  if (byline.length > 0) lines.push(byline.join(' · '));
  lines.push(snapshot.url);
  lines.push(`snapshot ${snapshot.id}, fetched ${snapshot.fetch.fetchedAt}`);
  lines.push(...renderLines(snapshot));
  lines.push('', snapshot.body.text.trim(), '');
  if (snapshot.quotes.length > 0) {
    lines.push('Quotes:');
    for (const quote of snapshot.quotes) {
      const who = quote.kind === 'direct' ? quote.speaker : quote.kind === 'excerpt' ? quote.source : null;
      lines.push(`  [${quote.kind}] “${quote.text}”${who === null ? '' : ` — ${who}`}`);
    }
    lines.push('');
  }
  if (snapshot.embeds.length > 0) {
    lines.push('Embeds:');
    for (const embed of snapshot.embeds) {
      const text = embed.text ?? embed.title ?? '';
      lines.push(`  [${embed.provider} ${embed.kind}] ${embed.url ?? '(no url)'}${text === '' ? '' : ` — ${text}`}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/** For a page the browser loaded: when and why, and the files it left beside raw.html. */
function renderLines(snapshot: Snapshot): string[] {
  const render = snapshot.render;
  if (render === undefined) return [];
  const from = render.extractedFromRendered ? 'extracted from the rendered page' : 'extracted from the server\'s response';
  const lines = [`rendered ${render.renderedAt} (${render.reason}; ${from})`];
  if (render.html !== null) lines.push(`  rendered.html  ${render.html.bytes} bytes`);
  if (render.screenshot !== null) lines.push(`  screenshot.png  ${render.screenshot.width}×${render.screenshot.height} px, ${render.screenshot.bytes} bytes`);
  return lines;
}
