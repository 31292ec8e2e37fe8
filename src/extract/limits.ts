import { ChronicleError } from '../errors.js';

/**
 * What one page may cost to extract (README "Extraction limits"). A page past a limit fails alone with
 * E_EXTRACT_LIMIT; a batch goes on with the next page.
 */
export interface ExtractLimits {
  /**
   * The heap (MB) one page may need, as estimated before any tree is built from its nodes, attributes and
   * characters (page-weight.ts; the estimate is an upper bound measured on the costliest page shapes). A page
   * estimated above it is refused. A page over what its worker's heap holds but within this goes to a worker of
   * its own with a heap that size, so that no worker runs out of memory.
   */
  maxMemoryMb: number;
  /**
   * Milliseconds of extraction. In a worker the pool ends the worker at this time and starts another (a hard
   * limit, in elapsed time: on a busy machine a page gets less CPU than that). In the main thread it is checked
   * between the steps of an extraction, so a step that has started finishes first.
   */
  timeMs: number;
}

export const DEFAULT_EXTRACT_LIMITS: Readonly<ExtractLimits> = Object.freeze({ maxMemoryMb: 1024, timeMs: 120_000 });

/** A page whose estimated heap is over the budget: refused before any tree is built. */
export function memoryBudgetError(url: string, needMb: number, limitMb: number): ChronicleError {
  return new ChronicleError('E_EXTRACT_LIMIT', `${url} would need about ${needMb} MB to extract, more than the ${limitMb} MB a page may use`, { url });
}

/**
 * A page within the budget that needs more heap than this thread has: the pool extracts it again in a worker
 * with a heap that size; in the main thread it fails as E_EXTRACT_LIMIT.
 */
export class HeapTooSmallError extends ChronicleError {
  constructor(url: string, readonly needMb: number, availableMb: number) {
    super('E_EXTRACT_LIMIT', `${url} would need about ${needMb} MB to extract; this thread has ${availableMb} MB`, { url });
  }
}

export function timeLimitError(url: string, limitMs: number): ChronicleError {
  return new ChronicleError('E_EXTRACT_LIMIT', `extracting ${url} took more than its ${limitMs >= 1000 ? `${limitMs / 1000} s` : `${limitMs} ms`} budget`, { url });
}

export function memoryLimitError(url: string, heapMb: number): ChronicleError {
  return new ChronicleError('E_EXTRACT_LIMIT', `extracting ${url} needed more than the worker's ${heapMb} MB heap`, { url });
}

/** A clock for one extraction in the main thread: throws E_EXTRACT_LIMIT once the time budget is spent. */
export function extractionDeadline(url: string, limitMs: number, now: () => number = () => performance.now()): () => void {
  const start = now();
  return () => {
    if (now() - start > limitMs) throw timeLimitError(url, limitMs);
  };
}
