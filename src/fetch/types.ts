import type { Dispatcher } from 'undici';

export interface FetchOptions {
  /** Covers the wait for response headers and each idle gap while reading the body. Default 30000. */
  timeoutMs?: number;
  /** Body cap in bytes, after decompression. Default 20 MiB. Past it: E_TOO_LARGE. */
  maxBytes?: number;
  /** Default 10. */
  maxRedirects?: number;
  /** Retries of transient failures (network errors, 429, 502, 503, 504). Default 2. */
  retries?: number;
  /** First backoff delay; attempt n waits about retryBaseMs × 2^(n-1), with jitter. Default 500. */
  retryBaseMs?: number;
  /** Longest wait between two attempts, and the cap on Retry-After. Default 30000. */
  retryMaxDelayMs?: number;
  userAgent?: string;
  /** A shared undici Agent (keep-alive); a private one is used when absent. */
  dispatcher?: Dispatcher;
  signal?: AbortSignal;
  /** Accept responses that are not HTML (default false: E_NOT_HTML). */
  allowNonHtml?: boolean;
  /** Injected clock, for tests. */
  now?: () => Date;
  /** Injected sleep (backoff waits), for tests. Must reject when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injected randomness for jitter, in [0, 1). */
  random?: () => number;
  /** Called before each retry with the delay about to be waited, e.g. for logging. */
  onRetry?: (info: RetryInfo) => void;
}

export interface RetryInfo {
  url: string;
  /** The attempt that just failed (1-based). */
  attempt: number;
  delayMs: number;
  /** Error code or "HTTP <status>". */
  reason: string;
}
