/**
 * Issue 5 acceptance with real `chronicle` processes (bin/chronicle on dist/: run `npm run build` first):
 * two concurrent `archive -i` runs of 20 URLs each give 40 snapshots; kill -9 during a batch, then verify
 * passes and a re-run with --skip-existing completes the batch.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jest } from '@jest/globals';
import { useTempRoot } from '../helpers/archive.js';

const repo = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const bin = join(repo, 'bin', 'chronicle');

jest.setTimeout(240_000);

const WORDS = ['harbour', 'council', 'ferry', 'budget', 'school', 'bridge', 'library', 'tram', 'flood', 'permit', 'strike', 'election'];

/** An article page per path /story/<n>, each with its own text; /slow/<n> answers after a delay. */
function articleHtml(n: number): string {
  const paragraphs = Array.from({ length: 6 }, (_, k) => {
    const word = WORDS[(n + k) % WORDS.length];
    return `<p>Story ${n}, paragraph ${k}: the ${word} committee met on Tuesday to discuss the ${word} plan for district ${n}. Residents said the proposal number ${n * 7 + k} needed more public consultation before any final vote was taken by the members.</p>`;
  }).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story ${n} headline</title>
<meta property="og:title" content="Story ${n} headline"><meta name="author" content="Reporter ${n}"></head>
<body><header><nav>Home | News</nav></header><main><article><h1>Story ${n} headline</h1>${paragraphs}</article></main>
<footer>© Local News</footer></body></html>`;
}

let server: Server;
let origin: string;
const temp = useTempRoot();

beforeAll(async () => {
  if (!existsSync(join(repo, 'dist', 'cli', 'program.js'))) throw new Error('run `npm run build` first: these tests start bin/chronicle');
  server = createServer((request, response) => {
    const match = /^\/(story|slow)\/(\d+)$/.exec(request.url ?? '');
    if (!match) {
      response.writeHead(404).end();
      return;
    }
    const send = () => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml(Number(match[2])));
    if (match[1] === 'slow') setTimeout(send, 150);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function chronicle(args: string[], onStdout?: (text: string, kill: () => void) => void): Promise<Run> {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    onStdout?.(stdout, () => child.kill('SIGKILL'));
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

function urlList(name: string, paths: string[]): string {
  const file = join(temp.base, `${name}.txt`);
  writeFileSync(file, `${paths.map((path) => `${origin}${path}`).join('\n')}\n`);
  return file;
}

test('two concurrent `archive -i` runs of 20 URLs each give 40 snapshots; verify passes; list shows them all', async () => {
  const first = urlList('first', Array.from({ length: 20 }, (_, i) => `/story/${i}`));
  const second = urlList('second', Array.from({ length: 20 }, (_, i) => `/story/${100 + i}`));
  const runs = await Promise.all([
    chronicle(['archive', '-i', first, '--archive-dir', temp.root, '--json', '--quiet']),
    chronicle(['archive', '-i', second, '--archive-dir', temp.root, '--json', '--quiet']),
  ]);
  for (const run of runs) expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  const verify = await chronicle(['verify', '--archive-dir', temp.root]);
  expect(verify.code).toBe(0);
  expect(verify.stdout).toMatch(/^OK: 40 snapshots verified/);
  const list = await chronicle(['list', '--json', '--archive-dir', temp.root]);
  expect(list.stdout.trim().split('\n')).toHaveLength(40);
});

test('kill -9 during a batch: verify passes, and a re-run with --skip-existing completes the batch', async () => {
  const input = urlList('batch', Array.from({ length: 30 }, (_, i) => `/slow/${i}`));
  const killed = await chronicle(['archive', '-i', input, '--archive-dir', temp.root, '--json', '--quiet', '--concurrency', '4'], (stdout, kill) => {
    if (stdout.split('\n').length > 6) kill();
  });
  expect(killed.signal).toBe('SIGKILL');
  const verify = await chronicle(['verify', '--archive-dir', temp.root]);
  expect({ code: verify.code, stdout: verify.stdout }).toEqual({ code: 0, stdout: expect.stringMatching(/^OK: \d+ snapshots verified/) });
  const before = Number(/OK: (\d+)/.exec(verify.stdout)?.[1]);
  expect(before).toBeGreaterThanOrEqual(5);
  expect(before).toBeLessThan(30);
  const rerun = await chronicle(['archive', '-i', input, '--archive-dir', temp.root, '--json', '--quiet', '--skip-existing']);
  expect(rerun.code).toBe(0);
  const list = await chronicle(['list', '--json', '--archive-dir', temp.root]);
  expect(list.stdout.trim().split('\n')).toHaveLength(30);
  expect((await chronicle(['verify', '--archive-dir', temp.root])).code).toBe(0);
});
