import type { ErrorCode } from '../errors.js';
import type { BatchItem } from './types.js';

/** How a URL's first occurrence ended: "ok", "skipped" or its error code. */
export type FirstResult = 'ok' | 'skipped' | ErrorCode;

interface Seen {
  line: number;
  result?: FirstResult;
  waiters?: BatchItem[];
}

/** A repeat of a URL seen before, to report once its first occurrence has settled. */
export interface Repeat {
  item: BatchItem;
  duplicateOfLine: number;
  original: FirstResult;
}

/**
 * The URL keys a batch has seen (one small entry per distinct key): a repeat is not run again, and is reported
 * as a duplicate at once when its first occurrence has settled, else when it does.
 */
export class SeenUrls {
  private readonly seen = new Map<string, Seen>();

  /**
   * Notes an item. Returns 'new' for a key not seen before; 'waiting' for a repeat whose first occurrence is
   * still running (it comes back from settle()); else the repeat to report now.
   */
  note(item: BatchItem): 'new' | 'waiting' | Repeat {
    const entry = this.seen.get(item.key);
    if (entry === undefined) {
      this.seen.set(item.key, { line: item.line });
      return 'new';
    }
    if (entry.result !== undefined) return { item, duplicateOfLine: entry.line, original: entry.result };
    (entry.waiters ??= []).push(item);
    return 'waiting';
  }

  /** Records how the first occurrence of `key` ended; returns the repeats that waited for it. */
  settle(key: string, result: FirstResult): Repeat[] {
    const entry = this.seen.get(key);
    if (entry === undefined) return [];
    entry.result = result;
    const waiters = entry.waiters ?? [];
    delete entry.waiters;
    return waiters.map((item) => ({ item, duplicateOfLine: entry.line, original: result }));
  }
}
