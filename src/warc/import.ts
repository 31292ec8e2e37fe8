import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Archive } from '../archive/types.js';
import { ChronicleError, toChronicleError, type ErrorCode } from '../errors.js';
import { isHtmlType, isUnknownType, looksLikeHtml } from '../fetch/content-type.js';
import { makeSnapshotId } from '../normalize/snapshot-id.js';
import { normalizeUrl } from '../normalize/url.js';
import { buildSnapshot, type ExtractFunction } from '../pipeline/build-snapshot.js';
import { createSummary, tally } from '../batch/summary.js';
import type { BatchSummary } from '../batch/types.js';
import type { Capture, HttpExchange } from '../types.js';
import { decodedPayload, readWarc, type WarcItem } from './read-warc.js';

/** Where an imported snapshot came from: snapshot.source (docs/snapshot-format.md). */
export interface ImportSource {
  warc: string;
  offset: number;
  recordId: string | null;
}

export interface ImportedPage {
  id: string;
  dir: string;
  created: boolean;
  previousId: string | null;
  title: string | null;
  wordCount: number;
}

/** One outcome per record read, in file order. */
export type ImportOutcome = { file: string; offset: number; recordId: string | null; url: string | null; type: string } & (
  | { status: 'ok'; value: ImportedPage }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; error: ChronicleError }
);

export interface ImportOptions {
  archive: Pick<Archive, 'save' | 'get'>;
  /** The extractor (a worker pool's); default extractArticle in this thread. */
  extract?: ExtractFunction;
  /** Largest payload imported (default 20 MiB, as for fetching). */
  maxBytes: number;
  /** Pages extracted at once (reading waits while this many are in flight: memory stays bounded). */
  concurrency: number;
  /** Only records whose WARC-Target-URI matches. */
  urlPattern?: RegExp;
  /** Skip a record whose snapshot (same URL, time and body) is already filed. */
  skipExisting?: boolean;
  /** Take no new records. */
  stopSignal?: AbortSignal;
  /** Abandon pages in flight (reported E_INTERRUPTED, nothing saved). */
  abandonSignal?: AbortSignal;
  onOutcome: (outcome: ImportOutcome) => void;
}

/**
 * Imports every HTML `response` record of the WARC files as a snapshot, as if fetched then (fetchedAt = WARC-Date,
 * URL = WARC-Target-URI, raw = the de-chunked, decoded payload). Records are read as a stream; up to
 * `concurrency` pages are between their record and their save at once; the captures of one URL are saved in file
 * order (so its versions are compared in time order). Outcomes are reported as they settle. Damaged records fail
 * with E_WARC_DAMAGED and the file goes on where it can.
 */
export async function importWarcFiles(files: string[], options: ImportOptions): Promise<BatchSummary> {
  const started = performance.now();
  const summary = createSummary();
  const report = (outcome: ImportOutcome): void => {
    tally(summary, outcome);
    options.onOutcome(outcome);
  };
  let inFlight = 0;
  let wake: (() => void) | null = null;
  const release = (): void => {
    inFlight--;
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  /** The last save of each URL still pending: a URL's captures are saved in file order, other URLs meanwhile. */
  const chains = new Map<string, Promise<void>>();
  const pendingWork = new Set<Promise<void>>();
  const stopped = (): boolean => options.stopSignal?.aborted === true;

  for (const file of files) {
    if (stopped()) break;
    for await (const item of readWarc(file, { maxBlockBytes: options.maxBytes * 2 + 65_536 })) {
      if (stopped()) break;
      const base = { file, offset: item.offset, recordId: item.recordId, url: item.url };
      const decided = decide(item, options);
      if (decided !== null) {
        report({ ...base, ...decided });
        continue;
      }
      const response = item as Extract<WarcItem, { kind: 'response' }>;
      // Reading waits while `concurrency` pages are between their record and their save: memory stays bounded.
      while (inFlight >= options.concurrency) await new Promise<void>((resolve) => (wake = resolve));
      if (stopped()) break;
      inFlight++;
      const built = buildFromRecord(response, file, options);
      built.catch(() => undefined); // settled in saveBuilt
      const key = response.url;
      const done: Promise<void> = (chains.get(key) ?? Promise.resolve())
        .then(async () => {
          report({ ...base, type: 'response', ...(await saveBuilt(built, response, options)) });
        })
        .finally(() => {
          release();
          if (chains.get(key) === done) chains.delete(key);
          pendingWork.delete(done);
        });
      chains.set(key, done);
      pendingWork.add(done);
    }
  }
  await Promise.all([...pendingWork]);
  summary.interrupted = stopped();
  summary.elapsedMs = Math.round(performance.now() - started);
  return summary;
}

type Decision = { type: string } & ({ status: 'skipped'; reason: string } | { status: 'failed'; error: ChronicleError });

/** Records that are not imported, and why; null for an HTML response to import. */
function decide(item: WarcItem, options: ImportOptions): Decision | null {
  if (item.kind === 'damaged') {
    return { type: 'damaged', status: 'failed', error: new ChronicleError('E_WARC_DAMAGED', `record at offset ${item.offset}: ${item.message}`) };
  }
  if (item.kind === 'other') return { type: item.type, status: 'skipped', reason: item.type.includes('larger than') ? 'too-large' : item.type };
  if (options.urlPattern !== undefined && !options.urlPattern.test(item.url)) return { type: 'response', status: 'skipped', reason: 'url-pattern' };
  if (item.status < 200 || item.status > 299) return { type: 'response', status: 'skipped', reason: `http-${Math.floor(item.status / 100)}xx` };
  const contentType = item.headers.find(([name]) => name === 'content-type')?.[1] ?? null;
  if (!isHtmlType(contentType) && !isUnknownType(contentType)) return { type: 'response', status: 'skipped', reason: 'not-html' };
  return null;
}

interface Built {
  skipped?: string;
  snapshot?: Awaited<ReturnType<typeof buildSnapshot>>;
}

async function buildFromRecord(item: Extract<WarcItem, { kind: 'response' }>, file: string, options: ImportOptions): Promise<Built> {
  let url: string;
  try {
    url = normalizeUrl(item.url);
  } catch (error) {
    throw toChronicleError(error);
  }
  const body = await decodedPayload(item, options.maxBytes);
  const contentType = item.headers.find(([name]) => name === 'content-type')?.[1] ?? null;
  if (!isHtmlType(contentType) && !looksLikeHtml(body)) return { skipped: 'not-html' };
  const sha256 = createHash('sha256').update(body).digest('hex');
  if (options.skipExisting && (await options.archive.get(makeSnapshotId(item.date, url, sha256))) !== null) return { skipped: 'exists' };
  const capture: Capture = {
    requestedUrl: item.url,
    finalUrl: item.url,
    redirects: [],
    status: item.status,
    headers: Object.fromEntries(item.headers.map(([name, value]) => [name, value])),
    contentType,
    contentEncoding: item.headers.find(([name]) => name === 'content-encoding')?.[1] ?? null,
    body,
    sha256,
    fetchedAt: item.date,
    elapsedMs: 0,
    attempts: 1,
    exchange: exchangeOf(item),
  };
  const built = await buildSnapshot(capture, options.extract === undefined ? {} : { extract: options.extract });
  const source: ImportSource = { warc: file, offset: item.offset, recordId: item.recordId };
  built.snapshot.source = source;
  return { snapshot: built };
}

/** The heads as the record holds them (the request when the WARC has it just before). */
function exchangeOf(item: Extract<WarcItem, { kind: 'response' }>): HttpExchange {
  const target = new URL(item.url);
  const request = item.request;
  const requestLine = request === null ? null : /^(\S+)\s+(\S+)\s+(\S+)/.exec(request.statusline.trim());
  return {
    request: {
      method: requestLine?.[1] ?? 'GET',
      target: requestLine?.[2] ?? `${target.pathname}${target.search}`,
      httpVersion: requestLine?.[3] ?? 'HTTP/1.1',
      headers: request?.headers ?? [],
    },
    response: { httpVersion: 'HTTP/1.1', status: item.status, statusText: item.statusText, headers: item.headers },
    payload: 'decoded',
  };
}

async function saveBuilt(
  built: Promise<Built>,
  item: Extract<WarcItem, { kind: 'response' }>,
  options: ImportOptions,
): Promise<{ status: 'ok'; value: ImportedPage } | { status: 'skipped'; reason: string } | { status: 'failed'; error: ChronicleError }> {
  try {
    const result = await built;
    if (result.skipped !== undefined) return { status: 'skipped', reason: result.skipped };
    if (options.abandonSignal?.aborted) throw new ChronicleError('E_INTERRUPTED', `interrupted before saving ${item.url}`, { url: item.url });
    const { snapshot } = result.snapshot!;
    const saved = await options.archive.save(result.snapshot!);
    return {
      status: 'ok',
      value: { id: saved.id, dir: saved.dir, created: saved.created, previousId: saved.previousId, title: snapshot.meta.title, wordCount: snapshot.body.wordCount },
    };
  } catch (error) {
    return { status: 'failed', error: toChronicleError(error) };
  }
}

export type { ErrorCode };
