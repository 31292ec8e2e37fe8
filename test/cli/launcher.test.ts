/**
 * bin/chronicle run as a program (as npm's bin link runs it): sh sets MALLOC_ARENA_MAX unless it is set, then
 * execs node on the same file. Needs the build (`npm test` builds in pretest) and a POSIX sh.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { childOutput } from '../helpers/child-output.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'chronicle');
const linux = process.platform === 'linux' ? it : it.skip;
const posix = process.platform === 'win32' ? it.skip : it;

/** PATH with this node's folder first: the launcher execs `node` from PATH, as a shell would. */
const PATH = `${dirname(process.execPath)}:${process.env.PATH ?? ''}`;

function start(args: string[], env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  return spawn(BIN, args, { env: { PATH, NO_COLOR: '1', ...env } });
}

/** argv and environment of a running process, once it is node (the launcher's sh has exec'd). */
async function nodeProcess(pid: number): Promise<{ argv: string[]; env: string[] }> {
  for (let tries = 0; tries < 200; tries++) {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((part) => part !== '');
    if (argv[0] !== undefined && basename(argv[0]).startsWith('node')) {
      return { argv, env: readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0') };
    }
    await sleep(25);
  }
  throw new Error(`process ${pid} never became node`);
}

describe('bin/chronicle as a program', () => {
  let archiveDir: string;
  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'cli', 'program.js'))) throw new Error('run `npm run build` first');
    archiveDir = await mkdtemp(join(tmpdir(), 'chronicle-launcher-'));
  });
  afterAll(async () => {
    if (archiveDir) await rm(archiveDir, { recursive: true, force: true });
  });

  linux('becomes node on the same file in the same process, with MALLOC_ARENA_MAX=2 unless the caller set it', async () => {
    for (const [env, expected] of [[{}, 'MALLOC_ARENA_MAX=2'], [{ MALLOC_ARENA_MAX: '8' }, 'MALLOC_ARENA_MAX=8']] as const) {
      // archive reading its list from stdin waits while stdin is open.
      const child = start(['archive', '--archive-dir', archiveDir, '-i', '-'], env);
      const done = childOutput(child);
      const seen = await nodeProcess(child.pid!);
      expect(seen.argv[1]).toBe(BIN);
      expect(seen.argv.slice(2)).toEqual(['archive', '--archive-dir', archiveDir, '-i', '-']);
      expect(seen.env).toContain(expected);
      child.stdin.end();
      expect((await done).code).toBe(0);
    }
  });

  posix('passes the exit code and the streams through', async () => {
    const version = await childOutput(start(['--version'], {}));
    expect(version).toMatchObject({ code: 0, stderr: '' });
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const bad = await childOutput(start(['--no-such-flag'], {}));
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/unknown option '--no-such-flag'/);
  });
});
