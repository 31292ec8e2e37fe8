import { performance } from 'node:perf_hooks';
import { ChronicleError, toChronicleError } from '../errors.js';
import { attemptsOf } from '../fetch/fetch-error.js';
import { normalizeUrl, parseHttpUrl, redactCredentials } from '../normalize/url.js';
import { isUrlLine } from './input-lines.js';
import { HostScheduler } from './host-scheduler.js';
import { SeenUrls, type FirstResult, type Repeat } from './seen-urls.js';
import { createSummary, tally } from './summary.js';
import type { BatchItem, BatchJob, BatchOutcome, BatchSummary, InputLine } from './types.js';

export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_PER_HOST = 2;
/** How long a host's slot stays taken after a failed request (see start()). */
const FAILED_SLOT_SETTLE_MS = 100;

export interface RunBatchOptions<T> {
  /** Input lines, read lazily: the runner pulls only as far as `lookahead` queued URLs ahead of the work. */
  lines: AsyncIterable<InputLine>;
  /** The per-URL work, run under the global and per-host limits. */
  job: BatchJob<T>;
  /** Called once per input line (blank lines and # comments excepted) as soon as it is settled. */
  onOutcome: (outcome: BatchOutcome<T>) => void;
  /** Called when a job starts (progress display). */
  onStart?: (item: BatchItem) => void;
  /** Jobs running at once. Default 8. */
  concurrency?: number;
  /** Jobs running at once per host:port. Default 2. */
  perHost?: number;
  /** Least time between two job starts on one host:port, ms. Default 0. */
  delayMs?: number;
  /**
   * Decides, before a URL takes a slot, whether to skip it without running the job (e.g. --skip-existing);
   * returns the reason, or null to run it.
   */
  skip?: (item: BatchItem) => Promise<string | null>;
  /** Stop taking new URLs; jobs in flight go on (until abandonSignal). */
  stopSignal?: AbortSignal;
  /** Abandon jobs in flight: their signal aborts and they are reported as failed (E_INTERRUPTED). */
  abandonSignal?: AbortSignal;
  /** Most URLs queued ahead of the running ones. Default max(256, concurrency × 16). */
  lookahead?: number;
}

/**
 * Runs `job` over the URLs of a streamed list with at most `concurrency` jobs at once, at most `perHost`
 * per host:port and at least `delayMs` between starts on one host. Invalid lines fail with E_INVALID_URL
 * (the run goes on); a URL seen before (same normalized key) is not run again and is reported as a duplicate
 * once the first occurrence has settled. Every input line that is not blank or a # comment gets exactly one
 * outcome, unless the stop signal ended the run before the line was taken.
 *
 * Memory: the lookahead queue and one small entry per distinct URL key (for dedupe); pages are never held
 * here, only whatever the job itself keeps while running.
 */
export async function runBatch<T>(options: RunBatchOptions<T>): Promise<BatchSummary> {
  return new BatchRun(options).run();
}

/** Two sleepers (the dispatcher and the reader) and the one call that wakes both. */
class Wakeup {
  private dispatcher: (() => void) | null = null;
  private reader: (() => void) | null = null;

  wake(): void {
    const dispatcher = this.dispatcher;
    this.dispatcher = null;
    dispatcher?.();
    const reader = this.reader;
    this.reader = null;
    reader?.();
  }

  /** The dispatcher sleeps until woken, or `waitMs` (a host's delay) has passed. */
  sleepDispatcher(waitMs: number | null): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = waitMs === null ? null : setTimeout(resolve, Math.ceil(waitMs));
      this.dispatcher = () => {
        if (timer !== null) clearTimeout(timer);
        resolve();
      };
    });
  }

  sleepReader(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.reader = resolve;
    });
  }
}

/** One run of runBatch: the reader takes lines into the host scheduler, the dispatcher starts and settles jobs. */
class BatchRun<T> {
  private readonly started = performance.now();
  private readonly lookahead: number;
  private readonly summary = createSummary();
  private readonly scheduler: HostScheduler;
  private readonly seen = new SeenUrls();
  private readonly wakeup = new Wakeup();
  // Each running job has a signal of its own: one shared by all of them collected an abort listener per request
  // in flight (undici's, the retry sleep's) and Node warned of a leak (MaxListenersExceededWarning) past 10.
  private readonly jobAbort = new AbortController();
  private readonly jobSignals = new Set<AbortController>();
  private readonly stopListener: Promise<'stop'>;
  private readerDone = false;
  private stopped = false;

  constructor(private readonly options: RunBatchOptions<T>) {
    const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
    const perHost = Math.max(1, Math.floor(options.perHost ?? DEFAULT_PER_HOST));
    const delayMs = Math.max(0, options.delayMs ?? 0);
    this.lookahead = Math.max(1, options.lookahead ?? Math.max(256, concurrency * 16));
    this.scheduler = new HostScheduler({ concurrency, perHost, delayMs });
    this.stopListener = this.listenForStop();
  }

  async run(): Promise<BatchSummary> {
    const { abandonSignal } = this.options;
    if (abandonSignal?.aborted) this.onAbandon();
    abandonSignal?.addEventListener('abort', this.onAbandon, { once: true });
    const reader = this.readLines();
    // Surface a reader failure after the jobs in flight have settled, not as an unhandled rejection.
    let readerError: unknown = null;
    reader.catch((error: unknown) => {
      readerError = error;
    });
    for (;;) {
      const waitMs = this.stopped ? null : this.dispatch();
      if (this.readerDone && this.scheduler.running === 0 && (this.scheduler.queued === 0 || this.stopped)) break;
      await this.wakeup.sleepDispatcher(waitMs);
    }
    await reader.catch(() => undefined);
    abandonSignal?.removeEventListener('abort', this.onAbandon);
    this.summary.interrupted = this.stopped;
    this.summary.elapsedMs = Math.round(performance.now() - this.started);
    if (readerError !== null) throw readerError;
    return this.summary;
  }

  private readonly onAbandon = (): void => {
    this.jobAbort.abort(this.options.abandonSignal?.reason);
    for (const job of this.jobSignals) job.abort(this.jobAbort.signal.reason);
  };

  /** Resolves when the stop signal aborts (never without one); stopping wakes the reader and the dispatcher. */
  private listenForStop(): Promise<'stop'> {
    const signal = this.options.stopSignal;
    if (signal === undefined) return new Promise<'stop'>(() => undefined);
    const listener = new Promise<'stop'>((resolve) => {
      if (signal.aborted) resolve('stop');
      else signal.addEventListener('abort', () => resolve('stop'), { once: true });
    });
    void listener.then(() => {
      this.stopped = true;
      this.wakeup.wake();
    });
    return listener;
  }

  private report(outcome: BatchOutcome<T>): void {
    tally(this.summary, outcome);
    this.options.onOutcome(outcome);
  }

  private reportRepeat(repeat: Repeat): void {
    const { item } = repeat;
    this.report({ status: 'duplicate', line: item.line, input: item.input, item, duplicateOfLine: repeat.duplicateOfLine, original: repeat.original });
  }

  private settle(key: string, result: FirstResult): void {
    for (const repeat of this.seen.settle(key, result)) this.reportRepeat(repeat);
  }

  /** Reads the input until it ends or the run stops; the reader waits while the lookahead queue is full. */
  private async readLines(): Promise<void> {
    const iterator = this.options.lines[Symbol.asyncIterator]();
    try {
      while (!this.stopped) {
        const next = await Promise.race([iterator.next(), this.stopListener]);
        if (next === 'stop' || this.stopped || next.done === true) break;
        await this.accept(next.value);
      }
    } finally {
      this.readerDone = true;
      this.wakeup.wake();
      // A reader blocked on stdin may never settle: close it without waiting.
      if (this.stopped) void iterator.return?.(undefined)?.catch?.(() => undefined);
    }
  }

  /** One input line: parsed, deduplicated, maybe skipped, else queued for its host. */
  private async accept(input: InputLine): Promise<void> {
    if (!isUrlLine(input.text)) return;
    const item = this.parse(input);
    if (item === null) return;
    const seen = this.seen.note(item);
    if (seen !== 'new') {
      if (seen !== 'waiting') this.reportRepeat(seen);
      return;
    }
    if (await this.skipped(item)) return;
    this.scheduler.enqueue(item);
    this.wakeup.wake();
    while (this.scheduler.queued >= this.lookahead && !this.stopped) await this.wakeup.sleepReader();
  }

  /** The line as a batch item, or null when it is not a valid URL (then reported failed with E_INVALID_URL). */
  private parse(input: InputLine): BatchItem | null {
    // Credentials on a line are never echoed back in its outcome (issue 20, item 9).
    const text = redactCredentials(input.text.trim());
    try {
      const parsed = parseHttpUrl(text);
      return { line: input.line, input: text, url: parsed.toString(), key: normalizeUrl(text), host: parsed.host };
    } catch (error) {
      this.report({ status: 'failed', line: input.line, input: text, item: null, error: toChronicleError(error), attempts: 0, elapsedMs: 0 });
      return null;
    }
  }

  /** Asks options.skip; true when the URL was reported (skipped, or failed while deciding). */
  private async skipped(item: BatchItem): Promise<boolean> {
    if (this.options.skip === undefined) return false;
    let reason: string | null;
    try {
      reason = await this.options.skip(item);
    } catch (error) {
      const failure = toChronicleError(error);
      this.report({ status: 'failed', line: item.line, input: item.input, item, error: failure, attempts: 0, elapsedMs: 0 });
      this.settle(item.key, failure.code);
      return true;
    }
    if (reason === null) return false;
    this.report({ status: 'skipped', line: item.line, input: item.input, item, reason });
    this.settle(item.key, 'skipped');
    return true;
  }

  /** Starts what the limits allow; returns ms until the next host delay ends. */
  private dispatch(): number | null {
    const soonest = this.scheduler.dispatch((item) => this.start(item));
    if (this.scheduler.queued < this.lookahead) this.wakeup.wake();
    return soonest;
  }

  private start(item: BatchItem): void {
    this.options.onStart?.(item);
    const release = (): void => {
      this.scheduler.release(item.host);
      this.wakeup.wake();
    };
    void this.runOne(item).then((failed) => {
      // A failure may have cut a connection mid-transfer (a timeout, an oversize body): the host sees that
      // request end only when the close reaches it, so its slot stays taken a moment longer. Without this the
      // host can count one request more than --per-host allows.
      if (failed) setTimeout(release, FAILED_SLOT_SETTLE_MS);
      else release();
    }, release);
  }

  /** Runs the job of one URL and reports it; returns true when it failed (its connection may have been cut mid-transfer). */
  private async runOne(item: BatchItem): Promise<boolean> {
    const begin = performance.now();
    const own = new AbortController();
    if (this.jobAbort.signal.aborted) own.abort(this.jobAbort.signal.reason);
    this.jobSignals.add(own);
    let outcome: BatchOutcome<T>;
    try {
      const done = await this.options.job(item, own.signal);
      outcome = done.skipped
        ? { status: 'skipped', line: item.line, input: item.input, item, reason: done.reason }
        : { status: 'ok', line: item.line, input: item.input, item, value: done.value, elapsedMs: Math.round(performance.now() - begin) };
    } catch (error) {
      outcome = this.failure(item, error, begin);
    } finally {
      this.jobSignals.delete(own);
    }
    this.report(outcome);
    this.settle(item.key, outcome.status === 'failed' ? outcome.error.code : outcome.status === 'skipped' ? 'skipped' : 'ok');
    return outcome.status === 'failed';
  }

  /** A job's error as its outcome; a job abandoned by the run fails with E_INTERRUPTED whatever it threw. */
  private failure(item: BatchItem, error: unknown, begin: number): BatchOutcome<T> {
    let failure = toChronicleError(error);
    if (this.jobAbort.signal.aborted && failure.code !== 'E_INTERRUPTED') {
      failure = new ChronicleError('E_INTERRUPTED', `abandoned: ${failure.message}`, { cause: failure, url: item.url });
    }
    return {
      status: 'failed',
      line: item.line,
      input: item.input,
      item,
      error: failure,
      attempts: attemptsOf(error, 1),
      elapsedMs: Math.round(performance.now() - begin),
    };
  }
}
