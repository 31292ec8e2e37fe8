/**
 * `npm run bench:render`: `chronicle archive --render always` of 100 local pages whose article is written by a
 * script after load (src/tools/dev/scripted-site.ts), run as a user runs it (bin/chronicle). Prints pages/s and the
 * peak memory of the whole process tree — the CLI and every Chromium process — sampled from /proc every 100 ms,
 * as the sum of RSS (counts pages shared between Chromium's processes once per process: an upper bound) and
 * of PSS (shared pages divided among their users: the fairer figure). Then checks that no process of the tree
 * outlived the run. Linux only (reads /proc); needs Chromium (CHRONICLE_CHROMIUM or Debian's chromium).
 *
 * Settings: CHRONICLE_BENCH_PAGES (100), CHRONICLE_BENCH_RENDER_CONCURRENCY (2), CHRONICLE_BENCH_WORKERS (1).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startScriptedSite } from '../dev/scripted-site.js';
import { descendantsOf, isAlive } from './process-tree.js';
import { runBench, wholeNumberSetting } from './settings.js';

function treeOf(root: number): number[] {
  return [root, ...descendantsOf(root)];
}

/** kB of one field of /proc/PID/<file>, 0 when the process is gone. */
function kb(pid: number, file: string, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/${file}`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const pages = wholeNumberSetting('CHRONICLE_BENCH_PAGES', 100, 1);
  const renderConcurrency = wholeNumberSetting('CHRONICLE_BENCH_RENDER_CONCURRENCY', 2, 1);
  const workers = wholeNumberSetting('CHRONICLE_BENCH_WORKERS', 1, 0);
  const site = await startScriptedSite();
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-render-bench-'));
  const list = join(dir, 'urls.txt');
  writeFileSync(list, Array.from({ length: pages }, (_, index) => `${site.origin}/story/${index}\n`).join(''));
  const args = ['archive', '-i', list, '--archive-dir', join(dir, 'archive'), '--json', '--quiet', '--render', 'always',
    '--render-concurrency', String(renderConcurrency), '--workers', String(workers), '--per-host', String(Math.max(2, renderConcurrency))];
  process.stdout.write(`chronicle render benchmark: ${pages} scripted pages, archive --render always --render-concurrency ${renderConcurrency} --workers ${workers}\n`);

  const started = performance.now();
  const child = spawn(process.execPath, [resolve('bin/chronicle'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let ok = 0;
  let failed = 0;
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') (line.includes('"ok":true') ? ok++ : failed++);
  });
  const seen = new Set<number>();
  let peakRss = 0;
  let peakPss = 0;
  let peakProcesses = 0;
  const sample = (): void => {
    const tree = treeOf(child.pid!);
    for (const pid of tree) seen.add(pid);
    peakProcesses = Math.max(peakProcesses, tree.length);
    peakRss = Math.max(peakRss, tree.reduce((sum, pid) => sum + kb(pid, 'status', 'VmRSS'), 0));
    peakPss = Math.max(peakPss, tree.reduce((sum, pid) => sum + kb(pid, 'smaps_rollup', 'Pss'), 0));
  };
  const timer = setInterval(sample, 100);
  const exit = await new Promise<number | string | null>((done) => child.on('exit', (code, signal) => done(code ?? signal)));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  await new Promise((done) => setTimeout(done, 500));
  const leftover = [...seen].filter((pid) => pid !== child.pid && isAlive(pid));

  process.stdout.write(`archived ${ok}, failed ${failed}, exit ${String(exit)} in ${seconds.toFixed(1)} s: ${(ok / seconds).toFixed(2)} pages/s\n`);
  process.stdout.write(`peak memory of the CLI and Chromium (${peakProcesses} processes at most): PSS ${(peakPss / 1024).toFixed(0)} MB, RSS sum ${(peakRss / 1024).toFixed(0)} MB\n`);
  process.stdout.write(`processes left after the run: ${leftover.length === 0 ? 'none' : leftover.join(', ')} (of ${seen.size - 1} seen below the CLI)\n`);
  await site.close();
  rmSync(dir, { recursive: true, force: true });
  if (leftover.length > 0 || exit !== 0) process.exitCode = 1;
}

runBench('bench:render', main);
