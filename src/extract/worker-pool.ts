import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { ChronicleError } from '../errors.js';
import type { Article } from '../types.js';
import type { ExtractOptions } from './extract-article.js';
import type { ExtractRequest, ExtractResponse, WorkerFault } from './extract-worker.js';
import { tuneGcForPool } from './speed/gc-tuning.js';
import { DEFAULT_EXTRACT_LIMITS, memoryLimitError, timeLimitError, type ExtractLimits } from './limits.js';

export interface ExtractPoolOptions {
  /** Worker threads; default os.availableParallelism(). */
  size?: number;
  /**
   * Pages a worker extracts before it is replaced by a fresh one (bounds whatever jsdom or a detector might
   * keep between pages). Default 1000.
   */
  pagesPerWorker?: number;
  /**
   * V8 old-generation limit of each worker, MB (default 320): keeps each worker's heap collected early so a long
   * batch stays within a few hundred MB. A page that needs more crashes its worker and fails alone.
   */
  maxHeapMb?: number;
  /**
   * What one page may cost (see ExtractLimits). A worker still busy with a page `timeMs` (plus a second's grace
   * for its own check) after it was handed over is ended and replaced; the page fails with E_EXTRACT_LIMIT, as
   * one that fills the worker's heap does.
   */
  limits?: Partial<ExtractLimits>;
}

/** Time a worker gets past the time limit to stop by itself (its check between steps) before it is ended. */
const OVERRUN_GRACE_MS = 1000;

/** A pool of worker threads running extractArticle; `extract` has the ExtractFunction shape of buildSnapshot. */
export interface ExtractPool {
  /** Extracts one page in a worker. A worker that crashes fails this page (E_INTERNAL) and is replaced. */
  extract(html: Uint8Array | string, options: ExtractOptions): Promise<Article>;
  /** Fails queued pages (E_INTERRUPTED), stops the workers; resolves once they are gone. Idempotent. */
  close(): Promise<void>;
  readonly size: number;
}

/**
 * Makes the next page's worker commit `fault` before extracting (tests only: the key is not reachable from
 * page content, options or the CLI).
 */
export const injectWorkerFault = Symbol('chronicle.injectWorkerFault');

interface Job {
  id: number;
  html: Uint8Array | string;
  options: ExtractOptions;
  fault?: WorkerFault;
  resolve: (article: Article) => void;
  reject: (error: ChronicleError) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  pages: number;
  /** Set once the worker is being retired or has died: it takes no more jobs. */
  gone: boolean;
  /** Set when the worker thread has started running. */
  online: boolean;
  /** Ends the worker when its page overruns the time limit. */
  timer: NodeJS.Timeout | null;
}

/** Workers that die before they start, in a row, before the pool gives up (a broken build or Node flags). */
const MAX_START_FAILURES = 3;

/** The parent's Node flags minus those that only make sense for a main script (`--input-type` with -e). */
function workerExecArgv(): string[] {
  return process.execArgv.filter((flag) => !flag.startsWith('--input-type'));
}

/**
 * Starts a worker with the parent's Node flags. Node refuses V8 flags in a worker's execArgv
 * (`node --max-old-space-size=4096 bin/chronicle archive …` failed every worker, ERR_WORKER_INVALID_EXEC_ARGV);
 * V8 flags are process-wide and reach the worker anyway, so the worker then starts with no flags of its own.
 */
function startWorker(script: URL, resourceLimits: ResourceLimits): Worker {
  try {
    return new Worker(script, { execArgv: workerExecArgv(), resourceLimits });
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    return new Worker(script, { execArgv: [], resourceLimits });
  }
}

/** The compiled worker beside this module (dist/extract/); under jest (TypeScript sources) the build's copy. */
export function workerScriptUrl(): URL {
  const beside = new URL('./extract-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  const built = new URL('../../dist/extract/extract-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return built;
  throw new ChronicleError('E_INTERNAL', `extraction worker not found at ${fileURLToPath(beside)} (run npm run build)`);
}

export function createExtractPool(options: ExtractPoolOptions = {}): ExtractPool & { [injectWorkerFault](fault: WorkerFault): void } {
  const size = Math.max(1, Math.floor(options.size ?? availableParallelism()));
  const pagesPerWorker = Math.max(1, Math.floor(options.pagesPerWorker ?? 1000));
  const maxHeapMb = Math.max(64, Math.floor(options.maxHeapMb ?? 320));
  const limits: ExtractLimits = { ...DEFAULT_EXTRACT_LIMITS, ...options.limits };
  const script = workerScriptUrl();
  const slots = new Set<Slot>();
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  let armedFault: WorkerFault | undefined;
  let startFailures = 0;
  let broken: ChronicleError | null = null;
  const exits = new Set<Promise<void>>();

  const spawn = (): void => {
    const worker = startWorker(script, { maxOldGenerationSizeMb: maxHeapMb });
    const slot: Slot = { worker, job: null, pages: 0, gone: false, online: false, timer: null };
    worker.once('online', () => {
      slot.online = true;
      startFailures = 0;
    });
    slots.add(slot);
    worker.on('message', (response: ExtractResponse) => {
      const job = slot.job;
      if (job === null || response.id !== job.id) return;
      finish(slot);
      if (response.type === 'done') job.resolve(response.article);
      else job.reject(new ChronicleError(response.error.code, response.error.message, errorDetails(response.error)));
      if (slot.pages >= pagesPerWorker) retire(slot);
      dispatch();
    });
    const died = (reason: string, outOfMemory = false): void => {
      if (!slots.has(slot)) return;
      slots.delete(slot);
      const job = slot.job;
      const wasRetiring = slot.gone;
      slot.gone = true;
      if (job !== null) {
        finish(slot);
        const url = job.options.url;
        job.reject(closed
          ? new ChronicleError('E_INTERRUPTED', `extraction pool closed before ${url} was extracted`, { url })
          : outOfMemory
            ? memoryLimitError(url, maxHeapMb)
            : new ChronicleError('E_INTERNAL', `extraction worker crashed on ${url}: ${reason}`, { url }));
      }
      if (!slot.online && ++startFailures >= MAX_START_FAILURES && broken === null) {
        broken = new ChronicleError('E_INTERNAL', `extraction workers fail to start: ${reason}`);
        for (const queued of queue.splice(0)) queued.reject(broken);
      }
      if (!closed && !wasRetiring && broken === null) spawn();
      dispatch();
    };
    // A page that fills the worker's heap: V8 ends the worker (resourceLimits), the page is over its budget.
    worker.on('error', (error) => died(error.message, (error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY'));
    const exited: Promise<void> = new Promise<void>((resolve) => {
      worker.once('exit', (code) => {
        died(`exit code ${code}`);
        exits.delete(exited);
        resolve();
      });
    });
    exits.add(exited);
    // An idle worker never keeps the process alive; a busy one is ref'd while it works. (After the listeners:
    // adding a 'message' listener refs the worker's port again.)
    worker.unref();
  };

  const finish = (slot: Slot): void => {
    slot.job = null;
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
    slot.worker.unref();
  };

  /** A page past its time limit: it fails, its worker is ended (whatever it is stuck in) and replaced. */
  const overrun = (slot: Slot, job: Job, timeMs: number): void => {
    if (slot.job !== job) return;
    finish(slot);
    job.reject(timeLimitError(job.options.url, timeMs));
    retire(slot);
    dispatch();
  };

  const retire = (slot: Slot): void => {
    slot.gone = true;
    slots.delete(slot);
    void slot.worker.terminate();
    if (!closed) spawn();
  };

  const dispatch = (): void => {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (slot.job !== null || slot.gone) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.pages++;
      slot.worker.ref();
      const timeMs = job.options.limits?.timeMs ?? limits.timeMs;
      slot.timer = setTimeout(() => overrun(slot, job, timeMs), timeMs + OVERRUN_GRACE_MS);
      slot.timer.unref(); // the busy worker keeps the process alive, not this timer
      const request: ExtractRequest = { type: 'extract', id: job.id, html: job.html, options: job.options };
      if (job.fault !== undefined) request.fault = job.fault;
      // Bytes go over as a private copy of just the page (a Buffer may be a view of a larger pool), transferred.
      if (typeof job.html === 'string') slot.worker.postMessage(request);
      else slot.worker.postMessage(request, [(request.html as Uint8Array).buffer as ArrayBuffer]);
    }
  };

  for (let index = 0; index < size; index++) spawn();
  // Serial scavenges while the workers fill every core (see gc-tuning.ts); undone when the pool closes.
  const gcTuning = tuneGcForPool(size, availableParallelism());

  return {
    size,
    extract(html, extractOptions) {
      if (closed) {
        return Promise.reject(new ChronicleError('E_INTERRUPTED', 'extraction pool is closed', { url: extractOptions.url }));
      }
      if (broken !== null) return Promise.reject(broken);
      return new Promise<Article>((resolve, reject) => {
        const job: Job = {
          id: nextId++,
          html: typeof html === 'string' ? html : new Uint8Array(html),
          options: {
            url: extractOptions.url,
            ...(extractOptions.contentType !== undefined ? { contentType: extractOptions.contentType } : {}),
            limits: { ...limits, ...extractOptions.limits },
          },
          resolve,
          reject,
        };
        if (armedFault !== undefined) {
          job.fault = armedFault;
          armedFault = undefined;
        }
        queue.push(job);
        dispatch();
      });
    },
    async close() {
      if (!closed) {
        closed = true;
        for (const job of queue.splice(0)) {
          job.reject(new ChronicleError('E_INTERRUPTED', `extraction pool closed before ${job.options.url} was extracted`, { url: job.options.url }));
        }
        for (const slot of [...slots]) void slot.worker.terminate();
      }
      await Promise.all([...exits]);
      gcTuning.release();
    },
    [injectWorkerFault](fault: WorkerFault) {
      armedFault = fault;
    },
  };
}

function errorDetails(error: { status?: number; url?: string }): { status?: number; url?: string } {
  return {
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.url !== undefined ? { url: error.url } : {}),
  };
}
