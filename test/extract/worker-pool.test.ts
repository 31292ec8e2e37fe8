import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ChronicleError } from '../../src/errors.js';
import { extractArticle } from '../../src/extract/extract-article.js';
import { serialScavengesActive } from '../../src/extract/speed/gc-tuning.js';
import { createExtractPool, workerScriptUrl, type ExtractPool, type ExtractPoolOptions } from '../../src/extract/worker-pool.js';
import { rejectionOf } from '../helpers/rejection.js';

// The pool runs the compiled worker (dist/extract/extract-worker.js): `npm test` builds first (pretest).
const repo = fileURLToPath(new URL('../../', import.meta.url));
const pagesDir = `${repo}fixtures/pages`;

/** A worker that commits the fault a page's URL names (#fault=exit|throw|hang|oom), else extracts as Chronicle's does. */
const FAULT_WORKER = new URL('../helpers/fault-worker.mjs', import.meta.url);
type Fault = 'exit' | 'throw' | 'hang' | 'oom';
const faulty = (url: string, fault: Fault): string => `${url}#fault=${fault}`;

function fixture(slug: string): { bytes: Uint8Array; url: string; contentType: string } {
  const meta = JSON.parse(readFileSync(`${pagesDir}/${slug}/meta.json`, 'utf8')) as { url: string; contentType?: string };
  return {
    bytes: new Uint8Array(readFileSync(`${pagesDir}/${slug}/source.html`)),
    url: meta.url,
    contentType: meta.contentType ?? 'text/html; charset=utf-8',
  };
}

// Several extractions per test on a shared 2-core machine: generous limits (these are hang guards, not timings).
jest.setTimeout(180_000);

const SLUGS = ['embassy-withdrawal', 'windows-1252-harbour-festival', 'guardian-heatwave-pullquote'];
const NOT_AN_ARTICLE = '<!doctype html><html><head><title>x</title></head><body></body></html>';

/**
 * A node -e script that extracts one fixture page through a pool of `size` and prints its word count; with
 * `cli`, the pool the batch commands start (with this process's Node flags).
 */
function poolScript({ size, close, cli = false }: { size: number; close: boolean; cli?: boolean }): string {
  const page = fixture('embassy-withdrawal');
  const start = cli
    ? `(await import(${JSON.stringify(`${repo}dist/cli/batch/extract-pool.js`)})).startExtractPool(${size})`
    : `(await import(${JSON.stringify(`${repo}dist/extract/worker-pool.js`)})).createExtractPool({ size: ${size} })`;
  return `
    const { readFileSync } = await import('node:fs');
    const pool = ${start};
    const article = await pool.extract(new Uint8Array(readFileSync(${JSON.stringify(`${pagesDir}/embassy-withdrawal/source.html`)})), { url: ${JSON.stringify(page.url)} });
    process.stdout.write(String(article.body.wordCount));
    ${close ? 'await pool.close();' : ''}
  `;
}

async function runNode(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}

const failureOf = (promise: Promise<unknown>): Promise<ChronicleError> => rejectionOf(promise, ChronicleError);

/** Injects a worker fault into a new pool, extracts a page (which must fail), then the same page again on the replacement worker. */
async function faultAndRecovery(
  poolOptions: ExtractPoolOptions,
  fault: Fault,
  nextLimits?: { timeMs: number },
): Promise<{ failure: ChronicleError; url: string; nextWordCount: number }> {
  const pool = createExtractPool({ ...poolOptions, workerScript: FAULT_WORKER });
  try {
    const page = fixture('embassy-withdrawal');
    const options = { url: page.url, contentType: page.contentType };
    const url = faulty(page.url, fault);
    const failure = await failureOf(pool.extract(page.bytes, { ...options, url }));
    const next = await pool.extract(page.bytes, nextLimits ? { ...options, limits: nextLimits } : options);
    return { failure, url, nextWordCount: next.body.wordCount };
  } finally {
    await pool.close();
  }
}

describe('createExtractPool', () => {
  let pool: ReturnType<typeof createExtractPool>;
  beforeAll(() => {
    pool = createExtractPool({ size: 2 });
  });
  afterAll(async () => {
    await pool.close();
  });

  it('finds the compiled worker', () => {
    expect(fileURLToPath(workerScriptUrl())).toMatch(/dist\/extract\/extract-worker\.js$/);
  });

  it('returns the same Article as in-process extraction, from bytes and from a string', async () => {
    for (const slug of SLUGS) {
      const page = fixture(slug);
      const options = { url: page.url, contentType: page.contentType };
      const expected = await extractArticle(page.bytes, options);
      const fromPool = await pool.extract(page.bytes, options);
      expect(fromPool).toEqual(expected);
      expect(fromPool.body.wordCount).toBeGreaterThan(50);
    }
    const page = fixture('embassy-withdrawal');
    const text = new TextDecoder().decode(page.bytes);
    expect(await pool.extract(text, { url: page.url })).toEqual(await extractArticle(text, { url: page.url }));
  });

  it('works when its extract and close are handed on as plain functions (as buildSnapshot takes them)', async () => {
    const { extract, close } = createExtractPool({ size: 1 });
    try {
      const page = fixture('embassy-withdrawal');
      expect((await extract(page.bytes, { url: page.url, contentType: page.contentType })).body.wordCount).toBeGreaterThan(50);
    } finally {
      await close();
    }
  });

  it('leaves the caller\'s bytes intact (copies just the page, even from a view into a larger buffer)', async () => {
    const page = fixture('embassy-withdrawal');
    const big = new Uint8Array(page.bytes.length + 64);
    big.set(page.bytes, 32);
    const view = big.subarray(32, 32 + page.bytes.length);
    const article = await pool.extract(view, { url: page.url, contentType: page.contentType });
    expect(view.byteLength).toBe(page.bytes.length);
    expect(Buffer.from(view).equals(Buffer.from(page.bytes))).toBe(true);
    expect(article.body.wordCount).toBeGreaterThan(50);
  });

  it('passes extraction errors through with their codes', async () => {
    expect((await failureOf(pool.extract(NOT_AN_ARTICLE, { url: 'https://example.test/a' }))).code).toBe('E_NO_ARTICLE');
    const invalid = await failureOf(pool.extract('<p>x</p>', { url: 'not a url' }));
    expect(invalid.code).toBe('E_INVALID_URL');
  });

  it('many pages at once all come back, each with its own article', async () => {
    const pages = SLUGS.map(fixture);
    const articles = await Promise.all(
      Array.from({ length: 9 }, (_, index) => pages[index % pages.length]!).map((page) =>
        pool.extract(page.bytes, { url: page.url, contentType: page.contentType }),
      ),
    );
    articles.forEach((article, index) => expect(article.url).toBe(new URL(pages[index % pages.length]!.url).toString()));
  });
});

describe('a worker that crashes', () => {
  it('fails that one page (E_INTERNAL) and the pool goes on with a new worker', async () => {
    const pool = createExtractPool({ size: 1, workerScript: FAULT_WORKER });
    try {
      const page = fixture('embassy-withdrawal');
      const options = { url: page.url, contentType: page.contentType };
      const before = pool.extract(page.bytes, options);
      const crashed = pool.extract(page.bytes, { ...options, url: faulty(page.url, 'exit') });
      const queuedBehind = pool.extract(page.bytes, options);
      expect((await before).body.wordCount).toBeGreaterThan(50);
      const failure = await failureOf(crashed);
      expect(failure.code).toBe('E_INTERNAL');
      expect(failure.message).toMatch(/worker crashed .*exit code 3/);
      expect(failure.url).toBe(faulty(page.url, 'exit'));
      expect((await queuedBehind).body.wordCount).toBeGreaterThan(50);

      const thrown = await failureOf(pool.extract(page.bytes, { ...options, url: faulty(page.url, 'throw') }));
      expect(thrown.code).toBe('E_INTERNAL');
      expect(thrown.message).toMatch(/worker fault injected by a test/);
      expect((await pool.extract(page.bytes, options)).body.wordCount).toBeGreaterThan(50);
    } finally {
      await pool.close();
    }
  });

  it('fails a page past its time or memory budget with E_EXTRACT_LIMIT; the worker is replaced, the next page extracts', async () => {
    const hung = await faultAndRecovery({ size: 1, limits: { timeMs: 300 } }, 'hang', { timeMs: 120_000 });
    expect(hung.failure.code).toBe('E_EXTRACT_LIMIT');
    expect(hung.failure.message).toMatch(/took more than its 300 ms budget/);
    expect(hung.failure.url).toBe(hung.url);
    expect(hung.nextWordCount).toBeGreaterThan(50);
    const filled = await faultAndRecovery({ size: 1, maxHeapMb: 64 }, 'oom');
    expect(filled.failure.code).toBe('E_EXTRACT_LIMIT');
    expect(filled.failure.message).toMatch(/needed more than the worker's 64 MB heap/);
    expect(filled.nextWordCount).toBeGreaterThan(50);
  });

  it('refuses a page whose estimated memory is over the budget, before parsing it, in a worker and in the main thread', async () => {
    const pool = createExtractPool({ size: 1, limits: { maxMemoryMb: 50 } });
    const page = `<html><body><main>${'<div>row</div>'.repeat(2000)}</main></body></html>`;
    try {
      const inWorker = await failureOf(pool.extract(page, { url: 'https://news.example/rows' }));
      expect(inWorker.code).toBe('E_EXTRACT_LIMIT');
      expect(inWorker.message).toMatch(/would need about \d+ MB to extract, more than the 50 MB a page may use/);
    } finally {
      await pool.close();
    }
    const inProcess = await failureOf(extractArticle(page, { url: 'https://news.example/rows', limits: { maxMemoryMb: 50 } }));
    expect(inProcess.code).toBe('E_EXTRACT_LIMIT');
    const fine = await extractArticle(page, { url: 'https://news.example/rows' }).catch((error: unknown) => error as ChronicleError);
    expect(fine instanceof ChronicleError ? fine.code : 'ok').not.toBe('E_EXTRACT_LIMIT');
  });

  it('extracts a page too heavy for a pool worker in a worker of its own instead of letting it run out of memory', async () => {
    // About 110 MB estimated: more than a 64 MB worker holds, well within the 1024 MB budget.
    const rows = Array.from({ length: 6000 }, (_, index) => `<p>Row ${index} of the long report.</p>`).join('');
    const page = `<html><body><article><h1>Report</h1>${rows}</article></body></html>`;
    const pool = createExtractPool({ size: 1, maxHeapMb: 64 });
    try {
      const [heavy, light] = await Promise.all([
        pool.extract(page, { url: 'https://news.example/report' }),
        pool.extract(fixture('embassy-withdrawal').bytes, { url: fixture('embassy-withdrawal').url }),
      ]);
      expect(heavy.body.text).toContain('Row 5999 of the long report.');
      expect(light.body.wordCount).toBeGreaterThan(50);
    } finally {
      await pool.close();
    }
  });

  it('reads a page of 300,000 comments or line breaks without overflowing the stack', async () => {
    const comments = `<html><body><article><h1>Notes</h1><p>${'The council met on Tuesday. '.repeat(20)}</p>${'<!--x-->'.repeat(300_000)}</article></body></html>`;
    const article = await extractArticle(comments, { url: 'https://news.example/notes' });
    expect(article.body.text).toContain('The council met on Tuesday.');
  });

  it('replaces workers after pagesPerWorker pages without failing any', async () => {
    const pool = createExtractPool({ size: 1, pagesPerWorker: 2 });
    try {
      const page = fixture('windows-1252-harbour-festival');
      const articles = await Promise.all(
        Array.from({ length: 5 }, () => pool.extract(page.bytes, { url: page.url, contentType: page.contentType })),
      );
      expect(new Set(articles.map((article) => article.body.text)).size).toBe(1);
    } finally {
      await pool.close();
    }
  });
});

describe('closing the pool', () => {
  it('fails queued pages with E_INTERRUPTED, then refuses new ones; close is idempotent', async () => {
    const pool: ExtractPool = createExtractPool({ size: 1 });
    const page = fixture('embassy-withdrawal');
    const options = { url: page.url, contentType: page.contentType };
    const pending = [pool.extract(page.bytes, options), pool.extract(page.bytes, options), pool.extract(page.bytes, options)];
    const settled = Promise.allSettled(pending);
    await pool.close();
    const results = await settled;
    for (const result of results) {
      if (result.status === 'rejected') expect((result.reason as ChronicleError).code).toBe('E_INTERRUPTED');
    }
    expect(results.filter((result) => result.status === 'rejected').length).toBeGreaterThanOrEqual(2);
    expect((await failureOf(pool.extract(page.bytes, options))).code).toBe('E_INTERRUPTED');
    await pool.close();
  });

  it('makes scavenges serial while a pool as large as the core count is open, and not for a smaller one', async () => {
    const cores = availableParallelism();
    const before = serialScavengesActive();
    const full = createExtractPool({ size: cores });
    expect(serialScavengesActive()).toBe(true);
    await full.close();
    expect(serialScavengesActive()).toBe(before);
    if (cores > 1) {
      const small = createExtractPool({ size: cores - 1 });
      expect(serialScavengesActive()).toBe(before);
      await small.close();
    }
  });

  it('an unclosed pool does not keep a process alive once its pages are done', async () => {
    const { code, stdout } = await runNode(['--input-type=module', '-e', poolScript({ size: 2, close: false })]);
    expect(code).toBe(0);
    expect(Number(stdout)).toBeGreaterThan(50);
  });

  it('starts its workers when node was given V8 flags (which Node refuses in a worker\'s execArgv)', async () => {
    const script = poolScript({ size: 1, close: true, cli: true });
    const { code, stdout, stderr } = await runNode(['--max-old-space-size=2048', '--stack-trace-limit=20', '--input-type=module', '-e', script]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(Number(stdout)).toBeGreaterThan(50);
  });
});
