import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import type { Snapshot } from '../types.js';
import { sha256Hex } from './durable-fs.js';
import { SNAPSHOT_FILE } from './format.js';
import { toAbsolute } from './layout.js';
import { parseSnapshot } from './records.js';
import { isPlainRelDir, readArchivedFile } from './safe-read.js';
import type { IndexRow } from './sqlite-index.js';

export interface LoadedSnapshot {
  snapshot: Snapshot;
  jsonSha256: string;
  jsonBytes: number;
  jsonMtimeMs: number;
}

export type LoadResult = { ok: true; value: LoadedSnapshot } | { ok: false; reason: string };

/** Reads and checks one snapshot folder's snapshot.json (synchronously; never throws). */
export function loadSnapshotFolder(root: string, relDir: string): LoadResult {
  const read = readArchivedFile(root, relDir, SNAPSHOT_FILE);
  if (!read.ok) return read;
  const { data, mtimeMs } = read;
  const parsed = parseSnapshot(data.toString('utf8'));
  if (!parsed.ok) return parsed;
  return { ok: true, value: { snapshot: parsed.value, jsonSha256: sha256Hex(data), jsonBytes: data.byteLength, jsonMtimeMs: mtimeMs } };
}

/**
 * Whether an indexed snapshot's snapshot.json is still the file that was indexed: size and mtime are
 * compared first (one stat); when they differ, the content is hashed. A damaged or vanished file fails.
 */
export function stillIndexed(root: string, row: IndexRow): boolean {
  if (!isPlainRelDir(row.dir)) return false;
  try {
    const stat = lstatSync(join(toAbsolute(root, row.dir), SNAPSHOT_FILE));
    if (stat.isFile() && stat.size === row.jsonBytes && stat.mtimeMs === row.jsonMtimeMs) return true;
  } catch {
    return false;
  }
  const read = readArchivedFile(root, row.dir, SNAPSHOT_FILE);
  return read.ok && sha256Hex(read.data) === row.jsonSha256 && parseSnapshot(read.data.toString('utf8')).ok;
}

/** Loads an indexed snapshot, refusing one whose snapshot.json no longer matches what was indexed. */
export function loadIndexed(root: string, row: IndexRow): LoadResult {
  const loaded = loadSnapshotFolder(root, row.dir);
  if (!loaded.ok) return loaded;
  if (row.jsonSha256 !== '' && loaded.value.jsonSha256 !== row.jsonSha256) {
    return { ok: false, reason: 'snapshot.json changed since it was written (run chronicle verify)' };
  }
  return loaded;
}
