/**
 * No Chromium process outlives a run of `chronicle archive --render always`: after a normal run, after Ctrl-C
 * (SIGINT to the CLI), and when the browser is killed mid-run — then the pages in flight fail with E_RENDER,
 * a new browser is started and the run goes on. Runs the built CLI (`npm test` builds first) and follows its
 * process tree through /proc. Needs Chromium and Linux (skips otherwise).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it, jest } from '@jest/globals';
import { startScriptedSite } from '../../src/tools/dev/scripted-site.js';
import { childOutput, type ChildOutput } from '../helpers/child-output.js';
import { describeWithChromium } from '../helpers/chromium.js';
import { childrenOf, commandOf, isAlive, waitFor, watchDescendants } from '../helpers/process-tree.js';
import { useServer, useTempDir } from '../helpers/lifecycle.js';

jest.setTimeout(240_000);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const describeHere = existsSync('/proc/self/stat') ? describeWithChromium('browser-processes') : describeWithChromium('browser-processes (needs /proc)');

const site = useServer(startScriptedSite);
const dir = useTempDir('chronicle-browser-procs-');

interface Run {
  child: ChildProcess;
  done: Promise<ChildOutput>;
  watch: ReturnType<typeof watchDescendants>;
  stdoutLines(): string[];
}

async function startRun(name: string, pages: number): Promise<Run> {
  const list = join(dir, `${name}.txt`);
  await writeFile(list, Array.from({ length: pages }, (_, index) => `${site.origin}/story/${index}\n`).join(''));
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'chronicle'), 'archive', '-i', list, '--json', '-q', '--workers', '1',
    '--render', 'always', '--render-concurrency', '2', '--grace-ms', '500', '--archive-dir', join(dir, name)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const done = childOutput(child);
  return { child, done, watch: watchDescendants(child.pid!), stdoutLines: () => out.split('\n').filter((line) => line !== '') };
}

/** The browsers the CLI started: its direct children that run Chromium. */
function browsersOf(run: Run): number[] {
  return childrenOf(run.child.pid!).filter((pid) => /chrom/i.test(commandOf(pid)));
}

async function finish(run: Run): Promise<ChildOutput> {
  const output = await run.done;
  run.watch.stop();
  return output;
}

/** Browsers the run started (its Chromium children, alive or not by now). */
function browsersSeen(run: Run): number[] {
  return [...run.watch.children].filter((pid) => /chrom/i.test(run.watch.seen.get(pid) ?? ''));
}

function expectNoneLeft(run: Run): void {
  expect(browsersSeen(run).length).toBeGreaterThan(0);
  const alive = [...run.watch.seen].filter(([pid]) => isAlive(pid)).map(([pid, command]) => `${pid} ${command}`);
  expect(alive).toEqual([]);
}

describeHere('Chromium processes of a --render run', () => {
  it('none is left after a normal run', async () => {
    site.setDelayMs(0);
    const run = await startRun('normal', 4);
    const output = await finish(run);
    expect(output.stderr).toBe('');
    expect(output.code).toBe(0);
    expect(run.stdoutLines()).toHaveLength(4);
    expectNoneLeft(run);
  });

  it('none is left after Ctrl-C (SIGINT to the CLI): exit 130', async () => {
    site.setDelayMs(1500);
    const run = await startRun('sigint', 30);
    await waitFor(() => browsersOf(run).length > 0, 60_000, 'the browser to start');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    run.child.kill('SIGINT');
    const output = await finish(run);
    expect(output.code).toBe(130);
    expect(run.stdoutLines().length).toBeLessThan(30);
    expectNoneLeft(run);
  });

  it('a browser killed mid-run fails only the pages in flight, is restarted, and none is left after', async () => {
    site.setDelayMs(1500);
    const run = await startRun('killed', 8);
    await waitFor(() => run.stdoutLines().length >= 1, 90_000, 'the first page');
    const [first] = browsersOf(run);
    expect(first).toBeDefined();
    const doneBeforeKill = run.stdoutLines().length;
    process.kill(first!, 'SIGKILL');
    const output = await finish(run);
    const lines = run.stdoutLines().map((line) => JSON.parse(line) as { ok: boolean; error?: { code: string } });
    expect(lines).toHaveLength(8);
    const failed = lines.filter((line) => !line.ok);
    expect(failed.every((line) => line.error?.code === 'E_RENDER')).toBe(true);
    expect(failed.length).toBeLessThanOrEqual(2);
    expect(lines.filter((line) => line.ok).length).toBeGreaterThan(doneBeforeKill);
    expect(output.code).toBe(failed.length === 0 ? 0 : 7);
    expect(browsersSeen(run)).toContain(first);
    expect(browsersSeen(run).length).toBe(2);
    expectNoneLeft(run);
  });
});
