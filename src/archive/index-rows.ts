/** Index rows: made in one place from a snapshot record, and collected from the files for a rebuild. */
import type { Snapshot } from '../types.js';
import { locatePage } from './layout.js';
import { searchTextOf, type SearchText } from './records.js';
import { scanSites } from './scan.js';
import { loadSnapshotFolder } from './snapshot-folder.js';
import type { IndexRow } from './sqlite-index.js';

/** Every sound snapshot folder as an index entry (damaged or foreign ones are left to verify). */
export function collectFromFiles(root: string): Array<{ row: IndexRow; text: SearchText }> {
  const entries: Array<{ row: IndexRow; text: SearchText }> = [];
  for (const entry of scanSites(root)) {
    if (entry.kind !== 'snapshot') continue;
    const loaded = loadSnapshotFolder(root, entry.relDir);
    if (!loaded.ok || loaded.value.snapshot.id !== entry.id) continue;
    let row: IndexRow;
    try {
      row = indexRow(entry.relDir, loaded.value.snapshot, loaded.value);
    } catch {
      continue; // a record whose URL does not parse
    }
    entries.push({ row, text: searchTextOf(loaded.value.snapshot) });
  }
  return entries;
}

/** What the index keeps of snapshot.json as a file (the fast check that it is unchanged). */
export interface JsonFileStat {
  jsonSha256: string;
  jsonBytes: number;
  jsonMtimeMs: number;
}

/** Before the file is written: a reserved row's placeholder. */
export const UNWRITTEN: JsonFileStat = { jsonSha256: '', jsonBytes: -1, jsonMtimeMs: -1 };

/** The index row of a snapshot filed in `relDir`: the one place a row is made. `key` defaults to the record's URL key. */
export function indexRow(relDir: string, snapshot: Snapshot, file: JsonFileStat, key: string = locatePage(snapshot.url).key): IndexRow {
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
