import { performance } from 'node:perf_hooks';
import { ChronicleError, toChronicleError, type ErrorCode } from '../errors.js';
import { attemptsOf } from '../fetch/fetch-error.js';
import { normalizeUrl, parseHttpUrl, redactCredentials } from '../normalize/url.js';
import { isUrlLine } from './input-lines.js';
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

interface Seen {
  line: number;
  result?: 'ok' | 'skipped' | ErrorCode;
  waiters?: BatchItem[];
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
  const started = performance.now();
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
  const perHost = Math.max(1, Math.floor(options.perHost ?? DEFAULT_PER_HOST));
  const delayMs = Math.max(0, options.delayMs ?? 0);
  const lookahead = Math.max(1, options.lookahead ?? Math.max(256, concurrency * 16));
  const summary = createSummary();

  // Each running job has a signal of its own: one shared by all of them collected an abort listener per request
  // in flight (undici's, the retry sleep's) and Node warned of a leak (MaxListenersExceededWarning) past 10.
  const jobAbort = new AbortController();
  const jobSignals = new Set<AbortController>();
  const onAbandon = (): void => {
    jobAbort.abort(options.abandonSignal?.reason);
    for (const job of jobSignals) job.abort(jobAbort.signal.reason);
  };
  if (options.abandonSignal?.aborted) onAbandon();
  options.abandonSignal?.addEventListener('abort', onAbandon, { once: true });

  const queues = new Map<string, BatchItem[]>();
  let queued = 0;
  const activeByHost = new Map<string, number>();
  const nextStartAt = new Map<string, number>();
  let running = 0;
  const seen = new Map<string, Seen>();
  let readerDone = false;
  let stopped = false;

  let wakeDispatcher: (() => void) | null = null;
  let wakeReader: (() => void) | null = null;
  const wake = (): void => {
    const resolveDispatcher = wakeDispatcher;
    wakeDispatcher = null;
    resolveDispatcher?.();
    const resolveReader = wakeReader;
    wakeReader = null;
    resolveReader?.();
  };

  const report = (outcome: BatchOutcome<T>): void => {
    tally(summary, outcome);
    options.onOutcome(outcome);
  };

  const settle = (key: string, result: 'ok' | 'skipped' | ErrorCode): void => {
    const entry = seen.get(key);
    if (entry === undefined) return;
    entry.result = result;
    const waiters = entry.waiters ?? [];
    delete entry.waiters;
    for (const item of waiters) {
      report({ status: 'duplicate', line: item.line, input: item.input, item, duplicateOfLine: entry.line, original: result });
    }
  };

  const onStop = (): void => {
    stopped = true;
    wake();
  };
  let stopListener: Promise<'stop'> = new Promise<'stop'>(() => undefined);
  if (options.stopSignal !== undefined) {
    const signal = options.stopSignal;
    stopListener = new Promise<'stop'>((resolve) => {
      if (signal.aborted) resolve('stop');
      else signal.addEventListener('abort', () => resolve('stop'), { once: true });
    });
    void stopListener.then(onStop);
  }

  const accept = async (input: InputLine): Promise<void> => {
    if (!isUrlLine(input.text)) return;
    // Credentials on a line are never echoed back in its outcome (issue 20, item 9).
    const text = redactCredentials(input.text.trim());
    let item: BatchItem;
    try {
      const parsed = parseHttpUrl(text);
      item = { line: input.line, input: text, url: parsed.toString(), key: normalizeUrl(text), host: parsed.host };
    } catch (error) {
      report({ status: 'failed', line: input.line, input: text, item: null, error: toChronicleError(error), attempts: 0, elapsedMs: 0 });
      return;
    }
    const entry = seen.get(item.key);
    if (entry !== undefined) {
      if (entry.result !== undefined) {
        report({ status: 'duplicate', line: item.line, input: text, item, duplicateOfLine: entry.line, original: entry.result });
      } else {
        (entry.waiters ??= []).push(item);
      }
      return;
    }
    seen.set(item.key, { line: item.line });
    if (options.skip !== undefined) {
      let reason: string | null;
      try {
        reason = await options.skip(item);
      } catch (error) {
        const failure = toChronicleError(error);
        report({ status: 'failed', line: item.line, input: text, item, error: failure, attempts: 0, elapsedMs: 0 });
        settle(item.key, failure.code);
        return;
      }
      if (reason !== null) {
        report({ status: 'skipped', line: item.line, input: text, item, reason });
        settle(item.key, 'skipped');
        return;
      }
    }
    let queue = queues.get(item.host);
    if (queue === undefined) {
      queue = [];
      queues.set(item.host, queue);
    }
    queue.push(item);
    queued++;
    wake();
    while (queued >= lookahead && !stopped) {
      await new Promise<void>((resolve) => {
        wakeReader = resolve;
      });
    }
  };

  const reader = (async (): Promise<void> => {
    const iterator = options.lines[Symbol.asyncIterator]();
    try {
      while (!stopped) {
        const next = await Promise.race([iterator.next(), stopListener]);
        if (next === 'stop' || stopped || next.done === true) break;
        await accept(next.value);
      }
    } finally {
      readerDone = true;
      wake();
      // A reader blocked on stdin may never settle: close it without waiting.
      if (stopped) void iterator.return?.(undefined)?.catch?.(() => undefined);
    }
  })();
  // Surface a reader failure after the jobs in flight have settled, not as an unhandled rejection.
  let readerError: unknown = null;
  reader.catch((error: unknown) => {
    readerError = error;
  });

  /** Returns true when the job failed (its connection may have been cut mid-transfer). */
  const runOne = async (item: BatchItem): Promise<boolean> => {
    const begin = performance.now();
    let outcome: BatchOutcome<T>;
    let result: 'ok' | 'skipped' | ErrorCode;
    const own = new AbortController();
    if (jobAbort.signal.aborted) own.abort(jobAbort.signal.reason);
    jobSignals.add(own);
    try {
      const done = await options.job(item, own.signal);
      if (done.skipped) {
        outcome = { status: 'skipped', line: item.line, input: item.input, item, reason: done.reason };
        result = 'skipped';
      } else {
        outcome = { status: 'ok', line: item.line, input: item.input, item, value: done.value, elapsedMs: Math.round(performance.now() - begin) };
        result = 'ok';
      }
    } catch (error) {
      let failure = toChronicleError(error);
      if (jobAbort.signal.aborted && failure.code !== 'E_INTERRUPTED') {
        failure = new ChronicleError('E_INTERRUPTED', `abandoned: ${failure.message}`, { cause: failure, url: item.url });
      }
      outcome = {
        status: 'failed',
        line: item.line,
        input: item.input,
        item,
        error: failure,
        attempts: attemptsOf(error, 1),
        elapsedMs: Math.round(performance.now() - begin),
      };
      result = failure.code;
    } finally {
      jobSignals.delete(own);
    }
    report(outcome);
    settle(item.key, result);
    return outcome.status === 'failed';
  };

  const start = (item: BatchItem): void => {
    running++;
    activeByHost.set(item.host, (activeByHost.get(item.host) ?? 0) + 1);
    // Measured at the start itself (not at the top of dispatch), so the gap to the next start is never short.
    nextStartAt.set(item.host, performance.now() + delayMs);
    options.onStart?.(item);
    const release = (): void => {
      running--;
      const active = (activeByHost.get(item.host) ?? 1) - 1;
      if (active === 0) activeByHost.delete(item.host);
      else activeByHost.set(item.host, active);
      wake();
    };
    void runOne(item).then((failed) => {
      // A failure may have cut a connection mid-transfer (a timeout, an oversize body): the host sees that
      // request end only when the close reaches it, so its slot stays taken a moment longer. Without this the
      // host can count one request more than --per-host allows.
      if (failed) setTimeout(release, FAILED_SLOT_SETTLE_MS);
      else release();
    }, release);
  };

  /** Starts every queued URL whose host has a free slot and whose delay has passed; returns ms until the next delay ends. */
  const dispatch = (): number | null => {
    const now = performance.now();
    let soonest: number | null = null;
    for (const [host, queue] of queues) {
      if (running >= concurrency) break;
      while (queue.length > 0 && running < concurrency && (activeByHost.get(host) ?? 0) < perHost) {
        const wait = (nextStartAt.get(host) ?? 0) - now;
        if (wait > 0) {
          soonest = soonest === null ? wait : Math.min(soonest, wait);
          break;
        }
        start(queue.shift()!);
        queued--;
      }
      if (queue.length === 0) queues.delete(host);
    }
    if (queued < lookahead) wake();
    return soonest;
  };

  for (;;) {
    const waitMs = stopped ? null : dispatch();
    if (readerDone && running === 0 && (queued === 0 || stopped)) break;
    await new Promise<void>((resolve) => {
      const timer = waitMs === null ? null : setTimeout(resolve, Math.ceil(waitMs));
      wakeDispatcher = () => {
        if (timer !== null) clearTimeout(timer);
        resolve();
      };
    });
  }
  await reader.catch(() => undefined);
  options.abandonSignal?.removeEventListener('abort', onAbandon);
  summary.interrupted = stopped;
  summary.elapsedMs = Math.round(performance.now() - started);
  if (readerError !== null) throw readerError;
  return summary;
}
