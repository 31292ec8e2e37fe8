import type { Command } from 'commander';
import { openArchive, type FileArchive } from '../../archive/index.js';
import type { ListFilter, SnapshotSummary } from '../../archive/types.js';
import { ChronicleError } from '../../errors.js';
import type { CommandContext } from '../context.js';
import { ARCHIVE_DIR_HELP, resolveArchiveDir } from '../options.js';
import { collapseWhitespace } from '../../text/whitespace.js';

interface ListOptions {
  archiveDir?: string;
  site?: string;
  url?: string;
  since?: string;
  until?: string;
  json?: boolean;
}

export function registerList(program: Command, ctx: CommandContext): void {
  program
    .command('list')
    .description('list archived snapshots, oldest first')
    .option('--archive-dir <dir>', ARCHIVE_DIR_HELP)
    .option('--site <host>', 'only this site: a host (subdomains included) or host:port')
    .option('--url <url>', 'only this page (matched after URL normalization)')
    .option('--since <date>', 'fetched at or after this ISO date/time')
    .option('--until <date>', 'fetched before this ISO date/time (a bare date includes that whole day)')
    .option('--json', 'NDJSON on stdout: one snapshot per line')
    .action(async (options: ListOptions) => {
      const filter: ListFilter = {
        ...(options.site === undefined ? {} : { site: options.site }),
        ...(options.url === undefined ? {} : { url: options.url }),
        ...(options.since === undefined ? {} : { since: parseDateOption(options.since, '--since', 'start') }),
        ...(options.until === undefined ? {} : { until: parseDateOption(options.until, '--until', 'after') }),
      };
      await withArchive(ctx, options.archiveDir, async (archive) => {
        const rows = await archive.list(filter);
        if (options.json) {
          for (const row of rows) ctx.io.stdout.write(`${JSON.stringify(row)}\n`);
        } else if (rows.length === 0) {
          ctx.io.stderr.write('no snapshots\n');
        } else {
          ctx.io.stdout.write(formatTable(rows));
        }
      });
    });
}

/**
 * Opens the archive for a read command (a missing archive is E_ARCHIVE, exit 6), prints what the open
 * repaired on stderr, runs `work` and closes the archive. Reading commands open it read-only, so a
 * read-only archive (read-only storage, a full disk) stays readable; `reindex` passes write: true.
 */
export async function withArchive<T>(
  ctx: CommandContext,
  archiveDir: string | undefined,
  work: (archive: FileArchive) => Promise<T>,
  options: { write?: boolean } = {},
): Promise<T> {
  const archive = await openArchive(resolveArchiveDir(ctx.io, archiveDir), { create: false, readOnly: options.write !== true });
  try {
    for (const notice of archive.notices) ctx.io.stderr.write(`chronicle: ${notice}\n`);
    return await work(archive);
  } finally {
    archive.close();
  }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses an ISO-8601 date or date-time option (E_USAGE otherwise). A date-time without a zone is UTC.
 * For a bare date, 'start' gives its first instant and 'after' the first instant of the next day (an
 * exclusive bound that includes the whole day); 'end' gives its last millisecond.
 */
export function parseDateOption(value: string, name: string, bareDate: 'start' | 'after' | 'end'): Date {
  const text = value.trim();
  let ms: number;
  if (DATE_ONLY.test(text)) {
    ms = Date.parse(`${text}T00:00:00.000Z`);
    if (!Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) !== text) ms = Number.NaN;
    if (!Number.isNaN(ms) && bareDate === 'after') ms += 86_400_000;
    if (!Number.isNaN(ms) && bareDate === 'end') ms += 86_399_999;
  } else if (DATE_TIME.test(text)) {
    const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`;
    ms = Date.parse(zoned.replace(' ', 'T'));
  } else {
    ms = Number.NaN;
  }
  if (Number.isNaN(ms)) {
    throw new ChronicleError('E_USAGE', `${name} expects an ISO date such as 2026-11-25 or 2026-11-25T10:15:00Z, got ${JSON.stringify(value)}`);
  }
  return new Date(ms);
}

function formatTable(rows: SnapshotSummary[]): string {
  const header = ['FETCHED', 'ID', 'TITLE', 'URL'];
  const lines = rows.map((row) => [row.fetchedAt.replace(/\.\d{3}Z$/, 'Z'), row.id, truncate(row.title ?? '(untitled)', 60), row.url]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)));
  const render = (cells: string[]): string =>
    cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ');
  return `${[header, ...lines].map(render).join('\n')}\n`;
}

export function truncate(text: string, max: number): string {
  const flat = collapseWhitespace(text);
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
