import { promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { FileArchive } from '../archive/index.js';
import type { ListFilter, SnapshotSummary } from '../archive/types.js';
import { ARTICLE_FILE, MANIFEST_FILE, RAW_FILE } from '../archive/format.js';
import { bareHex, parseManifest } from '../archive/records.js';
import { blobRelPath, toAbsolute } from '../archive/layout.js';
import { ChronicleError } from '../errors.js';
import type { ExportSource } from './export.js';
import type { SnapshotFiles } from './snapshot-records.js';

/** The snapshots `list` would show for `filter`, each read and checked against its recorded sha256 before export. */
export async function archiveExportSource(archive: FileArchive, filter: ListFilter): Promise<ExportSource> {
  const snapshots = await archive.list(filter);
  return {
    snapshots,
    read: (summary) => readSnapshotFiles(archive, summary),
    checks: (url) => archive.checks(url),
  };
}

/** Refuses links (the files must be the archive's own) and any byte that is not what was recorded. */
async function readVerified(path: string, expected: string, what: string, id: string): Promise<Uint8Array> {
  const stat = await fs.lstat(path).catch(() => null);
  if (stat === null) throw new ChronicleError('E_ARCHIVE', `snapshot ${id} is damaged: ${what} is missing`);
  if (stat.isSymbolicLink()) throw new ChronicleError('E_ARCHIVE', `snapshot ${id} is damaged: ${what} is a symbolic link`);
  const bytes = await fs.readFile(path);
  if (createHash('sha256').update(bytes).digest('hex') !== expected) {
    throw new ChronicleError('E_ARCHIVE', `snapshot ${id} is damaged: ${what} does not match its recorded sha256`);
  }
  return bytes;
}

export async function readSnapshotFiles(archive: FileArchive, summary: SnapshotSummary): Promise<SnapshotFiles> {
  const snapshot = await archive.load(summary.id);
  const raw = await readVerified(join(summary.dir, RAW_FILE), bareHex(snapshot.fetch.sha256), RAW_FILE, summary.id);
  const manifestText = await fs.readFile(join(summary.dir, MANIFEST_FILE), 'utf8').catch(() => null);
  const manifest = manifestText === null ? null : parseManifest(manifestText);
  if (manifest === null || !manifest.ok) throw new ChronicleError('E_ARCHIVE', `snapshot ${summary.id} is damaged: ${MANIFEST_FILE} is missing or unreadable`);
  const articleHtml = await readVerified(join(summary.dir, ARTICLE_FILE), manifest.value.files[ARTICLE_FILE].sha256, ARTICLE_FILE, summary.id);
  const assets: SnapshotFiles['assets'] = [];
  for (const asset of manifest.value.assets ?? []) {
    const bytes = await readVerified(toAbsolute(archive.root, blobRelPath(asset.sha256)), asset.sha256, `asset ${asset.url}`, summary.id);
    assets.push({ url: asset.url, contentType: asset.contentType, bytes });
  }
  return { snapshot, raw, articleHtml, assets };
}
