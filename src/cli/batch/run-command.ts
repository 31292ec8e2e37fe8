import type { BatchSummary } from '../../batch/types.js';
import type { ErrorCode } from '../../errors.js';
import { EXIT, exitCodeFor } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { watchStdoutClosed } from '../io.js';
import { fullDiskMessage, watchFullDisk } from './full-disk.js';
import { ProgressBar } from './progress.js';
import { installStopSignals } from './stop-signals.js';
import { collapseWhitespace } from '../../text/whitespace.js';

/** The least an outcome of any batch (`archive`, `check`, `import`) tells the host. */
export interface SettledOutcome {
  status: string;
  error?: { code: ErrorCode; message: string };
}

/** The run's stop signals, handed to the work: stop takes no new items, abandon gives up those in flight. */
export interface RunSignals {
  stop: AbortSignal;
  abandon: AbortSignal;
}

/** What a batch command hands the host: the work itself and how to show its outcomes. */
export interface BatchCommand<O extends SettledOutcome> {
  io: CliIo;
  options: { quiet?: boolean; json?: boolean; graceMs: number };
  /** Runs the work to its end (runBatch, importWarcFiles …), reporting each outcome as it settles. */
  run(signals: RunSignals, onOutcome: (outcome: O) => void): Promise<BatchSummary>;
  /** Its stdout line (without the newline), or null for an outcome not shown. */
  line(outcome: O): string | null;
  /** What a failure names on its --json stderr line (the URL as written, the WARC file). */
  subject(outcome: O): string;
  /** Bookkeeping of each outcome before it is shown (findings of `check`). */
  observe?(outcome: O): void;
  /** Items expected, for the progress bar (null: unknown); undefined: no progress bar. */
  total?: number | null;
  /** Stop taking new items at the first failure for a full disk, and exit 6 (see full-disk.ts). */
  stopOnFullDisk?: boolean;
  /** Frees what the run held (agent, pool, archive); `interrupted` when it was stopped. */
  release(interrupted: boolean): Promise<void>;
  /** The summary said on stderr; `forFullDisk` when the run stopped itself for a full disk. */
  summaryLine(summary: BatchSummary, forFullDisk: boolean): string;
  /** The run's exit code once it ended normally or interrupted. */
  exitCode(summary: BatchSummary): number;
}

/**
 * The host of every batch command: Ctrl-C/SIGTERM (stop, then abandon), a closed stdout (`… | head` stops the
 * run), the progress bar, one line per outcome on stdout (and a failure's one line on stderr with --json), the
 * full-disk stop, the summary on stderr and the exit code. The work itself never touches the process.
 */
export async function runBatchCommand<O extends SettledOutcome>(command: BatchCommand<O>): Promise<number> {
  const { io, options } = command;
  const { stop, abandon, dispose: disposeSignals } = installStopSignals(io, options);
  // stdout closed by its reader (`… | head`): nobody wants more results, so stop as if interrupted.
  let stdoutClosed = false;
  const unwatchStdout = watchStdoutClosed(io, () => {
    stdoutClosed = true;
    stop.abort('stdout closed');
    abandon.abort('stdout closed');
  });
  const progress = command.total !== undefined && io.stderrIsTTY && !options.quiet ? new ProgressBar(io.stderr, command.total) : null;
  const counts = { done: 0, failed: 0 };
  const fullDisk = command.stopOnFullDisk === true ? watchFullDisk(stop) : null;
  const onOutcome = (outcome: O): void => {
    fullDisk?.note(outcome);
    counts.done++;
    if (outcome.status === 'failed') counts.failed++;
    command.observe?.(outcome);
    progress?.clear();
    if (stdoutClosed) return;
    const line = command.line(outcome);
    if (line !== null) io.stdout.write(`${line}\n`);
    // With --json, stdout is for programs: the error is also said to a person, in one line on stderr.
    if (outcome.status === 'failed' && outcome.error !== undefined && options.json && !options.quiet) {
      io.stderr.write(`chronicle: ${outcome.error.code}: ${command.subject(outcome)}: ${oneLine(outcome.error.message)}\n`);
    }
    progress?.update(counts, true);
  };

  let summary: BatchSummary;
  try {
    summary = await command.run({ stop: stop.signal, abandon: abandon.signal }, onOutcome);
  } finally {
    disposeSignals();
    unwatchStdout();
    progress?.clear();
    await command.release(stop.signal.aborted);
  }
  const tripped = fullDisk?.tripped ?? null;
  if (tripped !== null) {
    // Not an interrupt: the run stopped itself because no further save could succeed (exit 6).
    if (!options.quiet) io.stderr.write(`chronicle: ${command.summaryLine({ ...summary, interrupted: false }, true)}\n`);
    io.stderr.write(`chronicle: ${fullDiskMessage(tripped)}\n`);
    return EXIT.ARCHIVE;
  }
  if (!options.quiet) io.stderr.write(`chronicle: ${command.summaryLine(summary, false)}\n`);
  return command.exitCode(summary);
}

/** 130 when interrupted; for a single URL argument the exit code of its error; else 7 when any item failed, 0 when none. */
export function exitCodeOf(summary: BatchSummary, singleUrl: boolean): number {
  if (summary.interrupted) return EXIT.INTERRUPTED;
  if (summary.failed === 0) return EXIT.OK;
  if (singleUrl) {
    const codes = Object.keys(summary.failedBy) as ErrorCode[];
    if (codes.length === 1) return exitCodeFor(codes[0]!);
  }
  return EXIT.PARTIAL;
}

function oneLine(message: string): string {
  return collapseWhitespace(message);
}
