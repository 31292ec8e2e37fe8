import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { openArchive } from '../../src/archive/index.js';
import { startFixtureServer, type FixtureServer } from '../../src/tools/dev/fixture-server.js';
import { fetchPage } from '../../src/fetch/fetch-page.js';
import { buildSnapshot } from '../../src/pipeline/build-snapshot.js';
import { ndjson, runCli } from '../helpers/run-cli.js';
import { tempRoot, withArchive } from '../helpers/archive.js';
import { readWarc } from '../helpers/warc.js';

const pagesDir = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'fixtures', 'pages');
const SLUGS = ['embassy-withdrawal', 'windows-1252-harbour-festival', 'ghost-newsletter-vimeo'];
let server: FixtureServer;
let temp: ReturnType<typeof tempRoot>;
let exported: string;
const digests = new Map<string, string>();

beforeAll(async () => {
  server = await startFixtureServer({ pagesDir });
  temp = tempRoot('chronicle-import-');
  const archive = await openArchive(temp.root);
  for (const slug of SLUGS) {
    const built = await buildSnapshot(await fetchPage(server.pageUrl(slug)));
    await archive.save(built);
    digests.set(built.snapshot.url, built.snapshot.digest.content);
  }
  archive.close();
  exported = join(temp.base, 'all.warc.gz');
  expect((await runCli(['export', '--archive-dir', temp.root, '-o', exported])).code).toBe(0);
}, 60_000);
afterAll(async () => {
  await server.close();
  temp.remove();
});

const listed = (root: string): Promise<Map<string, string>> =>
  withArchive(root, async (archive) => new Map((await archive.list()).map((row) => [row.url, row.contentDigest])));

test('export → import into an empty archive gives the same content digests; one NDJSON line per record', async () => {
  const root = join(temp.base, 'round-trip');
  const result = await runCli(['import', '--archive-dir', root, '--workers', '1', '--json', exported]);
  expect(result.code).toBe(0);
  const lines = ndjson(result.stdout);
  expect(lines).toHaveLength(1 + SLUGS.length * 4);
  const ok = lines.filter((line) => line.type === 'response');
  expect(ok.every((line) => line.ok === true && line.created === true)).toBe(true);
  expect(await listed(root)).toEqual(digests);
  expect(result.stderr).toMatch(/imported 3, skipped 10 \(warcinfo 1, request 3, metadata 3, resource 3\)/);
  // The snapshot says where it came from.
  const archive = await openArchive(root, { create: false });
  const snapshot = (await archive.get(String(ok[0]!.id)))!;
  archive.close();
  expect(snapshot.source).toEqual({ warc: exported, offset: ok[0]!.offset, recordId: ok[0]!.recordId });
  // The record this snapshot came from (outcomes come in the order the workers finish, not file order).
  const original = (await readWarc(readFileSync(exported))).find((record) => record.offset === ok[0]!.offset)!;
  expect(original.type).toBe('response');
  expect(snapshot.fetch.fetchedAt).toBe(new Date(original.date!).toISOString());

  // Again with --skip-existing: nothing new; --url-pattern picks one page.
  const again = await runCli(['import', '--archive-dir', root, '--workers', '0', '--skip-existing', exported]);
  expect(again.code).toBe(0);
  expect(again.stderr).toMatch(/imported 0, skipped 13 \(.*exists 3/);
  const one = await runCli(['import', '--archive-dir', join(temp.base, 'one'), '--workers', '0', '--url-pattern', 'harbour', '--json', exported]);
  expect(ndjson(one.stdout).filter((line) => line.type === 'response' && line.skipped !== true)).toHaveLength(1);
  expect(one.stderr).toMatch(/url-pattern 2/);
}, 60_000);

/** Offsets of the gzip members of the exported file's response records. */
async function responseMembers(bytes: Buffer): Promise<Array<{ offset: number; length: number }>> {
  return (await readWarc(bytes)).filter((record) => record.type === 'response').map((record) => ({ offset: record.offset, length: record.length }));
}

function assertNothingHalfWritten(root: string): void {
  expect(readdirSync(join(root, 'tmp'))).toEqual([]);
}

test('a truncated gzip member: the records before it are imported, the rest is reported with its offset, exit 7', async () => {
  const bytes = readFileSync(exported);
  const [, second] = await responseMembers(bytes);
  const damaged = Buffer.concat([bytes.subarray(0, second!.offset + second!.length - 40), bytes.subarray(second!.offset + second!.length)]);
  const file = join(temp.base, 'truncated.warc.gz');
  writeFileSync(file, damaged);
  const root = join(temp.base, 'truncated');
  const result = await runCli(['import', '--archive-dir', root, '--workers', '0', '--json', file]);
  expect(result.code).toBe(7);
  const failed = ndjson(result.stdout).filter((line) => line.ok === false);
  expect(failed.length).toBeGreaterThanOrEqual(1);
  for (const line of failed) expect(line).toMatchObject({ type: 'damaged', error: { code: 'E_WARC_DAMAGED' } });
  expect(Number(failed[0]!.offset)).toBe(second!.offset);
  expect(String((failed[0]!.error as { message: string }).message)).toMatch(new RegExp(`offset ${second!.offset}`));
  // What could not be read after it is said too, with where it starts.
  expect(String((failed[failed.length - 1]!.error as { message: string }).message)).toMatch(/cannot be read past offset \d+|offset \d+/);
  expect(result.stderr).toMatch(/^chronicle: E_WARC_DAMAGED: /m);
  const imported = await listed(root);
  expect([...imported.keys()]).toEqual([[...digests.keys()][0]]);
  assertNothingHalfWritten(root);
}, 60_000);

test('a record with a wrong Content-Length is reported at its offset, the others are imported, exit 7', async () => {
  // An uncompressed WARC (gunzip joins the members), the second response's Content-Length made 25 bytes short.
  const plain = gunzipSync(readFileSync(exported));
  const [, second] = await responseMembers(plain);
  const head = plain.subarray(second!.offset, second!.offset + 2000).toString('latin1');
  const match = /Content-Length: (\d+)\r\n/.exec(head)!;
  const edited = head.replace(match[0], `Content-Length: ${Number(match[1]) - 25}\r\n`);
  const fixed = Buffer.concat([plain.subarray(0, second!.offset), Buffer.from(edited, 'latin1'), plain.subarray(second!.offset + 2000)]);
  const file = join(temp.base, 'wrong-length.warc');
  writeFileSync(file, fixed);
  const root = join(temp.base, 'wrong-length');
  const result = await runCli(['import', '--archive-dir', root, '--workers', '0', '--json', file]);
  expect(result.code).toBe(7);
  const lines = ndjson(result.stdout);
  const failed = lines.filter((line) => line.ok === false);
  expect(failed.map((line) => line.offset)).toEqual([second!.offset]);
  expect(failed[0]).toMatchObject({ error: { code: 'E_WARC_DAMAGED' } });
  const urls = [...digests.keys()];
  expect(await listed(root)).toEqual(new Map([[urls[0]!, digests.get(urls[0]!)!], [urls[2]!, digests.get(urls[2]!)!]]));
  assertNothingHalfWritten(root);
  // warcio's own notice about the short record never reaches stderr: it is part of the record's error.
  expect(result.stderr).not.toMatch(/Content-Length Too Small/);
}, 60_000);

test('bad input: a missing file and a bad --url-pattern are usage errors (exit 2), nothing is created', async () => {
  const root = join(temp.base, 'never');
  const missing = await runCli(['import', '--archive-dir', root, join(temp.base, 'nope.warc.gz')]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toMatch(/^chronicle: E_USAGE: cannot read WARC file/);
  const pattern = await runCli(['import', '--archive-dir', root, '--url-pattern', '(', exported]);
  expect(pattern.code).toBe(2);
  expect(pattern.stderr).toMatch(/^chronicle: E_USAGE: --url-pattern is not a regular expression/);
  expect(() => readdirSync(root)).toThrow();
});

test('a stop signal (Ctrl-C) takes no new records: the summary says interrupted and nothing more is filed', async () => {
  const { importWarcFiles } = await import('../../src/warc/import.js');
  const root = join(temp.base, 'stopped');
  const archive = await openArchive(root);
  const stop = new AbortController();
  const outcomes: string[] = [];
  try {
    const summary = await importWarcFiles([exported], {
      archive,
      maxBytes: 20 * 1024 * 1024,
      concurrency: 1,
      stopSignal: stop.signal,
      onOutcome: (outcome) => {
        outcomes.push(outcome.type);
        if (outcome.type === 'response') stop.abort('SIGINT');
      },
    });
    expect(summary.interrupted).toBe(true);
    expect(summary.ok).toBe(1);
    expect((await archive.list()).length).toBe(1);
  } finally {
    archive.close();
  }
  assertNothingHalfWritten(root);
}, 60_000);
