import { performance } from 'node:perf_hooks';
import type { BatchItem } from './types.js';

export interface HostLimits {
  /** Jobs running at once. */
  concurrency: number;
  /** Jobs running at once per host:port. */
  perHost: number;
  /** Least time between two job starts on one host:port, ms. */
  delayMs: number;
}

/**
 * The queue of a batch, per host: which URL may start now under the global and per-host limits and the
 * per-host delay. It only counts; starting and settling the job is the runner's.
 */
export class HostScheduler {
  private readonly queues = new Map<string, BatchItem[]>();
  private readonly activeByHost = new Map<string, number>();
  private readonly nextStartAt = new Map<string, number>();
  private queuedCount = 0;
  private runningCount = 0;

  constructor(private readonly limits: HostLimits) {}

  /** URLs waiting for a slot. */
  get queued(): number {
    return this.queuedCount;
  }

  /** Jobs started and not yet released. */
  get running(): number {
    return this.runningCount;
  }

  enqueue(item: BatchItem): void {
    let queue = this.queues.get(item.host);
    if (queue === undefined) {
      queue = [];
      this.queues.set(item.host, queue);
    }
    queue.push(item);
    this.queuedCount++;
  }

  /**
   * Takes every queued URL whose host has a free slot and whose delay has passed, hands each to `start`, and
   * returns the ms until the next delay ends (null when no URL waits on a delay).
   */
  dispatch(start: (item: BatchItem) => void): number | null {
    const now = performance.now();
    let soonest: number | null = null;
    for (const [host, queue] of this.queues) {
      if (this.runningCount >= this.limits.concurrency) break;
      while (queue.length > 0 && this.runningCount < this.limits.concurrency && (this.activeByHost.get(host) ?? 0) < this.limits.perHost) {
        const wait = (this.nextStartAt.get(host) ?? 0) - now;
        if (wait > 0) {
          soonest = soonest === null ? wait : Math.min(soonest, wait);
          break;
        }
        const item = queue.shift()!;
        this.queuedCount--;
        this.take(item.host);
        start(item);
      }
      if (queue.length === 0) this.queues.delete(host);
    }
    return soonest;
  }

  /** Frees the slot a started URL held. */
  release(host: string): void {
    this.runningCount--;
    const active = (this.activeByHost.get(host) ?? 1) - 1;
    if (active === 0) this.activeByHost.delete(host);
    else this.activeByHost.set(host, active);
  }

  private take(host: string): void {
    this.runningCount++;
    this.activeByHost.set(host, (this.activeByHost.get(host) ?? 0) + 1);
    // Measured at the start itself (not at the top of dispatch), so the gap to the next start is never short.
    this.nextStartAt.set(host, performance.now() + this.limits.delayMs);
  }
}
