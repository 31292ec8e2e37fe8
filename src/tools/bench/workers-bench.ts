/**
 * `npm run bench:workers`: `chronicle archive` of 500 URLs served from 127.0.0.1 (corpus pages, or
 * fixtures/pages without a corpus; no added latency), run as the real CLI (`node bin/chronicle archive -i FILE
 * --workers N`) into a fresh archive, with 1 extraction worker and with 2. Prints pages/s for each and the ratio.
 *
 * This machine's speed drifts by 10-20% over minutes (two runs of the same code a minute apart differed that
 * much), so one run of each is not a measurement: the counts are run in rounds, their order alternating from
 * round to round (1,2 then 2,1 ...), and the figures are the medians over the rounds, with each round's ratio.
 *
 * Options (environment): CHRONICLE_CORPUS=DIR, CHRONICLE_BENCH_URLS=N (default 500),
 * CHRONICLE_BENCH_WORKER_COUNTS=1,2 (worker counts to compare; 0 = extract in the main thread),
 * CHRONICLE_BENCH_ROUNDS=N (default 3).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runArchive, setUpBenchSite } from './local-site.js';
import { median, table } from './stats.js';
import { runBench, wholeNumberSetting, wholeNumbersSetting } from './settings.js';

async function main(): Promise<void> {
  const count = wholeNumberSetting('CHRONICLE_BENCH_URLS', 500, 1);
  const workerCounts = wholeNumbersSetting('CHRONICLE_BENCH_WORKER_COUNTS', [1, 2], 0);
  const rounds = wholeNumberSetting('CHRONICLE_BENCH_ROUNDS', 3, 1);
  const { pages, source, site, work, list } = await setUpBenchSite(count, 'chronicle-workers-bench-');
  process.stdout.write(`workers: archive of ${count} URLs (cycling through ${pages.length} pages from ${source}) over 127.0.0.1\n`);

  const seconds = new Map<number, number[]>(workerCounts.map((workers) => [workers, []]));
  try {
    for (let round = 1; round <= rounds; round++) {
      const order = round % 2 === 1 ? workerCounts : [...workerCounts].reverse();
      const line: string[] = [];
      for (const workers of order) {
        const archiveDir = join(work, `archive-${workers}`);
        const figure = await runArchive({ list, archiveDir, workers });
        seconds.get(workers)!.push(figure.seconds);
        line.push(`--workers ${workers}: ${figure.ok} ok, ${figure.failed} failed in ${figure.seconds.toFixed(1)} s`);
        rmSync(archiveDir, { recursive: true, force: true });
      }
      const [base, ...others] = workerCounts.map((workers) => seconds.get(workers)!.at(-1)!);
      const ratios = others.map((value, index) => `${workerCounts[index + 1]} vs ${workerCounts[0]}: ${(base! / value).toFixed(2)}x`);
      process.stdout.write(`  round ${round}: ${line.join('; ')}; ${ratios.join(', ')}\n`);
    }
  } finally {
    site.close();
    rmSync(work, { recursive: true, force: true });
  }
  const baseSeconds = median(seconds.get(workerCounts[0]!)!);
  process.stdout.write(
    `${table(['workers', 'median s', 'pages/s', `vs ${workerCounts[0]}`], workerCounts.map((workers) => {
      const value = median(seconds.get(workers)!);
      return [String(workers), value.toFixed(1), (count / value).toFixed(1), `${(baseSeconds / value).toFixed(2)}x`];
    }))}\n`,
  );
}

runBench('bench:workers', main);
