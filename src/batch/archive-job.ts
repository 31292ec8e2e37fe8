import { LOW_CONFIDENCE_WARNING } from '../extract/confidence.js';
import type { Archive, SaveResult } from '../archive/types.js';
import { ChronicleError } from '../errors.js';
import type { BuiltSnapshot } from '../pipeline/build-snapshot.js';
import type { RobotsCache } from '../fetch/robots.js';
import type { Capture } from '../types.js';
import type { BatchItem, BatchJob } from './types.js';

/** What one archived URL reports. */
export interface ArchivedPage {
  id: string;
  dir: string;
  /** False when the content was unchanged since the latest snapshot (only a check was recorded). */
  created: boolean;
  previousId: string | null;
  finalUrl: string;
  status: number;
  title: string | null;
  wordCount: number;
  attempts: number;
  redirects: number;
  /** The record has the lowConfidence warning: the body may not be the article (extract/confidence.ts). */
  lowConfidence: boolean;
}

export interface ArchiveJobDeps {
  archive: Pick<Archive, 'save'>;
  /** Fetches one page (fetchPage with the run's agent and limits); must honour the signal. */
  fetch: (url: string, signal: AbortSignal) => Promise<Capture>;
  /** Capture → snapshot, raw bytes and reader page (buildSnapshot, or a worker pool's version of it). */
  extract: (capture: Capture) => Promise<BuiltSnapshot>;
  /** With --respect-robots: checked before the page is fetched (E_ROBOTS). */
  robots?: RobotsCache | null;
}

/**
 * The per-URL job of `chronicle archive`: robots check, fetch, extract, save. Nothing is written unless the
 * whole pipeline succeeded, and the archive's save is atomic, so an abandoned job leaves no trace.
 */
export function createArchiveJob(deps: ArchiveJobDeps): BatchJob<ArchivedPage> {
  return async (item: BatchItem, signal: AbortSignal) => {
    if (deps.robots) await deps.robots.assertAllowed(item.url);
    const capture = await deps.fetch(item.url, signal);
    const built = await deps.extract(capture);
    if (signal.aborted) {
      throw new ChronicleError('E_INTERRUPTED', `interrupted before saving ${item.url}`, { url: item.url });
    }
    const saved: SaveResult = await deps.archive.save(built);
    return {
      skipped: false,
      value: {
        id: saved.id,
        dir: saved.dir,
        created: saved.created,
        previousId: saved.previousId,
        finalUrl: capture.finalUrl,
        status: capture.status,
        title: built.snapshot.meta.title,
        wordCount: built.snapshot.body.wordCount,
        attempts: capture.attempts,
        redirects: capture.redirects.length,
        lowConfidence: built.snapshot.warnings.some((warning) => warning.startsWith(LOW_CONFIDENCE_WARNING)),
      },
    };
  };
}
