/** Opening an archive: its FORMAT file checked (or written), its index opened, rebuilt or repaired, or read in memory. */
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ChronicleError } from '../errors.js';
import { archiveError, fsyncDir, mkdirp, pathExists, readDirSafe, writeFileDurable } from './durable-fs.js';
import { BLOBS_DIR, FORMAT_FILE, FORMAT_LINE, FORMAT_NAME, FORMAT_VERSION, INDEX_FILE, SITES_DIR, TMP_DIR } from './format.js';
import type { PageLockOptions } from './page-lock.js';
import { SqliteIndex } from './sqlite-index.js';
import { FileArchive } from './file-archive.js';
import { collectFromFiles } from './index-rows.js';
import { cannotWrite, errorCode, hasSettleablePending, openIndex, readIndex } from './index-file.js';
import { OWN_PID } from '../host/process-identity.js';

export interface OpenArchiveOptions {
  /** Create the archive (FORMAT, folders) when the root is missing or empty. Default true; read commands pass false. */
  create?: boolean;
  /**
   * For reading commands: open the index read-only and never create anything. The archive is repaired as
   * usual (index rebuilt, pending rows settled) when that is needed and it can be written; when it cannot
   * (read-only storage, a full disk), a usable index is read as it is, else the files are read into an index
   * in memory. Implies create: false.
   */
  readOnly?: boolean;
  /** Page lock timing (tests). */
  lock?: PageLockOptions;
}

/**
 * Opens (and by default creates) the archive at `root`. Files under sites/ are the source of truth;
 * index.sqlite is derived from them and rebuilt when it is missing, of another version or unreadable.
 */
export async function openArchive(root: string, options: OpenArchiveOptions = {}): Promise<FileArchive> {
  const absRoot = resolve(root);
  if (options.readOnly === true) return openForReading(absRoot, options);
  await ensureFormat(absRoot, options.create ?? true);
  const notices: string[] = [];
  const index = openIndex(absRoot, notices);
  const archive = new FileArchive(absRoot, index, notices, options.lock ?? {});
  try {
    if (index.created && (await hasSites(absRoot))) {
      const count = await archive.reindex();
      notices.push(`index rebuilt from the files (${count} snapshots)`);
    }
    archive.repairPending();
  } catch (error) {
    archive.close();
    throw error;
  }
  return archive;
}

async function hasSites(root: string): Promise<boolean> {
  return (await readDirSafe(join(root, SITES_DIR))).some((entry) => !entry.name.startsWith('.'));
}

/** What a chronicle archive's root may hold: a half-created archive (another process creating it) is no stranger. */
const OWN_ROOT_ENTRIES = new Set([FORMAT_FILE, SITES_DIR, BLOBS_DIR, TMP_DIR, INDEX_FILE, `${INDEX_FILE}-wal`, `${INDEX_FILE}-shm`]);

/** Checks (or writes, for a new archive) the FORMAT file. Two processes creating one archive at once both succeed. */
async function ensureFormat(root: string, create: boolean): Promise<void> {
  const formatPath = join(root, FORMAT_FILE);
  const existing = readFormat(formatPath);
  if (existing !== null) {
    checkFormat(root, existing);
    return;
  }
  const rootExists = await pathExists(root);
  if (!create) {
    throw new ChronicleError('E_ARCHIVE', rootExists ? `no chronicle archive at ${root} (no FORMAT file)` : `no archive at ${root}`);
  }
  const entries = await readDirSafe(root);
  if (entries.some((entry) => !entry.name.startsWith('.') && !OWN_ROOT_ENTRIES.has(entry.name))) {
    throw new ChronicleError('E_ARCHIVE', `${root} is not empty and not a chronicle archive (no FORMAT file)`);
  }
  await mkdirp(root);
  // FORMAT first, written under a hidden temp name and linked into place (EEXIST: another process won).
  const tempPath = join(root, `.${FORMAT_FILE}.${OWN_PID}.${randomBytes(4).toString('hex')}`);
  await writeFileDurable(tempPath, `${FORMAT_LINE}\n`);
  try {
    await fs.link(tempPath, formatPath);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw archiveError('create', formatPath, cause);
  } finally {
    await fs.rm(tempPath, { force: true });
  }
  for (const sub of [SITES_DIR, BLOBS_DIR, TMP_DIR]) await mkdirp(join(root, sub));
  await fsyncDir(root);
  checkFormat(root, readFormat(formatPath) ?? '');
}

function readFormat(formatPath: string): string | null {
  try {
    return readFileSync(formatPath, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw archiveError('read', formatPath, cause);
  }
}

function checkFormat(root: string, text: string): void {
  const match = /^chronicle-archive (\d+)\s*$/.exec(text.split('\n')[0] ?? '');
  if (match === null) throw new ChronicleError('E_ARCHIVE', `${root} has a FORMAT file that is not a chronicle archive's`);
  if (Number(match[1]) > FORMAT_VERSION) {
    throw new ChronicleError('E_ARCHIVE', `${root} is a ${FORMAT_NAME} version ${match[1]}; this chronicle reads version ${FORMAT_VERSION}`);
  }
}

/** The read-only open of openArchive (see OpenArchiveOptions.readOnly). */
async function openForReading(root: string, options: OpenArchiveOptions): Promise<FileArchive> {
  await ensureFormat(root, false);
  const path = join(root, INDEX_FILE);
  let index: SqliteIndex | null = null;
  let unreadable: unknown = null;
  try {
    index = existsSync(path) ? readIndex(path) : null;
  } catch (error) {
    unreadable = error;
  }
  if (index === null || hasSettleablePending(index)) {
    // Missing, of another version, damaged, or left with a dead writer's pending row: repair it if we may write.
    try {
      const repaired = await openArchive(root, { ...options, readOnly: false, create: false });
      index?.close();
      return repaired;
    } catch (error) {
      if (!cannotWrite(error)) throw error;
      if (index === null) {
        const files = SqliteIndex.inMemory();
        const count = files.rebuild(() => collectFromFiles(root));
        const why = unreadable === null ? 'it is missing or of another version' : `it cannot be read: ${errorCode(unreadable)}`;
        const notices = [`the index cannot be used (${why}) and the archive cannot be written (${errorCode(error)}): read ${count} snapshots from the files`];
        return new FileArchive(root, files, notices, options.lock ?? {}, true);
      }
    }
  }
  return new FileArchive(root, index, [], options.lock ?? {}, true);
}
