import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import type { Command } from 'commander';
import { openArchive } from '../../archive/index.js';
import { createArchiveJob, type ArchivedPage } from '../../batch/archive-job.js';
import { argumentLines, countUrlLines, openInput } from '../../batch/input-lines.js';
import { ProgressBar } from '../../batch/progress.js';
import { outcomeToJson, outcomeToText } from '../../batch/report.js';
import { runBatch } from '../../batch/run-batch.js';
import { formatSummary } from '../../batch/summary.js';
import type { BatchOutcome, BatchSummary, InputLine } from '../../batch/types.js';
import { ChronicleError, type ErrorCode } from '../../errors.js';
import { fetchPage } from '../../fetch/fetch-page.js';
import { createExtractPool } from '../../extract/worker-pool.js';
import { buildSnapshot } from '../../pipeline/build-snapshot.js';
import type { CommandContext } from '../context.js';
import { EXIT, exitCodeFor } from '../exit-codes.js';
import { parseCount, resolveArchiveDir } from '../options.js';
import { installStopSignals } from '../../batch/stop-signals.js';
import { addBatchOptions, createBatchFetching, type BatchCommandOptions } from '../batch-options.js';

interface ArchiveCommandOptions extends BatchCommandOptions {
  skipExisting?: boolean;
  workers?: number;
}


export function registerArchive(program: Command, ctx: CommandContext): void {
  const command = program
    .command('archive')
    .description('fetch pages, extract their articles and file snapshots in the archive (one URL or a batch)')
    .argument('[urls...]', 'http(s) URLs to archive');
  addBatchOptions(command, 'one NDJSON line per input URL on stdout, as each finishes')
    .option('--skip-existing', 'skip, without fetching, URLs that already have a snapshot')
    .option('--workers <n>', 'extraction worker threads for a batch (0: extract in the main thread; default: one per CPU; a single URL extracts in the main thread)', parseCount)
    .action(async (urls: string[], options: ArchiveCommandOptions) => {
      ctx.setExit(await archiveCommand(urls, options, ctx));
    });
}

async function archiveCommand(urls: string[], options: ArchiveCommandOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  if (urls.length === 0 && options.input === undefined) {
    throw new ChronicleError('E_USAGE', 'give URLs as arguments or a list with -i FILE (-i - for standard input)');
  }
  const input = await inputLines(urls, options.input, io.stdin);
  const total = await knownTotal(urls, options.input);

  const archive = await openArchive(resolveArchiveDir(io, options.archiveDir));
  for (const notice of archive.notices) io.stderr.write(`chronicle: archive: ${notice}\n`);
  // With --debug, each retry is logged: which URL, why, and how long chronicle waits.
  const { agent, fetchOptions, robots } = createBatchFetching(
    options,
    ctx.debug()
      ? (info) => io.stderr.write(`chronicle: retry ${info.attempt} of ${info.url} after ${info.reason}, waiting ${info.delayMs} ms\n`)
      : undefined,
  );
  // A batch extracts in worker threads (one per CPU) while the main thread fetches and saves.
  const workers = options.workers ?? (urls.length === 1 && options.input === undefined ? 0 : availableParallelism());
  const pool = workers > 0 ? createExtractPool({ size: workers }) : null;
  const job = createArchiveJob({
    archive,
    fetch: (url, signal) => fetchPage(url, { ...fetchOptions, signal }),
    extract: (capture) => buildSnapshot(capture, pool ? { extract: pool.extract } : {}),
    robots,
  });

  const { stop, abandon, dispose: disposeSignals } = installStopSignals(io, options);
  // stdout closed by its reader (`… | head`): nobody wants more results, so stop as if interrupted.
  let stdoutClosed = false;
  const onStdoutError = (error: NodeJS.ErrnoException): void => {
    stdoutClosed = true;
    if (error.code !== 'EPIPE') io.stderr.write(`chronicle: cannot write to stdout: ${error.message}\n`);
    stop.abort('stdout closed');
    abandon.abort('stdout closed');
  };
  io.stdout.on('error', onStdoutError);

  const progress = io.stderrIsTTY && !options.quiet ? new ProgressBar(io.stderr, total) : null;
  const counts = { done: 0, failed: 0 };
  const cwd = io.cwd;
  const onOutcome = (outcome: BatchOutcome<ArchivedPage>): void => {
    counts.done++;
    if (outcome.status === 'failed') counts.failed++;
    progress?.clear();
    if (stdoutClosed) return;
    io.stdout.write(`${options.json ? JSON.stringify(outcomeToJson(outcome, pageFields)) : outcomeToText(outcome, (page) => describePage(page, cwd))}\n`);
    // With --json, stdout is for programs: the error is also said to a person, in one line on stderr.
    if (outcome.status === 'failed' && options.json && !options.quiet) {
      io.stderr.write(`chronicle: ${outcome.error.code}: ${outcome.input}: ${outcome.error.message.replace(/\s+/g, ' ').trim()}\n`);
    }
    progress?.update(counts, true);
  };

  let summary: BatchSummary;
  try {
    summary = await runBatch({
      lines: input.lines,
      job,
      onOutcome,
      concurrency: options.concurrency,
      perHost: options.perHost,
      delayMs: options.delayMs,
      stopSignal: stop.signal,
      abandonSignal: abandon.signal,
      ...(options.skipExisting ? { skip: async (item) => ((await archive.has(item.key)) ? 'exists' : null) } : {}),
    });
  } finally {
    // After an interrupt the reader may still be waiting on stdin: let go of it so the process can exit.
    if (stop.signal.aborted) input.close();
    disposeSignals();
    io.stdout.off('error', onStdoutError);
    progress?.clear();
    if (stop.signal.aborted) await agent.destroy().catch(() => undefined);
    else await agent.close().catch(() => undefined);
    await pool?.close();
    archive.close();
  }
  if (!options.quiet) io.stderr.write(`chronicle: ${formatSummary(summary)}\n`);
  return exitCodeOf(summary, urls.length === 1 && options.input === undefined);
}

/** 130 when interrupted; for a single URL argument the exit code of its error; else 7 when any URL failed, 0 when none. */
export function exitCodeOf(summary: BatchSummary, singleUrl: boolean): number {
  if (summary.interrupted) return EXIT.INTERRUPTED;
  if (summary.failed === 0) return EXIT.OK;
  if (singleUrl) {
    const codes = Object.keys(summary.failedBy) as ErrorCode[];
    if (codes.length === 1) return exitCodeFor(codes[0]!);
  }
  return EXIT.PARTIAL;
}

async function inputLines(
  urls: string[],
  input: string | undefined,
  stdin: NodeJS.ReadableStream,
): Promise<{ lines: AsyncIterable<InputLine>; close(): void }> {
  if (input === undefined) return { lines: argumentLines(urls), close: () => undefined };
  const source = await openInput(input, stdin);
  if (urls.length === 0) return { lines: source, close: () => source.close() };
  const lines = (async function* () {
    yield* argumentLines(urls);
    for await (const line of source) yield { line: line.line + urls.length, text: line.text };
  })();
  return { lines, close: () => source.close() };
}

/** Total URL lines for the progress bar: known for arguments and files, not for stdin. */
async function knownTotal(urls: string[], input: string | undefined): Promise<number | null> {
  if (input === undefined) return urls.length;
  if (input === '-') return null;
  return urls.length + (await countUrlLines(input));
}

function pageFields(page: ArchivedPage): Record<string, unknown> {
  return {
    id: page.id,
    dir: page.dir,
    created: page.created,
    previousId: page.previousId,
    finalUrl: page.finalUrl,
    status: page.status,
    title: page.title,
    wordCount: page.wordCount,
    attempts: page.attempts,
    redirects: page.redirects,
    lowConfidence: page.lowConfidence,
  };
}

function describePage(page: ArchivedPage, cwd: string): string {
  const dir = relative(cwd, page.dir) || page.dir;
  const state = page.created ? '' : ' (unchanged)';
  return `${dir}${state}  ${JSON.stringify(page.title ?? '')}`;
}
