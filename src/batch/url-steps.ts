/**
 * The steps the per-URL jobs of `archive` and `check` share: extract and classify a capture, record a failed
 * capture as a failed check, and file the built record.
 */
import { recordPageEvent, type FailedCaptureClass, type FailedCheckEvent } from '../archive/events.js';
import type { Archive, SaveResult } from '../archive/types.js';
import { ChronicleError, isChronicleError } from '../errors.js';
import { decodeHtml } from '../decode/decode-html.js';
import type { BuiltSnapshot } from '../pipeline/build-snapshot.js';
import { classifyCapture, type CaptureVerdict } from '../pipeline/classify-capture.js';
import type { Capture, Snapshot } from '../types.js';
import type { BatchItem } from './types.js';

/** Capture → snapshot, raw bytes and reader page (buildSnapshot, or a worker pool's version of it). */
export type ExtractStep = (capture: Capture, signal: AbortSignal) => Promise<BuiltSnapshot>;

/** A capture extracted, then classified; a capture with no article is classified too (a wall often has none). */
export interface ClassifiedCapture {
  built: BuiltSnapshot | null;
  /** The E_NO_ARTICLE error when nothing was extracted (thrown by the caller once the capture is judged ok). */
  extractError: unknown;
  verdict: CaptureVerdict;
}

export async function extractAndClassify(
  extract: ExtractStep,
  capture: Capture,
  signal: AbortSignal,
  previous: Snapshot | null,
): Promise<ClassifiedCapture> {
  let built: BuiltSnapshot | null = null;
  let extractError: unknown = null;
  try {
    built = await extract(capture, signal);
  } catch (error) {
    if (!isChronicleError(error) || error.code !== 'E_NO_ARTICLE') throw error;
    extractError = error;
  }
  return { built, extractError, verdict: classifyBuilt(capture, built, previous) };
}

/** The capture's class, judged against the last good version's length. */
export function classifyBuilt(capture: Capture, built: BuiltSnapshot | null, previous: Snapshot | null): CaptureVerdict {
  // A page rendered in the browser is judged by what the browser showed, not by the server's script shell.
  const html = built?.rendered ?? decodeHtml(capture.body, capture.contentType).text;
  const article = built === null ? null : { title: built.snapshot.meta.title, text: built.snapshot.body.text, wordCount: built.snapshot.body.wordCount };
  return classifyCapture({ status: capture.status, html, article, previousWordCount: previous?.body.wordCount ?? null });
}

/** A failed check in the page's events, with the capture's bytes as evidence. */
export async function recordFailure(root: string, item: BatchItem, at: string, verdict: CaptureVerdict, status: number, finalUrl: string, body: Uint8Array | undefined): Promise<void> {
  const event: FailedCheckEvent = {
    type: 'failed-check',
    url: item.key,
    checkedAt: at,
    class: verdict.class as FailedCaptureClass,
    reason: verdict.reason,
    status,
    finalUrl,
    sha256: null,
    bytes: 0,
    evidence: null,
  };
  await recordPageEvent(root, event, body);
}

/** A save and the record it concerns: as filed when created, else as built (its content equals the latest's). */
export interface FiledSnapshot {
  saved: SaveResult;
  snapshot: Snapshot;
}

/**
 * The archive step of a URL job (`archive`, `check`): saves the built record unless the run abandoned the URL,
 * and hands back the record as filed, so the caller compares it in memory instead of reading it back.
 */
export async function fileBuilt(archive: Pick<Archive, 'save'>, built: BuiltSnapshot, item: BatchItem, signal: AbortSignal): Promise<FiledSnapshot> {
  if (signal.aborted) throw new ChronicleError('E_INTERRUPTED', `interrupted before saving ${item.url}`, { url: item.url });
  const saved = await archive.save(built);
  return { saved, snapshot: saved.snapshot ?? built.snapshot };
}

