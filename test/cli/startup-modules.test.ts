/**
 * The extraction modules (jsdom, Readability, cheerio, sanitize-html) are loaded by the thread that extracts, on
 * its first page, and by nothing else: `--version`, `list` and the main thread of `archive` with extraction
 * workers never load them (they cost about a second and 40 MB). Each case runs the built CLI in a fresh node
 * and reports which CommonJS packages were loaded in its main thread. Needs the build (`npm test` builds first).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { useFaultHost } from '../helpers/fault-server.js';
import { childOutput } from '../helpers/child-output.js';
import { useTempDir } from '../helpers/lifecycle.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PROGRAM = pathToFileURL(join(ROOT, 'dist', 'cli', 'program.js')).href;
const MARK = 'LOADED-PACKAGES ';

/** Runs `chronicle ARGS` in a fresh node; the packages of jsdom and Readability loaded in its main thread. */
function runFresh(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; loaded: string[] }> {
  const script = `
    import { createRequire } from 'node:module';
    const { run } = await import(${JSON.stringify(PROGRAM)});
    const code = await run(['node', 'chronicle', ...${JSON.stringify(args)}]);
    const cache = Object.keys(createRequire(import.meta.url).cache);
    const loaded = ['jsdom', '@mozilla/readability', 'playwright-core'].filter((name) =>
      cache.some((path) => path.split(/[\\\\/]/).join('/').includes('/node_modules/' + name + '/')));
    process.stderr.write(${JSON.stringify(MARK)} + JSON.stringify(loaded) + '\\n');
    process.exitCode = code;
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
  });
  return childOutput(child).then(({ code, stdout, stderr }) => {
    const line = stderr.split('\n').find((text) => text.startsWith(MARK));
    if (line === undefined) throw new Error(`no module report; exit ${String(code)}; stderr: ${stderr}`);
    return { code, stdout, stderr, loaded: JSON.parse(line.slice(MARK.length)) as string[] };
  });
}

const host = useFaultHost();
const dir = useTempDir('chronicle-startup-');

describe('extraction modules (and the browser driver) load only where pages are extracted (or rendered)', () => {
  it('--version loads neither jsdom nor Readability', async () => {
    const version = await runFresh(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(version.loaded).toEqual([]);
  });

  it('archive with an extraction worker archives the pages without loading them in the main thread; nor does list', async () => {
    const archive = join(dir, 'a');
    const result = await runFresh(['archive', host.url('/ok/worker'), host.url('/ok/worker-2'), '--workers', '1', '--archive-dir', archive]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ok {4}http:\/\/127\.0\.0\.1:\d+\/ok\/worker(-2)? /);
    expect(result.loaded).toEqual([]);
    const list = await runFresh(['list', '--archive-dir', archive]);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('/ok/worker');
    expect(list.loaded).toEqual([]);
  });

  it('a single URL extracts in the main thread whatever --workers says, as the help promises', async () => {
    const result = await runFresh(['archive', host.url('/ok/single'), '--workers', '4', '--archive-dir', join(dir, 'c')]);
    expect(result.code).toBe(0);
    expect(result.loaded).toEqual(['jsdom', '@mozilla/readability']);
  });

  it('--workers has an upper bound (16): more is a one-line usage error', async () => {
    const result = await runFresh(['archive', host.url('/ok/many'), host.url('/ok/many-2'), '--workers', '200', '--archive-dir', join(dir, 'd')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^chronicle: E_USAGE: option '--workers <n>' argument '200' is invalid\. expected 0 to 16/);
  });

  it('archive --workers 0 extracts in the main thread, which then loads them (on the first page)', async () => {
    const result = await runFresh(['archive', host.url('/ok/in-process'), '--workers', '0', '--archive-dir', join(dir, 'b')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ok {4}http:\/\/127\.0\.0\.1:\d+\/ok\/in-process /);
    expect(result.loaded).toEqual(['jsdom', '@mozilla/readability']);
  });

  it('check --workers N extracts a batch in worker threads, as archive does', async () => {
    const archive = join(dir, 'check-workers');
    const result = await runFresh(['check', host.url('/ok/check-worker'), host.url('/ok/check-worker-2'), '--workers', '1', '--json', '--archive-dir', archive]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatchObject({ ok: true, new: true, changed: false });
    expect(result.loaded).toEqual([]);
  });

  it('check --workers 0 extracts in the main thread; past 16 is a one-line usage error', async () => {
    const archive = join(dir, 'check-main');
    const result = await runFresh(['check', host.url('/ok/check-main'), host.url('/ok/check-main-2'), '--workers', '0', '--archive-dir', archive]);
    expect(result.code).toBe(0);
    expect(result.loaded).toEqual(['jsdom', '@mozilla/readability']);
    const tooMany = await runFresh(['check', host.url('/ok/check-many'), '--workers', '17', '--archive-dir', archive]);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toMatch(/^chronicle: E_USAGE: option '--workers <n>' argument '17' is invalid\. expected 0 to 16/);
  });

  (existsSync('/usr/bin/chromium') ? it : it.skip)('playwright-core loads only when a page is rendered (--render)', async () => {
    // Two URLs, so that extraction runs in the worker (a single URL extracts in the main thread).
    const result = await runFresh(['archive', host.url('/ok/rendered'), host.url('/ok/rendered-2'), '--workers', '1', '--render', 'always', '--archive-dir', join(dir, 'e')]);
    expect(result.code).toBe(0);
    expect(result.loaded).toEqual(['playwright-core']);
  });
});
