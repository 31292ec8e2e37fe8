import type { ChronicleError } from '../errors.js';
import type { BatchSummary } from './types.js';

/** The part of an outcome the summary counts: a batch URL's (BatchOutcome) or an imported record's. */
export type TalliedOutcome =
  | { status: 'ok' | 'duplicate' }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; error: Pick<ChronicleError, 'code'> };

export function createSummary(): BatchSummary {
  return { total: 0, ok: 0, skipped: 0, skippedBy: {}, duplicates: 0, failed: 0, failedBy: {}, interrupted: false, elapsedMs: 0 };
}

/** Adds one outcome to the summary. */
export function tally<O extends TalliedOutcome>(summary: BatchSummary, outcome: O): void {
  summary.total++;
  switch (outcome.status) {
    case 'ok':
      summary.ok++;
      break;
    case 'skipped':
      summary.skipped++;
      summary.skippedBy[outcome.reason] = (summary.skippedBy[outcome.reason] ?? 0) + 1;
      break;
    case 'duplicate':
      summary.duplicates++;
      break;
    case 'failed':
      summary.failed++;
      summary.failedBy[outcome.error.code] = (summary.failedBy[outcome.error.code] ?? 0) + 1;
      break;
  }
}
