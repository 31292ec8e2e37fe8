import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ChronicleError } from '../errors.js';
import type { Snapshot } from '../types.js';
import type {
  Archive,
  AssetInput,
  CheckRecord,
  ListFilter,
  SaveInput,
  SaveResult,
  SearchHit,
  SnapshotSummary,
  VerifyProblem,
} from './types.js';
import {
  appendLineDurable,
  archiveError,
  fsyncDir,
  mkdirp,
  pathExists,
  processAlive,
  readDirSafe,
  removeTree,
  sha256Hex,
  writeFileDurable,
} from './durable-fs.js';
import {
  ARTICLE_FILE,
  BLOBS_DIR,
  CHECKS_FILE,
  FORMAT_FILE,
  FORMAT_LINE,
  FORMAT_NAME,
  FORMAT_VERSION,
  INDEX_FILE,
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
import { effectivePort, parseSiteFilter } from './site-filter.js';
import { bareHex, parseManifest, recordedRawSha256, searchTextOf, snapshotText, type Manifest, type SearchText } from './records.js';
import { readArchivedFile } from './safe-read.js';
import { scanSites } from './scan.js';
import { loadIndexed, loadIntact, loadSnapshotFolder, stillIndexed } from './snapshot-folder.js';
import { isDamagedIndexError, SqliteIndex, type IndexRow, type IndexSearchRow } from './sqlite-index.js';
import { verifyArchive } from './verify.js';

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

/** A search hit with its bm25 score (higher is better); `rank` is the 1-based position. */
export interface RankedSearchHit extends SearchHit {
  score: number;
}

/** Snapshot ids being written by this process (their pending index rows must not be repaired away). */
const inFlightIds = new Set<string>();
const inFlightTemps = new Set<string>();

/** Temp entries older than this are leftovers whoever wrote them. */
const TEMP_STALE_MS = 10 * 60_000;

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

export class FileArchive implements Archive {
  readonly root: string;
  /** Things the open repaired (an unreadable index moved aside, a rebuild): the CLI prints them on stderr. */
  readonly notices: string[];
  private index: SqliteIndex;
  private readonly lockOptions: PageLockOptions;

  /** Opened for reading only (openArchive's readOnly): save and reindex are refused. */
  readonly readOnly: boolean;

  constructor(root: string, index: SqliteIndex, notices: string[], lockOptions: PageLockOptions, readOnly = false) {
    this.root = root;
    this.index = index;
    this.notices = notices;
    this.lockOptions = lockOptions;
    this.readOnly = readOnly;
  }

  close(): void {
    this.index.close();
  }

  // ── writing ────────────────────────────────────────────────────────────────

  async save(input: SaveInput): Promise<SaveResult> {
    if (this.readOnly) throw new ChronicleError('E_ARCHIVE', `${this.root} was opened for reading only`);
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
    const site = new URL(location.key).hostname;
    const dirFor = (candidate: string): string => `${location.relDir}/${candidate}`;
    const id = this.index.reserve(
      { url: location.key, site, fetchedAt: snapshot.fetch.fetchedAt, title: snapshot.meta.title, contentDigest: snapshot.digest.content, jsonSha256: '', jsonBytes: -1, jsonMtimeMs: -1 },
      snapshot.id,
      dirFor,
      process.pid,
      (candidate) => readFolderExists(join(pageDir, candidate)),
    );
    inFlightIds.add(id);
    const tempName = `${id}.${process.pid}.${randomBytes(4).toString('hex')}`;
    const tempDir = join(this.root, TMP_DIR, tempName);
    inFlightTemps.add(tempName);
    let renamed = false;
    try {
      const stored: Snapshot = id === snapshot.id ? snapshot : { ...snapshot, id };
      const jsonText = snapshotText(stored);
      await mkdirp(join(this.root, TMP_DIR));
      try {
        await fs.mkdir(tempDir);
      } catch (cause) {
        throw archiveError('create folder', tempDir, cause);
      }
      const articleBytes = Buffer.from(input.articleHtml, 'utf8');
      const manifest: Manifest = {
        schema: MANIFEST_SCHEMA,
        id,
        key: location.key,
        files: {
          [SNAPSHOT_FILE]: { sha256: sha256Hex(jsonText), bytes: Buffer.byteLength(jsonText) },
          [ARTICLE_FILE]: { sha256: sha256Hex(articleBytes), bytes: articleBytes.byteLength },
          [RAW_FILE]: { sha256: rawSha, bytes: input.raw.byteLength },
        },
        ...(input.assets === undefined || input.assets.length === 0
          ? {}
          : { assets: input.assets.map((asset) => ({ url: asset.url, sha256: asset.sha256, bytes: asset.bytes.byteLength, contentType: asset.contentType })) }),
      };
      // Assets (images kept with --assets) go to blobs/ first: article.html links to them.
      for (const asset of input.assets ?? []) await this.storeAsset(asset);
      // A rendered page's DOM and screenshot go beside raw.html, in the manifest like every other file.
      const extras = renderedFiles(input);
      for (const [name, bytes] of extras) manifest.files[name] = { sha256: sha256Hex(bytes), bytes: bytes.byteLength };
      // The four files are written and fsynced side by side (their fsyncs overlap), then the folder itself.
      await settleAll([
        this.linkRaw(rawSha, input.raw, join(tempDir, RAW_FILE)),
        writeFileDurable(join(tempDir, SNAPSHOT_FILE), jsonText),
        writeFileDurable(join(tempDir, ARTICLE_FILE), articleBytes),
        writeFileDurable(join(tempDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`),
        ...extras.map(([name, bytes]) => writeFileDurable(join(tempDir, name), bytes)),
      ]);
      await fsyncDir(tempDir);
      const finalDir = join(pageDir, id);
      try {
        await fs.rename(tempDir, finalDir);
      } catch (cause) {
        throw archiveError('move into place', finalDir, cause);
      }
      renamed = true;
      await fsyncDir(pageDir);
      const stat = await fs.stat(join(finalDir, SNAPSHOT_FILE));
      this.index.upsert(
        {
          id,
          url: location.key,
          site,
          dir: dirFor(id),
          fetchedAt: stored.fetch.fetchedAt,
          title: stored.meta.title,
          contentDigest: stored.digest.content,
          jsonSha256: manifest.files[SNAPSHOT_FILE].sha256,
          jsonBytes: stat.size,
          jsonMtimeMs: stat.mtimeMs,
        },
        searchTextOf(stored),
      );
      return stored;
    } catch (error) {
      if (!renamed) {
        await removeTree(tempDir);
        try {
          this.index.unreserve(id);
        } catch {
          // The pending row is repaired by the next open.
        }
      }
      throw error instanceof ChronicleError ? error : archiveError('write snapshot', location.relDir, error);
    } finally {
      inFlightIds.delete(id);
      inFlightTemps.delete(tempName);
    }
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
      const tempName = `blob.${process.pid}.${randomBytes(4).toString('hex')}`;
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
    for (const row of this.index.pending()) {
      const loaded = loadSnapshotFolder(this.root, row.dir);
      if (loaded.ok && loaded.value.snapshot.id === row.id) {
        this.index.upsert(rowFor(row.dir, loaded.value.snapshot, loaded.value), searchTextOf(loaded.value.snapshot));
        continue;
      }
      const writerBusy =
        row.writerPid !== null &&
        (row.writerPid === process.pid ? inFlightIds.has(row.id) : processAlive(row.writerPid));
      if (!writerBusy) this.index.unreserve(row.id);
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
      const abandoned = !Number.isInteger(pid) || pid === process.pid || !processAlive(pid);
      if (old || abandoned) {
        await removeTree(join(tmpDir, entry.name));
        // On read-only storage nothing can be removed; a leftover is harmless (tmp/ is never read).
        if (!(await pathExists(join(tmpDir, entry.name)))) removed.push(`${TMP_DIR}/${entry.name}`);
      }
    }
    return removed;
  }

  // ── reading ────────────────────────────────────────────────────────────────

  async has(url: string): Promise<boolean> {
    return this.index.hasUrl(locatePage(url).key);
  }

  async latest(url: string, at?: Date): Promise<Snapshot | null> {
    const key = locatePage(url).key;
    const rows = this.index.query({ url: key, order: 'desc', ...(at === undefined ? {} : { atMs: at.getTime() }) });
    for (const row of rows) {
      const loaded = loadIndexed(this.root, row);
      if (loaded.ok) return loaded.value.snapshot;
    }
    return null;
  }

  /**
   * The version of a URL current at `at` (default: now), as `show URL` serves it: null when there is none, and
   * E_ARCHIVE when that version is damaged (naming it and the newest intact version before it), never an older
   * version in its place.
   */
  async current(url: string, at?: Date): Promise<Snapshot | null> {
    const key = locatePage(url).key;
    const rows = this.index.query({ url: key, order: 'desc', ...(at === undefined ? {} : { atMs: at.getTime() }) });
    const newest = rows[0];
    if (newest === undefined) return null;
    const loaded = loadIndexed(this.root, newest);
    if (loaded.ok) return loaded.value.snapshot;
    const intact = rows.slice(1).find((row) => loadIndexed(this.root, row).ok);
    const fallback = intact === undefined ? 'no intact version of it remains' : `the newest intact version is ${intact.id}`;
    throw new ChronicleError('E_ARCHIVE', `snapshot ${newest.id}, the ${at === undefined ? 'latest' : 'current'} version of ${key}, is damaged: ${loaded.reason}; ${fallback} (run chronicle verify)`, { url: key });
  }

  async get(id: string): Promise<Snapshot | null> {
    const row = this.index.byId(id);
    if (row === null) return null;
    const loaded = loadIndexed(this.root, row);
    return loaded.ok ? loaded.value.snapshot : null;
  }

  /** Like get, but says why: E_NOT_FOUND for an unknown id, E_ARCHIVE for a damaged snapshot. */
  async load(id: string): Promise<Snapshot> {
    const row = this.index.byId(id);
    if (row === null) throw new ChronicleError('E_NOT_FOUND', `no snapshot with id ${id}`);
    const loaded = loadIndexed(this.root, row);
    if (!loaded.ok) throw new ChronicleError('E_ARCHIVE', `snapshot ${id} is damaged: ${loaded.reason}`);
    return loaded.value.snapshot;
  }

  /**
   * One stored file of a snapshot, checked before it is handed out: raw.html against the record's
   * fetch.sha256, every other file (article.html, rendered.html, screenshot.png) against manifest.json (itself
   * tied to the record by snapshot.json's sha256). E_NOT_FOUND for an unknown id or a file the snapshot does not
   * have; E_ARCHIVE naming the snapshot for a mismatch, a link or a path that leaves the archive.
   */
  async readFile(id: string, name: typeof ARTICLE_FILE | typeof RAW_FILE | typeof RENDERED_FILE | typeof SCREENSHOT_FILE): Promise<Buffer> {
    const row = this.index.byId(id);
    if (row === null) throw new ChronicleError('E_NOT_FOUND', `no snapshot with id ${id}`);
    const damaged = (reason: string): ChronicleError => new ChronicleError('E_ARCHIVE', `snapshot ${id} is damaged: ${reason} (run chronicle verify)`);
    const loaded = loadIndexed(this.root, row);
    if (!loaded.ok) throw damaged(loaded.reason);
    if (name === RAW_FILE) {
      const file = readArchivedFile(this.root, row.dir, name);
      if (!file.ok) throw damaged(file.reason);
      if (sha256Hex(file.data) !== recordedRawSha256(loaded.value.snapshot)) throw damaged('raw.html does not match its recorded sha256');
      return file.data;
    }
    const manifestFile = readArchivedFile(this.root, row.dir, MANIFEST_FILE);
    if (!manifestFile.ok) throw damaged(manifestFile.reason);
    const manifest = parseManifest(manifestFile.data.toString('utf8'));
    if (!manifest.ok) throw damaged(manifest.reason);
    if (manifest.value.id !== id || manifest.value.files[SNAPSHOT_FILE].sha256 !== loaded.value.jsonSha256) {
      throw damaged('manifest.json does not belong to its snapshot.json');
    }
    const recorded = manifest.value.files[name];
    if (recorded === undefined) throw new ChronicleError('E_NOT_FOUND', `snapshot ${id} has no ${name}`);
    const file = readArchivedFile(this.root, row.dir, name);
    if (!file.ok) throw damaged(file.reason);
    if (sha256Hex(file.data) !== recorded.sha256) throw damaged(`${name} does not match its sha256 in manifest.json`);
    return file.data;
  }

  async dirOf(id: string): Promise<string | null> {
    const row = this.index.byId(id);
    return row === null ? null : toAbsolute(this.root, row.dir);
  }

  /**
   * Every indexed version, damaged ones included: a page's history must not lose a version silently (`load`
   * names the damage when one is read).
   */
  async versions(url: string): Promise<SnapshotSummary[]> {
    const rows = this.index.query({ url: locatePage(url).key, order: 'asc' });
    return rows.map((row) => this.summary(row));
  }

  async checks(url: string): Promise<CheckRecord[]> {
    const location = locatePage(url);
    const read = readArchivedFile(this.root, location.relDir, CHECKS_FILE);
    if (!read.ok) {
      if (/is missing$/.test(read.reason)) return [];
      throw new ChronicleError('E_ARCHIVE', `cannot read ${location.relDir}/${CHECKS_FILE}: ${read.reason}`);
    }
    const text = read.data.toString('utf8');
    const records: CheckRecord[] = [];
    for (const line of text.split('\n')) {
      const record = parseCheck(line);
      if (record !== null && record.url === location.key) records.push(record);
    }
    return records.sort((a, b) => Date.parse(a.checkedAt) - Date.parse(b.checkedAt));
  }

  /** Snapshots oldest first; a snapshot whose snapshot.json no longer matches the index is skipped. */
  async list(filter: ListFilter = {}): Promise<SnapshotSummary[]> {
    const site = filter.site === undefined ? null : parseSiteFilter(filter.site);
    const rows = this.index.query({
      ...(filter.url === undefined ? {} : { url: locatePage(filter.url).key }),
      ...(site === null ? {} : { sites: [site.hostname] }),
      ...(filter.since === undefined ? {} : { sinceMs: filter.since.getTime() }),
      ...(filter.until === undefined ? {} : { untilMs: filter.until.getTime() }),
      order: 'asc',
    });
    const onPort = (row: IndexRow): boolean => site?.port == null || effectivePort(row.url) === site.port;
    return rows.filter((row) => onPort(row) && stillIndexed(this.root, row)).map((row) => this.summary(row));
  }

  /** FTS5 query, best first (bm25). A malformed query throws E_USAGE. Damaged snapshots are skipped. */
  async search(query: string, limit = 20): Promise<RankedSearchHit[]> {
    if (query.trim() === '') throw new ChronicleError('E_USAGE', 'empty search query');
    const want = Math.max(1, Math.floor(limit));
    const rows: IndexSearchRow[] = this.index.search(query, want + 10);
    const hits: RankedSearchHit[] = [];
    for (const row of rows) {
      if (hits.length >= want) break;
      if (!stillIndexed(this.root, row)) continue;
      hits.push({ ...this.summary(row), rank: hits.length + 1, score: Number(row.score.toPrecision(6)), snippet: row.snippet });
    }
    return hits;
  }

  async verify(): Promise<VerifyProblem[]> {
    return verifyArchive(this.root, this.index);
  }

  /** Rebuilds the index from the files alone; returns how many snapshots it holds. */
  async reindex(): Promise<number> {
    if (this.readOnly) throw new ChronicleError('E_ARCHIVE', `${this.root} was opened for reading only`);
    const root = this.root;
    try {
      return this.index.rebuild(() => collectFromFiles(root));
    } catch (error) {
      if (!isDamagedIndexError(error)) throw error;
      // The index file itself is damaged: set it aside and build a new one.
      this.index.close();
      moveIndexAside(root, this.notices, 'damaged');
      this.index = SqliteIndex.open(join(root, INDEX_FILE));
      return this.index.rebuild(() => collectFromFiles(root));
    }
  }

  private summary(row: IndexRow): SnapshotSummary {
    return {
      id: row.id,
      url: row.url,
      site: row.site,
      dir: toAbsolute(this.root, row.dir),
      fetchedAt: row.fetchedAt,
      title: row.title,
      contentDigest: row.contentDigest,
    };
  }
}

/** Every sound snapshot folder as an index entry (damaged or foreign ones are left to verify). */
export function collectFromFiles(root: string): Array<{ row: IndexRow; text: SearchText }> {
  const entries: Array<{ row: IndexRow; text: SearchText }> = [];
  for (const entry of scanSites(root)) {
    if (entry.kind !== 'snapshot') continue;
    const loaded = loadSnapshotFolder(root, entry.relDir);
    if (!loaded.ok || loaded.value.snapshot.id !== entry.id) continue;
    let row: IndexRow;
    try {
      row = rowFor(entry.relDir, loaded.value.snapshot, loaded.value);
    } catch {
      continue; // a record whose URL does not parse
    }
    entries.push({ row, text: searchTextOf(loaded.value.snapshot) });
  }
  return entries;
}

function rowFor(relDir: string, snapshot: Snapshot, file: { jsonSha256: string; jsonBytes: number; jsonMtimeMs: number }): IndexRow {
  const key = locatePage(snapshot.url).key;
  return {
    id: snapshot.id,
    url: key,
    site: new URL(key).hostname,
    dir: relDir,
    fetchedAt: snapshot.fetch.fetchedAt,
    title: snapshot.meta.title,
    contentDigest: snapshot.digest.content,
    jsonSha256: file.jsonSha256,
    jsonBytes: file.jsonBytes,
    jsonMtimeMs: file.jsonMtimeMs,
  };
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

function parseCheck(line: string): CheckRecord | null {
  if (line.trim() === '') return null;
  try {
    const value = JSON.parse(line) as Partial<CheckRecord>;
    if (typeof value.url === 'string' && typeof value.snapshotId === 'string' && typeof value.checkedAt === 'string') {
      return { url: value.url, snapshotId: value.snapshotId, checkedAt: value.checkedAt };
    }
  } catch {
    // a torn or foreign line
  }
  return null;
}

function readFolderExists(path: string): boolean {
  return existsSync(path);
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
  const tempPath = join(root, `.${FORMAT_FILE}.${process.pid}.${randomBytes(4).toString('hex')}`);
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

/** The index opened read-only in place, else (read-only storage, a full disk) a copy in memory; null when it needs a rebuild. */
function readIndex(path: string): SqliteIndex | null {
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
function hasSettleablePending(index: SqliteIndex): boolean {
  return index.pending().some((row) => row.writerPid === null || (row.writerPid !== process.pid && !processAlive(row.writerPid)));
}

/** Errors that say the archive (or its index) cannot be written here: read-only storage, no permission, a full disk. */
function cannotWrite(error: unknown): boolean {
  for (let current = error, depth = 0; current !== null && current !== undefined && depth < 8; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^(EACCES|EROFS|EPERM|ENOSPC|EDQUOT|SQLITE_READONLY.*|SQLITE_CANTOPEN.*|SQLITE_FULL|SQLITE_IOERR.*)$/.test(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function errorCode(error: unknown): string {
  for (let current = error, depth = 0; current !== null && current !== undefined && depth < 8; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && !code.startsWith('E_')) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Opens index.sqlite; an unreadable one is moved aside (index.sqlite.damaged-<time>) and a new one made. */
function openIndex(root: string, notices: string[]): SqliteIndex {
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

function moveIndexAside(root: string, notices: string[], reason: string): void {
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

/** rendered.html and screenshot.png of a rendered page, when it has them. */
function renderedFiles(input: SaveInput): Array<[typeof RENDERED_FILE | typeof SCREENSHOT_FILE, Uint8Array]> {
  const files: Array<[typeof RENDERED_FILE | typeof SCREENSHOT_FILE, Uint8Array]> = [];
  if (input.rendered !== undefined) files.push([RENDERED_FILE, Buffer.from(input.rendered, 'utf8')]);
  if (input.screenshot !== undefined) files.push([SCREENSHOT_FILE, input.screenshot]);
  return files;
}
