/**
 * The built CLI (bin/chronicle → dist/, built by `npm test`'s pretest) run as a real process: exit codes
 * and streams of check and diff as a shell script sees them.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childOutput, type ChildOutput } from '../helpers/child-output.js';
import { STORY_PAGES, startStoryServer, type StoryServer } from '../helpers/story-server.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'chronicle');

function chronicle(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ChildOutput> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return childOutput(child);
}

let server: StoryServer;
let archiveDir: string;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'commands', 'check.js'))) {
    throw new Error('dist/ is missing or stale: run `npm run build` (npm test does it in pretest)');
  }
  server = await startStoryServer(STORY_PAGES, 'v1.html', 11);
  archiveDir = await mkdtemp(join(tmpdir(), 'chronicle-change-bin-'));
});

afterAll(async () => {
  await server?.close();
  if (archiveDir) await rm(archiveDir, { recursive: true, force: true });
});

test('check exits 0 for a new URL, 1 for an edit; diff exits 1 with JSON on stdout only', async () => {
  const first = await chronicle(['check', '--archive-dir', archiveDir, '--json', server.url]);
  expect(first.code).toBe(0);
  expect(JSON.parse(first.stdout)).toMatchObject({ new: true, changed: false });
  server.setVersion('v2.html');
  const edited = await chronicle(['check', '--archive-dir', archiveDir, server.url]);
  expect(edited.code).toBe(1);
  expect(edited.stdout).toMatch(/^changed /);
  expect(edited.stderr).toMatch(/checked 1, .*changed 1/);
  const diff = await chronicle(['diff', '--archive-dir', archiveDir, '--json', server.url]);
  expect(diff.code).toBe(1);
  expect(JSON.parse(diff.stdout)).toMatchObject({ schema: 'chronicle.diff/1', changed: true });
  expect(diff.stderr).toBe('');
  const missing = await chronicle(['history', '--archive-dir', archiveDir, 'https://nowhere.example/x']);
  expect(missing.code).toBe(6);
  expect(missing.stderr).toMatch(/^chronicle: E_NOT_FOUND: /);
  expect(missing.stdout).toBe('');
}, 180_000);
