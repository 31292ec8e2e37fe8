/** How check's exit codes combine over several URLs (README "Exit codes"): the most severe finding wins. */
import type { BatchSummary } from '../../src/batch/types.js';
import { checkExitCode, type CheckFindings } from '../../src/cli/commands/check.js';

const summary = (over: Partial<BatchSummary> = {}): BatchSummary => ({
  total: 3, ok: 3, skipped: 0, skippedBy: {}, duplicates: 0, failed: 0, failedBy: {}, interrupted: false, elapsedMs: 1, ...over,
});
const found = (over: Partial<CheckFindings> = {}): CheckFindings => ({ changed: 0, stealth: 0, failedCaptures: 0, takeDowns: 0, ...over });

test('nothing found: 0; a change: 1; --stealth-only: 1 only for an unacknowledged change', () => {
  expect(checkExitCode(summary(), found(), false)).toBe(0);
  expect(checkExitCode(summary(), found({ changed: 2 }), false)).toBe(1);
  expect(checkExitCode(summary(), found({ changed: 2 }), false, true)).toBe(0);
  expect(checkExitCode(summary(), found({ changed: 2, stealth: 1 }), false, true)).toBe(1);
});

test('a failed capture (8) outranks a change; a take-down (9) outranks both', () => {
  expect(checkExitCode(summary(), found({ changed: 1, failedCaptures: 1 }), false)).toBe(8);
  expect(checkExitCode(summary(), found({ changed: 1, failedCaptures: 1, takeDowns: 1 }), false)).toBe(9);
});

test('an error outranks every finding: its own code for one URL, 7 for a batch, 130 when interrupted', () => {
  const failed = summary({ ok: 2, failed: 1, failedBy: { E_NETWORK: 1 } });
  expect(checkExitCode(failed, found({ takeDowns: 1 }), false)).toBe(7);
  expect(checkExitCode(summary({ ok: 0, total: 1, failed: 1, failedBy: { E_NETWORK: 1 } }), found(), true)).toBe(3);
  expect(checkExitCode(summary({ interrupted: true }), found({ takeDowns: 1 }), false)).toBe(130);
});
