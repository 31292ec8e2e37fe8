/** index.sqlite as a file: opened, opened read-only or copied, moved aside when damaged. */
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ChronicleError } from '../errors.js';
import { archiveError } from './durable-fs.js';
import { INDEX_FILE } from './format.js';
import { SqliteIndex } from './sqlite-index.js';
import { OWN_PID, processAlive } from '../host/process-identity.js';

/** The index opened read-only in place, else (read-only storage, a full disk) a copy in memory; null when it needs a rebuild. */
export function readIndex(path: string): SqliteIndex | null {
  try {
    return SqliteIndex.openForReading(path);
  } catch (error) {
    if (!cannotWrite(error)) throw error;
    const copy = SqliteIndex.openCopy(path);
    if (copy === null) throw error;
    return copy;
  }
}

/** Pending rows whose writer is gone: the next writable open settles them (indexed or dropped). */
export function hasSettleablePending(index: SqliteIndex): boolean {
  return index.pending().some((row) => row.writerPid === null || (row.writerPid !== OWN_PID && !processAlive(row.writerPid)));
}

/** Errors that say the archive (or its index) cannot be written here: read-only storage, no permission, a full disk. */
export function cannotWrite(error: unknown): boolean {
  for (let current = error, depth = 0; current !== null && current !== undefined && depth < 8; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^(EACCES|EROFS|EPERM|ENOSPC|EDQUOT|SQLITE_READONLY.*|SQLITE_CANTOPEN.*|SQLITE_FULL|SQLITE_IOERR.*)$/.test(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export function errorCode(error: unknown): string {
  for (let current = error, depth = 0; current !== null && current !== undefined && depth < 8; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && !code.startsWith('E_')) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Opens index.sqlite; an unreadable one is moved aside (index.sqlite.damaged-<time>) and a new one made. */
export function openIndex(root: string, notices: string[]): SqliteIndex {
  const path = join(root, INDEX_FILE);
  try {
    return SqliteIndex.open(path);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code !== 'SQLITE_NOTADB' && code !== 'SQLITE_CORRUPT' && !code.startsWith('SQLITE_CORRUPT')) {
      throw new ChronicleError('E_ARCHIVE', `cannot open the index ${path}: ${(error as Error).message}`, { cause: error });
    }
    moveIndexAside(root, notices, code);
    return SqliteIndex.open(path);
  }
}

export function moveIndexAside(root: string, notices: string[], reason: string): void {
  const path = join(root, INDEX_FILE);
  const aside = `${path}.damaged-${new Date().toISOString().replace(/[:.]/g, '')}`;
  try {
    renameSync(path, aside);
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
  } catch (cause) {
    throw archiveError('move aside the damaged index', path, cause);
  }
  notices.push(`the index was unreadable (${reason}); moved it to ${aside} and rebuilt it from the files`);
}
