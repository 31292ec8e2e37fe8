import type { Command } from 'commander';
import { openArchive } from '../../archive/index.js';
import type { Archive } from '../../archive/types.js';
import { createArchiveJob } from '../../batch/archive-job.js';
import { argumentLines, countUrlLines, openInput } from '../../batch/input-lines.js';
import { ProgressBar } from '../../batch/progress.js';
import { outcomeToJson, outcomeToText } from '../../batch/report.js';
import { runBatch } from '../../batch/run-batch.js';
import { formatSummary } from '../../batch/summary.js';
import type { BatchJob, BatchOutcome, BatchSummary, InputLine } from '../../batch/types.js';
import { diffSnapshots } from '../../diff/compare-snapshots.js';
import { summaryLine } from '../../diff/summary-line.js';
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
  assets?: boolean;
}

/** What one checked URL reports (the fields of its NDJSON line besides url, line, ok, elapsedMs). */
export interface CheckedPage {
  /** True when the article changed and a new snapshot was filed. */
  changed: boolean;
  /** True when the URL had never been archived: it was archived now, and `changed` is false. */
  new: boolean;
  /** The latest snapshot before this check (null for a new URL). */
  previousId: string | null;
  /** The snapshot now current: the new one when changed, else the unchanged latest. */
  id: string;
  /** Names of the fields that changed (title, description, authors, publishedAt, modifiedAt, canonicalUrl, body, quotes, embeds). */
  fields: string[];
  /** "title; body +2 −1 sentences", "unchanged" or "first version". */
  summary: string;
  title: string | null;
}


export function registerCheck(program: Command, ctx: CommandContext): void {
  const command = program
    .command('check')
    .description('fetch URLs again; file a new snapshot only when the article changed (exit 1 when one did)')
    .argument('[urls...]', 'http(s) URLs to check');
  addAssetsOption(addRenderOptions(addSourceOptions(addBatchOptions(command, 'one NDJSON line per URL: {url, changed, new, previousId, id, fields, summary, …}'))))
    .action(async (urls: string[], options: CheckCommandOptions) => {
      ctx.setExit(await checkCommand(urls, options, ctx));
    });
}

/**
 * The per-URL job of `check`: the archive job (robots, fetch, extract, save — save records an unchanged
 * check when the content digest equals the latest snapshot's), then, when a new snapshot was filed over
 * an older one, a diff against it to name the changed fields.
 */
export function createCheckJob(archive: Archive, archiveJob: ReturnType<typeof createArchiveJob>): BatchJob<CheckedPage> {
  return async (item, signal) => {
    const result = await archiveJob(item, signal);
    if (result.skipped) return result;
    const page = result.value;
    const base = { id: page.id, previousId: page.previousId, title: page.title };
    if (page.previousId === null) return { skipped: false, value: { ...base, changed: false, new: true, fields: [], summary: 'first version' } };
    if (!page.created) return { skipped: false, value: { ...base, changed: false, new: false, fields: [], summary: 'unchanged' } };
    const [before, after] = await Promise.all([archive.get(page.previousId), archive.get(page.id)]);
    const diff = before !== null && after !== null ? diffSnapshots(before, after) : null;
    if (page.damaged !== undefined && diff !== null && !diff.changed) {
      // The newest version was damaged and replaced; against the newest intact one nothing changed.
      return { skipped: false, value: { ...base, changed: false, new: false, fields: [], summary: `unchanged (replaces damaged snapshot ${page.damaged.id})` } };
    }
    return {
      skipped: false,
      value: { ...base, changed: true, new: false, fields: diff?.summary.fields ?? [], summary: diff === null ? 'changed' : summaryLine(diff.summary) },
    };
  };
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
  const archiveJob = createArchiveJob({
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
  let changed = 0;
  const fullDisk = watchFullDisk(stop);
  const onOutcome = (outcome: BatchOutcome<CheckedPage>): void => {
    fullDisk.note(outcome);
    counts.done++;
    if (outcome.status === 'failed') counts.failed++;
    if (outcome.status === 'ok' && outcome.value.changed) changed++;
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
      job: createCheckJob(archive, archiveJob),
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
    if (!options.quiet) io.stderr.write(`chronicle: ${formatSummary({ ...summary, interrupted: false }, 'checked')}, changed ${changed}\n`);
    io.stderr.write(`chronicle: ${fullDiskMessage(fullDisk.tripped)}\n`);
    return EXIT.ARCHIVE;
  }
  if (!options.quiet) io.stderr.write(`chronicle: ${formatSummary(summary, 'checked')}, changed ${changed}\n`);
  return sources.exitCode(checkExitCode(summary, changed, urls.length === 1 && options.input === undefined && !hasSources(options)));
}

/**
 * Failures outrank changes, so a run where some URL could not be checked never reads as a clean 0 or 1:
 * interrupted → 130; any failure → as `archive` (one URL argument: its error's code 2/3/4/5/6; else 7);
 * otherwise 1 when any article changed, else 0. A URL archived for the first time is not a change.
 */
export function checkExitCode(summary: BatchSummary, changed: number, singleUrl: boolean): number {
  const failureCode = exitCodeOf(summary, singleUrl);
  if (failureCode !== EXIT.OK) return failureCode;
  return changed > 0 ? EXIT.CHANGED : EXIT.OK;
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
  const unknown = { changed: null, new: false, previousId: null, id: null, fields: [] as string[] };
  return { ...(outcome.status === 'ok' ? {} : unknown), ...outcomeToJson(outcome, (page) => ({ ...page })) };
}

function checkText(outcome: BatchOutcome<CheckedPage>): string {
  if (outcome.status !== 'ok') return outcomeToText(outcome, () => '');
  const page = outcome.value;
  if (page.new) return `new        ${outcome.input}  ${page.id}`;
  if (!page.changed) return `unchanged  ${outcome.input}  ${page.id}`;
  return `changed    ${outcome.input}  ${page.previousId} -> ${page.id}  (${page.summary})`;
}
