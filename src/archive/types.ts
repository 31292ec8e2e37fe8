import type { Snapshot } from '../types.js';

/** What the archive stage is handed for one fetch. */
export interface SaveInput {
  snapshot: Snapshot;
  /** The response body byte for byte (content-encoding undone): raw.html. */
  raw: Uint8Array;
  /** The standalone reader page: article.html. */
  articleHtml: string;
  /** The browser's rendered DOM: rendered.html (only for rendered pages). */
  rendered?: string;
  /** A full-page PNG: screenshot.png (only when one was taken). */
  screenshot?: Uint8Array;
}

export interface SaveResult {
  /** The snapshot id now current for this URL (the new one, or the unchanged latest). */
  id: string;
  /** Absolute path of that snapshot's folder. */
  dir: string;
  /** False when the content digest equalled the latest snapshot's: only a check was recorded. */
  created: boolean;
  /** The latest snapshot id before this save, or null for a URL seen the first time. */
  previousId: string | null;
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
  /** Every version of a URL, oldest first. */
  versions(url: string): Promise<SnapshotSummary[]>;
  /** Unchanged checks recorded for a URL, oldest first. */
  checks(url: string): Promise<CheckRecord[]>;
  list(filter?: ListFilter): Promise<SnapshotSummary[]>;
  search(query: string, limit?: number): Promise<SearchHit[]>;
  verify(): Promise<VerifyProblem[]>;
  reindex(): Promise<number>;
  close(): void;
}
