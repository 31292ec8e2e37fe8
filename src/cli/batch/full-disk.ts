import { storageFullCode } from '../../archive/durable-fs.js';
import { collapseWhitespace } from '../../text/whitespace.js';

export interface FullDiskWatch {
  /** Feed every outcome: the first failure for want of space stops the run from taking new URLs. */
  note(outcome: { status: string; error?: unknown }): void;
  /** The first full-disk failure ("ENOSPC", "SQLITE_FULL", …) and its message, or null. */
  readonly tripped: { code: string; message: string } | null;
}

/**
 * A full disk fails every later save as well: rather than fetch and extract the rest of the list only to fail
 * each page, the first ENOSPC / EDQUOT / SQLITE_FULL stops taking new URLs (`stop` is the run's stop signal);
 * the URLs in flight finish or fail on their own.
 */
export function watchFullDisk(stop: AbortController): FullDiskWatch {
  let tripped: { code: string; message: string } | null = null;
  return {
    note(outcome) {
      if (tripped !== null || outcome.status !== 'failed') return;
      const code = storageFullCode(outcome.error);
      if (code === null) return;
      tripped = { code, message: collapseWhitespace(String((outcome.error as { message?: unknown }).message ?? code)) };
      if (!stop.signal.aborted) stop.abort('storage full');
    },
    get tripped() {
      return tripped;
    },
  };
}

/** The line said on stderr when a run stopped for a full disk. */
export function fullDiskMessage(tripped: { code: string; message: string }): string {
  return `E_ARCHIVE: the archive's storage is full (${tripped.code}): took no new URLs after the first failed write (${tripped.message}); free space and rerun with --skip-existing`;
}
