import type { Command } from 'commander';
import { openArchive } from '../../archive/index.js';
import { createCheckJob, type CheckedPage } from '../../batch/check-job.js';
import { argumentLines, countUrlLines, openInput } from '../../batch/input-lines.js';
import { ProgressBar } from '../../batch/progress.js';
import { outcomeToJson, outcomeToText } from '../../batch/report.js';
import { runBatch } from '../../batch/run-batch.js';
import { formatSummary } from '../../batch/summary.js';
import type { BatchOutcome, BatchSummary, InputLine } from '../../batch/types.js';
import { ChronicleError } from '../../errors.js';
import { fetchPage } from '../../fetch/fetch-page.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { watchStdoutClosed } from '../io.js';
import { resolveArchiveDir } from '../options.js';
import { exitCodeOf } from './archive.js';
import { installStopSignals } from '../../batch/stop-signals.js';
import { fullDiskMessage, watchFullDisk } from '../../batch/full-disk.js';
import { addAssetsOption, extractWithAssets } from '../assets-option.js';
import { addBatchOptions, createBatchFetching, type BatchCommandOptions } from '../batch-options.js';
import { addSourceOptions, createRunSources, hasSources, type SourceCommandOptions } from '../source-options.js';
import { addRenderOptions, createRunRender, type RenderCommandOptions } from '../render-options.js';

interface CheckCommandOptions extends BatchCommandOptions, SourceCommandOptions, RenderCommandOptions {
  stealthOnly?: boolean;
  assets?: boolean;
}

export type { CheckedPage };

export function registerCheck(program: Command, ctx: CommandContext): void {
  const command = program
    .command('check')
    .description('fetch URLs again; file a new snapshot only when the article changed (exit 1 when one did)')
    .argument('[urls...]', 'http(s) URLs to check');
  addAssetsOption(addRenderOptions(addSourceOptions(addBatchOptions(command, 'one NDJSON line per URL: {url, changed, new, previousId, id, fields, summary, capture, acknowledged, …}'))))
    .option('--stealth-only', 'exit 1 only for changes no correction/update note acknowledges (stealth edits)')
    .action(async (urls: string[], options: CheckCommandOptions) => {
      ctx.setExit(await checkCommand(urls, options, ctx));
    });
}

async function checkCommand(urls: string[], options: CheckCommandOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  if (urls.length === 0 && options.input === undefined && !hasSources(options)) {
    throw new ChronicleError('E_USAGE', 'check needs URLs as arguments, a list with -i FILE (-i - for standard input), --feed or --sitemap');
  }
  const sources = createRunSources(urls, options, io);
  const render = createRunRender(options, io);
  const lines = await inputLines(urls, options.input, io.stdin);
  const total = hasSources(options) ? null : options.input === undefined ? urls.length : options.input === '-' ? null : urls.length + (await countUrlLines(options.input));

  const archive = await openArchive(resolveArchiveDir(io, options.archiveDir));
  for (const notice of archive.notices) io.stderr.write(`chronicle: archive: ${notice}\n`);
  const fetching = createBatchFetching(options);
  const { agent, fetchOptions, robots } = fetching;
  const job = createCheckJob({
    archive,
    fetch: (url, signal) => fetchPage(url, { ...fetchOptions, signal }),
    extract: extractWithAssets(render.extract({}), options.assets, fetchOptions),
    robots,
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
  const found: CheckFindings = { changed: 0, stealth: 0, failedCaptures: 0, takeDowns: 0 };
  const fullDisk = watchFullDisk(stop);
  const onOutcome = (outcome: BatchOutcome<CheckedPage>): void => {
    fullDisk.note(outcome);
    counts.done++;
    if (outcome.status === 'failed') counts.failed++;
    if (outcome.status === 'ok') countFindings(found, outcome.value);
    progress?.clear();
    if (stdoutClosed) return;
    const json = sources.annotate(outcome.line, options.json ? checkJson(outcome) : {});
    io.stdout.write(`${options.json ? JSON.stringify(json) : checkText(outcome)}\n`);
    if (outcome.status === 'failed' && options.json && !options.quiet) {
      io.stderr.write(`chronicle: ${outcome.error.code}: ${outcome.input}: ${outcome.error.message.replace(/\s+/g, ' ').trim()}\n`);
    }
    progress?.update(counts, true);
  };

  let summary: BatchSummary;
  try {
    summary = await runBatch({
      lines: sources.lines(lines, fetching, stop.signal),
      job,
      onOutcome,
      concurrency: options.concurrency,
      perHost: options.perHost,
      delayMs: options.delayMs,
      stopSignal: stop.signal,
      abandonSignal: abandon.signal,
    });
  } finally {
    disposeSignals();
    unwatchStdout();
    progress?.clear();
    if (stop.signal.aborted) await agent.destroy().catch(() => undefined);
    else await agent.close().catch(() => undefined);
    await render.close();
    archive.close();
  }
  if (fullDisk.tripped !== null) {
    if (!options.quiet) io.stderr.write(`chronicle: ${formatSummary({ ...summary, interrupted: false }, 'checked')}, changed ${found.changed}\n`);
    io.stderr.write(`chronicle: ${fullDiskMessage(fullDisk.tripped)}\n`);
    return EXIT.ARCHIVE;
  }
  if (!options.quiet) {
    const extra = [
      found.stealth > 0 ? `stealth ${found.stealth}` : '',
      found.failedCaptures > 0 ? `failed captures ${found.failedCaptures}` : '',
      found.takeDowns > 0 ? `taken down ${found.takeDowns}` : '',
    ].filter((part) => part !== '');
    io.stderr.write(`chronicle: ${formatSummary(summary, 'checked')}, changed ${found.changed}${extra.map((part) => `, ${part}`).join('')}\n`);
  }
  const singleUrl = urls.length === 1 && options.input === undefined && !hasSources(options);
  return sources.exitCode(checkExitCode(summary, found, singleUrl, options.stealthOnly === true));
}

export interface CheckFindings {
  changed: number;
  /** Changes no correction/update note acknowledged. */
  stealth: number;
  /** Captures that were a wall, a challenge, an error page, a teaser or truncated (no version filed). */
  failedCaptures: number;
  takeDowns: number;
}

function countFindings(found: CheckFindings, page: CheckedPage): void {
  if (page.changed) found.changed++;
  if (page.changed && page.acknowledged === false) found.stealth++;
  if (page.capture !== 'ok') found.failedCaptures++;
  if (page.takeDown !== null) found.takeDowns++;
}

/**
 * One code for the run, the most severe finding first, so a run where some URL could not be checked never
 * reads as a clean 0 or 1: interrupted → 130; any error → as `archive` (one URL argument: its error's code
 * 2/3/4/5/6; else 7); then 9 when any article was taken down; then 8 when any capture failed (a wall, a
 * challenge, an error page, a teaser, truncated); then 1 when any article changed (with --stealth-only: when
 * any change was unacknowledged); else 0. A URL archived for the first time is not a change.
 */
export function checkExitCode(summary: BatchSummary, found: CheckFindings, singleUrl: boolean, stealthOnly = false): number {
  const failureCode = exitCodeOf(summary, singleUrl);
  if (failureCode !== EXIT.OK) return failureCode;
  if (found.takeDowns > 0) return EXIT.TAKEN_DOWN;
  if (found.failedCaptures > 0) return EXIT.FAILED_CAPTURE;
  const changes = stealthOnly ? found.stealth : found.changed;
  return changes > 0 ? EXIT.CHANGED : EXIT.OK;
}

async function inputLines(urls: string[], input: string | undefined, stdin: NodeJS.ReadableStream): Promise<AsyncIterable<InputLine>> {
  if (input === undefined) return argumentLines(urls);
  const fromInput = await openInput(input, stdin);
  if (urls.length === 0) return fromInput;
  return (async function* () {
    yield* argumentLines(urls);
    for await (const line of fromInput) yield { line: line.line + urls.length, text: line.text };
  })();
}

/** The NDJSON line: the batch fields (url as written, line, ok, error…) with changed/previousId/id/fields always present. */
function checkJson(outcome: BatchOutcome<CheckedPage>): Record<string, unknown> {
  const unknown = { changed: null, new: false, previousId: null, id: null, fields: [] as string[], capture: null, acknowledged: null };
  return { ...(outcome.status === 'ok' ? {} : unknown), ...outcomeToJson(outcome, (page) => ({ ...page })) };
}

function checkText(outcome: BatchOutcome<CheckedPage>): string {
  if (outcome.status !== 'ok') return outcomeToText(outcome, () => '');
  const page = outcome.value;
  if (page.takeDown !== null) return `taken down ${outcome.input}  HTTP ${page.takeDown.status} ${page.takeDown.finalUrl}`;
  if (page.capture !== 'ok') return `failed     ${outcome.input}  ${page.summary}  (no version filed)`;
  const back = page.returned ? '  (back after a take-down)' : '';
  if (page.new) return `new        ${outcome.input}  ${page.id}${back}`;
  if (!page.changed) return `unchanged  ${outcome.input}  ${page.id}${back}`;
  const kind = page.kinds.includes('headline') ? (page.kinds.includes('content') ? ' headline+content' : ' headline only') : '';
  const mark = page.acknowledged ? `noted${kind}: ${page.notes.map((note) => `${note.kind}: ${note.text}`).join(' | ')}` : `STEALTH${kind}`;
  return `changed    ${outcome.input}  ${page.previousId} -> ${page.id}  (${page.summary})  ${mark}${back}`;
}
