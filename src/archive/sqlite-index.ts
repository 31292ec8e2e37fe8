import { readFileSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ChronicleError } from '../errors.js';
import { hasCjk, segmentCjk, unsegmentCjk } from './cjk-segments.js';
import type { SearchText } from './records.js';
import type { SnapshotSummary } from './types.js';

/** Bumped when the index schema changes: an index of another version is rebuilt from the files. */
export const INDEX_VERSION = '2'; // 2: CJK characters indexed one a token (cjk-segments.ts), embed providers

/**
 * One snapshot as the index holds it: the fields of `list` (url: the URL key; site: the host name, for --site;
 * dir: the folder relative to the archive root, "/" separators) and what it knows of snapshot.json.
 */
export interface IndexRow extends SnapshotSummary {
  /** sha256 hex of snapshot.json, and its size and mtime when indexed (a cheap "unchanged since" test). */
  jsonSha256: string;
  jsonBytes: number;
  jsonMtimeMs: number;
}

export interface IndexQuery {
  sites?: string[];
  url?: string;
  sinceMs?: number;
  /** Exclusive upper bound. */
  untilMs?: number;
  /** At or before. */
  atMs?: number;
  order?: 'asc' | 'desc';
}

export interface IndexSearchRow extends IndexRow {
  score: number;
  snippet: string;
}

export interface PendingRow {
  id: string;
  dir: string;
  writerPid: number | null;
}

interface DbRow {
  id: string;
  url: string;
  site: string;
  dir: string;
  fetched_at: string;
  title: string | null;
  content_digest: string;
  json_sha256: string | null;
  json_bytes: number | null;
  json_mtime_ms: number | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS snapshots (
  n INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL,
  site TEXT NOT NULL,
  dir TEXT NOT NULL,
  fetched_at TEXT NOT NULL,
  fetched_ms INTEGER NOT NULL,
  title TEXT,
  content_digest TEXT NOT NULL,
  json_sha256 TEXT,
  json_bytes INTEGER,
  json_mtime_ms REAL,
  pending INTEGER NOT NULL DEFAULT 0,
  writer_pid INTEGER
);
CREATE INDEX IF NOT EXISTS snapshots_by_url ON snapshots (url, fetched_ms, id);
CREATE INDEX IF NOT EXISTS snapshots_by_time ON snapshots (fetched_ms, id);
CREATE INDEX IF NOT EXISTS snapshots_by_site ON snapshots (site, fetched_ms);
CREATE INDEX IF NOT EXISTS snapshots_pending ON snapshots (pending) WHERE pending = 1;
CREATE VIRTUAL TABLE IF NOT EXISTS snapshots_fts USING fts5 (
  title, authors, body, quotes, embeds,
  tokenize = 'unicode61 remove_diacritics 2'
);
`;

const COLUMNS = 'id, url, site, dir, fetched_at, title, content_digest, json_sha256, json_bytes, json_mtime_ms';

/**
 * The FTS5 `rank` column is bm25 with column weights (title counts most, then authors and quotes). Ordering
 * by `rank` inside the FTS5 table lets it hand back only the best rows, so snippets are made for those alone.
 */
const RANK_CONFIG = "INSERT INTO snapshots_fts (snapshots_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 2.0, 1.0)');";

/**
 * The derived SQLite index (WAL, busy timeout): one row per snapshot plus an FTS5 table over its text.
 * Every method is synchronous (better-sqlite3); transactions are BEGIN IMMEDIATE so two writer processes
 * queue instead of failing.
 */
export class SqliteIndex {
  private readonly db: Database.Database;
  /** True when this open created the schema: the caller rebuilds it from the files. */
  readonly created: boolean;
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(db: Database.Database, created: boolean) {
    this.db = db;
    this.created = created;
  }

  static open(path: string, busyTimeoutMs = 30_000): SqliteIndex {
    const db = new Database(path, { timeout: busyTimeoutMs });
    try {
      whileBusy(() => db.pragma('journal_mode = WAL'), busyTimeoutMs);
      db.pragma('synchronous = NORMAL');
      const setUp = db.transaction((): boolean => {
        const hasInfo = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'info'").get() !== undefined;
        const version = hasInfo
          ? (db.prepare("SELECT value FROM info WHERE key = 'version'").get() as { value: string } | undefined)?.value
          : undefined;
        if (version === INDEX_VERSION) return false;
        db.exec('DROP TABLE IF EXISTS snapshots_fts; DROP TABLE IF EXISTS snapshots; DROP TABLE IF EXISTS info;');
        db.exec(SCHEMA);
        db.exec(RANK_CONFIG);
        db.prepare("INSERT INTO info (key, value) VALUES ('version', ?)").run(INDEX_VERSION);
        return true;
      });
      const created = setUp.immediate();
      return guarded(new SqliteIndex(db, created));
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /**
   * Opens an existing index for reading only (a reading command never writes). Returns null when the index is
   * of another version (it needs a rebuild); throws SQLite's error when the file cannot be opened or read
   * this way, e.g. SQLITE_READONLY_DIRECTORY for a WAL index on read-only storage without its -shm file.
   */
  static openForReading(path: string, busyTimeoutMs = 30_000): SqliteIndex | null {
    return SqliteIndex.checkedForReading(new Database(path, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs }));
  }

  /**
   * Reads the index file into memory and opens that copy: for an index SQLite cannot open in place (read-only
   * storage, a full disk) when no -wal file holds changes the file lacks. Null when that copy is not usable.
   */
  static openCopy(path: string): SqliteIndex | null {
    try {
      if (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size) return null;
      return SqliteIndex.checkedForReading(new Database(asRollbackJournal(readFileSync(path))));
    } catch {
      return null;
    }
  }

  /** An empty index in memory (the caller fills it from the files). */
  static inMemory(): SqliteIndex {
    const db = new Database(':memory:');
    db.exec(SCHEMA);
    db.exec(RANK_CONFIG);
    db.prepare("INSERT INTO info (key, value) VALUES ('version', ?)").run(INDEX_VERSION);
    return guarded(new SqliteIndex(db, true));
  }

  private static checkedForReading(db: Database.Database): SqliteIndex | null {
    try {
      const hasInfo = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'info'").get() !== undefined;
      const version = hasInfo ? (db.prepare("SELECT value FROM info WHERE key = 'version'").get() as { value: string } | undefined)?.value : undefined;
      if (version !== INDEX_VERSION) {
        db.close();
        return null;
      }
      return guarded(new SqliteIndex(db, false));
    } catch (error) {
      db.close();
      throw error;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** A prepared statement, compiled once per SQL text (SQLite re-prepares it itself after a schema change). */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /**
   * Reserves a snapshot id (a pending row): the first of `id`, `id-2`, `id-3`, … not yet taken by any
   * snapshot in the archive. The UNIQUE constraint makes this safe between processes.
   */
  reserve(row: Omit<IndexRow, 'id' | 'dir'>, baseId: string, dirFor: (id: string) => string, writerPid: number, taken: (id: string) => boolean): string {
    const insert = this.sql(
      `INSERT INTO snapshots (id, url, site, dir, fetched_at, fetched_ms, title, content_digest, pending, writer_pid)
       VALUES (@id, @url, @site, @dir, @fetchedAt, @fetchedMs, @title, @contentDigest, 1, @writerPid)`,
    );
    for (let attempt = 1; attempt < 1000; attempt += 1) {
      const id = attempt === 1 ? baseId : `${baseId}-${attempt}`;
      if (taken(id)) continue;
      try {
        insert.run({
          id, url: row.url, site: row.site, dir: dirFor(id), fetchedAt: row.fetchedAt,
          fetchedMs: Date.parse(row.fetchedAt), title: row.title, contentDigest: row.contentDigest, writerPid,
        });
        return id;
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') continue;
        throw error;
      }
    }
    throw new ChronicleError('E_ARCHIVE', `no free snapshot id near ${baseId}`);
  }

  /** Drops a reservation that never became a snapshot. */
  unreserve(id: string): void {
    this.sql('DELETE FROM snapshots WHERE id = ? AND pending = 1').run(id);
  }

  /** Inserts or replaces a complete snapshot row and its full-text entry. */
  upsert(row: IndexRow, text: SearchText): void {
    this.db.transaction(() => this.upsertInTransaction(row, text)).immediate();
  }

  private upsertInTransaction(row: IndexRow, text: SearchText): void {
    const existing = this.sql('SELECT n FROM snapshots WHERE id = ?').get(row.id) as { n: number } | undefined;
    const values = { ...row, fetchedMs: Date.parse(row.fetchedAt) };
    let n: number;
    if (existing === undefined) {
      const result = this
        .sql(
          `INSERT INTO snapshots (id, url, site, dir, fetched_at, fetched_ms, title, content_digest, json_sha256, json_bytes, json_mtime_ms, pending)
           VALUES (@id, @url, @site, @dir, @fetchedAt, @fetchedMs, @title, @contentDigest, @jsonSha256, @jsonBytes, @jsonMtimeMs, 0)`,
        )
        .run(values);
      n = Number(result.lastInsertRowid);
    } else {
      n = existing.n;
      this
        .sql(
          `UPDATE snapshots SET url = @url, site = @site, dir = @dir, fetched_at = @fetchedAt, fetched_ms = @fetchedMs,
             title = @title, content_digest = @contentDigest, json_sha256 = @jsonSha256, json_bytes = @jsonBytes,
             json_mtime_ms = @jsonMtimeMs, pending = 0, writer_pid = NULL
           WHERE n = @n`,
        )
        .run({ ...values, n });
      this.sql('DELETE FROM snapshots_fts WHERE rowid = ?').run(n);
    }
    this
      .sql('INSERT INTO snapshots_fts (rowid, title, authors, body, quotes, embeds) VALUES (?, ?, ?, ?, ?, ?)')
      .run(n, segmentCjk(text.title), segmentCjk(text.authors), segmentCjk(text.body), segmentCjk(text.quotes), segmentCjk(text.embeds));
  }

  delete(id: string): void {
    this.db
      .transaction(() => {
        const row = this.sql('SELECT n FROM snapshots WHERE id = ?').get(id) as { n: number } | undefined;
        if (row === undefined) return;
        this.sql('DELETE FROM snapshots_fts WHERE rowid = ?').run(row.n);
        this.sql('DELETE FROM snapshots WHERE n = ?').run(row.n);
      })
      .immediate();
  }

  pending(): PendingRow[] {
    return (this.sql('SELECT id, dir, writer_pid FROM snapshots WHERE pending = 1').all() as Array<{ id: string; dir: string; writer_pid: number | null }>).map(
      (row) => ({ id: row.id, dir: row.dir, writerPid: row.writer_pid }),
    );
  }

  /**
   * Replaces the whole index with `collect()`'s rows, inside one write transaction: `collect` runs while the
   * write lock is held, so a writer finishing meanwhile either is seen by it or upserts its row afterwards.
   */
  rebuild(collect: () => Array<{ row: IndexRow; text: SearchText }>): number {
    return this.db
      .transaction(() => {
        this.db.exec('DROP TABLE IF EXISTS snapshots_fts; DROP TABLE IF EXISTS snapshots;');
        this.db.exec(SCHEMA);
        this.db.exec(RANK_CONFIG);
        const entries = collect();
        for (const entry of entries) this.upsertInTransaction(entry.row, entry.text);
        return entries.length;
      })
      .immediate();
  }

  byId(id: string): IndexRow | null {
    const row = this.sql(`SELECT ${COLUMNS} FROM snapshots WHERE id = ? AND pending = 0`).get(id) as DbRow | undefined;
    return row === undefined ? null : fromDb(row);
  }

  idTaken(id: string): boolean {
    return this.sql('SELECT 1 FROM snapshots WHERE id = ?').get(id) !== undefined;
  }

  hasUrl(url: string): boolean {
    return this.sql('SELECT 1 FROM snapshots WHERE url = ? AND pending = 0 LIMIT 1').get(url) !== undefined;
  }

  query(query: IndexQuery = {}): IndexRow[] {
    const where: string[] = ['pending = 0'];
    const params: Record<string, string | number> = {};
    if (query.url !== undefined) {
      where.push('url = @url');
      params.url = query.url;
    }
    if (query.sites !== undefined && query.sites.length > 0) {
      const alternatives = query.sites.map((site, index) => {
        params[`site${index}`] = site;
        params[`siteSuffix${index}`] = `*.${site}`;
        return `(site = @site${index} OR site GLOB @siteSuffix${index})`;
      });
      where.push(`(${alternatives.join(' OR ')})`);
    }
    if (query.sinceMs !== undefined) {
      where.push('fetched_ms >= @sinceMs');
      params.sinceMs = query.sinceMs;
    }
    if (query.untilMs !== undefined) {
      where.push('fetched_ms < @untilMs');
      params.untilMs = query.untilMs;
    }
    if (query.atMs !== undefined) {
      where.push('fetched_ms <= @atMs');
      params.atMs = query.atMs;
    }
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    const sql = `SELECT ${COLUMNS} FROM snapshots WHERE ${where.join(' AND ')} ORDER BY fetched_ms ${direction}, id ${direction}`;
    return (this.sql(sql).all(params) as DbRow[]).map(fromDb);
  }

  /** FTS5 MATCH, best first. A malformed query throws E_USAGE. */
  search(match: string, limit: number): IndexSearchRow[] {
    const sql = `SELECT ${COLUMNS.split(', ').map((column) => `s.${column}`).join(', ')}, f.score, f.snippet
      FROM (
        SELECT rowid, rank AS score, snippet(snapshots_fts, -1, '**', '**', '…', ?) AS snippet
        FROM snapshots_fts WHERE snapshots_fts MATCH ? ORDER BY rank LIMIT ?
      ) AS f
      JOIN snapshots s ON s.n = f.rowid
      WHERE s.pending = 0
      ORDER BY f.score`;
    let rows: Array<DbRow & { score: number; snippet: string }>;
    try {
      // A CJK character is a token: a snippet of 16 of them would be a few words.
      rows = this.sql(sql).all(hasCjk(match) ? 40 : 16, segmentCjk(match), limit) as Array<DbRow & { score: number; snippet: string }>;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'SQLITE_ERROR') {
        throw new ChronicleError('E_USAGE', `bad search query ${JSON.stringify(match)}: ${(error as Error).message}`, { cause: error });
      }
      throw error;
    }
    return rows.map((row) => ({ ...fromDb(row), score: -row.score, snippet: unsegmentCjk(row.snippet) }));
  }

  /** Problems SQLite itself finds in the index file (empty when sound). */
  integrityProblems(): string[] {
    const problems: string[] = [];
    const rows = this.db.pragma('quick_check') as Array<{ quick_check: string }>;
    for (const row of rows) if (row.quick_check !== 'ok') problems.push(row.quick_check);
    if (problems.length > 0) return problems;
    const check = (db: Database.Database): void => {
      db.prepare("INSERT INTO snapshots_fts (snapshots_fts, rank) VALUES ('integrity-check', 1)").run();
    };
    try {
      if (!this.db.readonly) check(this.db);
      else this.checkFromReadOnly(check);
    } catch (error) {
      problems.push(`full-text index: ${(error as Error).message}`);
    }
    return problems;
  }

  /**
   * FTS5's integrity check is an INSERT, which a read-only connection cannot run: it runs on a second,
   * writable connection to the file, or, where the file cannot be written (read-only storage), on a copy in memory.
   */
  private checkFromReadOnly(check: (db: Database.Database) => void): void {
    let writable: Database.Database | null = null;
    try {
      writable = new Database(this.db.name, { fileMustExist: true, timeout: 30_000 });
      check(writable);
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code !== 'string' || !/^SQLITE_(READONLY|CANTOPEN|FULL|IOERR)/.test(code)) throw error;
    } finally {
      writable?.close();
    }
    const copy = new Database(asRollbackJournal(this.db.serialize()));
    try {
      check(copy);
    } finally {
      copy.close();
    }
  }
}

/**
 * A database image whose header says WAL (bytes 18 and 19 = 2) cannot be opened from memory; with no WAL to
 * read, the same pages are a valid rollback-journal database (1 and 1).
 */
function asRollbackJournal(image: Buffer): Buffer {
  if (image.length > 19 && image[18] === 2 && image[19] === 2) {
    image[18] = 1;
    image[19] = 1;
  }
  return image;
}

function fromDb(row: DbRow): IndexRow {
  return {
    id: row.id,
    url: row.url,
    site: row.site,
    dir: row.dir,
    fetchedAt: row.fetched_at,
    title: row.title,
    contentDigest: row.content_digest,
    jsonSha256: row.json_sha256 ?? '',
    jsonBytes: row.json_bytes ?? -1,
    jsonMtimeMs: row.json_mtime_ms ?? -1,
  };
}

/** SQLite failures (busy past the timeout, a damaged file, a full disk) become E_ARCHIVE, the cause kept. */
export function indexError(error: unknown): unknown {
  if (error instanceof ChronicleError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  return new ChronicleError('E_ARCHIVE', `index.sqlite: ${(error as Error).message} (${code}); run chronicle reindex if it persists`, { cause: error });
}

/** True for errors that mean the index file itself is damaged. */
export function isDamagedIndexError(error: unknown): boolean {
  const cause = error instanceof ChronicleError ? error.cause : error;
  const code = (cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/** Every method call of the index goes through indexError. */
function guarded(index: SqliteIndex): SqliteIndex {
  return new Proxy(index, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        try {
          return (value as (...parameters: unknown[]) => unknown).apply(target, args);
        } catch (error) {
          throw indexError(error);
        }
      };
    },
  });
}

/**
 * Runs `work` again while SQLite answers SQLITE_BUSY, for up to `timeoutMs`. Switching a new database to WAL
 * needs an exclusive lock, and SQLite can answer SQLITE_BUSY to it at once instead of waiting out the busy
 * timeout (where it would deadlock, it does not wait): two writer processes opening a new archive together
 * failed one of them with "database is locked" in about 1 run in 6 of test/archive/concurrency.test.ts.
 */
export function whileBusy<T>(work: () => T, timeoutMs: number): T {
  const deadline = Date.now() + timeoutMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
    try {
      return work();
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() + wait > deadline) throw error;
      Atomics.wait(pause, 0, 0, wait);
    }
  }
}
