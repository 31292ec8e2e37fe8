import { createHash } from 'node:crypto';
import { promises as fs, constants as fsConstants } from 'node:fs';
import { ChronicleError } from '../errors.js';

/** Wraps a file-system failure as E_ARCHIVE, naming the errno (ENOSPC, EACCES, …) and the path. */
export function archiveError(action: string, path: string, cause: unknown): ChronicleError {
  if (cause instanceof ChronicleError) return cause;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const detail = code ?? (cause instanceof Error ? cause.message : String(cause));
  return new ChronicleError('E_ARCHIVE', `cannot ${action} ${path}: ${detail}`, { cause });
}

/** Errors that mean the archive's storage is full: no later write can succeed until space is freed. */
const STORAGE_FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

/** The errno or SQLite code of a full disk anywhere in an error's cause chain, or null. */
export function storageFullCode(error: unknown): string | null {
  for (let current = error, depth = 0; current !== null && current !== undefined && depth < 8; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && STORAGE_FULL_CODES.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Opens `path`, runs `work` on it and closes it, whatever happened. */
async function withFile(path: string, flags: string | number, mode: number | undefined, work: (handle: fs.FileHandle) => Promise<void>): Promise<void> {
  const handle = await fs.open(path, flags, mode);
  try {
    await work(handle);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Writes a new file and fsyncs it before closing. Fails if the file exists (temp folders are private). */
export async function writeFileDurable(path: string, data: Uint8Array | string): Promise<void> {
  try {
    await withFile(path, 'wx', 0o644, async (handle) => {
      await handle.writeFile(data);
      await handle.sync();
    });
  } catch (cause) {
    throw archiveError('write', path, cause);
  }
}

/** fsyncs a directory so a rename or new entry in it survives a power loss (a no-op where unsupported). */
export async function fsyncDir(path: string): Promise<void> {
  try {
    await withFile(path, fsConstants.O_RDONLY, undefined, (handle) => handle.sync());
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    // Some platforms and file systems cannot fsync a directory; the rename is still atomic there.
    if (code === 'EISDIR' || code === 'EPERM' || code === 'EINVAL' || code === 'EBADF') return;
    throw archiveError('sync folder', path, cause);
  }
}

/**
 * Appends one line with a single write on an O_APPEND descriptor, then fsyncs: concurrent appenders never
 * interleave inside a line, and a crash leaves at most a torn last line (readers skip it).
 */
export async function appendLineDurable(path: string, line: string): Promise<void> {
  try {
    await withFile(path, 'a', 0o644, async (handle) => {
      await handle.write(Buffer.from(`${line}\n`, 'utf8'));
      await handle.sync();
    });
  } catch (cause) {
    throw archiveError('append to', path, cause);
  }
}

export async function mkdirp(path: string): Promise<void> {
  try {
    await fs.mkdir(path, { recursive: true });
  } catch (cause) {
    throw archiveError('create folder', path, cause);
  }
}

export async function pathExists(path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw archiveError('inspect', path, cause);
  }
}

/** Directory entries, or [] when the folder does not exist. */
export async function readDirSafe(path: string): Promise<import('node:fs').Dirent[]> {
  try {
    return await fs.readdir(path, { withFileTypes: true });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw archiveError('read folder', path, cause);
  }
}

export async function removeTree(path: string): Promise<void> {
  await fs.rm(path, { recursive: true, force: true }).catch(() => undefined);
}
