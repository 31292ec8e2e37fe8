import type { ChronicleError, ErrorCode } from '../errors.js';

/** One line of input, numbered from 1 (arguments are numbered in order too). */
export interface InputLine {
  line: number;
  text: string;
}

/** A valid, not-yet-seen URL handed to a job. */
export interface BatchItem {
  line: number;
  /** The URL as written on the line (trimmed). */
  input: string;
  /** The parsed URL (absolute, as the URL parser writes it). */
  url: string;
  /** The normalized URL (tracking parameters and fragment removed): the dedupe and archive key. */
  key: string;
  /** host:port, the per-host concurrency and delay key. */
  host: string;
}

/** What a job returns: a value, or a reason it skipped the URL without fetching it. */
export type JobResult<T> = { skipped: false; value: T } | { skipped: true; reason: string };

/**
 * The per-URL work (archive: fetch → extract → save; check: fetch → compare). It runs while holding the
 * URL's host slot; `signal` aborts when the run abandons in-flight work. Throw a ChronicleError to fail the URL.
 */
export type BatchJob<T> = (item: BatchItem, signal: AbortSignal) => Promise<JobResult<T>>;

interface OutcomeBase {
  line: number;
  /** The line as written (trimmed). */
  input: string;
}

/** Exactly one outcome is reported for every non-blank, non-comment input line. */
export type BatchOutcome<T> =
  | (OutcomeBase & { status: 'ok'; item: BatchItem; value: T; elapsedMs: number })
  | (OutcomeBase & { status: 'skipped'; item: BatchItem; reason: string })
  | (OutcomeBase & {
      status: 'duplicate';
      item: BatchItem;
      duplicateOfLine: number;
      /** How the first occurrence ended: "ok", "skipped" or its error code. */
      original: 'ok' | 'skipped' | ErrorCode;
    })
  | (OutcomeBase & { status: 'failed'; item: BatchItem | null; error: ChronicleError; attempts: number; elapsedMs: number });

export interface BatchSummary {
  /** Outcomes reported (= input lines that were URLs or invalid, and were taken before any interrupt). */
  total: number;
  ok: number;
  skipped: number;
  /** Skips by reason (e.g. "exists"). */
  skippedBy: Record<string, number>;
  duplicates: number;
  failed: number;
  failedBy: Partial<Record<ErrorCode, number>>;
  /** True when the run was stopped by the stop signal before the input ended. */
  interrupted: boolean;
  elapsedMs: number;
}
