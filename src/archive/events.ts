/**
 * A page's check events besides versions and unchanged checks (docs/archive-format.md, "events.ndjson"):
 * failed captures (a wall, a challenge, an error page; never a version), take-downs and returns. They live
 * in their own append-only file beside checks.ndjson, and a failed capture's bytes are kept as evidence in
 * blobs/ by their sha256, so nothing of the snapshot save and read path changes. Records are written with
 * one O_APPEND write and fsynced (readers skip a torn line); evidence is written to tmp/ and renamed.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { appendLineDurable, archiveError, fsyncDir, mkdirp, sha256Hex, writeFileDurable } from './durable-fs.js';
import { TMP_DIR } from './format.js';
import { blobRelPath, locatePage, toAbsolute } from './layout.js';
import { OWN_PID } from '../host/process-identity.js';

export const EVENTS_FILE = 'events.ndjson';

export type FailedCaptureClass = 'blocked' | 'consent' | 'paywall' | 'error-page' | 'truncated';

/** A fetch that was not the article: recorded as a failed check, never filed as a version. */
export interface FailedCheckEvent {
  type: 'failed-check';
  url: string;
  checkedAt: string;
  class: FailedCaptureClass;
  /** Why the classifier said so ("consent platform markup, 41 words"). */
  reason: string;
  status: number;
  finalUrl: string;
  /** sha256 of the bytes received, and their place in the archive (blobs/sha256/…), or null when none were kept. */
  sha256: string | null;
  bytes: number;
  evidence: string | null;
}

/** The article is gone: 404/410, or a redirect to the site's home page or a section front. */
export interface TakeDownEvent {
  type: 'take-down';
  url: string;
  checkedAt: string;
  status: number;
  finalUrl: string;
  /** 'gone' (404/410) or 'redirected' (to a home page or section front). */
  how: 'gone' | 'redirected';
}

/** A successful fetch after a take-down. */
export interface ReturnEvent {
  type: 'return';
  url: string;
  checkedAt: string;
  status: number;
  finalUrl: string;
  /** The version that was current after the return (new or unchanged). */
  snapshotId: string;
}

export type PageEvent = FailedCheckEvent | TakeDownEvent | ReturnEvent;

/** Appends one event to the page's events.ndjson; with evidence, stores its bytes first (by sha256). */
export async function recordPageEvent(root: string, event: PageEvent, evidence?: Uint8Array): Promise<PageEvent> {
  const location = locatePage(event.url);
  const pageDir = toAbsolute(root, location.relDir);
  let stored: PageEvent = { ...event, url: location.key };
  if (evidence !== undefined && stored.type === 'failed-check') {
    const sha = sha256Hex(evidence);
    await storeEvidence(root, sha, evidence);
    stored = { ...stored, sha256: sha, bytes: evidence.byteLength, evidence: blobRelPath(sha) };
  }
  await mkdirp(pageDir);
  await appendLineDurable(join(pageDir, EVENTS_FILE), JSON.stringify(stored));
  return stored;
}

/** Every event recorded for a URL, oldest first (torn or foreign lines skipped). */
export async function readPageEvents(root: string, url: string): Promise<PageEvent[]> {
  const location = locatePage(url);
  let text: string;
  try {
    text = await fs.readFile(join(toAbsolute(root, location.relDir), EVENTS_FILE), 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw archiveError('read', `${location.relDir}/${EVENTS_FILE}`, cause);
  }
  const events: PageEvent[] = [];
  for (const line of text.split('\n')) {
    const event = parsePageEvent(line);
    if (event !== null && event.url === location.key) events.push(event);
  }
  return events.sort((a, b) => Date.parse(a.checkedAt) - Date.parse(b.checkedAt));
}

export function parsePageEvent(line: string): PageEvent | null {
  if (line.trim() === '') return null;
  try {
    const value = JSON.parse(line) as Record<string, unknown>;
    const common = typeof value.url === 'string' && typeof value.checkedAt === 'string' && typeof value.status === 'number' && typeof value.finalUrl === 'string';
    if (!common) return null;
    if (value.type === 'failed-check' && typeof value.class === 'string') return value as unknown as FailedCheckEvent;
    if (value.type === 'take-down' && (value.how === 'gone' || value.how === 'redirected')) return value as unknown as TakeDownEvent;
    if (value.type === 'return' && typeof value.snapshotId === 'string') return value as unknown as ReturnEvent;
  } catch {
    // a torn or foreign line
  }
  return null;
}

/** Evidence bytes under blobs/sha256/… (shared with raw bodies: same bytes, same file), written atomically. */
async function storeEvidence(root: string, sha: string, bytes: Uint8Array): Promise<void> {
  const blobPath = toAbsolute(root, blobRelPath(sha));
  const existing = await fs.stat(blobPath).catch(() => null);
  if (existing !== null && existing.size === bytes.byteLength) return;
  await mkdirp(join(blobPath, '..'));
  await mkdirp(join(root, TMP_DIR));
  const tempPath = join(root, TMP_DIR, `evidence.${OWN_PID}.${randomBytes(4).toString('hex')}`);
  try {
    await writeFileDurable(tempPath, bytes);
    await fs.rename(tempPath, blobPath).catch((cause: unknown) => {
      throw archiveError('store evidence', blobPath, cause);
    });
    await fsyncDir(join(blobPath, '..'));
  } finally {
    await fs.rm(tempPath, { force: true }).catch(() => undefined);
  }
}
