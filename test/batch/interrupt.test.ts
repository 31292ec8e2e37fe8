import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { run } from '../../src/cli/program.js';
import { openArchive } from '../../src/archive/index.js';
import { useFaultHost } from '../helpers/fault-server.js';

/**
 * Ctrl-C and SIGTERM against a real child process (bin/chronicle runs the built dist/: `npm run build` first,
 * which `npm test` does through pretest).
 */
const bin = resolve('bin/chronicle');
const host = useFaultHost();


interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts `chronicle archive -i - --json`, writes the lines to its stdin and keeps stdin open (like a
 * producer still writing), sends `signal` once `after` result lines have arrived on stdout.
 */
function runAndInterrupt(args: string[], lines: string[], after: number, signal: NodeJS.Signals): Promise<ChildRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bin, 'archive', '-i', '-', '--json', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (!sent && stdout.split('\n').filter((line) => line !== '').length >= after) {
        sent = true;
        child.kill(signal);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    // A child that does not exit after the signal would outlive the test: kill it, and the test fails on its code.
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(watchdog);
      resolvePromise({ code, stdout, stderr });
    });
    child.stdin.write(lines.join('\n') + '\n');
  });
}

async function assertArchiveIntact(root: string, okDirs: string[]): Promise<void> {
  for (const dir of okDirs) {
    for (const file of ['snapshot.json', 'raw.html', 'article.html']) expect(existsSync(join(dir, file))).toBe(true);
  }
  const leftovers = existsSync(join(root, 'tmp')) ? await readdir(join(root, 'tmp')) : [];
  expect(leftovers).toEqual([]);
  const archive = await openArchive(root, { create: false });
  try {
    expect(await archive.verify()).toEqual([]);
    expect(await archive.list()).toHaveLength(okDirs.length);
  } finally {
    archive.close();
  }
}

describe('archive interrupted', () => {
  it('SIGINT: takes no new URLs, lets the ones in flight finish, prints the summary and exits 130', async () => {
    const root = join(await mkdtemp(join(tmpdir(), 'chronicle-sigint-')), 'archive');
    const lines = [
      host.url('/ok/int-1'),
      host.url('/ok/int-2'),
      host.url('/slow-headers/int-3?ms=600'),
      host.url('/slow-headers/int-4?ms=600'),
      ...Array.from({ length: 20 }, (_, index) => host.url(`/ok/never-${index}`)),
    ];
    // With 2 slots, lines 3 and 4 start as 1 and 2 finish; the signal comes while they are in flight, so no
    // slot is free for lines 5+ before it: any of them reported would be a URL taken after the signal.
    const result = await runAndInterrupt(['--archive-dir', root, '--concurrency', '2', '--grace-ms', '10000'], lines, 2, 'SIGINT');
    expect(result.code).toBe(130);
    const out = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { url: string; ok: boolean; dir?: string });
    // Lines 3 and 4 were in flight when the signal came: they finished within the grace period.
    expect(out.map((line) => line.url).sort()).toEqual(lines.slice(0, 4).sort());
    expect(out.every((line) => line.ok)).toBe(true);
    expect(result.stderr).toContain('SIGINT: taking no new URLs');
    expect(result.stderr).toMatch(/chronicle: interrupted: archived 4, skipped 0, duplicates 0, failed 0 in \d+\.\d s/);
    await assertArchiveIntact(root, out.map((line) => line.dir!));
  }, 60_000);

  it('SIGTERM: abandons what is still in flight after the grace period, cleanly, and exits 130', async () => {
    const root = join(await mkdtemp(join(tmpdir(), 'chronicle-sigterm-')), 'archive');
    const lines = [
      host.url('/ok/term-1'),
      host.url('/slow-headers/term-2?ms=20000'),
      host.url('/stall/term-3'),
      ...Array.from({ length: 10 }, (_, index) => host.url(`/ok/term-never-${index}`)),
    ];
    // Lines 1 and 2 start; line 3 takes line 1's slot; the signal comes with 2 and 3 in flight.
    const result = await runAndInterrupt(['--archive-dir', root, '--concurrency', '2', '--grace-ms', '200'], lines, 1, 'SIGTERM');
    expect(result.code).toBe(130);
    const out = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { url: string; ok: boolean; dir?: string; error?: { code: string } });
    const byUrl = new Map(out.map((line) => [line.url, line]));
    expect(byUrl.get(lines[0]!)).toMatchObject({ ok: true });
    expect(byUrl.get(lines[1]!)).toMatchObject({ ok: false, error: { code: 'E_INTERRUPTED' } });
    expect(byUrl.get(lines[2]!)).toMatchObject({ ok: false, error: { code: 'E_INTERRUPTED' } });
    expect(out).toHaveLength(3);
    expect(result.stderr).toMatch(/interrupted: archived 1, .*failed 2 \(E_INTERRUPTED 2\)/);
    await assertArchiveIntact(root, [byUrl.get(lines[0]!)!.dir!]);
  }, 60_000);
});

describe('archive and check with stdout closed by their reader', () => {
  it.each([
    ['archive', 'archived'],
    ['check', 'checked'],
  ])('%s stops taking URLs when stdout fails with EPIPE (… | head -1), without a crash', async (command, done) => {
    const root = join(await mkdtemp(join(tmpdir(), 'chronicle-epipe-')), 'archive');
    const lines = Array.from({ length: 40 }, (_, index) => host.url(`/ok/pipe-${command}-${index}`));
    let writes = 0;
    // Like a pipe whose reader (head -1) went away after the first line.
    const stdout = new Writable({
      write(_chunk, _encoding, callback) {
        writes++;
        if (writes === 1) callback();
        else callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const stderr = new PassThrough();
    let errText = '';
    stderr.on('data', (chunk: Buffer) => {
      errText += chunk.toString('utf8');
    });
    const stdin = new PassThrough();
    stdin.end(lines.join('\n') + '\n');
    const code = await run(['node', 'chronicle', command, '-i', '-', '--json', '--concurrency', '1', '--workers', '0', '--archive-dir', root], {
      stdout,
      stderr,
      stdin,
      env: {},
      stderrIsTTY: false,
      stdoutIsTTY: false,
      cwd: process.cwd(),
    });
    expect(code).toBe(130);
    expect(errText).toMatch(new RegExp(`^chronicle: interrupted: ${done} \\d+`, 'm'));
    expect(errText).not.toContain('cannot write');
    expect(writes).toBeLessThan(5);
    const archive = await openArchive(root, { create: false });
    try {
      expect(await archive.verify()).toEqual([]);
      expect((await archive.list()).length).toBeLessThan(5);
    } finally {
      archive.close();
    }
  }, 60_000);
});
