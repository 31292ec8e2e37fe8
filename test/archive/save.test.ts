import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openArchive } from '../../src/archive/index.js';
import { ChronicleError } from '../../src/errors.js';
import { makeSave } from '../helpers/save-factory.js';
import { useTempRoot } from '../helpers/archive.js';

const temp = useTempRoot();

test('a new archive gets a FORMAT file and a browsable folder per site, page and snapshot', async () => {
  const archive = await openArchive(temp.root);
  const input = makeSave({ url: 'https://www.Example.com/2026/11/city-budget.html?utm_source=x#top' });
  const result = await archive.save(input);
  archive.close();
  expect(readFileSync(join(temp.root, 'FORMAT'), 'utf8')).toBe('chronicle-archive 1\n');
  expect(result.created).toBe(true);
  expect(result.previousId).toBeNull();
  expect(result.dir).toMatch(/sites\/www\.example\.com\/2026-11-city-budget-[0-9a-f]{10}\//);
  expect(readdirSync(result.dir).sort()).toEqual(['article.html', 'manifest.json', 'raw.html', 'snapshot.json']);
  expect(Buffer.from(readFileSync(join(result.dir, 'raw.html'))).equals(Buffer.from(input.raw))).toBe(true);
  expect(JSON.parse(readFileSync(join(result.dir, 'snapshot.json'), 'utf8')).id).toBe(result.id);
  expect(readFileSync(join(result.dir, 'article.html'), 'utf8')).toBe(input.articleHtml);
  // The record as filed comes back with the result: a caller compares it without reading it again.
  expect(result.snapshot).toEqual(JSON.parse(readFileSync(join(result.dir, 'snapshot.json'), 'utf8')));
});

test('an unchanged content digest records a check instead of a new folder', async () => {
  const archive = await openArchive(temp.root);
  const first = makeSave({ url: 'https://news.example.org/a', body: 'Same words.' });
  const saved = await archive.save(first);
  // A later fetch: other id, other time, other raw bytes (ads), same reader-visible content.
  const again = makeSave({ url: 'https://news.example.org/a?utm_campaign=z', body: 'Same words.', title: first.snapshot.meta.title ?? '' });
  again.snapshot.digest.content = first.snapshot.digest.content;
  const result = await archive.save(again);
  expect(result).toEqual({ id: saved.id, dir: saved.dir, created: false, previousId: saved.id });
  const pageDir = join(saved.dir, '..');
  expect(readdirSync(pageDir).filter((name) => !name.startsWith('.')).sort()).toEqual([saved.id, 'checks.ndjson'].sort());
  expect(await archive.checks('https://news.example.org/a')).toEqual([
    { url: 'https://news.example.org/a', snapshotId: saved.id, checkedAt: again.snapshot.fetch.fetchedAt },
  ]);
  expect((await archive.list()).map((row) => row.id)).toEqual([saved.id]);

  const changed = makeSave({ url: 'https://news.example.org/a', body: 'Edited words.' });
  const third = await archive.save(changed);
  expect(third.created).toBe(true);
  expect(third.previousId).toBe(saved.id);
  expect((await archive.versions('https://news.example.org/a')).map((row) => row.id)).toEqual([saved.id, third.id]);
  archive.close();
});

test('identical raw bodies are stored once (raw.html is a hard link to the blob)', async () => {
  const archive = await openArchive(temp.root);
  const raw = '<html><body><p>shared page bytes</p></body></html>';
  const a = await archive.save(makeSave({ url: 'https://a.example/1', raw }));
  const b = await archive.save(makeSave({ url: 'https://b.example/2', raw }));
  archive.close();
  const statA = statSync(join(a.dir, 'raw.html'));
  const statB = statSync(join(b.dir, 'raw.html'));
  expect(statA.ino).toBe(statB.ino);
  const blobs = readdirSync(join(temp.root, 'blobs', 'sha256'), { recursive: true }).filter((name) => String(name).length > 60);
  expect(blobs).toHaveLength(1);
});

test('two saves with the same id keep both (the second gets a suffix)', async () => {
  const archive = await openArchive(temp.root);
  const first = makeSave({ url: 'https://c.example/x', id: '20261125T101500123Z-1a2b3c4d', body: 'one' });
  const second = makeSave({ url: 'https://c.example/x', id: '20261125T101500123Z-1a2b3c4d', body: 'two' });
  const r1 = await archive.save(first);
  const r2 = await archive.save(second);
  expect(r1.id).toBe('20261125T101500123Z-1a2b3c4d');
  expect(r2.id).toBe('20261125T101500123Z-1a2b3c4d-2');
  expect((await archive.get(r2.id))?.body.text).toBe('two');
  expect((await archive.get(r1.id))?.body.text).toBe('one');
  expect(await archive.verify()).toEqual([]);
  archive.close();
});

test('latest(url, at) picks the version current at that time', async () => {
  const archive = await openArchive(temp.root);
  const url = 'https://d.example/story';
  const v1 = await archive.save(makeSave({ url, fetchedAt: '2026-11-01T10:00:00.000Z', body: 'first version' }));
  const v2 = await archive.save(makeSave({ url, fetchedAt: '2026-11-03T10:00:00.000Z', body: 'second version' }));
  expect((await archive.latest(url))?.id).toBe(v2.id);
  expect((await archive.latest(url, new Date('2026-11-02T00:00:00Z')))?.id).toBe(v1.id);
  expect(await archive.latest(url, new Date('2026-10-01T00:00:00Z'))).toBeNull();
  expect(await archive.has(url)).toBe(true);
  expect(await archive.has('https://d.example/other')).toBe(false);
  expect(await archive.dirOf(v1.id)).toBe(v1.dir);
  expect(await archive.get('no-such-id')).toBeNull();
  archive.close();
});

test('a raw body that does not match snapshot.fetch.sha256 is refused with E_ARCHIVE', async () => {
  const archive = await openArchive(temp.root);
  const input = makeSave({ url: 'https://e.example/' });
  const error = await archive.save({ ...input, raw: new TextEncoder().encode('other bytes') }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ChronicleError);
  expect((error as ChronicleError).code).toBe('E_ARCHIVE');
  expect(await archive.list()).toEqual([]);
  archive.close();
});

test('an id that cannot be a folder name is refused with E_ARCHIVE', async () => {
  const archive = await openArchive(temp.root);
  const input = makeSave({ url: 'https://e.example/', id: '../escape' });
  await expect(archive.save(input)).rejects.toMatchObject({ code: 'E_ARCHIVE' });
  archive.close();
});

test('a file-system failure during a write is E_ARCHIVE with the cause, and leaves earlier snapshots intact', async () => {
  const archive = await openArchive(temp.root);
  const kept = await archive.save(makeSave({ url: 'https://f.example/kept' }));
  // Replace tmp/ by a file: the next write cannot make its temp folder (ENOTDIR/EEXIST).
  const { rmSync } = await import('node:fs');
  rmSync(join(temp.root, 'tmp'), { recursive: true });
  writeFileSync(join(temp.root, 'tmp'), 'not a folder');
  const error = await archive.save(makeSave({ url: 'https://f.example/lost' })).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ code: 'E_ARCHIVE' });
  expect((error as Error).message).toMatch(/E(NOTDIR|EXIST)/);
  expect((error as Error).cause).toBeDefined();
  expect((await archive.list()).map((row) => row.id)).toEqual([kept.id]);
  expect(await archive.has('https://f.example/lost')).toBe(false);
  expect(existsSync(kept.dir)).toBe(true);
  archive.close();
});

test('a non-archive folder is refused; a missing one is refused when not creating', async () => {
  writeFileSync(join(temp.base, 'notes.txt'), 'hello');
  await expect(openArchive(temp.base)).rejects.toMatchObject({ code: 'E_ARCHIVE' });
  await expect(openArchive(join(temp.base, 'missing'), { create: false })).rejects.toMatchObject({ code: 'E_ARCHIVE' });
  writeFileSync(join(temp.base, 'FORMAT'), 'chronicle-archive 99\n');
  await expect(openArchive(temp.base)).rejects.toThrow(/version 99/);
});

describe('the page lock', () => {
  test('a lock left by a dead process is broken; a live one makes a writer wait, then give up with E_ARCHIVE', async () => {
    const { spawnSync } = await import('node:child_process');
    const { hostname } = await import('node:os');
    const { lockPage } = await import('../../src/archive/page-lock.js');
    const { locatePage } = await import('../../src/archive/layout.js');
    const { mkdirSync } = await import('node:fs');
    const url = 'https://lock.example/page';
    const archive = await openArchive(temp.root, { lock: { timeoutMs: 300 } });
    const pageDir = join(temp.root, ...locatePage(url).relDir.split('/'));
    mkdirSync(pageDir, { recursive: true });

    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(pageDir, '.lock'), JSON.stringify({ pid: deadPid, host: hostname(), token: 'x', createdAt: Date.now() }));
    expect((await archive.save(makeSave({ url }))).created).toBe(true);
    expect(existsSync(join(pageDir, '.lock'))).toBe(false);

    const held = await lockPage(pageDir);
    await expect(archive.save(makeSave({ url }))).rejects.toMatchObject({ code: 'E_ARCHIVE', message: expect.stringMatching(/locked/) });
    await held.release();
    expect((await archive.save(makeSave({ url }))).created).toBe(true);
    archive.close();
  });
});
