import { availableParallelism } from 'node:os';
import { accessSync, constants, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { openArchive } from '../../archive/index.js';
import { ChronicleError } from '../../errors.js';
import { DEFAULT_MAX_BYTES } from '../../fetch/limits.js';
import type { ImportOutcome } from '../../warc/import.js';
import type { CommandContext } from '../context.js';
import { formatSummary } from '../batch/report.js';
import { exitCodeOf, runBatchCommand } from '../batch/run-command.js';
import { ARCHIVE_DIR_HELP, parseCount, parsePositive, resolveArchiveDir } from '../options.js';
import { collapseWhitespace } from '../../text/whitespace.js';
import { startExtractPool } from '../batch/extract-pool.js';

interface ImportCommandOptions {
  archiveDir?: string;
  json?: boolean;
  quiet?: boolean;
  workers?: number;
  concurrency?: number;
  maxBytes: number;
  urlPattern?: string;
  skipExisting?: boolean;
  graceMs: number;
}

export function registerImport(program: Command, ctx: CommandContext): void {
  program
    .command('import')
    .description('file every HTML response record of WARC files (.warc, .warc.gz) as a snapshot, as if fetched then')
    .argument('<files...>', 'WARC files: wget --warc-file, browsertrix, Common Crawl / CC-NEWS, chronicle export')
    .option('--archive-dir <dir>', ARCHIVE_DIR_HELP)
    .option('--json', 'one NDJSON line per WARC record on stdout, as each settles')
    .option('-q, --quiet', 'no summary on stderr')
    .option('--url-pattern <regex>', 'only response records whose WARC-Target-URI matches this regular expression')
    .option('--skip-existing', 'skip a record whose snapshot (same URL, time and body) is already filed')
    .option('--workers <n>', 'extraction worker threads (0: extract in the main thread; default: one per CPU)', parseCount)
    .option('--concurrency <n>', 'pages being extracted at once (default: twice the workers)', parsePositive)
    .option('--max-bytes <n>', 'largest payload imported, after decoding', parsePositive, DEFAULT_MAX_BYTES)
    .option('--grace-ms <ms>', 'on Ctrl-C/SIGTERM, how long pages in flight may finish before they are abandoned', parseCount, 2000)
    .action(async (files: string[], options: ImportCommandOptions) => {
      ctx.setExit(await importCommand(files, options, ctx));
    });
}

async function importCommand(files: string[], options: ImportCommandOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const paths = files.map((file) => checkedFile(resolve(io.cwd, file), file));
  const urlPattern = options.urlPattern === undefined ? undefined : parsePattern(options.urlPattern);
  // warcio loads only when importing, not with every command.
  const { importWarcFiles } = await import('../../warc/import.js');
  const archive = await openArchive(resolveArchiveDir(io, options.archiveDir));
  for (const notice of archive.notices) io.stderr.write(`chronicle: archive: ${notice}\n`);
  const workers = options.workers ?? availableParallelism();
  const pool = startExtractPool(workers);
  return runBatchCommand<ImportOutcome>({
    io,
    options,
    run: (signals, onOutcome) =>
      importWarcFiles(paths, {
        archive,
        ...(pool === null ? {} : { extract: pool.extract }),
        maxBytes: options.maxBytes,
        concurrency: options.concurrency ?? Math.max(2, workers * 2),
        ...(urlPattern === undefined ? {} : { urlPattern }),
        skipExisting: options.skipExisting === true,
        stopSignal: signals.stop,
        abandonSignal: signals.abandon,
        onOutcome,
      }),
    line: (outcome) => {
      if (options.json) return JSON.stringify(outcomeJson(outcome, paths, files));
      return outcome.type === 'response' || outcome.status === 'failed' ? outcomeText(outcome, io.cwd) : null;
    },
    subject: (outcome) => outcome.file,
    release: async () => {
      await pool?.close();
      archive.close();
    },
    summaryLine: (summary) => formatSummary(summary, 'imported'),
    exitCode: (summary) => exitCodeOf(summary, false),
  });
}

function checkedFile(path: string, given: string): string {
  try {
    accessSync(path, constants.R_OK);
    if (!statSync(path).isFile()) throw new Error('not a file');
  } catch {
    throw new ChronicleError('E_USAGE', `cannot read WARC file ${JSON.stringify(given)}`);
  }
  return path;
}

function parsePattern(text: string): RegExp {
  try {
    return new RegExp(text);
  } catch (error) {
    throw new ChronicleError('E_USAGE', `--url-pattern is not a regular expression: ${(error as Error).message}`);
  }
}

function outcomeJson(outcome: ImportOutcome, paths: string[], given: string[]): Record<string, unknown> {
  const file = given[paths.indexOf(outcome.file)] ?? outcome.file;
  const base = { file, offset: outcome.offset, recordId: outcome.recordId, url: outcome.url, type: outcome.type };
  if (outcome.status === 'ok') return { ...base, ok: true, ...outcome.value };
  if (outcome.status === 'skipped') return { ...base, ok: true, skipped: true, reason: outcome.reason };
  return { ...base, ok: false, error: { code: outcome.error.code, message: collapseWhitespace(outcome.error.message) } };
}

function outcomeText(outcome: ImportOutcome, cwd: string): string {
  const where = `${outcome.url ?? '-'} @${outcome.offset}`;
  if (outcome.status === 'ok') {
    const dir = relative(cwd, outcome.value.dir) || outcome.value.dir;
    return `ok    ${where}  ${dir}${outcome.value.created ? '' : ' (unchanged)'}  ${JSON.stringify(outcome.value.title ?? '')}`;
  }
  if (outcome.status === 'skipped') return `skip  ${where}  (${outcome.reason})`;
  return `FAIL  ${where}  ${outcome.error.code}: ${collapseWhitespace(outcome.error.message)}`;
}
