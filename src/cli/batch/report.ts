import type { ErrorCode } from '../../errors.js';
import type { BatchOutcome, BatchSummary } from '../../batch/types.js';
import { collapseWhitespace } from '../../text/whitespace.js';

/** The JSON form of a failure: what scripts key on. */
export interface ErrorJson {
  code: ErrorCode;
  message: string;
  status?: number;
  attempts: number;
}

/**
 * One NDJSON object per outcome. Every object has `url` (the line as written), `line` and `ok`.
 * Success: the job's fields are merged in (`toFields`). Skipped: `skipped: true, reason`.
 * Duplicate: `skipped: true, reason: "duplicate", duplicateOfLine`, `ok` as the first occurrence ended
 * (with its error code when that failed). Failure: `error: {code, message, status?, attempts}`.
 */
export function outcomeToJson<T>(outcome: BatchOutcome<T>, toFields: (value: T) => Record<string, unknown>): Record<string, unknown> {
  const base = { url: outcome.input, line: outcome.line };
  switch (outcome.status) {
    case 'ok':
      return { ...base, ok: true, ...toFields(outcome.value), elapsedMs: outcome.elapsedMs };
    case 'skipped':
      return { ...base, ok: true, skipped: true, reason: outcome.reason };
    case 'duplicate': {
      const original = outcome.original;
      const ok = original === 'ok' || original === 'skipped';
      const json: Record<string, unknown> = { ...base, ok, skipped: true, reason: 'duplicate', duplicateOfLine: outcome.duplicateOfLine };
      if (original !== 'ok' && original !== 'skipped') {
        json.error = {
          code: original,
          message: `same URL as line ${outcome.duplicateOfLine}, which failed`,
          attempts: 0,
        } satisfies ErrorJson;
      }
      return json;
    }
    case 'failed': {
      const error: ErrorJson = { code: outcome.error.code, message: collapseWhitespace(outcome.error.message), attempts: outcome.attempts };
      if (outcome.error.status !== undefined) error.status = outcome.error.status;
      return { ...base, ok: false, error };
    }
  }
}

/** One human line per outcome: "ok", "skip", "dup" or "FAIL", the URL, then the detail. */
export function outcomeToText<T>(outcome: BatchOutcome<T>, describe: (value: T) => string): string {
  switch (outcome.status) {
    case 'ok':
      return `ok    ${outcome.input}  ${describe(outcome.value)}`;
    case 'skipped':
      return `skip  ${outcome.input}  (${outcome.reason})`;
    case 'duplicate':
      return `dup   ${outcome.input}  (same as line ${outcome.duplicateOfLine}: ${outcome.original})`;
    case 'failed':
      return `FAIL  ${outcome.input}  ${outcome.error.code}: ${collapseWhitespace(outcome.error.message)}`;
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
