import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openArchive } from '../../src/archive/index.js';
import { runCli, useTempRoot } from '../helpers/archive.js';
import { makeSave } from '../helpers/save-factory.js';

const temp = useTempRoot();

async function seed(count: number): Promise<Array<{ id: string; dir: string; url: string }>> {
  const archive = await openArchive(temp.root);
  const saved: Array<{ id: string; dir: string; url: string }> = [];
  for (let i = 0; i < count; i += 1) {
    const url = `https://site${i % 2}.example/news/story-${i}`;
    const result = await archive.save(makeSave({ url, body: `Body of story ${i}: the ferry timetable changes.`, title: `Story ${i}` }));
    saved.push({ id: result.id, dir: result.dir, url });
  }
  archive.close();
  return saved;
}

test('a sound archive verifies: exit 0 and a one-line OK summary', async () => {
  await seed(3);
  const result = await runCli(['verify', '--archive-dir', temp.root]);
  expect(result.code).toBe(0);
  expect(result.stdout.trim().split('\n')).toHaveLength(1);
  expect(result.stdout).toMatch(/^OK: 3 snapshots verified/);
});

test('one flipped byte in raw.html: verify exits 6 and names that snapshot only', async () => {
  const saved = await seed(3);
  const target = saved[1]!;
  const rawPath = join(target.dir, 'raw.html');
  const bytes = readFileSync(rawPath);
  bytes[10] = bytes[10]! ^ 0x01;
  writeFileSync(rawPath, bytes);
  const result = await runCli(['verify', '--archive-dir', temp.root]);
  expect(result.code).toBe(6);
  const lines = result.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(target.id);
  expect(lines[0]).toMatch(/raw\.html does not match/);
  for (const other of [saved[0]!, saved[2]!]) expect(result.stdout).not.toContain(other.id);
});

test('a changed article.html is caught through manifest.json', async () => {
  const saved = await seed(2);
  appendFileSync(join(saved[0]!.dir, 'article.html'), '<!-- edited -->');
  const archive = await openArchive(temp.root, { create: false });
  const problems = await archive.verify();
  archive.close();
  expect(problems).toEqual([expect.objectContaining({ subject: saved[0]!.id, message: expect.stringMatching(/article\.html does not match/) })]);
});

test('delete the index: reindex restores the same list --json output', async () => {
  await seed(5);
  const before = await runCli(['list', '--json', '--archive-dir', temp.root]);
  expect(before.code).toBe(0);
  expect(before.stdout.trim().split('\n')).toHaveLength(5);
  for (const suffix of ['', '-wal', '-shm']) rmSync(join(temp.root, `index.sqlite${suffix}`), { force: true });
  const reindex = await runCli(['reindex', '--archive-dir', temp.root]);
  expect(reindex.code).toBe(0);
  expect(reindex.stdout).toMatch(/reindexed 5 snapshots/);
  const after = await runCli(['list', '--json', '--archive-dir', temp.root]);
  expect(after.stdout).toBe(before.stdout);
  const verify = await runCli(['verify', '--archive-dir', temp.root]);
  expect(verify.code).toBe(0);
});

test('an index that disagrees with the files is reported, and reindex repairs it', async () => {
  const saved = await seed(2);
  // Remove one snapshot folder behind the index's back.
  rmSync(saved[0]!.dir, { recursive: true });
  const broken = await runCli(['verify', '--archive-dir', temp.root]);
  expect(broken.code).toBe(6);
  expect(broken.stdout).toContain(`${saved[0]!.id}: is in the index but its folder`);
  expect((await runCli(['reindex', '--archive-dir', temp.root])).code).toBe(0);
  expect((await runCli(['verify', '--archive-dir', temp.root])).code).toBe(0);
});

test('an unreadable index file is moved aside and rebuilt; readers keep working', async () => {
  await seed(2);
  for (const suffix of ['-wal', '-shm']) rmSync(join(temp.root, `index.sqlite${suffix}`), { force: true });
  writeFileSync(join(temp.root, 'index.sqlite'), 'this is not a database, it is a foreign file of the same name....');
  const result = await runCli(['list', '--json', '--archive-dir', temp.root]);
  expect(result.code).toBe(0);
  expect(result.stdout.trim().split('\n')).toHaveLength(2);
  expect(result.stderr).toMatch(/index was unreadable/);
});

describe('a corrupt snapshot.json', () => {
  let saved: Array<{ id: string; dir: string; url: string }>;
  beforeEach(async () => {
    saved = await seed(3);
    writeFileSync(join(saved[0]!.dir, 'snapshot.json'), '{"schema": "chronicle.snapshot/1", "id": trunc');
  });

  test('list skips it and never crashes', async () => {
    const result = await runCli(['list', '--json', '--archive-dir', temp.root]);
    expect(result.code).toBe(0);
    const ids = result.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids).toEqual([saved[1]!.id, saved[2]!.id]);
  });

  test('search skips it', async () => {
    const result = await runCli(['search', 'ferry', '--json', '--archive-dir', temp.root]);
    expect(result.code).toBe(0);
    const ids = result.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids.sort()).toEqual([saved[1]!.id, saved[2]!.id].sort());
  });

  test('show by id or by URL says it is damaged (exit 6)', async () => {
    const byId = await runCli(['show', saved[0]!.id, '--archive-dir', temp.root]);
    expect(byId.code).toBe(6);
    expect(byId.stderr).toMatch(/E_ARCHIVE: snapshot .* is damaged/);
    expect(byId.stderr.trim().split('\n')).toHaveLength(1);
    const byUrl = await runCli(['show', saved[0]!.url, '--archive-dir', temp.root]);
    expect(byUrl.code).toBe(6);
    expect(byUrl.stderr).toMatch(/E_ARCHIVE: snapshot .* is damaged/);
    const other = await runCli(['show', saved[1]!.id, '--archive-dir', temp.root]);
    expect(other.code).toBe(0);
  });

  test('verify reports it by id and exits 6; reindex leaves it out', async () => {
    const result = await runCli(['verify', '--archive-dir', temp.root]);
    expect(result.code).toBe(6);
    expect(result.stdout).toContain(`${saved[0]!.id}: snapshot.json is not JSON`);
    expect((await runCli(['reindex', '--archive-dir', temp.root])).stdout).toMatch(/reindexed 2 snapshots/);
  });
});

test('foreign files anywhere in the tree are reported; readers ignore them', async () => {
  const saved = await seed(1);
  writeFileSync(join(temp.root, 'notes.txt'), 'mine');
  writeFileSync(join(saved[0]!.dir, 'extra.bin'), 'x');
  writeFileSync(join(saved[0]!.dir, '..', 'stray.json'), '{}');
  const result = await runCli(['verify', '--json', '--archive-dir', temp.root]);
  expect(result.code).toBe(6);
  const subjects = result.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { subject: string }).subject);
  expect(subjects).toEqual(expect.arrayContaining(['notes.txt', expect.stringMatching(/extra\.bin$/), expect.stringMatching(/stray\.json$/)]));
  expect((await runCli(['list', '--json', '--archive-dir', temp.root])).stdout.trim().split('\n')).toHaveLength(1);
});

test('a torn line in checks.ndjson is reported and skipped by readers', async () => {
  const archive = await openArchive(temp.root);
  const first = makeSave({ url: 'https://g.example/a' });
  const saved = await archive.save(first);
  const again = makeSave({ url: 'https://g.example/a' });
  again.snapshot.digest.content = first.snapshot.digest.content;
  await archive.save(again);
  appendFileSync(join(saved.dir, '..', 'checks.ndjson'), '{"url":"https://g.exa');
  expect(await archive.checks('https://g.example/a')).toHaveLength(1);
  const problems = await archive.verify();
  archive.close();
  expect(problems).toEqual([expect.objectContaining({ message: 'line 2 is not a check record' })]);
});

test('an index damaged inside the file: readers fail with E_ARCHIVE (exit 6), verify reports it, reindex rebuilds it', async () => {
  await seed(40);
  const { openSync, writeSync, closeSync, statSync } = await import('node:fs');
  const path = join(temp.root, 'index.sqlite');
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  // Garbage over the second half of the file: the schema page and the first tables still read.
  const from = Math.floor(size / 2 / 4096) * 4096;
  writeSync(fd, Buffer.alloc(size - from, 0x5a), 0, size - from, from);
  closeSync(fd);
  const verify = await runCli(['verify', '--archive-dir', temp.root]);
  expect(verify.code).toBe(6);
  expect(verify.stdout + verify.stderr).toMatch(/index/);
  const reindex = await runCli(['reindex', '--archive-dir', temp.root]);
  expect(reindex.code).toBe(0);
  expect(reindex.stdout).toMatch(/reindexed 40 snapshots/);
  expect((await runCli(['verify', '--archive-dir', temp.root])).code).toBe(0);
  expect((await runCli(['list', '--json', '--archive-dir', temp.root])).stdout.trim().split('\n')).toHaveLength(40);
});
