import { availableParallelism } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import { openArchive, type FileArchive } from '../../archive/index.js';
import { argumentLines, countUrlLines, openInput } from '../../batch/input-lines.js';
import { runBatch } from '../../batch/run-batch.js';
import type { BatchItem, BatchJob, BatchOutcome, BatchSummary, InputLine } from '../../batch/types.js';
import { ChronicleError } from '../../errors.js';
import { fetchPage } from '../../fetch/fetch-page.js';
import type { RobotsCache } from '../../fetch/robots.js';
import type { BuiltSnapshot } from '../../pipeline/build-snapshot.js';
import type { Capture } from '../../types.js';
import { addAssetsOption, extractWithAssets } from '../assets-option.js';
import { addBatchOptions, createBatchFetching, type BatchCommandOptions } from '../batch-options.js';
import type { CommandContext } from '../context.js';
import { parseCount, resolveArchiveDir } from '../options.js';
import { addRenderOptions, createRunRender, type RenderCommandOptions } from '../render-options.js';
import { addSourceOptions, createRunSources, hasSources, type SourceCommandOptions } from '../source-options.js';
import { runBatchCommand } from './run-command.js';
import { startExtractPool } from './extract-pool.js';

/** The options of a command that fetches a list of URLs into the archive (`archive`, `check`). */
export interface UrlBatchOptions extends BatchCommandOptions, SourceCommandOptions, RenderCommandOptions {
  assets?: boolean;
  workers?: number;
}

/** What the per-URL job of a URL batch is built from. */
export interface UrlJobDeps {
  archive: FileArchive;
  fetch: (url: string, signal: AbortSignal) => Promise<Capture>;
  extract: (capture: Capture, signal: AbortSignal) => Promise<BuiltSnapshot>;
  robots: RobotsCache | null;
}

/** What differs between `archive` and `check`: the job, how a result is shown, the summary and the exit code. */
export interface UrlBatchSpec<T> {
  /** The usage error when no URL, list or source is given. */
  usage: string;
  createJob(deps: UrlJobDeps): BatchJob<T>;
  /** Decides before a URL takes a slot whether to skip it (--skip-existing). */
  skip?(archive: FileArchive): (item: BatchItem) => Promise<string | null>;
  json(outcome: BatchOutcome<T>): Record<string, unknown>;
  text(outcome: BatchOutcome<T>): string;
  observe?(outcome: BatchOutcome<T>): void;
  summaryLine(summary: BatchSummary, forFullDisk: boolean): string;
  /** The exit code before the sources' own (10 when a feed failed); `singleUrl` for one URL argument. */
  exitCode(summary: BatchSummary, singleUrl: boolean): number;
}

/**
 * Most extraction workers: each may hold a few hundred MB (its heap limit is 320 MB), so 200 workers asked for
 * 5 GB, and past the number of cores more workers only share the same CPUs.
 */
export const MAX_WORKERS = 16;

/** What a URL batch command is called and says in its help. */
export interface UrlBatchCommandHelp {
  name: string;
  description: string;
  argument: string;
  /** What its --json lines hold. */
  json: string;
}

/**
 * Declares a URL batch command with the options every one takes (batch, sources, render, assets), then its
 * own (`own`), then --workers.
 */
export function declareUrlBatch(program: Command, help: UrlBatchCommandHelp, own: (command: Command) => Command): Command {
  const command = program.command(help.name).description(help.description).argument('[urls...]', help.argument);
  return addWorkersOption(own(addAssetsOption(addRenderOptions(addSourceOptions(addBatchOptions(command, help.json))))));
}

/** Declares --workers (extraction worker threads) on a URL batch command. */
function addWorkersOption(command: Command): Command {
  return command.option(
    '--workers <n>',
    `extraction worker threads for a batch, 0 to ${MAX_WORKERS} (0: extract in the main thread; default: one per CPU, at most ${MAX_WORKERS}; a single URL extracts in the main thread)`,
    parseWorkers,
  );
}

function parseWorkers(value: string): number {
  const count = parseCount(value);
  if (count > MAX_WORKERS) throw new InvalidArgumentError(`expected 0 to ${MAX_WORKERS}`);
  return count;
}

/**
 * Runs a URL batch (`archive`, `check`): the URLs of the arguments, `-i FILE` and the feeds/sitemaps through
 * fetch → extract (in worker threads for a batch) → the command's job, under the batch host (runBatchCommand).
 */
export async function runUrlBatch<T>(urls: string[], options: UrlBatchOptions, ctx: CommandContext, spec: UrlBatchSpec<T>): Promise<number> {
  const { io } = ctx;
  if (urls.length === 0 && options.input === undefined && !hasSources(options)) throw new ChronicleError('E_USAGE', spec.usage);
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
  const pool = startExtractPool(workers);
  const job = spec.createJob({
    archive,
    fetch: (url, signal) => fetchPage(url, { ...fetchOptions, signal }),
    extract: extractWithAssets(render.extract(pool ? { extract: pool.extract } : {}), options.assets, fetchOptions),
    robots,
  });

  return runBatchCommand<BatchOutcome<T>>({
    io,
    options,
    total,
    stopOnFullDisk: true,
    run: (signals, onOutcome) =>
      runBatch({
        lines: sources.lines(input.lines, fetching, signals.stop),
        job,
        onOutcome,
        concurrency: options.concurrency,
        perHost: options.perHost,
        delayMs: options.delayMs,
        stopSignal: signals.stop,
        abandonSignal: signals.abandon,
        ...(spec.skip === undefined ? {} : { skip: spec.skip(archive) }),
      }),
    line: (outcome) => {
      const json = sources.annotate(outcome.line, options.json ? spec.json(outcome) : {});
      return options.json ? JSON.stringify(json) : spec.text(outcome);
    },
    subject: (outcome) => outcome.input,
    ...(spec.observe === undefined ? {} : { observe: spec.observe }),
    release: async (interrupted) => {
      // After an interrupt the reader may still be waiting on stdin: let go of it so the process can exit.
      if (interrupted) input.close();
      if (interrupted) await agent.destroy().catch(() => undefined);
      else await agent.close().catch(() => undefined);
      await render.close();
      await pool?.close();
      archive.close();
    },
    summaryLine: spec.summaryLine,
    // A failed feed or sitemap has its say (exit 10).
    exitCode: (summary) => sources.exitCode(spec.exitCode(summary, singleUrl)),
  });
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
