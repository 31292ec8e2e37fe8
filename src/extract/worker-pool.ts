import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { ChronicleError } from '../errors.js';
import type { Article } from '../types.js';
import type { ExtractOptions } from './extract-article.js';
import type { ExtractRequest, ExtractResponse } from './extract-worker.js';
import { tuneGcForPool, v8Host } from './speed/gc-tuning.js';
import { DEFAULT_EXTRACT_LIMITS, memoryLimitError, timeLimitError, type ExtractLimits } from './limits.js';
import { heapLimitFor } from './page-weight.js';

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
  /**
   * Node flags for the workers (the CLI passes its own process's, less those only a main script takes); also
   * read by the GC tuning, so that a user's own `--(no-)parallel-scavenge` wins. Default none.
   */
  nodeFlags?: readonly string[];
  /** The workers' entry module; default Chronicle's own (dist/extract/extract-worker.js). Tests hand in one that crashes on purpose. */
  workerScript?: URL;
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

interface Job {
  id: number;
  html: Uint8Array | string;
  options: ExtractOptions;
  /** Set when a worker found the page needs more heap than it has: the page waits for a worker of its own. */
  needMb?: number;
  resolve: (article: Article) => void;
  reject: (error: ChronicleError) => void;
}

interface Slot {
  worker: Worker;
  /** The worker's heap limit, MB. */
  heapMb: number;
  /** A worker started for one heavy page, ended after it (never replaced). */
  solo: boolean;
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

/**
 * Starts a worker with the given Node flags. Node refuses V8 flags in a worker's execArgv
 * (`node --max-old-space-size=4096 bin/chronicle archive …` failed every worker, ERR_WORKER_INVALID_EXEC_ARGV);
 * V8 flags are process-wide and reach the worker anyway, so the worker then starts with no flags of its own.
 */
function startWorker(script: URL, nodeFlags: readonly string[], resourceLimits: ResourceLimits): Worker {
  try {
    return new Worker(script, { execArgv: [...nodeFlags], resourceLimits });
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

export function createExtractPool(options: ExtractPoolOptions = {}): ExtractPool {
  return new WorkerPool(options);
}

/** The pool: its workers (slots), the pages waiting, and what happens on each worker's answer, death or overrun. */
class WorkerPool implements ExtractPool {
  readonly size: number;
  private readonly pagesPerWorker: number;
  private readonly maxHeapMb: number;
  private readonly limits: ExtractLimits;
  private readonly script: URL;
  private readonly nodeFlags: readonly string[];
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private readonly exits = new Set<Promise<void>>();
  private readonly gcTuning: { release(): void };
  private nextId = 1;
  private closed = false;
  private startFailures = 0;
  private broken: ChronicleError | null = null;

  constructor(options: ExtractPoolOptions) {
    this.size = Math.max(1, Math.floor(options.size ?? availableParallelism()));
    this.pagesPerWorker = Math.max(1, Math.floor(options.pagesPerWorker ?? 1000));
    this.maxHeapMb = Math.max(64, Math.floor(options.maxHeapMb ?? 320));
    this.limits = { ...DEFAULT_EXTRACT_LIMITS, ...options.limits };
    this.script = options.workerScript ?? workerScriptUrl();
    this.nodeFlags = options.nodeFlags ?? [];
    // Handed on as plain functions (buildSnapshot's `extract`): bound to the pool.
    this.extract = this.extract.bind(this);
    this.close = this.close.bind(this);
    for (let index = 0; index < this.size; index++) this.spawn();
    // Serial scavenges while the workers fill every core (see gc-tuning.ts); undone when the pool closes.
    this.gcTuning = tuneGcForPool(this.size, availableParallelism(), v8Host(this.nodeFlags));
  }

  extract(html: Uint8Array | string, extractOptions: ExtractOptions): Promise<Article> {
    if (this.closed) return Promise.reject(new ChronicleError('E_INTERRUPTED', 'extraction pool is closed', { url: extractOptions.url }));
    if (this.broken !== null) return Promise.reject(this.broken);
    return new Promise<Article>((resolve, reject) => {
      const job: Job = {
        id: this.nextId++,
        html: typeof html === 'string' ? html : new Uint8Array(html),
        options: {
          url: extractOptions.url,
          ...(extractOptions.contentType !== undefined ? { contentType: extractOptions.contentType } : {}),
          limits: { ...this.limits, ...extractOptions.limits },
        },
        resolve,
        reject,
      };
      this.queue.push(job);
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      for (const job of this.queue.splice(0)) job.reject(closedBefore(job.options.url));
      for (const slot of [...this.slots]) void slot.worker.terminate();
    }
    await Promise.all([...this.exits]);
    this.gcTuning.release();
  }

  private spawn(heapMb = this.maxHeapMb, solo = false): Slot {
    const worker = startWorker(this.script, this.nodeFlags, { maxOldGenerationSizeMb: heapMb });
    const slot: Slot = { worker, heapMb, solo, job: null, pages: 0, gone: false, online: false, timer: null };
    this.slots.add(slot);
    worker.once('online', () => {
      slot.online = true;
      this.startFailures = 0;
    });
    worker.on('message', (response: ExtractResponse) => this.answered(slot, response));
    // A page that fills the worker's heap: V8 ends the worker (resourceLimits), the page is over its budget.
    worker.on('error', (error) => this.died(slot, error.message, (error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY'));
    const exited: Promise<void> = new Promise<void>((resolve) => {
      worker.once('exit', (code) => {
        this.died(slot, `exit code ${code}`);
        this.exits.delete(exited);
        resolve();
      });
    });
    this.exits.add(exited);
    // An idle worker never keeps the process alive; a busy one is ref'd while it works. (After the listeners:
    // adding a 'message' listener refs the worker's port again.)
    worker.unref();
    return slot;
  }

  private answered(slot: Slot, response: ExtractResponse): void {
    const job = slot.job;
    if (job === null || response.id !== job.id) return;
    this.finish(slot);
    if (response.type === 'done') job.resolve(response.article);
    else if (response.type === 'heavy') this.waitForSoloWorker(slot, job, response);
    else job.reject(new ChronicleError(response.error.code, response.error.message, errorDetails(response.error)));
    if (slot.pages >= this.pagesPerWorker || slot.solo) this.retire(slot);
    this.dispatch();
  }

  private died(slot: Slot, reason: string, outOfMemory = false): void {
    if (!this.slots.has(slot)) return;
    this.slots.delete(slot);
    const job = slot.job;
    const wasRetiring = slot.gone;
    slot.gone = true;
    if (job !== null) {
      this.finish(slot);
      const url = job.options.url;
      job.reject(this.closed
        ? closedBefore(url)
        : outOfMemory
          ? memoryLimitError(url, slot.heapMb)
          : new ChronicleError('E_INTERNAL', `extraction worker crashed on ${url}: ${reason}`, { url }));
    }
    if (!slot.online && ++this.startFailures >= MAX_START_FAILURES && this.broken === null) {
      this.broken = new ChronicleError('E_INTERNAL', `extraction workers fail to start: ${reason}`);
      for (const queued of this.queue.splice(0)) queued.reject(this.broken);
    }
    if (!this.closed && !wasRetiring && this.broken === null && !slot.solo) this.spawn();
    this.dispatch();
  }

  /** A page too heavy for a pool worker (but within its budget) is queued again for a worker of its own. */
  private waitForSoloWorker(slot: Slot, job: Job, response: Extract<ExtractResponse, { type: 'heavy' }>): void {
    if (slot.solo) {
      job.reject(new ChronicleError('E_EXTRACT_LIMIT', response.message, { url: job.options.url }));
      return;
    }
    job.html = response.html;
    job.needMb = response.needMb;
    this.queue.unshift(job);
  }

  private finish(slot: Slot): void {
    slot.job = null;
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
    slot.worker.unref();
  }

  /** A page past its time limit: it fails, its worker is ended (whatever it is stuck in) and replaced. */
  private overrun(slot: Slot, job: Job, timeMs: number): void {
    if (slot.job !== job) return;
    this.finish(slot);
    job.reject(timeLimitError(job.options.url, timeMs));
    this.retire(slot);
    this.dispatch();
  }

  private retire(slot: Slot): void {
    slot.gone = true;
    this.slots.delete(slot);
    void slot.worker.terminate();
    if (!this.closed && !slot.solo) this.spawn();
  }

  /** One heavy page at a time gets a worker of its own, so that at most one large heap is in use. */
  private dispatchHeavy(): void {
    const index = this.queue.findIndex((job) => job.needMb !== undefined);
    if (index < 0 || [...this.slots].some((slot) => slot.solo)) return;
    const [job] = this.queue.splice(index, 1);
    this.start(this.spawn(heapLimitFor(job!.needMb!), true), job!);
  }

  private dispatch(): void {
    this.dispatchHeavy();
    for (const slot of this.slots) {
      const index = this.queue.findIndex((job) => job.needMb === undefined);
      if (index < 0) return;
      if (slot.job !== null || slot.gone || slot.solo) continue;
      this.start(slot, this.queue.splice(index, 1)[0]!);
    }
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.pages++;
    slot.worker.ref();
    const timeMs = job.options.limits?.timeMs ?? this.limits.timeMs;
    slot.timer = setTimeout(() => this.overrun(slot, job, timeMs), timeMs + OVERRUN_GRACE_MS);
    slot.timer.unref(); // the busy worker keeps the process alive, not this timer
    const request: ExtractRequest = { type: 'extract', id: job.id, html: job.html, options: job.options };
    // Bytes go over as a private copy of just the page (a Buffer may be a view of a larger pool), transferred.
    if (typeof job.html === 'string') slot.worker.postMessage(request);
    else slot.worker.postMessage(request, [(request.html as Uint8Array).buffer as ArrayBuffer]);
  }
}

function closedBefore(url: string): ChronicleError {
  return new ChronicleError('E_INTERRUPTED', `extraction pool closed before ${url} was extracted`, { url });
}

function errorDetails(error: { status?: number; url?: string }): { status?: number; url?: string } {
  return {
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.url !== undefined ? { url: error.url } : {}),
  };
}
