import { EVENTS_FILE, parsePageEvent } from './events.js';
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from './durable-fs.js';
import {
  ARTICLE_FILE,
  BLOBS_DIR,
  CHECKS_FILE,
  FORMAT_FILE,
  INDEX_FILE,
  MANIFEST_FILE,
  OPTIONAL_SNAPSHOT_FILES,
  RAW_FILE,
  SITES_DIR,
  SNAPSHOT_FILE,
  SNAPSHOT_FILES,
  TMP_DIR,
} from './format.js';
import { isValidSnapshotId, locatePage, toAbsolute } from './layout.js';
import { parseManifest, parseSnapshot, recordedRawSha256 } from './records.js';
import { scanSites } from './scan.js';
import type { SqliteIndex } from './sqlite-index.js';
import type { VerifyProblem } from './types.js';
import { processAlive } from '../host/process-identity.js';

const ROOT_ENTRIES = new Set([FORMAT_FILE, SITES_DIR, BLOBS_DIR, TMP_DIR, INDEX_FILE, `${INDEX_FILE}-wal`, `${INDEX_FILE}-shm`, `${INDEX_FILE}-journal`]);

interface SoundSnapshot {
  relDir: string;
  url: string;
  fetchedAt: string;
  contentDigest: string;
  jsonSha256: string;
}

/**
 * Checks the whole archive: every file's sha256 against its record (raw.html against snapshot.fetch.sha256,
 * snapshot.json and article.html against manifest.json), that every record parses, that nothing foreign
 * lies in the tree, and that the index agrees with the files. Returns one problem per finding, each naming
 * the snapshot id (or the path of a foreign entry).
 */
export function verifyArchive(root: string, index: SqliteIndex): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  const report = (subject: string, message: string): void => {
    problems.push({ subject, message });
  };

  checkRoot(root, report);
  // The index is read before the files: a snapshot indexed by then was already in place (its folder is
  // renamed into place before it is indexed), so one the scan does not find is truly missing. Snapshots that
  // writers commit while the scan runs are looked up again afterwards (below).
  const indexedBefore = new Map(index.query({}).map((row) => [row.id, row]));
  const sound = new Map<string, SoundSnapshot>();
  const damaged = new Set<string>();
  const rawHashes = new Map<string, string>();

  for (const entry of scanSites(root)) {
    if (entry.kind === 'foreign') {
      report(entry.relPath, `foreign entry: ${entry.what}`);
    } else if (entry.kind === 'page') {
      for (const child of entry.entries) {
        if (child.name.startsWith('.') || child.isDirectory()) continue;
        if (child.name === CHECKS_FILE) checkChecks(root, `${entry.relDir}/${CHECKS_FILE}`, report);
        else if (child.name === EVENTS_FILE) checkEvents(root, `${entry.relDir}/${EVENTS_FILE}`, report);
        else report(`${entry.relDir}/${child.name}`, 'foreign file in a page folder');
      }
    } else {
      if (!isValidSnapshotId(entry.id)) {
        report(entry.relDir, 'foreign folder in a page folder (not a snapshot id)');
        continue;
      }
      const found = checkSnapshotFolder(root, entry.relDir, entry.id, `${SITES_DIR}/${entry.site}/${entry.page}`, rawHashes, report);
      if (found === null) {
        damaged.add(entry.id);
      } else if (sound.has(entry.id)) {
        report(entry.id, `the same snapshot id is filed twice (${sound.get(entry.id)?.relDir} and ${entry.relDir})`);
      } else {
        sound.set(entry.id, found);
      }
    }
  }

  for (const message of index.integrityProblems()) report(INDEX_FILE, message);
  // Pending rows first, then the index again: a write that finishes in between is in the second read.
  const inProgress = new Set(index.pending().filter((row) => row.writerPid !== null && processAlive(row.writerPid)).map((row) => row.id));
  const indexedAfter = new Map(index.query({}).map((row) => [row.id, row]));
  for (const [id, file] of sound) {
    const row = indexedBefore.get(id) ?? indexedAfter.get(id);
    if (row === undefined) {
      // Renamed into place, not yet indexed: its writer is still at work.
      if (!inProgress.has(id)) report(id, 'is not in the index (run chronicle reindex)');
      continue;
    }
    const differences: string[] = [];
    if (row.dir !== file.relDir) differences.push(`folder ${row.dir}`);
    if (row.url !== file.url) differences.push(`url ${row.url}`);
    if (row.fetchedAt !== file.fetchedAt) differences.push(`fetchedAt ${row.fetchedAt}`);
    if (row.contentDigest !== file.contentDigest) differences.push(`content digest ${row.contentDigest}`);
    if (row.jsonSha256 !== file.jsonSha256) differences.push('another snapshot.json');
    if (differences.length > 0) report(id, `the index disagrees with the files: it records ${differences.join(', ')} (run chronicle reindex)`);
  }
  for (const [id, row] of indexedBefore) {
    if (!sound.has(id) && !damaged.has(id)) report(id, `is in the index but its folder ${row.dir} is missing (run chronicle reindex)`);
  }
  return problems;
}

function checkRoot(root: string, report: (subject: string, message: string) => void): void {
  try {
    const format = readFileSync(join(root, FORMAT_FILE), 'utf8');
    if (!/^chronicle-archive \d+\s*$/.test(format.split('\n')[0] ?? '')) report(FORMAT_FILE, 'FORMAT file is not a chronicle archive format line');
  } catch {
    report(FORMAT_FILE, 'FORMAT file is missing');
  }
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || ROOT_ENTRIES.has(entry.name) || entry.name.startsWith(`${INDEX_FILE}.damaged-`)) continue;
    report(entry.name, 'foreign entry at the archive root');
  }
  const blobsRoot = join(root, BLOBS_DIR, 'sha256');
  for (const prefix of safeList(blobsRoot)) {
    for (const blob of safeList(join(blobsRoot, prefix))) {
      if (!/^[0-9a-f]{64}$/.test(blob) || !blob.startsWith(prefix)) report(`${BLOBS_DIR}/sha256/${prefix}/${blob}`, 'foreign file among the blobs');
    }
  }
}

function safeList(path: string): string[] {
  try {
    return readdirSync(path).filter((name) => !name.startsWith('.'));
  } catch {
    return [];
  }
}

/** Each non-empty line of an NDJSON file the page keeps must be a record of its kind (`isRecord`), else a problem naming the line. */
function checkNdjsonLines(
  root: string,
  relPath: string,
  kind: string,
  isRecord: (line: string) => boolean,
  report: (subject: string, message: string) => void,
): void {
  let text: string;
  try {
    text = readFileSync(toAbsolute(root, relPath), 'utf8');
  } catch (error) {
    report(relPath, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    return;
  }
  text.split('\n').forEach((line, index) => {
    if (line.trim() !== '' && !isRecord(line)) report(relPath, `line ${index + 1} is not ${kind}`);
  });
}

function isCheckRecord(line: string): boolean {
  try {
    const value = JSON.parse(line) as Record<string, unknown>;
    return typeof value.snapshotId === 'string' && typeof value.checkedAt === 'string' && typeof value.url === 'string';
  } catch {
    return false;
  }
}

function checkChecks(root: string, relPath: string, report: (subject: string, message: string) => void): void {
  checkNdjsonLines(root, relPath, 'a check record', isCheckRecord, report);
}

/** Each line of events.ndjson (failed checks, take-downs, returns) must be an event record. */
function checkEvents(root: string, relPath: string, report: (subject: string, message: string) => void): void {
  checkNdjsonLines(root, relPath, 'an event record', (line) => parsePageEvent(line) !== null, report);
}

/** Checks one snapshot folder; returns what the index should hold for it, or null when it is damaged. */
function checkSnapshotFolder(
  root: string,
  relDir: string,
  id: string,
  pageRel: string,
  rawHashes: Map<string, string>,
  report: (subject: string, message: string) => void,
): SoundSnapshot | null {
  const dir = toAbsolute(root, relDir);
  let ok = true;
  const fail = (message: string): void => {
    ok = false;
    report(id, `${message} (${relDir})`);
  };
  const names = new Set(safeListAll(dir));
  for (const name of names) {
    if (!(SNAPSHOT_FILES as readonly string[]).includes(name) && !(OPTIONAL_SNAPSHOT_FILES as readonly string[]).includes(name)) report(`${relDir}/${name}`, 'foreign file in a snapshot folder');
  }
  for (const name of SNAPSHOT_FILES) if (!names.has(name)) fail(`${name} is missing`);
  if (!ok) return null;
  // A link is never followed: it could point out of the archive (raw.html is a hard link, which is fine).
  for (const name of SNAPSHOT_FILES) if (!lstatSync(join(dir, name)).isFile()) fail(`${name} is a symbolic link or not a regular file`);
  if (!ok) return null;

  const jsonData = readFileSync(join(dir, SNAPSHOT_FILE));
  const jsonSha = sha256Hex(jsonData);
  const parsed = parseSnapshot(jsonData.toString('utf8'));
  if (!parsed.ok) fail(parsed.reason);
  const manifest = parseManifest(readFileSync(join(dir, MANIFEST_FILE), 'utf8'));
  if (!manifest.ok) fail(manifest.reason);

  if (manifest.ok) {
    if (manifest.value.files[SNAPSHOT_FILE].sha256 !== jsonSha) fail('snapshot.json does not match its sha256 in manifest.json');
    const article = sha256Hex(readFileSync(join(dir, ARTICLE_FILE)));
    if (manifest.value.files[ARTICLE_FILE].sha256 !== article) fail('article.html does not match its sha256 in manifest.json');
    if (manifest.value.id !== id) fail(`manifest.json names snapshot ${manifest.value.id}`);
    // rendered.html and screenshot.png: optional, but each one present must be the one the manifest lists.
    for (const name of OPTIONAL_SNAPSHOT_FILES) {
      const entry = manifest.value.files[name];
      if (entry === undefined) {
        if (names.has(name)) fail(`${name} is not listed in manifest.json`);
      } else if (!names.has(name)) {
        fail(`${name} is missing`);
      } else if (sha256Hex(readFileSync(join(dir, name))) !== entry.sha256) {
        fail(`${name} does not match its sha256 in manifest.json`);
      }
    }
  }
  if (!parsed.ok) return null;
  const snapshot = parsed.value;
  if (snapshot.id !== id) fail(`snapshot.json has id ${snapshot.id}, not its folder name`);
  let key: string | null = null;
  try {
    const location = locatePage(snapshot.url);
    key = location.key;
    if (location.relDir !== pageRel) fail(`filed under ${pageRel}, but its URL belongs in ${location.relDir}`);
  } catch {
    fail(`snapshot.json has an unusable url ${JSON.stringify(snapshot.url)}`);
  }
  const rawPath = join(dir, RAW_FILE);
  const rawSha = hashRaw(rawPath, rawHashes);
  if (rawSha !== recordedRawSha256(snapshot)) fail('raw.html does not match its recorded sha256 (snapshot.fetch.sha256)');
  if (manifest.ok && manifest.value.files[RAW_FILE].sha256 !== recordedRawSha256(snapshot)) fail('manifest.json and snapshot.json record different raw sha256');
  if (!ok || key === null) return null;
  return { relDir, url: key, fetchedAt: snapshot.fetch.fetchedAt, contentDigest: snapshot.digest.content, jsonSha256: jsonSha };
}

/** raw.html is usually a hard link to a shared blob: hash each inode once. */
function hashRaw(path: string, cache: Map<string, string>): string {
  const stat = statSync(path);
  const inode = `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  const known = cache.get(inode);
  if (known !== undefined) return known;
  const digest = sha256Hex(readFileSync(path));
  cache.set(inode, digest);
  return digest;
}

function safeListAll(path: string): string[] {
  try {
    return readdirSync(path).filter((name) => !name.startsWith('.'));
  } catch {
    return [];
  }
}
