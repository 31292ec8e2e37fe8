/**
 * `npm run bench:memory`: the whole CLI over a long batch — `chronicle archive` of 10,000 URLs served from
 * 127.0.0.1 (the corpus pages cycled, or fixtures/pages without a corpus) into a fresh archive: fetching,
 * extraction workers, SQLite index and snapshot writes, as a user runs it. The child's memory is read from
 * /proc every 250 ms: its RSS, printed every 1,000 URLs, the mean, and the
 * kernel's high-water mark (VmHWM: the true peak, not a sample). Prints figures; asserts nothing. Linux only.
 *
 * Options (environment): CHRONICLE_CORPUS=DIR, CHRONICLE_BENCH_URLS=N (default 10000),
 * CHRONICLE_BENCH_WORKERS=N (--workers; default os.availableParallelism()),
 * CHRONICLE_BENCH_SAMPLE_EVERY=N (default 1000).
 */
import { existsSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { runArchive, setUpBenchSite } from './local-site.js';
import { mb, statusBytes } from './stats.js';
import { runBench, wholeNumberSetting } from './settings.js';

async function main(): Promise<void> {
  if (!existsSync('/proc/self/status')) throw new Error('bench:memory reads /proc: it runs on Linux only');
  const count = wholeNumberSetting('CHRONICLE_BENCH_URLS', 10_000, 1);
  const workers = wholeNumberSetting('CHRONICLE_BENCH_WORKERS', availableParallelism(), 0);
  const every = wholeNumberSetting('CHRONICLE_BENCH_SAMPLE_EVERY', 1000, 1);
  const { pages, source, site, work, list } = await setUpBenchSite(count, 'chronicle-memory-bench-');
  process.stdout.write(
    `memory: chronicle archive of ${count} URLs (cycling through ${pages.length} pages from ${source}) over 127.0.0.1, ` +
      `--workers ${workers}\n`,
  );

  let rss = 0;
  let peakRss = 0;
  let hwm = 0;
  let samples = 0;
  let rssTotal = 0;
  const sample = (pid: number): void => {
    rss = statusBytes(pid, 'VmRSS');
    if (rss === 0) return;
    peakRss = Math.max(peakRss, rss);
    hwm = Math.max(hwm, statusBytes(pid, 'VmHWM'));
    samples++;
    rssTotal += rss;
  };
  let timer: NodeJS.Timeout | undefined;
  const started = Date.now();
  try {
    const figures = await runArchive({
      list,
      archiveDir: join(work, 'archive'),
      workers,
      onStart: (child) => {
        timer = setInterval(() => sample(child.pid!), 250);
      },
      onOutcome: (ok, failed) => {
        const done = ok + failed;
        if (done % every !== 0) return;
        const seconds = ((Date.now() - started) / 1000).toFixed(0);
        process.stdout.write(`${`${done} URLs`.padEnd(12)} rss ${mb(rss).padStart(7)}   ${seconds.padStart(5)} s\n`);
      },
    });
    clearInterval(timer);
    process.stdout.write(
      `high-water mark ${mb(hwm)} (VmHWM); ` +
        `sampled rss peak ${mb(peakRss)}, mean ${mb(samples ? rssTotal / samples : 0)}; ` +
        `${figures.ok} archived, ${figures.failed} failed in ${figures.seconds.toFixed(0)} s, ` +
        `${((figures.ok + figures.failed) / figures.seconds).toFixed(1)} URLs/s, exit ${String(figures.exit)}\n`,
    );
  } finally {
    clearInterval(timer);
    site.close();
    rmSync(work, { recursive: true, force: true });
  }
}

runBench('bench:memory', main);
