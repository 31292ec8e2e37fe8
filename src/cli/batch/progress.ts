import { performance } from 'node:perf_hooks';

export interface ProgressCounts {
  done: number;
  failed: number;
}

/**
 * A one-line progress bar redrawn in place on a terminal: done/total, rate, failures and ETA
 * ("[######----] 120/1000 12.3/s 3 failed ETA 1m12s"). Without a known total it shows the count and rate.
 * Only ever used when stderr is a TTY; redraws at most every `intervalMs`.
 */
export class ProgressBar {
  private readonly startedAt: number;
  private lastDrawAt = -Infinity;
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly total: number | null,
    private readonly options: { width?: number; intervalMs?: number; now?: () => number } = {},
  ) {
    this.startedAt = options.now?.() ?? performance.now();
  }

  update(counts: ProgressCounts, force = false): void {
    const now = this.options.now?.() ?? performance.now();
    if (!force && now - this.lastDrawAt < (this.options.intervalMs ?? 100)) return;
    this.lastDrawAt = now;
    this.stream.write(`\r\x1b[K${this.render(counts, now)}`);
    this.drawn = true;
  }

  /** Removes the bar so the summary line starts clean. */
  clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }

  render(counts: ProgressCounts, now: number = this.options.now?.() ?? performance.now()): string {
    const elapsedSeconds = Math.max(0.001, (now - this.startedAt) / 1000);
    const rate = counts.done / elapsedSeconds;
    const failed = counts.failed > 0 ? ` ${counts.failed} failed` : '';
    if (this.total === null || this.total <= 0) {
      return `${counts.done} done ${rate.toFixed(1)}/s${failed}`;
    }
    const width = this.options.width ?? 24;
    const fraction = Math.min(1, counts.done / this.total);
    const filled = Math.round(fraction * width);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
    const remaining = Math.max(0, this.total - counts.done);
    const eta = rate > 0 ? ` ETA ${formatDuration(remaining / rate)}` : '';
    return `${bar} ${counts.done}/${this.total} ${rate.toFixed(1)}/s${failed}${eta}`;
  }
}

/** 75 → "1m15s", 3725 → "1h02m", 9 → "9s". */
export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  if (total < 60) return `${total}s`;
  if (total < 3600) return `${Math.floor(total / 60)}m${String(total % 60).padStart(2, '0')}s`;
  return `${Math.floor(total / 3600)}h${String(Math.floor((total % 3600) / 60)).padStart(2, '0')}m`;
}
