import type { Snapshot } from '../types.js';

/**
 * What the archive stage is handed for one fetch: the one record from build to save (the pipeline calls it
 * BuiltSnapshot, src/pipeline/build-snapshot.ts).
 */
export interface SaveInput {
  snapshot: Snapshot;
  /** The response body byte for byte (content-encoding undone): raw.html. */
  raw: Uint8Array;
  /** The standalone reader page: article.html. */
  articleHtml: string;
  /** Page assets kept with --assets (images article.html shows): stored once under blobs/, named in the manifest. */
  assets?: AssetInput[];
  /** The browser's rendered DOM: rendered.html (only for rendered pages). */
  rendered?: string;
  /** A full-page PNG: screenshot.png (only when one was taken). */
  screenshot?: Uint8Array;
}

/** One fetched asset: its URL, bytes and their sha256 (hex). */
export interface AssetInput {
  url: string;
  contentType: string | null;
  sha256: string;
  bytes: Uint8Array;
}

export interface SaveResult {
  /** The snapshot id now current for this URL (the new one, or the unchanged latest). */
  id: string;
  /** Absolute path of that snapshot's folder. */
  dir: string;
  /** False when the content digest equalled the latest snapshot's: only a check was recorded. */
  created: boolean;
  /** The latest intact snapshot id before this save, or null for a URL seen the first time. */
  previousId: string | null;
  /**
   * Set when the page's newest snapshot folder was damaged: it was not compared with, and a new version was
   * filed (previousId is then the newest intact version).
   */
  damaged?: { id: string; reason: string };
  /**
   * The record as filed, when `created` (its id is `id`, which differs from the built record's when that id
   * was taken): what a caller compares with, without reading it back.
   */
  snapshot?: Snapshot;
}

/** One line of `list`: enough to show and filter without reading the whole record. */
export interface SnapshotSummary {
  id: string;
  url: string;
  site: string;
  dir: string;
  fetchedAt: string;
  title: string | null;
  contentDigest: string;
}

export interface CheckRecord {
  url: string;
  /** The snapshot the check found unchanged. */
  snapshotId: string;
  checkedAt: string;
}

export interface ListFilter {
  site?: string;
  url?: string;
  since?: Date;
  until?: Date;
}

export interface SearchHit extends SnapshotSummary {
  rank: number;
  snippet: string;
}

export interface VerifyProblem {
  /** Snapshot id or path the problem is about. */
  subject: string;
  message: string;
}

export interface Archive {
  readonly root: string;
  save(input: SaveInput): Promise<SaveResult>;
  /** True when the (normalized) URL already has at least one snapshot. */
  has(url: string): Promise<boolean>;
  /** Latest snapshot of a URL, or the latest at or before `at`. */
  latest(url: string, at?: Date): Promise<Snapshot | null>;
  get(id: string): Promise<Snapshot | null>;
  /** Absolute folder of a snapshot id, or null. */
  dirOf(id: string): Promise<string | null>;
  /** Every indexed version of a URL, oldest first (damaged ones included: reading one says so). */
  versions(url: string): Promise<SnapshotSummary[]>;
  /** Unchanged checks recorded for a URL, oldest first. */
  checks(url: string): Promise<CheckRecord[]>;
  list(filter?: ListFilter): Promise<SnapshotSummary[]>;
  search(query: string, limit?: number): Promise<SearchHit[]>;
  verify(): Promise<VerifyProblem[]>;
  reindex(): Promise<number>;
  close(): void;
}
