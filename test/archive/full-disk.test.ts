import { afterEach, beforeEach, expect, jest, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { promises as fsPromises, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { runCli as runArchiveCli, tempRoot } from '../helpers/archive.js';
import { useFaultHost } from '../helpers/fault-server.js';
import { ndjson, runCli } from '../helpers/run-cli.js';

/**
 * Issue 20, item 11: a disk that fills during a batch stops the run from taking new URLs after the first
 * ENOSPC / SQLITE_FULL, says so, and exits 6 — instead of fetching every remaining URL only to fail it.
 */

const URLS = 30;
const host = useFaultHost();
let temp: ReturnType<typeof tempRoot>;
beforeEach(() => {
  temp = tempRoot();
  mkdirSync(temp.base, { recursive: true });
});
afterEach(() => {
  jest.restoreAllMocks();
  temp.remove();
});

function writeList(prefix: string): string {
  const list = join(temp.base, 'urls.txt');
  writeFileSync(list, Array.from({ length: URLS }, (_, i) => host.url(`/ok/${prefix}-${i}`)).join('\n') + '\n');
  return list;
}

const fetchedPaths = (prefix: string): number => [...host.hits.keys()].filter((path) => path.startsWith(`/ok/${prefix}-`)).length;

function expectStoppedEarly(result: Awaited<ReturnType<typeof runCli>>, prefix: string, code: string): void {
  expect(result.code).toBe(6);
  expect(result.stderr).toMatch(new RegExp(`chronicle: E_ARCHIVE: the archive's storage is full \\(${code}\\): took no new URLs after the first failed write`));
  expect(result.stderr).not.toMatch(/interrupted/);
  const lines = ndjson(result.stdout);
  const failed = lines.filter((line) => line.ok === false);
  expect(failed.length).toBeGreaterThanOrEqual(1);
  // Only the URLs already in flight (at most --concurrency 2) fail after the first one.
  expect(failed.length).toBeLessThanOrEqual(3);
  expect(lines.length).toBeLessThan(URLS / 2);
  expect(fetchedPaths(prefix)).toBeLessThan(URLS / 2);
}

test('ENOSPC from a file write: stop after the first, report, exit 6', async () => {
  const list = writeList('enospc');
  const realOpen = fsPromises.open.bind(fsPromises);
  let writes = 0;
  jest.spyOn(fsPromises, 'open').mockImplementation((async (path: Parameters<typeof fsPromises.open>[0], flags?: string | number, mode?: number) => {
    if (String(path).startsWith(temp.root) && flags === 'wx' && String(path).endsWith('snapshot.json') && ++writes > 3) {
      throw Object.assign(new Error(`ENOSPC: no space left on device, open '${String(path)}'`), { code: 'ENOSPC', errno: -28, syscall: 'open' });
    }
    return realOpen(path, flags, mode);
  }) as typeof fsPromises.open);
  const result = await runCli(['archive', '--json', '-i', list, '--workers', '0', '--concurrency', '2', '--archive-dir', temp.root]);
  expectStoppedEarly(result, 'enospc', 'ENOSPC');
  expect(ndjson(result.stdout).filter((line) => line.ok === true)).toHaveLength(3);
}, 120_000);

/** The index answers the first `count` reservations, then SQLITE_FULL as a full disk would. */
function failReservationsAfter(count: number): void {
  const realReserve = SqliteIndex.prototype.reserve;
  let reservations = 0;
  jest.spyOn(SqliteIndex.prototype, 'reserve').mockImplementation(function (this: SqliteIndex, ...args: Parameters<SqliteIndex['reserve']>) {
    if (++reservations > count) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    return realReserve.apply(this, args);
  });
}

test('SQLITE_FULL from the index: stop after the first, report, exit 6', async () => {
  const list = writeList('sqlitefull');
  failReservationsAfter(2);
  const result = await runCli(['archive', '--json', '-i', list, '--workers', '0', '--concurrency', '2', '--archive-dir', temp.root]);
  expectStoppedEarly(result, 'sqlitefull', 'SQLITE_FULL');
}, 120_000);

test('check stops the same way (SQLITE_FULL), exit 6', async () => {
  const list = writeList('checkfull');
  failReservationsAfter(2);
  const result = await runCli(['check', '--json', '-i', list, '--concurrency', '2', '--archive-dir', temp.root]);
  expectStoppedEarly(result, 'checkfull', 'SQLITE_FULL');
}, 120_000);

/** A real full file system: a tiny tmpfs. Needs the right to mount (root in CI); skipped with a message otherwise. */
function mountTinyTmpfs(target: string, size: string): boolean {
  try {
    mkdirSync(target, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', target], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('a real full tmpfs: stops after the first ENOSPC, exits 6; the full archive stays readable and verifies', async () => {
  const mountPoint = join(temp.base, 'tiny');
  if (!mountTinyTmpfs(mountPoint, '400k')) {
    console.log('skipped: cannot mount a tmpfs here (needs root and mount rights)');
    return;
  }
  try {
    const list = writeList('tmpfs');
    const root = join(mountPoint, 'archive');
    const result = await runCli(['archive', '--json', '-i', list, '--workers', '0', '--concurrency', '2', '--archive-dir', root]);
    expect(result.code).toBe(6);
    expect(result.stderr).toMatch(/the archive's storage is full \((ENOSPC|SQLITE_FULL)\)/);
    expect(ndjson(result.stdout).length).toBeLessThan(URLS / 2);
    expect(fetchedPaths('tmpfs')).toBeLessThan(URLS / 2);
    // Item 7: the full archive stays readable, and what was archived verifies.
    const saved = ndjson(result.stdout).filter((line) => line.ok === true).length;
    const verify = await runArchiveCli(['verify', '--archive-dir', root]);
    expect(verify.stderr + verify.stdout).toMatch(new RegExp(`^OK: ${saved} snapshots? verified`));
    const listed = await runArchiveCli(['list', '--json', '--archive-dir', root]);
    expect(listed.code).toBe(0);
    expect(listed.stdout.trim().split('\n').filter((line) => line !== '')).toHaveLength(saved);
  } finally {
    execFileSync('umount', ['-l', mountPoint], { stdio: 'ignore' });
    rmSync(mountPoint, { recursive: true, force: true });
  }
}, 120_000);
