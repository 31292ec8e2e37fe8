/** Saving: a snapshot folder filed atomically under the page lock, its blobs, its index row (docs/archive-format.md). */
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ChronicleError } from '../errors.js';
import type { Snapshot } from '../types.js';
import type { AssetInput, CheckRecord, SaveInput, SaveResult } from './types.js';
import {
  appendLineDurable,
  archiveError,
  fsyncDir,
  mkdirp,
  pathExists,
  readDirSafe,
  removeTree,
  sha256Hex,
  writeFileDurable,
} from './durable-fs.js';
import {
  ARTICLE_FILE,
  CHECKS_FILE,
  MANIFEST_FILE,
  MANIFEST_SCHEMA,
  RAW_FILE,
  RENDERED_FILE,
  SCREENSHOT_FILE,
  SITES_DIR,
  SNAPSHOT_FILE,
  TMP_DIR,
} from './format.js';
import { assertSnapshotId, blobRelPath, isValidSnapshotId, locatePage, toAbsolute, type PageLocation } from './layout.js';
import { lockPage, type PageLockOptions } from './page-lock.js';
import { bareHex, searchTextOf, snapshotText, type Manifest } from './records.js';
import { loadIntact, loadSnapshotFolder } from './snapshot-folder.js';
import { SqliteIndex } from './sqlite-index.js';
import { indexRow, UNWRITTEN } from './index-rows.js';
import { OWN_PID, processAlive } from '../host/process-identity.js';

/** Snapshot ids being written by this process (their pending index rows must not be repaired away). */
const inFlightIds = new Set<string>();
const inFlightTemps = new Set<string>();

/** Temp entries older than this are leftovers whoever wrote them. */
const TEMP_STALE_MS = 10 * 60_000;

/**
 * The write side of the archive: files one snapshot folder atomically (temp folder, fsyncs, rename) under the
 * page lock, its raw body and assets once under blobs/, and its index row; settles what interrupted writes left.
 */
export class SnapshotWriter {
  constructor(
    private readonly root: string,
    /** The archive's index (a reindex may replace it). */
    private readonly index: () => SqliteIndex,
    private readonly lockOptions: PageLockOptions,
  ) {}

  async save(input: SaveInput): Promise<SaveResult> {
    try {
      return await this.saveUnwrapped(input);
    } catch (error) {
      throw error instanceof ChronicleError ? error : archiveError('save snapshot', input.snapshot.id, error);
    }
  }

  private async saveUnwrapped(input: SaveInput): Promise<SaveResult> {
    const { snapshot, raw } = input;
    assertSnapshotId(snapshot.id);
    const location = locatePage(snapshot.url);
    const rawSha = sha256Hex(raw);
    if (bareHex(snapshot.fetch.sha256) !== rawSha) {
      throw new ChronicleError('E_ARCHIVE', `raw body does not match snapshot.fetch.sha256 of ${snapshot.id}`, { url: snapshot.url });
    }
    const pageDir = toAbsolute(this.root, location.relDir);
    const siteDir = join(pageDir, '..');
    let firstCreated: string | undefined;
    try {
      firstCreated = await fs.mkdir(pageDir, { recursive: true });
    } catch (cause) {
      throw archiveError('create folder', pageDir, cause);
    }
    // Make new folders' entries durable in their parents (only the ones this save created).
    if (firstCreated !== undefined) {
      if (firstCreated !== pageDir) await fsyncDir(join(this.root, SITES_DIR));
      await fsyncDir(siteDir);
    }
    const lock = await lockPage(pageDir, this.lockOptions);
    try {
      const { latest, damaged } = latestOnDisk(this.root, location.relDir);
      if (latest !== null && damaged === null && latest.contentDigest === snapshot.digest.content) {
        const check: CheckRecord = { url: location.key, snapshotId: latest.id, checkedAt: snapshot.fetch.fetchedAt };
        await appendLineDurable(join(pageDir, CHECKS_FILE), JSON.stringify(check));
        return { id: latest.id, dir: toAbsolute(this.root, latest.relDir), created: false, previousId: latest.id };
      }
      const filed = await this.writeSnapshot(location, pageDir, input, rawSha);
      const id = filed.id;
      return { id, dir: join(pageDir, id), created: true, previousId: latest?.id ?? null, ...(damaged === null ? {} : { damaged }), snapshot: filed };
    } finally {
      await lock.release();
    }
  }

  /** Writes the snapshot folder and indexes it; returns the record as filed (with the id it was filed under). */
  private async writeSnapshot(location: PageLocation, pageDir: string, input: SaveInput, rawSha: string): Promise<Snapshot> {
    const { snapshot } = input;
    const dirFor = (candidate: string): string => `${location.relDir}/${candidate}`;
    const { id: _id, dir: _dir, ...reserved } = indexRow(location.relDir, snapshot, UNWRITTEN, location.key);
    const id = this.index().reserve(reserved, snapshot.id, dirFor, OWN_PID, (candidate) => readFolderExists(join(pageDir, candidate)));
    inFlightIds.add(id);
    const tempName = `${id}.${OWN_PID}.${randomBytes(4).toString('hex')}`;
    const tempDir = join(this.root, TMP_DIR, tempName);
    inFlightTemps.add(tempName);
    let renamed = false;
    try {
      const stored: Snapshot = id === snapshot.id ? snapshot : { ...snapshot, id };
      const jsonSha256 = await this.writeFolder(tempDir, location.key, stored, input, rawSha);
      const finalDir = join(pageDir, id);
      try {
        await fs.rename(tempDir, finalDir);
      } catch (cause) {
        throw archiveError('move into place', finalDir, cause);
      }
      renamed = true;
      await fsyncDir(pageDir);
      const stat = await fs.stat(join(finalDir, SNAPSHOT_FILE));
      const file = { jsonSha256, jsonBytes: stat.size, jsonMtimeMs: stat.mtimeMs };
      this.index().upsert(indexRow(dirFor(id), stored, file, location.key), searchTextOf(stored));
      return stored;
    } catch (error) {
      if (!renamed) await this.abandonWrite(tempDir, id);
      throw error instanceof ChronicleError ? error : archiveError('write snapshot', location.relDir, error);
    } finally {
      inFlightIds.delete(id);
      inFlightTemps.delete(tempName);
    }
  }

  /** A write that never reached its place: its temp folder goes, its reserved row is given back. */
  private async abandonWrite(tempDir: string, id: string): Promise<void> {
    await removeTree(tempDir);
    try {
      this.index().unreserve(id);
    } catch {
      // The pending row is repaired by the next open.
    }
  }

  /** Writes the snapshot folder's files under `tempDir`, fsynced, the folder too; returns snapshot.json's sha256. */
  private async writeFolder(tempDir: string, key: string, stored: Snapshot, input: SaveInput, rawSha: string): Promise<string> {
    const jsonText = snapshotText(stored);
    await mkdirp(join(this.root, TMP_DIR));
    try {
      await fs.mkdir(tempDir);
    } catch (cause) {
      throw archiveError('create folder', tempDir, cause);
    }
    const articleBytes = Buffer.from(input.articleHtml, 'utf8');
    // A rendered page's DOM and screenshot go beside raw.html, in the manifest like every other file.
    const extras = renderedFiles(input);
    const manifest = manifestOf(stored.id, key, { json: jsonText, article: articleBytes, rawSha, input, extras });
    // Assets (images kept with --assets) go to blobs/ first: article.html links to them.
    for (const asset of input.assets ?? []) await this.storeAsset(asset);
    // The four files are written and fsynced side by side (their fsyncs overlap), then the folder itself.
    await settleAll([
      this.linkRaw(rawSha, input.raw, join(tempDir, RAW_FILE)),
      writeFileDurable(join(tempDir, SNAPSHOT_FILE), jsonText),
      writeFileDurable(join(tempDir, ARTICLE_FILE), articleBytes),
      writeFileDurable(join(tempDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`),
      ...extras.map(([name, bytes]) => writeFileDurable(join(tempDir, name), bytes)),
    ]);
    await fsyncDir(tempDir);
    return manifest.files[SNAPSHOT_FILE].sha256;
  }


  /** Stores the raw body once under blobs/ (by its sha256) and hard-links it as raw.html (a copy where links fail). */
  private async linkRaw(rawSha: string, raw: Uint8Array, target: string): Promise<void> {
    const blobPath = await this.storeBlob(rawSha, raw);
    try {
      await fs.link(blobPath, target);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK' && code !== 'ENOENT') {
        throw archiveError('link', target, cause);
      }
      // No hard links here (or the blob vanished): keep a private copy.
      await writeFileDurable(target, raw);
    }
  }

  /** Stores a page asset (an image) once under blobs/ by its sha256; its folder entry is made durable (no link holds it). */
  private async storeAsset(asset: AssetInput): Promise<void> {
    if (sha256Hex(asset.bytes) !== asset.sha256) throw new ChronicleError('E_ARCHIVE', `asset ${asset.url} does not match its sha256`);
    const blobPath = await this.storeBlob(asset.sha256, asset.bytes);
    await fsyncDir(join(blobPath, '..'));
  }

  /** Writes bytes to blobs/sha256/<2 hex>/<hex> unless a blob of that size is there; returns its path. */
  private async storeBlob(rawSha: string, raw: Uint8Array): Promise<string> {
    const blobPath = toAbsolute(this.root, blobRelPath(rawSha));
    const existing = await fs.stat(blobPath).catch(() => null);
    if (existing === null || existing.size !== raw.byteLength) {
      await mkdirp(join(blobPath, '..'));
      const tempName = `blob.${OWN_PID}.${randomBytes(4).toString('hex')}`;
      const tempPath = join(this.root, TMP_DIR, tempName);
      inFlightTemps.add(tempName);
      try {
        await writeFileDurable(tempPath, raw);
        // No fsync of the blob folder: raw.html's own link (made durable with its snapshot folder) keeps the
        // bytes; a blob entry lost to a power cut only costs the next identical body a fresh copy.
        await fs.rename(tempPath, blobPath).catch((cause: unknown) => {
          throw archiveError('store blob', blobPath, cause);
        });
      } finally {
        inFlightTemps.delete(tempName);
        await fs.rm(tempPath, { force: true }).catch(() => undefined);
      }
    }
    return blobPath;
  }

  /** Makes pending index rows of finished or abandoned writes right: indexed when the folder exists, else dropped. */
  repairPending(): void {
    for (const row of this.index().pending()) {
      const loaded = loadSnapshotFolder(this.root, row.dir);
      if (loaded.ok && loaded.value.snapshot.id === row.id) {
        this.index().upsert(indexRow(row.dir, loaded.value.snapshot, loaded.value), searchTextOf(loaded.value.snapshot));
        continue;
      }
      const writerBusy =
        row.writerPid !== null &&
        (row.writerPid === OWN_PID ? inFlightIds.has(row.id) : processAlive(row.writerPid));
      if (!writerBusy) this.index().unreserve(row.id);
    }
  }

  /** Removes temp folders and files of interrupted writes; returns their paths relative to the root. */
  async cleanup(): Promise<string[]> {
    const removed: string[] = [];
    const tmpDir = join(this.root, TMP_DIR);
    for (const entry of await readDirSafe(tmpDir)) {
      if (inFlightTemps.has(entry.name)) continue;
      const parts = entry.name.split('.');
      const pid = Number(parts.length >= 3 ? parts[parts.length - 2] : NaN);
      const stat = await fs.stat(join(tmpDir, entry.name)).catch(() => null);
      const old = stat !== null && Date.now() - stat.mtimeMs > TEMP_STALE_MS;
      const abandoned = !Number.isInteger(pid) || pid === OWN_PID || !processAlive(pid);
      if (old || abandoned) {
        await removeTree(join(tmpDir, entry.name));
        // On read-only storage nothing can be removed; a leftover is harmless (tmp/ is never read).
        if (!(await pathExists(join(tmpDir, entry.name)))) removed.push(`${TMP_DIR}/${entry.name}`);
      }
    }
    return removed;
  }

}

interface PageVersionOnDisk {
  id: string;
  relDir: string;
  contentDigest: string;
}

/**
 * The newest snapshot folder of a page by id (ids begin with the fetch time), read from the files and checked
 * whole (loadIntact). When it is damaged, `latest` is the newest intact one before it and `damaged` says why:
 * a save then files a new version instead of comparing with a copy it cannot trust.
 */
function latestOnDisk(root: string, pageRel: string): { latest: PageVersionOnDisk | null; damaged: { id: string; reason: string } | null } {
  let names: string[];
  try {
    names = readdirSync(toAbsolute(root, pageRel), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && isValidSnapshotId(entry.name))
      .map((entry) => entry.name)
      .sort()
      .reverse();
  } catch {
    return { latest: null, damaged: null };
  }
  let damaged: { id: string; reason: string } | null = null;
  for (const name of names) {
    const relDir = `${pageRel}/${name}`;
    const loaded = loadIntact(root, relDir, name);
    if (loaded.ok) return { latest: { id: name, relDir, contentDigest: loaded.value.snapshot.digest.content }, damaged };
    damaged ??= { id: name, reason: loaded.reason };
  }
  return { latest: null, damaged };
}

/** Awaits every promise (none is left running on failure), then throws the first failure. */
async function settleAll(work: Array<Promise<unknown>>): Promise<void> {
  const results = await Promise.allSettled(work);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
}

function readFolderExists(path: string): boolean {
  return existsSync(path);
}

/** rendered.html and screenshot.png of a rendered page, when it has them. */
function renderedFiles(input: SaveInput): Array<[typeof RENDERED_FILE | typeof SCREENSHOT_FILE, Uint8Array]> {
  const files: Array<[typeof RENDERED_FILE | typeof SCREENSHOT_FILE, Uint8Array]> = [];
  if (input.rendered !== undefined) files.push([RENDERED_FILE, Buffer.from(input.rendered, 'utf8')]);
  if (input.screenshot !== undefined) files.push([SCREENSHOT_FILE, input.screenshot]);
  return files;
}

/** manifest.json of a snapshot folder: every file's sha256 and size, and the assets it links. */
function manifestOf(
  id: string,
  key: string,
  files: { json: string; article: Uint8Array; rawSha: string; input: SaveInput; extras: Array<[typeof RENDERED_FILE | typeof SCREENSHOT_FILE, Uint8Array]> },
): Manifest {
  const { input } = files;
  const manifest: Manifest = {
    schema: MANIFEST_SCHEMA,
    id,
    key,
    files: {
      [SNAPSHOT_FILE]: { sha256: sha256Hex(files.json), bytes: Buffer.byteLength(files.json) },
      [ARTICLE_FILE]: { sha256: sha256Hex(files.article), bytes: files.article.byteLength },
      [RAW_FILE]: { sha256: files.rawSha, bytes: input.raw.byteLength },
    },
    ...(input.assets === undefined || input.assets.length === 0
      ? {}
      : { assets: input.assets.map((asset) => ({ url: asset.url, sha256: asset.sha256, bytes: asset.bytes.byteLength, contentType: asset.contentType })) }),
  };
  for (const [name, bytes] of files.extras) manifest.files[name] = { sha256: sha256Hex(bytes), bytes: bytes.byteLength };
  return manifest;
}
