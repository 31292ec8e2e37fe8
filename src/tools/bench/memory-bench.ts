/**
 * `npm run bench:memory`: extracts 10,000 pages (cycling through the corpus, or fixtures/pages when the corpus
 * is absent) through the worker pool, a few pages in flight per worker, and prints the process RSS (main
 * thread + workers) at the start, every 1,000 pages and at its peak. Prints figures; asserts nothing.
 *
 * Options (environment): CHRONICLE_CORPUS=DIR, CHRONICLE_BENCH_PAGES=N (default 10000),
 * CHRONICLE_BENCH_WORKERS=N (default os.availableParallelism()), CHRONICLE_BENCH_SAMPLE_EVERY=N (default 1000).
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createExtractPool } from '../../extract/worker-pool.js';
import { loadCorpusOrFixtures } from './fixture-pages.js';
import { mb, peakRssBytes } from './stats.js';
import { runBench, wholeNumberSetting } from './settings.js';

async function main(): Promise<void> {
  const total = wholeNumberSetting('CHRONICLE_BENCH_PAGES', 10_000, 1);
  const size = wholeNumberSetting('CHRONICLE_BENCH_WORKERS', availableParallelism(), 1);
  const every = wholeNumberSetting('CHRONICLE_BENCH_SAMPLE_EVERY', 1000, 1);
  const { pages, source } = loadCorpusOrFixtures();
  process.stdout.write(`memory: ${total} pages cycling through ${pages.length} from ${source}, pool of ${size} workers\n`);
  const pool = createExtractPool({ size });
  const started = performance.now();
  let peak = process.memoryUsage().rss;
  const sample = (label: string): void => {
    const rss = process.memoryUsage().rss;
    peak = Math.max(peak, rss);
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`${label.padEnd(14)} rss ${mb(rss).padStart(7)}   ${seconds.toFixed(0).padStart(5)} s\n`);
  };
  sample('start');
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 250);

  let next = 0;
  let done = 0;
  let failed = 0;
  const inFlight = size * 2;
  const worker = async (): Promise<void> => {
    while (next < total) {
      const page = pages[next++ % pages.length]!;
      try {
        await pool.extract(page.bytes, { url: page.url });
      } catch {
        failed++;
      }
      done++;
      if (done % every === 0) sample(`${done} pages`);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  clearInterval(sampler);
  await pool.close();
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `peak rss ${mb(Math.max(peak, peakRssBytes()))} (sampled every 250 ms, and the OS's maxRSS); ` +
      `${done} pages (${failed} without an article) in ${seconds.toFixed(0)} s, ${(done / seconds).toFixed(1)} pages/s\n`,
  );
}

runBench('bench:memory:pool', main);
