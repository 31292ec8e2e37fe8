import type { ChronicleError } from '../errors.js';
import { isTransient } from '../errors.js';

/** HTTP statuses worth another attempt: rate limiting and gateway trouble. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/** Network errors and timeouts are retried; an HTTP status only when it is in RETRYABLE_STATUSES. */
export function isRetryableError(error: ChronicleError): boolean {
  if (isTransient(error)) return true;
  return error.code === 'E_HTTP_STATUS' && error.status !== undefined && isRetryableStatus(error.status);
}

/**
 * Retry-After as milliseconds from `now`: either delta-seconds ("120") or an HTTP-date
 * ("Wed, 21 Oct 2015 07:28:00 GMT"). Null when absent or unparseable; a date in the past is 0.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}

/**
 * Exponential backoff with jitter for the attempt that just failed (1-based):
 * base × 2^(attempt-1), scaled by a random factor in [0.5, 1), capped at maxDelayMs.
 */
export function backoffDelayMs(attempt: number, baseMs: number, maxDelayMs: number, random: () => number): number {
  const exponential = baseMs * 2 ** Math.max(0, attempt - 1);
  const jittered = exponential * (0.5 + random() * 0.5);
  return Math.min(maxDelayMs, Math.round(jittered));
}

/** Sleeps, rejecting with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
