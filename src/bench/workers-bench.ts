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
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCorpusOrFixtures } from './fixture-pages.js';
import { median, table } from './stats.js';

interface RunFigures {
  seconds: number;
  ok: number;
  failed: number;
}

async function main(): Promise<void> {
  const count = Number(process.env.CHRONICLE_BENCH_URLS ?? 500);
  const workerCounts = (process.env.CHRONICLE_BENCH_WORKER_COUNTS ?? '1,2').split(',').map(Number);
  const { pages, source } = loadCorpusOrFixtures();
  const server = createServer((request, response) => {
    const match = /^\/page\/(\d+)$/.exec(new URL(request.url ?? '/', 'http://localhost').pathname);
    const page = match ? pages[Number(match[1]) % pages.length] : undefined;
    if (!page) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(page.bytes.byteLength) }).end(page.bytes);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const work = mkdtempSync(join(tmpdir(), 'chronicle-workers-bench-'));
  const list = join(work, 'urls.txt');
  writeFileSync(list, Array.from({ length: count }, (_, index) => `http://127.0.0.1:${port}/page/${index}\n`).join(''));
  process.stdout.write(`workers: archive of ${count} URLs (cycling through ${pages.length} pages from ${source}) over 127.0.0.1\n`);

  const rounds = Math.max(1, Number(process.env.CHRONICLE_BENCH_ROUNDS ?? 3));
  const seconds = new Map<number, number[]>(workerCounts.map((workers) => [workers, []]));
  try {
    for (let round = 1; round <= rounds; round++) {
      const order = round % 2 === 1 ? workerCounts : [...workerCounts].reverse();
      const line: string[] = [];
      for (const workers of order) {
        const archiveDir = join(work, `archive-${workers}`);
        const figure = await archiveRun(list, archiveDir, workers);
        seconds.get(workers)!.push(figure.seconds);
        line.push(`--workers ${workers}: ${figure.ok} ok, ${figure.failed} failed in ${figure.seconds.toFixed(1)} s`);
        rmSync(archiveDir, { recursive: true, force: true });
      }
      const [base, ...others] = workerCounts.map((workers) => seconds.get(workers)!.at(-1)!);
      const ratios = others.map((value, index) => `${workerCounts[index + 1]} vs ${workerCounts[0]}: ${(base! / value).toFixed(2)}x`);
      process.stdout.write(`  round ${round}: ${line.join('; ')}; ${ratios.join(', ')}\n`);
    }
  } finally {
    server.close();
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

/** Runs the built CLI; counts NDJSON outcomes on its stdout. */
function archiveRun(list: string, archiveDir: string, workers: number): Promise<RunFigures> {
  const args = [
    resolve('bin/chronicle'), 'archive', '-i', list, '--archive-dir', archiveDir, '--json', '--quiet',
    '--workers', String(workers), '--concurrency', '8', '--per-host', '8',
  ];
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let buffered = '';
  let ok = 0;
  let failed = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.includes(`"ok":true`)) ok++;
      else if (line.trim() !== '') failed++;
    }
  });
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('exit', () => done({ seconds: (performance.now() - started) / 1000, ok, failed }));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:workers: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
