import { ChronicleError } from '../errors.js';

/**
 * What one page may cost to extract (README "Extraction limits"). A page past a limit fails alone with
 * E_EXTRACT_LIMIT; a batch goes on with the next page.
 */
export interface ExtractLimits {
  /**
   * Elements in the page as parsed, checked before the costly steps (jsdom and Readability). jsdom's tree and
   * Readability's scores grow with the element count, not the byte count: this is what keeps a page inside a
   * worker's heap. The largest real pages in the corpora have about 13,000 elements; through a worker's 320 MB
   * heap a synthetic page of 40,000 one-line <div>s (2.2 MB) extracted, 48,000 (2.7 MB) filled it.
   */
  maxElements: number;
  /**
   * Milliseconds of extraction. In a worker the pool ends the worker at this time and starts another (a hard
   * limit, in elapsed time: on a busy machine a page gets less CPU than that). In the main thread it is checked
   * between the steps of an extraction, so a step that has started finishes first.
   */
  timeMs: number;
}

export const DEFAULT_EXTRACT_LIMITS: Readonly<ExtractLimits> = Object.freeze({ maxElements: 40_000, timeMs: 120_000 });

export function elementLimitError(url: string, elements: number, limit: number): ChronicleError {
  return new ChronicleError('E_EXTRACT_LIMIT', `${url} has ${elements} elements, more than the ${limit} a page may have to be extracted`, { url });
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
