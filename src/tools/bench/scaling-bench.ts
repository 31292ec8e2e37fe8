/**
 * `npm run bench:scaling`: what the machine gives a second extraction, with nothing shared. Runs `extractArticle`
 * over the same corpus pages in one process alone, then in two processes at once (each its own Node, heap and
 * jsdom), and prints pages/s for both and their ratio — the ceiling for `archive --workers 2` over
 * `--workers 1`, which also shares one process. For comparison, the same for a pure arithmetic loop (no memory
 * traffic). Also how many cores the lone process keeps busy (V8 collects garbage on helper threads), and the
 * ceiling that leaves for two. Prints figures; asserts nothing.
 *
 * Options (environment): CHRONICLE_CORPUS=DIR, CHRONICLE_BENCH_PAGES=N pages per process (default 120, the
 * heaviest corpus pages left out so one page does not decide the figure).
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setImmediate as turn } from 'node:timers/promises';
import { extractArticle } from '../../extract/extract-article.js';
import { corpusRoot, loadCorpus } from './corpus.js';
import { runBench, wholeNumberSetting } from './settings.js';
import { table } from './stats.js';

const HEAVIEST = /reddit|wikipedia-2|youtube/;

/** The CPUs this process may use. */
const cpuCount = (): number => availableParallelism();

const released = (): Promise<void> => {
  process.stdout.write('ready\n');
  return new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
};

async function child(kind: string, limit: number): Promise<void> {
  if (kind === 'spin') {
    await released();
    const cpu = process.cpuUsage();
    let sum = 0;
    for (let index = 0; index < 6e8; index++) sum += index % 7;
    if (sum < 0) process.stdout.write('impossible\n');
    reportCpu(cpu);
    return;
  }
  const pages = (loadCorpus(corpusRoot()) ?? []).filter((page) => !HEAVIEST.test(page.name)).slice(0, limit);
  for (const page of pages.slice(0, 30)) await extractArticle(page.bytes, { url: page.url }).catch(() => null);
  await released();
  const cpu = process.cpuUsage();
  for (const page of pages) {
    await extractArticle(page.bytes, { url: page.url }).catch(() => null);
    await turn();
  }
  process.stdout.write(`pages ${pages.length}\n`);
  reportCpu(cpu);
}

/** CPU seconds this process used since `since`, on all its threads (V8's GC and compiler threads too). */
function reportCpu(since: NodeJS.CpuUsage): void {
  const used = process.cpuUsage(since);
  process.stdout.write(`cpu ${(used.user + used.system) / 1e6}\n`);
}

/** Starts `count` children of `kind`, releases them together once all are warm, and times them. */
async function together(kind: string, count: number, limit: number): Promise<{ seconds: number; units: number; cpu: number }> {
  const script = fileURLToPath(import.meta.url);
  const children = Array.from({ length: count }, () => spawn(process.execPath, [...process.execArgv, script, kind, String(limit)], { stdio: ['pipe', 'pipe', 'inherit'] }));
  const outputs = children.map(() => '');
  const ready = children.map(
    (proc, index) =>
      new Promise<void>((resolve) => {
        proc.stdout.on('data', (chunk: Buffer) => {
          outputs[index] += chunk.toString();
          if (outputs[index]!.includes('ready')) resolve();
        });
      }),
  );
  await Promise.all(ready);
  const started = performance.now();
  for (const proc of children) proc.stdin.end('go\n');
  await Promise.all(children.map((proc) => new Promise((resolve) => proc.once('close', resolve))));
  const seconds = (performance.now() - started) / 1000;
  const units = kind === 'spin' ? count : outputs.reduce((total, output) => total + Number(/pages (\d+)/.exec(output)?.[1] ?? 0), 0);
  const cpu = outputs.reduce((total, output) => total + Number(/cpu ([\d.]+)/.exec(output)?.[1] ?? 0), 0);
  return { seconds, units, cpu };
}

async function main(): Promise<void> {
  const kind = process.argv[2];
  if (kind !== undefined) return child(kind, Number(process.argv[3]));
  const limit = wholeNumberSetting('CHRONICLE_BENCH_PAGES', 120, 1);
  if (loadCorpus(corpusRoot()) === null) {
    process.stdout.write(`bench:scaling: no corpus at ${corpusRoot()} (set CHRONICLE_CORPUS=DIR); skipped\n`);
    return;
  }
  const rows: string[][] = [];
  for (const [label, work] of [['extractArticle', 'extract'], ['arithmetic loop', 'spin']] as const) {
    const one = await together(work, 1, limit);
    const two = await together(work, 2, limit);
    const rate = (run: { seconds: number; units: number }): number => run.units / run.seconds;
    const cores = one.cpu / one.seconds;
    rows.push([
      label, rate(one).toFixed(2), rate(two).toFixed(2), `${(rate(two) / rate(one)).toFixed(2)}x`, cores.toFixed(2),
      `${Math.min(cpuCount(), cores > 0 ? cpuCount() / cores : cpuCount()).toFixed(2)}x`,
    ]);
  }
  process.stdout.write('two processes at once vs one alone (units/s: pages, or loops for the arithmetic)\n');
  process.stdout.write(`${table(['work', '1 process', '2 processes', 'ratio', 'cores busy (1 process)', 'ceiling'], rows)}\n`);
  process.stdout.write(
    `cores busy: CPU time / wall time of the lone process (its GC and compiler threads count); ceiling: ${cpuCount()} cores / that,\n` +
      'the most two such processes can get from this machine together.\n',
  );
}

runBench('bench:scaling', main);
