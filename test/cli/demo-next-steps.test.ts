/**
 * A newcomer's first hour (issue 20, item 20): `npm run demo` ends with three commands to try on the archive it
 * made, and each of them works as printed; the README says how to run `chronicle` from the clone. Runs the built
 * demo (`npm test` builds first) in a child process, with its archive in a temporary folder.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { childOutput } from '../helpers/child-output.js';
import { runCli } from '../helpers/run-cli.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Splits a printed command line as sh would (plain words and '…' quoting, which is all the demo prints). */
function shellWords(line: string): string[] {
  return [...line.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((match) => (match[1] ?? match[2] ?? '').replace(/'\\''/g, "'"));
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chronicle-demo-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run demo', () => {
  it('prints three commands to try next, and each works on the archive it made', async () => {
    const archiveDir = join(dir, 'demo archive');
    const child = spawn(process.execPath, [join(ROOT, 'dist-tools', 'tools', 'demo', 'run-demo.js')], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', CHRONICLE_ARCHIVE_DIR: archiveDir },
    });
    const demo = await childOutput(child);
    expect(demo.code).toBe(0);
    const commands = demo.stdout.split('\n').filter((line) => line.startsWith('  npx chronicle '));
    expect(commands.map((line) => shellWords(line)[2])).toEqual(['list', 'search', 'show']);
    for (const line of commands) {
      const args = shellWords(line).slice(2);
      expect(args.slice(-2)).toEqual(['--archive-dir', archiveDir]);
      const result = await runCli(args, { cwd: dir });
      expect({ line, code: result.code }).toEqual({ line, code: 0 });
      expect(result.stdout.trim()).not.toBe('');
    }
  }, 180_000);
});

describe('README', () => {
  it('says how to run chronicle from a clone: npx chronicle, or npm link', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const setUp = readme.slice(readme.indexOf('## Set-up'), readme.indexOf('<!-- section:commands -->'));
    expect(setUp).toContain('npx chronicle');
    expect(setUp).toContain('npm link');
    expect(setUp).toMatch(/three commands to try/);
  });
});
