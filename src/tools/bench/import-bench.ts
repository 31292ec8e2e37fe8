/**
 * `npm run bench:import`: `chronicle import` of a generated WARC of 10,000 pages (the corpus pages cycled, or
 * fixtures/pages without a corpus; one gzip member per record, a request and a response per page) into a fresh
 * archive, run as a user runs it. Prints pages/s and the process's peak RSS (VmHWM). Asserts nothing. Linux only.
 *
 * Options (environment): CHRONICLE_CORPUS=DIR, CHRONICLE_BENCH_PAGES=N (default 10000),
 * CHRONICLE_BENCH_WORKERS=N (--workers; default os.availableParallelism()).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpusOrFixtures } from './fixture-pages.js';
import { mb } from './stats.js';
import { runBench, wholeNumberSetting } from './settings.js';
import { runChronicle, writeBenchWarc } from './warc-bench-support.js';

async function main(): Promise<void> {
  const count = wholeNumberSetting('CHRONICLE_BENCH_PAGES', 10_000, 1);
  const workers = wholeNumberSetting('CHRONICLE_BENCH_WORKERS', availableParallelism(), 0);
  if (!existsSync('/proc/self/status')) throw new Error('bench:import reads /proc: it runs on Linux only');
  const { pages, source } = loadCorpusOrFixtures();
  const work = mkdtempSync(join(tmpdir(), 'chronicle-import-bench-'));
  try {
    const warc = join(work, 'bench.warc.gz');
    const bytes = await writeBenchWarc(warc, pages, count);
    process.stdout.write(`import: a WARC of ${count} pages (${mb(bytes)}, cycling through ${pages.length} pages from ${source}), --workers ${workers}\n`);
    const run = await runChronicle(['import', warc, '--archive-dir', join(work, 'archive'), '--workers', String(workers)]);
    const summary = run.stderr.trim().split('\n').pop() ?? '';
    process.stdout.write(`${summary}\n`);
    process.stdout.write(`${(count / run.seconds).toFixed(1)} pages/s (${run.seconds.toFixed(1)} s), peak RSS ${mb(run.peakRss)} (VmHWM), exit ${String(run.exit)}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

runBench('bench:import', main);
