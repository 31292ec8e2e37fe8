import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openArchive } from '../../src/archive/index.js';
import { tempRoot } from '../helpers/archive.js';
import { makeSave } from '../helpers/save-factory.js';
import { childOutput } from '../helpers/child-output.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * Issue 20, item 7: a read-only archive (a dataset on read-only storage; root's own runs too) is readable:
 * list, search, show, history, diff and verify open the index read-only, or read the files when it cannot be
 * used. Two real ways to make it read-only: a read-only bind mount (EROFS even for root; skipped where mounting
 * is not allowed) and file modes (chmod -R a-w) with the CLI run as a user they bind (as `nobody` when the
 * tests run as root, since root ignores mode bits).
 */

const repo = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const bin = join(repo, 'bin', 'chronicle');
const URL_A = 'https://readonly.example/story';
const URL_B = 'https://readonly.example/other';

let temp: ReturnType<typeof tempRoot>;
let ids: { v1: string; v2: string; b: string };

beforeAll(async () => {
  if (!existsSync(join(repo, 'dist', 'cli', 'program.js'))) throw new Error('run `npm run build` first: these tests start bin/chronicle');
  temp = tempRoot();
  chmodSync(temp.base, 0o755);
  const archive = await openArchive(temp.root);
  const v1 = await archive.save(makeSave({ url: URL_A, title: 'Lighthouse keepers', body: 'The lighthouse keepers voted to stay.', fetchedAt: '2026-11-01T08:00:00.000Z' }));
  const v2 = await archive.save(makeSave({ url: URL_A, title: 'Lighthouse keepers', body: 'The lighthouse keepers voted to leave.', fetchedAt: '2026-11-02T08:00:00.000Z' }));
  const b = await archive.save(makeSave({ url: URL_B, title: 'Harbour tolls', body: 'Harbour tolls rise in spring.', fetchedAt: '2026-11-03T08:00:00.000Z' }));
  archive.close();
  ids = { v1: v1.id, v2: v2.id, b: b.id };
  // A leftover of an interrupted write: verify would remove it, but cannot here.
  mkdirSync(join(temp.root, 'tmp', `${v1.id}.999999999.deadbeef`));
});
afterAll(() => {
  execFileSync('chmod', ['-R', 'u+w', temp.base]);
  temp.remove();
});

type Runner = (args: string[]) => Promise<{ code: number | null; stdout: string; stderr: string }>;

/** Every reading command, and what it must print, on a read-only copy at `root`. */
async function expectReadable(run: Runner, root: string): Promise<void> {
  const at = ['--archive-dir', root];
  const list = await run(['list', '--json', ...at]);
  expect(list).toMatchObject({ code: 0 });
  expect(list.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id)).toEqual([ids.v1, ids.v2, ids.b]);
  const search = await run(['search', 'harbour', '--json', ...at]);
  expect(search.code).toBe(0);
  expect((JSON.parse(search.stdout.trim()) as { id: string }).id).toBe(ids.b);
  const show = await run(['show', URL_A, ...at]);
  expect(show.code).toBe(0);
  expect(show.stdout).toContain('voted to leave');
  for (const format of ['html', 'raw']) expect((await run(['show', ids.v1, '--format', format, ...at])).code).toBe(0);
  const history = await run(['history', URL_A, ...at]);
  expect(history.code).toBe(0);
  expect(history.stdout).toContain('2 versions');
  expect((await run(['diff', URL_A, ...at])).code).toBe(1);
  const verify = await run(['verify', ...at]);
  expect(verify.stdout).toMatch(/^OK: 3 snapshots verified/);
  expect(verify.code).toBe(0);
  for (const result of [list, search, show, history, verify]) expect(result.stderr).not.toMatch(/E_ARCHIVE|unable to open|readonly/);
}

/** Runs bin/chronicle as `nobody` when this process is root (else as itself). */
const asUnprivileged: Runner = async (args) => {
  const root = process.getuid?.() === 0;
  const child = spawn(process.execPath, [bin, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1' },
    ...(root ? { uid: 65534, gid: 65534 } : {}),
  });
  return childOutput(child);
};

/** Whether the unprivileged user can run bin/chronicle at all (node and the clone may sit in root's home). */
async function canRunUnprivileged(): Promise<boolean> {
  const probe = await asUnprivileged(['--version']);
  return probe.code === 0;
}

describe('file modes: chmod -R a-w', () => {
  let usable = true;
  beforeAll(async () => {
    usable = await canRunUnprivileged();
    if (!usable) console.log('skipped: as root, the file-mode tests run chronicle as nobody, who cannot reach node or this clone here');
    execFileSync('chmod', ['-R', 'a-w', temp.root]);
  });
  afterAll(() => {
    execFileSync('chmod', ['-R', 'u+w', temp.root]);
  });

  test('every reading command works, and nothing is created in the archive', async () => {
    if (!usable) return;
    const before = readdirSync(temp.root).sort();
    await expectReadable(asUnprivileged, temp.root);
    expect(readdirSync(temp.root).sort()).toEqual(before);
  }, 120_000);

  test('with the index missing too, the files are read (a notice says so)', async () => {
    if (!usable) return;
    execFileSync('chmod', ['u+w', temp.root]);
    const aside = join(temp.base, 'index.sqlite.aside');
    execFileSync('mv', [join(temp.root, 'index.sqlite'), aside]);
    execFileSync('chmod', ['a-w', temp.root]);
    try {
      const list = await asUnprivileged(['list', '--json', '--archive-dir', temp.root]);
      expect(list.code).toBe(0);
      expect(list.stdout.trim().split('\n')).toHaveLength(3);
      expect(list.stderr).toMatch(/the index cannot be used .* read 3 snapshots from the files/);
      expect(statSync(temp.root).isDirectory()).toBe(true);
    } finally {
      execFileSync('chmod', ['u+w', temp.root]);
      execFileSync('mv', [aside, join(temp.root, 'index.sqlite')]);
      execFileSync('chmod', ['a-w', temp.root]);
    }
  }, 120_000);
});

describe('read-only storage: a read-only bind mount (EROFS, even for root)', () => {
  const mountPoint = (): string => join(temp.base, 'ro-view');
  let mounted = false;
  beforeAll(() => {
    try {
      mkdirSync(mountPoint(), { recursive: true });
      execFileSync('mount', ['--bind', temp.root, mountPoint()], { stdio: 'ignore' });
      mounted = true;
      execFileSync('mount', ['-o', 'remount,bind,ro', mountPoint()], { stdio: 'ignore' });
    } catch {
      if (mounted) execFileSync('umount', ['-l', mountPoint()], { stdio: 'ignore' });
      mounted = false;
    }
  });
  afterAll(() => {
    if (mounted) execFileSync('umount', ['-l', mountPoint()], { stdio: 'ignore' });
    rmSync(mountPoint(), { recursive: true, force: true });
  });

  test('every reading command works in-process on the mount', async () => {
    if (!mounted) {
      console.log('skipped: cannot make a read-only bind mount here (needs root and mount rights)');
      return;
    }
    expect(() => writeFileSync(join(mountPoint(), 'probe'), 'x')).toThrow(/EROFS/);
    await expectReadable((args) => runCli(args), mountPoint());
  }, 120_000);
});
