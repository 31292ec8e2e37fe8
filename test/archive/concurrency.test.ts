import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openArchive } from '../../src/archive/index.js';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { useTempRoot, useWriterScript } from '../helpers/archive.js';
import { makeSave } from '../helpers/save-factory.js';

const writerScript = useWriterScript();
const temp = useTempRoot();

interface WriterRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  lines: string[];
  stderr: string;
}

function startWriter(root: string, name: string, count: number, mode: 'distinct' | 'shared' | 'same') {
  const child = spawn(process.execPath, [writerScript, root, name, String(count), mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  let partial = '';
  const listeners: Array<() => void> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    partial += chunk.toString('utf8');
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    for (const listener of listeners) listener();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const done = new Promise<WriterRun>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, lines, stderr }));
  });
  const whenLines = (n: number) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (lines.length >= n) resolve();
      };
      listeners.push(check);
      check();
    });
  return { child, done, whenLines };
}

test('two writer processes of 20 URLs each into one archive give 40 snapshots, and verify passes', async () => {
  const [a, b] = [startWriter(temp.root, 'alpha', 20, 'distinct'), startWriter(temp.root, 'beta', 20, 'distinct')];
  const runs = await Promise.all([a.done, b.done]);
  for (const run of runs) {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  }
  const archive = await openArchive(temp.root, { create: false });
  const listed = await archive.list();
  expect(listed).toHaveLength(40);
  const ids = new Set(listed.map((row) => row.id));
  for (const line of [...runs[0]!.lines, ...runs[1]!.lines]) expect(ids.has(line.split(' ')[1]!)).toBe(true);
  expect(await archive.verify()).toEqual([]);
  archive.close();
});

test('two writers on the same 20 URLs with different content lose nothing: 40 versions', async () => {
  const runs = await Promise.all([startWriter(temp.root, 'alpha', 20, 'shared').done, startWriter(temp.root, 'beta', 20, 'shared').done]);
  for (const run of runs) expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  const archive = await openArchive(temp.root, { create: false });
  expect(await archive.list()).toHaveLength(40);
  expect(await archive.versions('https://w.example/shared/story-7')).toHaveLength(2);
  expect(await archive.verify()).toEqual([]);
  archive.close();
});

test('two writers saving the same unchanged content decide under the page lock: one folder per URL, the rest are checks', async () => {
  const runs = await Promise.all([startWriter(temp.root, 'alpha', 20, 'same').done, startWriter(temp.root, 'beta', 20, 'same').done]);
  for (const run of runs) expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  const outcomes = runs.flatMap((run) => run.lines.map((line) => line.split(' ')[0]));
  expect(outcomes.filter((word) => word === 'saved')).toHaveLength(20);
  expect(outcomes.filter((word) => word === 'unchanged')).toHaveLength(20);
  const archive = await openArchive(temp.root, { create: false });
  expect(await archive.list()).toHaveLength(20);
  let checks = 0;
  for (let i = 0; i < 20; i += 1) checks += (await archive.checks(`https://w.example/shared/story-${i}`)).length;
  expect(checks).toBe(20);
  expect(await archive.verify()).toEqual([]);
  archive.close();
});

test('kill -9 in the middle of a batch leaves every finished snapshot intact and verify passing', async () => {
  const writer = startWriter(temp.root, 'victim', 2000, 'distinct');
  await writer.whenLines(15);
  writer.child.kill('SIGKILL');
  const run = await writer.done;
  expect(run.signal).toBe('SIGKILL');
  const archive = await openArchive(temp.root, { create: false });
  await archive.cleanup();
  expect(await archive.verify()).toEqual([]);
  const listed = await archive.list();
  const reported = run.lines.map((line) => line.split(' ')[1]);
  // Every save the writer reported is there; at most the one in flight may also have landed.
  for (const id of reported) expect(listed.some((row) => row.id === id)).toBe(true);
  expect(listed.length - reported.length).toBeLessThanOrEqual(1);
  for (const row of listed) expect(await archive.get(row.id)).not.toBeNull();
  expect(readdirSync(join(temp.root, 'tmp'))).toEqual([]);
  // The archive takes new writes after the crash.
  expect((await archive.save(makeSave({ url: 'https://w.example/after-crash' }))).created).toBe(true);
  archive.close();
});

test('a crash mid-write (leftover temp folder, pending index row of a dead writer) is invisible and cleaned', async () => {
  const archive = await openArchive(temp.root);
  const kept = await archive.save(makeSave({ url: 'https://x.example/kept' }));
  archive.close();
  const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
  // What a writer killed between its index reservation and its rename leaves behind:
  const orphanId = '20261125T110000000Z-deadbeef';
  const tempDir = join(temp.root, 'tmp', `${orphanId}.${deadPid}.abcd1234`);
  mkdirSync(tempDir);
  writeFileSync(join(tempDir, 'snapshot.json'), '{"schema":"chronicle.snap');
  const index = SqliteIndex.open(join(temp.root, 'index.sqlite'));
  index.reserve(
    { url: 'https://x.example/lost', site: 'x.example', fetchedAt: '2026-11-25T11:00:00.000Z', title: 'lost', contentDigest: 'sha256:00', jsonSha256: '', jsonBytes: -1, jsonMtimeMs: -1 },
    orphanId,
    (id) => `sites/x.example/lost-0000000000/${id}`,
    deadPid,
    () => false,
  );
  index.close();

  const reopened = await openArchive(temp.root, { create: false });
  expect((await reopened.list()).map((row) => row.id)).toEqual([kept.id]);
  expect(await reopened.has('https://x.example/lost')).toBe(false);
  expect(await reopened.cleanup()).toEqual([`tmp/${orphanId}.${deadPid}.abcd1234`]);
  expect(await reopened.verify()).toEqual([]);
  reopened.close();
});
