/**
 * The per-URL job of `chronicle check`: fetch, classify the capture, and only then compare and file.
 *   - 404/410, or a redirect of an archived article to its site's home page or a section front: a take-down
 *     event in the page's history (events.ndjson), no version;
 *   - a capture that is not the article (bot challenge, consent wall, error page served 200, paywall teaser,
 *     truncated document; src/pipeline/classify-capture.ts): a failed check with its raw bytes kept as
 *     evidence, no version; the next good capture is compared with the last good version;
 *   - otherwise the archive's save (a new version, or an unchanged check), a diff against the version before,
 *     and whether the change was acknowledged by a correction/update note (src/diff/classify-change.ts).
 */
import { readPageEvents, recordPageEvent, type TakeDownEvent } from '../archive/events.js';
import type { Archive } from '../archive/types.js';
import { diffSnapshots } from '../diff/compare-snapshots.js';
import { summaryLine } from '../diff/summary-line.js';
import { isChronicleError } from '../errors.js';
import { extractAndClassify, fileBuilt, recordFailure } from './url-steps.js';
import type { RobotsCache } from '../fetch/robots.js';
import type { BuiltSnapshot } from '../pipeline/build-snapshot.js';
import type { CaptureVerdict } from '../pipeline/classify-capture.js';
import type { ComparableField } from '../normalize/digest.js';
import { normalizeUrl } from '../normalize/url.js';
import type { Capture, Correction } from '../types.js';
import type { BatchItem, BatchJob } from './types.js';

/** What one checked URL reports (the fields of its NDJSON line besides url, line, ok, elapsedMs). */
export interface CheckedPage {
  /** True when the article changed and a new snapshot was filed. */
  changed: boolean;
  /** True when the URL had never been archived: it was archived now, and `changed` is false. */
  new: boolean;
  /** The latest snapshot before this check (null for a new URL). */
  previousId: string | null;
  /** The snapshot now current: the new one when changed, else the unchanged latest (null when none was filed). */
  id: string | null;
  /** Names of the fields that changed, in report order (diff/compare-snapshots.ts COMPARED_FIELDS). */
  fields: ComparableField[];
  /** "title; body +2 −1 sentences", "unchanged", "first version", "consent wall: …" or "taken down: HTTP 410". */
  summary: string;
  title: string | null;
  /** 'ok', or the class of a failed capture (blocked, consent, paywall, error-page, truncated). */
  capture: CaptureVerdict['class'];
  /** When changed: true if the new version adds or changes a correction/update note; false: a stealth edit. null otherwise. */
  acknowledged: boolean | null;
  /** The notes that acknowledge the change ([] for a stealth edit or no change). */
  notes: Correction[];
  /** 'headline' and/or 'content' when changed, else []. */
  kinds: Array<'headline' | 'content'>;
  /** Old and new headline when it changed. */
  headline: { old: string | null; new: string | null } | null;
  /** Set when this check found the article taken down. */
  takeDown: { status: number; finalUrl: string; how: TakeDownEvent['how'] } | null;
  /** True when this good capture follows a recorded take-down. */
  returned: boolean;
}

export interface CheckJobDeps {
  archive: Pick<Archive, 'root' | 'latest' | 'save'>;
  fetch: (url: string, signal: AbortSignal) => Promise<Capture>;
  extract: (capture: Capture, signal: AbortSignal) => Promise<BuiltSnapshot>;
  robots?: RobotsCache | null;
  now?: () => Date;
}

const GONE_STATUSES = new Set([404, 410]);
/** Statuses of bot walls and rate limits: a failed check for an archived page, not a take-down. */
const BLOCKED_STATUSES = new Set([401, 403, 429, 503]);

const empty = {
  changed: false,
  new: false,
  fields: [] as ComparableField[],
  acknowledged: null,
  notes: [] as Correction[],
  kinds: [] as Array<'headline' | 'content'>,
  headline: null,
  takeDown: null,
  returned: false,
};

export function createCheckJob(deps: CheckJobDeps): BatchJob<CheckedPage> {
  const now = deps.now ?? (() => new Date());
  return async (item: BatchItem, signal: AbortSignal) => {
    if (deps.robots) await deps.robots.assertAllowed(item.url);
    const previous = await deps.archive.latest(item.key);
    const base = { previousId: previous?.id ?? null, title: previous?.meta.title ?? null };

    let capture: Capture;
    try {
      capture = await deps.fetch(item.url, signal);
    } catch (error) {
      if (previous === null || !isChronicleError(error) || error.code !== 'E_HTTP_STATUS' || error.status === undefined) throw error;
      const at = now().toISOString();
      if (GONE_STATUSES.has(error.status)) {
        const takeDown = await recordTakeDown(deps.archive.root, item, at, error.status, error.url ?? item.url, 'gone');
        return { skipped: false, value: { ...empty, ...base, id: previous.id, capture: 'ok', summary: `taken down: HTTP ${error.status}`, takeDown } };
      }
      if (BLOCKED_STATUSES.has(error.status)) {
        const verdict: CaptureVerdict = { class: 'blocked', reason: `HTTP ${error.status}` };
        await recordFailure(deps.archive.root, item, at, verdict, error.status, error.url ?? item.url, undefined);
        return { skipped: false, value: failedValue(base, previous.id, verdict) };
      }
      throw error;
    }

    if (previous !== null && isTakeDownRedirect(item.key, capture)) {
      const takeDown = await recordTakeDown(deps.archive.root, item, capture.fetchedAt.toISOString(), capture.status, capture.finalUrl, 'redirected');
      return { skipped: false, value: { ...empty, ...base, id: previous.id, capture: 'ok', summary: `taken down: redirected to ${capture.finalUrl}`, takeDown } };
    }

    const { built, extractError, verdict } = await extractAndClassify(deps.extract, capture, signal, previous);
    if (verdict.class !== 'ok') {
      await recordFailure(deps.archive.root, item, capture.fetchedAt.toISOString(), verdict, capture.status, capture.finalUrl, capture.body);
      return { skipped: false, value: failedValue(base, previous?.id ?? null, verdict) };
    }
    if (built === null) throw extractError;

    const { saved, snapshot: filed } = await fileBuilt(deps.archive, built, item, signal);
    const returned = await recordReturnIfTakenDown(deps.archive.root, item, capture, saved.id);
    const page = { ...empty, ...base, id: saved.id, title: built.snapshot.meta.title, capture: 'ok' as const, returned };
    if (previous === null) return { skipped: false, value: { ...page, new: true, summary: 'first version' } };
    if (!saved.created) return { skipped: false, value: { ...page, summary: 'unchanged' } };
    const diff = diffSnapshots(previous, filed);
    if (saved.damaged !== undefined && !diff.changed) {
      // The newest version was damaged and replaced; against the newest intact one nothing changed.
      return { skipped: false, value: { ...page, summary: `unchanged (replaces damaged snapshot ${saved.damaged.id})` } };
    }
    return {
      skipped: false,
      value: {
        ...page,
        changed: true,
        fields: diff.summary.fields,
        summary: summaryLine(diff.summary),
        acknowledged: diff.acknowledged,
        notes: diff.notes,
        kinds: diff.kinds,
        headline: diff.headline,
      },
    };
  };
}

function failedValue(base: { previousId: string | null; title: string | null }, id: string | null, verdict: CaptureVerdict): CheckedPage {
  return { ...empty, ...base, id, capture: verdict.class, summary: `${verdict.class}: ${verdict.reason}` };
}

/**
 * An article redirected to its site's home page or a section front: the final URL is on the same site, its
 * path is "/" or one segment, or a strict parent folder of the article's path, and it carries no query.
 */
export function isTakeDownRedirect(requestedKey: string, capture: Pick<Capture, 'finalUrl' | 'redirects'>): boolean {
  if (capture.redirects.length === 0) return false;
  let from: URL;
  let to: URL;
  try {
    from = new URL(requestedKey);
    to = new URL(normalizeUrl(capture.finalUrl));
  } catch {
    return false;
  }
  const site = (url: URL): string => url.hostname.replace(/^www\./, '');
  if (site(from) !== site(to) || to.search !== '') return false;
  const segments = (url: URL): string[] => url.pathname.split('/').filter((part) => part !== '');
  const fromParts = segments(from);
  const toParts = segments(to);
  if (fromParts.length < 2 || toParts.length >= fromParts.length) return false;
  if (toParts.length <= 1) return true;
  return toParts.every((part, index) => part === fromParts[index]);
}

async function recordTakeDown(root: string, item: BatchItem, at: string, status: number, finalUrl: string, how: TakeDownEvent['how']): Promise<CheckedPage['takeDown']> {
  await recordPageEvent(root, { type: 'take-down', url: item.key, checkedAt: at, status, finalUrl, how });
  return { status, finalUrl, how };
}

/** After a take-down, the first good capture records the article's return. */
async function recordReturnIfTakenDown(root: string, item: BatchItem, capture: Capture, snapshotId: string): Promise<boolean> {
  const last = (await readPageEvents(root, item.key)).filter((event) => event.type !== 'failed-check').at(-1);
  if (last?.type !== 'take-down') return false;
  await recordPageEvent(root, { type: 'return', url: item.key, checkedAt: capture.fetchedAt.toISOString(), status: capture.status, finalUrl: capture.finalUrl, snapshotId });
  return true;
}
