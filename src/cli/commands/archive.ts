import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
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
import type { CommandContext } from '../context.js';
import { EXIT, exitCodeFor } from '../exit-codes.js';
import { watchStdoutClosed } from '../io.js';
import { parseCount, resolveArchiveDir } from '../options.js';
import { installStopSignals } from '../../batch/stop-signals.js';
import { fullDiskMessage, watchFullDisk } from '../../batch/full-disk.js';
import { addAssetsOption, extractWithAssets } from '../assets-option.js';
import { addBatchOptions, createBatchFetching, type BatchCommandOptions } from '../batch-options.js';
import { addSourceOptions, createRunSources, hasSources, type SourceCommandOptions } from '../source-options.js';
import { addRenderOptions, createRunRender, type RenderCommandOptions } from '../render-options.js';

interface ArchiveCommandOptions extends BatchCommandOptions, SourceCommandOptions, RenderCommandOptions {
  skipExisting?: boolean;
  assets?: boolean;
  keepFailed?: boolean;
  workers?: number;
}


export function registerArchive(program: Command, ctx: CommandContext): void {
  const command = program
    .command('archive')
    .description('fetch pages, extract their articles and file snapshots in the archive (one URL or a batch)')
    .argument('[urls...]', 'http(s) URLs to archive');
  addAssetsOption(addRenderOptions(addSourceOptions(addBatchOptions(command, 'one NDJSON line per input URL on stdout, as each finishes'))))
    .option('--skip-existing', 'skip, without fetching, URLs that already have a snapshot')
    .option('--keep-failed', 'record a capture that is a wall (consent, challenge, paywall teaser, error page) as a failed check with its bytes; it is never filed as a version')
    .option(
      '--workers <n>',
      `extraction worker threads for a batch, 0 to ${MAX_WORKERS} (0: extract in the main thread; default: one per CPU, at most ${MAX_WORKERS}; a single URL extracts in the main thread)`,
      parseWorkers,
    )
    .action(async (urls: string[], options: ArchiveCommandOptions) => {
      ctx.setExit(await archiveCommand(urls, options, ctx));
    });
}

/**
 * Most extraction workers: each may hold a few hundred MB (its heap limit is 320 MB), so 200 workers asked for
 * 5 GB, and past the number of cores more workers only share the same CPUs.
 */
export const MAX_WORKERS = 16;

function parseWorkers(value: string): number {
  const count = parseCount(value);
  if (count > MAX_WORKERS) throw new InvalidArgumentError(`expected 0 to ${MAX_WORKERS}`);
  return count;
}

async function archiveCommand(urls: string[], options: ArchiveCommandOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  if (urls.length === 0 && options.input === undefined && !hasSources(options)) {
    throw new ChronicleError('E_USAGE', 'give URLs as arguments, a list with -i FILE (-i - for standard input), --feed or --sitemap');
  }
  const sources = createRunSources(urls, options, io);
  const render = createRunRender(options, io);
  const singleUrl = urls.length === 1 && options.input === undefined && !hasSources(options);
  const input = await inputLines(urls, options.input, io.stdin);
  const total = hasSources(options) ? null : await knownTotal(urls, options.input);

  const archive = await openArchive(resolveArchiveDir(io, options.archiveDir));
  for (const notice of archive.notices) io.stderr.write(`chronicle: archive: ${notice}\n`);
  // With --debug, each retry is logged: which URL, why, and how long chronicle waits.
  const fetching = createBatchFetching(
    options,
    ctx.debug()
      ? (info) => io.stderr.write(`chronicle: retry ${info.attempt} of ${info.url} after ${info.reason}, waiting ${info.delayMs} ms\n`)
      : undefined,
  );
  const { agent, fetchOptions, robots } = fetching;
  // A batch extracts in worker threads (one per CPU) while the main thread fetches and saves.
  const workers = singleUrl ? 0 : (options.workers ?? Math.min(availableParallelism(), MAX_WORKERS));
  const pool = workers > 0 ? createExtractPool({ size: workers }) : null;
  const job = createArchiveJob({
    archive,
    fetch: (url, signal) => fetchPage(url, { ...fetchOptions, signal }),
    extract: extractWithAssets(render.extract(pool ? { extract: pool.extract } : {}), options.assets, fetchOptions),
    robots,
    keepFailed: options.keepFailed === true,
  });

  const { stop, abandon, dispose: disposeSignals } = installStopSignals(io, options);
  // stdout closed by its reader (`… | head`): nobody wants more results, so stop as if interrupted.
  let stdoutClosed = false;
  const unwatchStdout = watchStdoutClosed(io, () => {
    stdoutClosed = true;
    stop.abort('stdout closed');
    abandon.abort('stdout closed');
  });

  const progress = io.stderrIsTTY && !options.quiet ? new ProgressBar(io.stderr, total) : null;
  const counts = { done: 0, failed: 0 };
  const cwd = io.cwd;
  const fullDisk = watchFullDisk(stop);
  const onOutcome = (outcome: BatchOutcome<ArchivedPage>): void => {
    fullDisk.note(outcome);
    counts.done++;
    if (outcome.status === 'failed') counts.failed++;
    progress?.clear();
    const json = sources.annotate(outcome.line, options.json ? outcomeToJson(outcome, pageFields) : {});
    if (stdoutClosed) return;
    io.stdout.write(`${options.json ? JSON.stringify(json) : outcomeToText(outcome, (page) => describePage(page, cwd))}\n`);
    // With --json, stdout is for programs: the error is also said to a person, in one line on stderr.
    if (outcome.status === 'failed' && options.json && !options.quiet) {
      io.stderr.write(`chronicle: ${outcome.error.code}: ${outcome.input}: ${outcome.error.message.replace(/\s+/g, ' ').trim()}\n`);
    }
    progress?.update(counts, true);
  };

  let summary: BatchSummary;
  try {
    summary = await runBatch({
      lines: sources.lines(input.lines, fetching, stop.signal),
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
    unwatchStdout();
    progress?.clear();
    if (stop.signal.aborted) await agent.destroy().catch(() => undefined);
    else await agent.close().catch(() => undefined);
    await render.close();
    await pool?.close();
    archive.close();
  }
  if (fullDisk.tripped !== null) {
    // Not an interrupt: the run stopped itself because no further save could succeed (exit 6).
    if (!options.quiet) io.stderr.write(`chronicle: ${formatSummary({ ...summary, interrupted: false })}\n`);
    io.stderr.write(`chronicle: ${fullDiskMessage(fullDisk.tripped)}\n`);
    return EXIT.ARCHIVE;
  }
  if (!options.quiet) io.stderr.write(`chronicle: ${formatSummary(summary)}\n`);
  return sources.exitCode(exitCodeOf(summary, singleUrl));
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
    ...(page.damaged === undefined ? {} : { damaged: page.damaged }),
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
  const state = page.damaged !== undefined ? ` (replaces damaged snapshot ${page.damaged.id})` : page.created ? '' : ' (unchanged)';
  return `${dir}${state}  ${JSON.stringify(page.title ?? '')}`;
}
