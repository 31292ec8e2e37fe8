import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import { SITES_DIR } from './format.js';

export type ReadResult = { ok: true; data: Buffer; mtimeMs: number } | { ok: false; reason: string };

/** A folder path as the index and the scanner record it: "sites/…", plain names only, "/" separators. */
export function isPlainRelDir(relDir: string): boolean {
  const parts = relDir.split('/');
  return parts[0] === SITES_DIR && parts.length >= 2 && parts.every((part) => part !== '' && part !== '.' && part !== '..' && !/[\\\0]/.test(part));
}

/**
 * Reads one file of the archive's sites/ tree without ever leaving the archive: the folder path must be plain
 * (no "..", no absolute path), no folder on the way below the root may be a symbolic link (its real path must
 * be the archive's real path plus relDir), and the file itself is opened with O_NOFOLLOW and must be a regular
 * file. The archive root itself may be a link (a user's choice); everything inside it is Chronicle's.
 * Never throws: a refusal or a read error is a reason.
 */
export function readArchivedFile(root: string, relDir: string, name: string): ReadResult {
  if (!isPlainRelDir(relDir) || name.includes('/') || name.startsWith('.')) {
    return { ok: false, reason: `${relDir}/${name} is not a path inside the archive` };
  }
  let fd: number | null = null;
  try {
    const expected = join(realpathSync.native(root), ...relDir.split('/'));
    let realDir: string;
    try {
      realDir = realpathSync.native(join(root, ...relDir.split('/')));
    } catch (error) {
      return { ok: false, reason: describe(name, error, true) };
    }
    if (realDir !== expected) {
      const outside = !realDir.startsWith(`${realpathSync.native(root)}${sep}`);
      return { ok: false, reason: `its folder ${relDir} is a symbolic link${outside ? ' out of the archive' : ''}` };
    }
    fd = openSync(join(realDir, name), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: `${name} is not a regular file` };
    return { ok: true, data: readFileSync(fd), mtimeMs: stat.mtimeMs };
  } catch (error) {
    return { ok: false, reason: describe(name, error, false) };
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function describe(name: string, error: unknown, folder: boolean): string {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  if (code === 'ENOENT') return folder ? 'its folder is missing' : `${name} is missing`;
  if (code === 'ELOOP') return `${name} is a symbolic link`;
  return `${name} cannot be read (${code})`;
}
