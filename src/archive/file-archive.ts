import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ChronicleError } from '../errors.js';
import type { Snapshot } from '../types.js';
import type {
  Archive,
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
import { assertSnapshotId, blobRelPath, locatePage, toAbsolute, type PageLocation } from './layout.js';
import { lockPage, type PageLockOptions } from './page-lock.js';
import { bareHex, searchTextOf, snapshotText, type Manifest, type SearchText } from './records.js';
import { scanSites } from './scan.js';
import { loadIndexed, loadSnapshotFolder, stillIndexed } from './snapshot-folder.js';
import { isDamagedIndexError, SqliteIndex, type IndexRow, type IndexSearchRow } from './sqlite-index.js';
import { verifyArchive } from './verify.js';

export interface OpenArchiveOptions {
  /** Create the archive (FORMAT, folders) when the root is missing or empty. Default true; read commands pass false. */
  create?: boolean;
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

  constructor(root: string, index: SqliteIndex, notices: string[], lockOptions: PageLockOptions) {
    this.root = root;
    this.index = index;
    this.notices = notices;
    this.lockOptions = lockOptions;
  }

  close(): void {
    this.index.close();
  }

  // ── writing ────────────────────────────────────────────────────────────────

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
      const latest = latestOnDisk(this.root, location.relDir);
      if (latest !== null && latest.contentDigest === snapshot.digest.content) {
        const check: CheckRecord = { url: location.key, snapshotId: latest.id, checkedAt: snapshot.fetch.fetchedAt };
        await appendLineDurable(join(pageDir, CHECKS_FILE), JSON.stringify(check));
        return { id: latest.id, dir: toAbsolute(this.root, latest.relDir), created: false, previousId: latest.id };
      }
      const id = await this.writeSnapshot(location, pageDir, input, rawSha);
      return { id, dir: join(pageDir, id), created: true, previousId: latest?.id ?? null };
    } finally {
      await lock.release();
    }
  }

  private async writeSnapshot(location: PageLocation, pageDir: string, input: SaveInput, rawSha: string): Promise<string> {
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
      };
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
      return id;
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
        removed.push(`${TMP_DIR}/${entry.name}`);
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

  async dirOf(id: string): Promise<string | null> {
    const row = this.index.byId(id);
    return row === null ? null : toAbsolute(this.root, row.dir);
  }

  async versions(url: string): Promise<SnapshotSummary[]> {
    const rows = this.index.query({ url: locatePage(url).key, order: 'asc' });
    return rows.filter((row) => stillIndexed(this.root, row)).map((row) => this.summary(row));
  }

  async checks(url: string): Promise<CheckRecord[]> {
    const location = locatePage(url);
    let text: string;
    try {
      text = await fs.readFile(join(toAbsolute(this.root, location.relDir), CHECKS_FILE), 'utf8');
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw archiveError('read', location.relDir, cause);
    }
    const records: CheckRecord[] = [];
    for (const line of text.split('\n')) {
      const record = parseCheck(line);
      if (record !== null && record.url === location.key) records.push(record);
    }
    return records.sort((a, b) => Date.parse(a.checkedAt) - Date.parse(b.checkedAt));
  }

  /** Snapshots oldest first; a snapshot whose snapshot.json no longer matches the index is skipped. */
  async list(filter: ListFilter = {}): Promise<SnapshotSummary[]> {
    const rows = this.index.query({
      ...(filter.url === undefined ? {} : { url: locatePage(filter.url).key }),
      ...(filter.site === undefined ? {} : { sites: [filter.site.toLowerCase()] }),
      ...(filter.since === undefined ? {} : { sinceMs: filter.since.getTime() }),
      ...(filter.until === undefined ? {} : { untilMs: filter.until.getTime() }),
      order: 'asc',
    });
    return rows.filter((row) => stillIndexed(this.root, row)).map((row) => this.summary(row));
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

/** The newest sound snapshot folder of a page by id (ids begin with the fetch time), read from the files. */
function latestOnDisk(root: string, pageRel: string): { id: string; relDir: string; contentDigest: string } | null {
  let names: string[];
  try {
    names = readdirSync(toAbsolute(root, pageRel), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort()
      .reverse();
  } catch {
    return null;
  }
  for (const name of names) {
    const relDir = `${pageRel}/${name}`;
    const loaded = loadSnapshotFolder(root, relDir);
    if (loaded.ok && loaded.value.snapshot.id === name) return { id: name, relDir, contentDigest: loaded.value.snapshot.digest.content };
  }
  return null;
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
