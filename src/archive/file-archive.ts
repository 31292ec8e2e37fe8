/** The archive (openArchive in open-archive.ts): reading and listing here, saving in save-snapshot.ts. */
import { join } from 'node:path';
import { ChronicleError } from '../errors.js';
import type { Snapshot } from '../types.js';
import type { Archive, CheckRecord, ListFilter, SaveInput, SaveResult, SearchHit, SnapshotSummary, VerifyProblem } from './types.js';
import { sha256Hex } from './durable-fs.js';
import {
  ARTICLE_FILE,
  CHECKS_FILE,
  INDEX_FILE,
  MANIFEST_FILE,
  RAW_FILE,
  RENDERED_FILE,
  SCREENSHOT_FILE,
  SNAPSHOT_FILE,
} from './format.js';
import { locatePage, toAbsolute } from './layout.js';
import { type PageLockOptions } from './page-lock.js';
import { effectivePort, parseSiteFilter } from './site-filter.js';
import { parseManifest, recordedRawSha256 } from './records.js';
import { readArchivedFile } from './safe-read.js';
import { loadIndexed, stillIndexed } from './snapshot-folder.js';
import { isDamagedIndexError, SqliteIndex, type IndexRow, type IndexSearchRow } from './sqlite-index.js';
import { verifyArchive } from './verify.js';
import { SnapshotWriter } from './save-snapshot.js';
import { collectFromFiles } from './index-rows.js';
import { moveIndexAside } from './index-file.js';
/** A search hit with its bm25 score (higher is better); `rank` is the 1-based position. */
export interface RankedSearchHit extends SearchHit {
  score: number;
}

export class FileArchive implements Archive {
  readonly root: string;
  /** Things the open repaired (an unreadable index moved aside, a rebuild): the CLI prints them on stderr. */
  readonly notices: string[];
  private index: SqliteIndex;
  private readonly writer: SnapshotWriter;

  /** Opened for reading only (openArchive's readOnly): save and reindex are refused. */
  readonly readOnly: boolean;

  constructor(root: string, index: SqliteIndex, notices: string[], lockOptions: PageLockOptions, readOnly = false) {
    this.root = root;
    this.index = index;
    this.notices = notices;
    this.writer = new SnapshotWriter(root, () => this.index, lockOptions);
    this.readOnly = readOnly;
  }

  close(): void {
    this.index.close();
  }

  // ── writing (save-snapshot.ts) ───────────────────────────────────────────────

  async save(input: SaveInput): Promise<SaveResult> {
    if (this.readOnly) throw new ChronicleError('E_ARCHIVE', `${this.root} was opened for reading only`);
    return this.writer.save(input);
  }

  /** Makes pending index rows of finished or abandoned writes right: indexed when the folder exists, else dropped. */
  repairPending(): void {
    this.writer.repairPending();
  }

  /** Removes temp folders and files of interrupted writes; returns their paths relative to the root. */
  async cleanup(): Promise<string[]> {
    return this.writer.cleanup();
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
