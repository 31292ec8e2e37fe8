import { describe, expect, it } from '@jest/globals';
import { whileBusy } from '../../src/archive/sqlite-index.js';

function sqliteError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** Work for whileBusy that throws `error` on its first `failures` calls (every call by default), counting them. */
function failingWork(error: Error, failures = Infinity): { calls: number; work: () => string } {
  const state = {
    calls: 0,
    work: (): string => {
      state.calls += 1;
      if (state.calls <= failures) throw error;
      return 'wal';
    },
  };
  return state;
}

describe('whileBusy (switching a new index to WAL while another process does the same)', () => {
  it('tries again while SQLite answers SQLITE_BUSY, then returns the answer', () => {
    const attempt = failingWork(sqliteError('SQLITE_BUSY', 'database is locked'), 3);
    expect(whileBusy(attempt.work, 5_000)).toBe('wal');
    expect(attempt.calls).toBe(4);
  });

  it('gives up with the SQLite error once the time is up', () => {
    const attempt = failingWork(sqliteError('SQLITE_BUSY', 'database is locked'));
    expect(() => whileBusy(attempt.work, 30)).toThrow('database is locked');
    expect(attempt.calls).toBeGreaterThan(1);
  });

  it('does not retry other errors', () => {
    const attempt = failingWork(sqliteError('SQLITE_NOTADB', 'file is not a database'));
    expect(() => whileBusy(attempt.work, 5_000)).toThrow('file is not a database');
    expect(attempt.calls).toBe(1);
  });
});
