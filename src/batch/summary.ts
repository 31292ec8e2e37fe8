import type { BatchOutcome, BatchSummary } from './types.js';

export function createSummary(): BatchSummary {
  return { total: 0, ok: 0, skipped: 0, skippedBy: {}, duplicates: 0, failed: 0, failedBy: {}, interrupted: false, elapsedMs: 0 };
}

/** Adds one outcome to the summary. */
export function tally<T>(summary: BatchSummary, outcome: BatchOutcome<T>): void {
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

/**
 * One line for stderr at the end of a run, e.g.
 * "archived 34, skipped 0, duplicates 1, failed 9 (E_HTTP_STATUS 3, E_FETCH_TIMEOUT 2) in 12.3 s".
 * `okLabel` names what success means for the command ("archived", "checked").
 */
export function formatSummary(summary: BatchSummary, okLabel = 'archived'): string {
  const parts = [`${okLabel} ${summary.ok}`];
  const skipReasons = Object.entries(summary.skippedBy)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ');
  parts.push(`skipped ${summary.skipped}${skipReasons ? ` (${skipReasons})` : ''}`);
  parts.push(`duplicates ${summary.duplicates}`);
  const failures = Object.entries(summary.failedBy)
    .sort(([, a], [, b]) => (b ?? 0) - (a ?? 0))
    .map(([code, count]) => `${code} ${count}`)
    .join(', ');
  parts.push(`failed ${summary.failed}${failures ? ` (${failures})` : ''}`);
  const seconds = (summary.elapsedMs / 1000).toFixed(1);
  return `${summary.interrupted ? 'interrupted: ' : ''}${parts.join(', ')} in ${seconds} s`;
}
