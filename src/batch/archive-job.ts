import { LOW_CONFIDENCE_WARNING } from '../extract/confidence.js';
import type { Archive } from '../archive/types.js';
import { ChronicleError } from '../errors.js';
import { extractAndClassify, fileBuilt, recordFailure } from './url-steps.js';
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
  /** The page's newest snapshot, found damaged: a new version was filed instead of comparing with it. */
  damaged?: { id: string; reason: string };
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
  archive: Pick<Archive, 'save' | 'root'>;
  /** Fetches one page (fetchPage with the run's agent and limits); must honour the signal. */
  fetch: (url: string, signal: AbortSignal) => Promise<Capture>;
  /** Capture → snapshot, raw bytes and reader page (buildSnapshot, or a worker pool's version of it). */
  extract: (capture: Capture, signal: AbortSignal) => Promise<BuiltSnapshot>;
  /** With --respect-robots: checked before the page is fetched (E_ROBOTS). */
  robots?: RobotsCache | null;
  /** With --keep-failed: a capture that is a wall is recorded as a failed check with its bytes (still no version). */
  keepFailed?: boolean;
}

/**
 * The per-URL job of `chronicle archive`: robots check, fetch, extract, save. Nothing is written unless the
 * whole pipeline succeeded, and the archive's save is atomic, so an abandoned job leaves no trace.
 */
export function createArchiveJob(deps: ArchiveJobDeps): BatchJob<ArchivedPage> {
  return async (item: BatchItem, signal: AbortSignal) => {
    if (deps.robots) await deps.robots.assertAllowed(item.url);
    const capture = await deps.fetch(item.url, signal);
    // A wall, a challenge or an error page is never filed as a version (docs/content-digest.md, "Failed captures").
    const { built, extractError, verdict } = await extractAndClassify(deps.extract, capture, signal, null);
    if (verdict.class !== 'ok') {
      if (deps.keepFailed) {
        await recordFailure(deps.archive.root, item, capture.fetchedAt.toISOString(), verdict, capture.status, capture.finalUrl, capture.body);
      }
      const kept = deps.keepFailed ? 'kept as a failed check' : 'nothing filed (--keep-failed keeps it as evidence)';
      throw new ChronicleError('E_FAILED_CAPTURE', `${verdict.class}: ${verdict.reason}; ${kept}`, { url: item.url });
    }
    if (built === null) throw extractError;
    const { saved } = await fileBuilt(deps.archive, built, item, signal);
    return {
      skipped: false,
      value: {
        id: saved.id,
        dir: saved.dir,
        created: saved.created,
        previousId: saved.previousId,
        ...(saved.damaged === undefined ? {} : { damaged: saved.damaged }),
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
