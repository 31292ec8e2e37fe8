import { describe, expect, it } from '@jest/globals';
import { whileBusy } from '../../src/archive/sqlite-index.js';

function busy(): Error {
  return Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
}

describe('whileBusy (switching a new index to WAL while another process does the same)', () => {
  it('tries again while SQLite answers SQLITE_BUSY, then returns the answer', () => {
    let calls = 0;
    const mode = whileBusy(() => {
      calls += 1;
      if (calls < 4) throw busy();
      return 'wal';
    }, 5_000);
    expect(mode).toBe('wal');
    expect(calls).toBe(4);
  });

  it('gives up with the SQLite error once the time is up', () => {
    let calls = 0;
    expect(() =>
      whileBusy(() => {
        calls += 1;
        throw busy();
      }, 30),
    ).toThrow('database is locked');
    expect(calls).toBeGreaterThan(1);
  });

  it('does not retry other errors', () => {
    let calls = 0;
    expect(() =>
      whileBusy(() => {
        calls += 1;
        throw Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' });
      }, 5_000),
    ).toThrow('file is not a database');
    expect(calls).toBe(1);
  });
});
