import { expect, test } from '@jest/globals';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openArchive } from '../../src/archive/index.js';
import { runCli as runArchiveCli, useTempRoot } from '../helpers/archive.js';
import { makeSave } from '../helpers/save-factory.js';
import { useFaultHost } from '../helpers/fault-server.js';
import { ndjson, runCli } from '../helpers/run-cli.js';

/**
 * Issue 20, item 6: a damaged latest snapshot is not compared with (a new version is filed against the latest
 * intact one), and `show URL` says "damaged" instead of E_NOT_FOUND or an older version in its place.
 */

const temp = useTempRoot();
const host = useFaultHost();

/** Replaces a file of a snapshot folder with other bytes (raw.html is a hard link: never edit it in place). */
function spoil(dir: string, name: string): void {
  const bytes = readFileSync(join(dir, name));
  bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0x20;
  rmSync(join(dir, name));
  writeFileSync(join(dir, name), bytes);
}

test('a save compares with the latest intact version: an unchanged page over a damaged latest is filed anew', async () => {
  const url = 'https://damaged.example/story';
  const archive = await openArchive(temp.root);
  const first = makeSave({ url, body: 'First text.', fetchedAt: '2026-11-01T00:00:00.000Z' });
  const v1 = await archive.save(first);
  const second = makeSave({ url, body: 'Second text.', fetchedAt: '2026-11-02T00:00:00.000Z' });
  const v2 = await archive.save(second);
  spoil(v2.dir, 'raw.html');
  const again = makeSave({ url, body: 'Second text.', fetchedAt: '2026-11-03T00:00:00.000Z', raw: new TextDecoder().decode(second.raw) });
  again.snapshot.digest.content = second.snapshot.digest.content;
  const v3 = await archive.save(again);
  expect(v3).toMatchObject({ created: true, previousId: v1.id, damaged: { id: v2.id, reason: expect.stringMatching(/raw\.html does not match/) } });
  // The new version is intact: the next unchanged fetch is a check against it.
  const fourth = makeSave({ url, body: 'Second text.', fetchedAt: '2026-11-04T00:00:00.000Z', raw: new TextDecoder().decode(second.raw) });
  fourth.snapshot.digest.content = second.snapshot.digest.content;
  expect(await archive.save(fourth)).toMatchObject({ created: false, id: v3.id });
  archive.close();
});

test('chronicle archive URL over a damaged latest snapshot files a new one and says so', async () => {
  const url = host.url('/ok/damaged-latest');
  const first = await runCli(['archive', '--json', url, '--archive-dir', temp.root]);
  expect(first.code).toBe(0);
  const firstLine = ndjson(first.stdout)[0]!;
  spoil(firstLine.dir as string, 'article.html');
  const second = await runCli(['archive', '--json', url, '--archive-dir', temp.root]);
  expect(second.code).toBe(0);
  expect(ndjson(second.stdout)[0]).toMatchObject({ created: true, previousId: null, damaged: { id: firstLine.id, reason: expect.stringMatching(/article\.html/) } });
  const text = await runCli(['archive', url, '--archive-dir', temp.root]);
  expect(text.stdout).toContain('(unchanged)');
});

test('show URL names the damaged latest version and the newest intact one (exit 6), never E_NOT_FOUND', async () => {
  const url = 'https://damaged.example/show';
  const archive = await openArchive(temp.root);
  const v1 = await archive.save(makeSave({ url, body: 'Old text.', fetchedAt: '2026-11-01T00:00:00.000Z' }));
  const v2 = await archive.save(makeSave({ url, body: 'New text.', fetchedAt: '2026-11-02T00:00:00.000Z' }));
  archive.close();
  writeFileSync(join(v2.dir, 'snapshot.json'), '{"truncated": ');
  const latest = await runArchiveCli(['show', url, '--archive-dir', temp.root]);
  expect(latest.code).toBe(6);
  expect(latest.stdout).toBe('');
  expect(latest.stderr).toMatch(new RegExp(`^chronicle: E_ARCHIVE: snapshot ${v2.id}, the latest version of ${url}, is damaged: .*; the newest intact version is ${v1.id}`));
  const earlier = await runArchiveCli(['show', url, '--at', '2026-11-01', '--format', 'json', '--archive-dir', temp.root]);
  expect(earlier.code).toBe(0);
  expect((JSON.parse(earlier.stdout) as { id: string }).id).toBe(v1.id);
  writeFileSync(join(v1.dir, 'snapshot.json'), 'not json');
  const none = await runArchiveCli(['show', url, '--archive-dir', temp.root]);
  expect(none.code).toBe(6);
  expect(none.stderr).toMatch(/is damaged: .*; no intact version of it remains/);
});

test('history and diff of a page with a damaged version name it (exit 6) instead of leaving it out', async () => {
  const url = 'https://damaged.example/history';
  const archive = await openArchive(temp.root);
  await archive.save(makeSave({ url, body: 'One.', fetchedAt: '2026-11-01T00:00:00.000Z' }));
  const v2 = await archive.save(makeSave({ url, body: 'Two.', fetchedAt: '2026-11-02T00:00:00.000Z' }));
  await archive.save(makeSave({ url, body: 'Three.', fetchedAt: '2026-11-03T00:00:00.000Z' }));
  archive.close();
  writeFileSync(join(v2.dir, 'snapshot.json'), '{}');
  for (const args of [['history', url], ['diff', url, '--json'], ['diff', v2.id, '--json']]) {
    const result = await runCli([...args, '--archive-dir', temp.root]);
    expect(result.code).toBe(6);
    expect(result.stderr).toMatch(new RegExp(`^chronicle: E_ARCHIVE: snapshot ${v2.id} is damaged: `));
  }
});
