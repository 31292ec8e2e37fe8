import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openArchive } from '../../src/archive/index.js';
import { runCli, tempRoot } from '../helpers/archive.js';
import { makeSave } from '../helpers/save-factory.js';

let temp: ReturnType<typeof tempRoot>;
const saved: Record<string, { id: string; url: string; raw: Uint8Array; articleHtml: string }> = {};

beforeAll(async () => {
  temp = tempRoot();
  const archive = await openArchive(temp.root);
  const pages = [
    { key: 'a1', url: 'https://www.daily.example/politics/vote', fetchedAt: '2026-11-01T09:00:00.000Z', body: 'First count of the vote.' },
    { key: 'a2', url: 'https://www.daily.example/politics/vote', fetchedAt: '2026-11-02T09:00:00.000Z', body: 'Final count of the vote.' },
    { key: 'b1', url: 'https://weekly.example/arts/opera', fetchedAt: '2026-11-03T12:30:00.000Z', body: 'The opera returns.' },
  ];
  for (const page of pages) {
    const input = makeSave({
      url: page.url,
      fetchedAt: page.fetchedAt,
      body: page.body,
      title: `Title ${page.key}`,
      quotes: [{ kind: 'direct', text: 'It was close', speaker: 'A Clerk', cue: 'said' }],
    });
    const result = await archive.save(input);
    saved[page.key] = { id: result.id, url: page.url, raw: input.raw, articleHtml: input.articleHtml };
  }
  archive.close();
});
afterAll(() => temp.remove());

const listIds = async (...args: string[]): Promise<string[]> => {
  const result = await runCli(['list', '--json', '--archive-dir', temp.root, ...args]);
  expect(result.code).toBe(0);
  return result.stdout.split('\n').filter((line) => line !== '').map((line) => (JSON.parse(line) as { id: string }).id);
};

test('list --json prints one snapshot per line, oldest first', async () => {
  const result = await runCli(['list', '--json', '--archive-dir', temp.root]);
  const rows = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(rows.map((row) => row.id)).toEqual([saved.a1!.id, saved.a2!.id, saved.b1!.id]);
  expect(rows[0]).toEqual({
    id: saved.a1!.id,
    url: 'https://www.daily.example/politics/vote',
    site: 'www.daily.example',
    dir: expect.stringContaining(saved.a1!.id),
    fetchedAt: '2026-11-01T09:00:00.000Z',
    title: 'Title a1',
    contentDigest: expect.stringMatching(/^sha256:/),
  });
});

test('list filters: --site (subdomains included), --url (normalized), --since, --until', async () => {
  expect(await listIds('--site', 'daily.example')).toEqual([saved.a1!.id, saved.a2!.id]);
  expect(await listIds('--site', 'weekly.example')).toEqual([saved.b1!.id]);
  expect(await listIds('--site', 'other.example')).toEqual([]);
  expect(await listIds('--url', 'https://www.daily.example/politics/vote?utm_source=feed#x')).toEqual([saved.a1!.id, saved.a2!.id]);
  expect(await listIds('--since', '2026-11-02')).toEqual([saved.a2!.id, saved.b1!.id]);
  expect(await listIds('--until', '2026-11-02')).toEqual([saved.a1!.id, saved.a2!.id]);
  expect(await listIds('--since', '2026-11-02T10:00:00Z', '--until', '2026-11-03T12:30:00Z')).toEqual([]);
  expect(await listIds('--since', '2026-11-03T12:30:00Z')).toEqual([saved.b1!.id]);
});

test('list without --json prints a table with a header', async () => {
  const result = await runCli(['list', '--archive-dir', temp.root]);
  const lines = result.stdout.trim().split('\n');
  expect(lines[0]).toMatch(/^FETCHED\s+ID\s+TITLE\s+URL$/);
  expect(lines).toHaveLength(4);
  expect(lines[3]).toContain('Title b1');
});

test('a bad date is a usage error (exit 2, one line)', async () => {
  for (const args of [['--since', 'yesterday'], ['--until', '2026-13-45'], ['--since', '2026-02-30']]) {
    const result = await runCli(['list', '--archive-dir', temp.root, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^chronicle: E_USAGE: --(since|until) expects an ISO date/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  }
});

test('show <url> prints the latest version; --at picks the one current then', async () => {
  const latest = await runCli(['show', saved.a1!.url, '--format', 'json', '--archive-dir', temp.root]);
  expect(latest.code).toBe(0);
  expect((JSON.parse(latest.stdout) as { id: string }).id).toBe(saved.a2!.id);
  const earlier = await runCli(['show', saved.a1!.url, '--at', '2026-11-01', '--format', 'json', '--archive-dir', temp.root]);
  expect((JSON.parse(earlier.stdout) as { id: string }).id).toBe(saved.a1!.id);
  const before = await runCli(['show', saved.a1!.url, '--at', '2026-10-01', '--archive-dir', temp.root]);
  expect(before.code).toBe(6);
  expect(before.stderr).toMatch(/E_NOT_FOUND: no snapshot of .* at or before 2026-10-01/);
});

test('show --format text|html|raw', async () => {
  const text = await runCli(['show', saved.b1!.id, '--archive-dir', temp.root]);
  expect(text.code).toBe(0);
  expect(text.stdout).toMatch(/^Title b1\nBy Jane Reporter/);
  expect(text.stdout).toContain('The opera returns.');
  expect(text.stdout).toContain('“It was close” — A Clerk');
  const html = await runCli(['show', saved.b1!.id, '--format', 'html', '--archive-dir', temp.root]);
  expect(html.stdout).toBe(saved.b1!.articleHtml);
  const raw = await runCli(['show', saved.b1!.id, '--format', 'raw', '--archive-dir', temp.root]);
  expect(raw.stdoutBytes.equals(Buffer.from(saved.b1!.raw))).toBe(true);
});

test('show: unknown id → exit 6; bad --format or --at with an id → exit 2', async () => {
  const unknown = await runCli(['show', '20200101T000000000Z-00000000', '--archive-dir', temp.root]);
  expect(unknown.code).toBe(6);
  expect(unknown.stderr).toMatch(/^chronicle: E_NOT_FOUND: no snapshot with id/);
  expect((await runCli(['show', saved.b1!.id, '--format', 'pdf', '--archive-dir', temp.root])).code).toBe(2);
  expect((await runCli(['show', saved.b1!.id, '--at', '2026-11-01', '--archive-dir', temp.root])).code).toBe(2);
  expect((await runCli(['show', saved.a1!.url, '--at', 'soon', '--archive-dir', temp.root])).code).toBe(2);
});

test('a missing archive folder is a clear error, exit 6, for every read command', async () => {
  const missing = join(temp.base, 'nowhere');
  for (const args of [['list'], ['show', 'x'], ['search', 'x'], ['verify'], ['reindex']]) {
    const result = await runCli([...args, '--archive-dir', missing]);
    expect(result.code).toBe(6);
    expect(result.stderr).toBe(`chronicle: E_ARCHIVE: no archive at ${missing}\n`);
  }
  const notArchive = join(temp.base, 'plain');
  mkdirSync(notArchive);
  writeFileSync(join(notArchive, 'x.txt'), '');
  const plain = await runCli(['list', '--archive-dir', notArchive]);
  expect(plain.code).toBe(6);
  expect(plain.stderr).toMatch(/no chronicle archive at .* \(no FORMAT file\)/);
});

test('the archive folder comes from CHRONICLE_ARCHIVE_DIR, else ./archive under the working directory', async () => {
  expect((await runCli(['list', '--json'], { env: { CHRONICLE_ARCHIVE_DIR: temp.root } })).stdout.trim().split('\n')).toHaveLength(3);
  const viaCwd = await runCli(['list', '--json'], { cwd: temp.base });
  expect(viaCwd.code).toBe(0);
  expect(viaCwd.stdout.trim().split('\n')).toHaveLength(3);
});
