import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import type { Snapshot } from '../types.js';
import { sha256Hex } from './durable-fs.js';
import { ARTICLE_FILE, MANIFEST_FILE, RAW_FILE, SNAPSHOT_FILE } from './format.js';
import { toAbsolute } from './layout.js';
import { parseManifest, parseSnapshot, recordedRawSha256 } from './records.js';
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

/**
 * Loads an indexed snapshot, refusing one whose snapshot.json no longer matches what was indexed, or its
 * recorded sha256 in manifest.json (the index is derived: a reindex after an edit would agree with the edit).
 */
export function loadIndexed(root: string, row: IndexRow): LoadResult {
  const loaded = loadSnapshotFolder(root, row.dir);
  if (!loaded.ok) return loaded;
  if (row.jsonSha256 !== '' && loaded.value.jsonSha256 !== row.jsonSha256) {
    return { ok: false, reason: 'snapshot.json changed since it was written (run chronicle verify)' };
  }
  const manifestFile = readArchivedFile(root, row.dir, MANIFEST_FILE);
  if (!manifestFile.ok) return manifestFile;
  const manifest = parseManifest(manifestFile.data.toString('utf8'));
  if (!manifest.ok) return manifest;
  if (manifest.value.files[SNAPSHOT_FILE].sha256 !== loaded.value.jsonSha256) {
    return { ok: false, reason: 'snapshot.json does not match its sha256 in manifest.json' };
  }
  return loaded;
}

/**
 * The whole check of one committed snapshot folder, as verify makes it: snapshot.json parses and names its
 * folder, manifest.json names the snapshot, and snapshot.json, article.html and raw.html match their sha256.
 */
export function loadIntact(root: string, relDir: string, id: string): LoadResult {
  const loaded = loadSnapshotFolder(root, relDir);
  if (!loaded.ok) return loaded;
  if (loaded.value.snapshot.id !== id) return { ok: false, reason: `snapshot.json has id ${loaded.value.snapshot.id}, not its folder name` };
  const manifestFile = readArchivedFile(root, relDir, MANIFEST_FILE);
  if (!manifestFile.ok) return manifestFile;
  const manifest = parseManifest(manifestFile.data.toString('utf8'));
  if (!manifest.ok) return manifest;
  const files = manifest.value.files;
  if (manifest.value.id !== id) return { ok: false, reason: `manifest.json names snapshot ${manifest.value.id}` };
  if (files[SNAPSHOT_FILE].sha256 !== loaded.value.jsonSha256) return { ok: false, reason: 'snapshot.json does not match its sha256 in manifest.json' };
  const article = readArchivedFile(root, relDir, ARTICLE_FILE);
  if (!article.ok) return article;
  if (sha256Hex(article.data) !== files[ARTICLE_FILE].sha256) return { ok: false, reason: 'article.html does not match its sha256 in manifest.json' };
  const raw = readArchivedFile(root, relDir, RAW_FILE);
  if (!raw.ok) return raw;
  if (sha256Hex(raw.data) !== recordedRawSha256(loaded.value.snapshot)) return { ok: false, reason: 'raw.html does not match its recorded sha256' };
  return loaded;
}
