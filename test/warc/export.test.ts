import { createHash } from 'node:crypto';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openArchive } from '../../src/archive/index.js';
import { startFixtureServer, type FixtureServer } from '../../src/tools/dev/fixture-server.js';
import { fetchPage } from '../../src/fetch/fetch-page.js';
import { buildSnapshot } from '../../src/pipeline/build-snapshot.js';
import { renderArticlePage } from '../../src/render/article-page.js';
import { runCli } from '../helpers/run-cli.js';
import { tempRoot } from '../helpers/archive.js';
import { readWarc, readZip } from '../helpers/warc.js';

const pagesDir = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'fixtures', 'pages');
let server: FixtureServer;
let temp: ReturnType<typeof tempRoot>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startFixtureServer({ pagesDir });
  temp = tempRoot('chronicle-export-');
  const archive = await openArchive(temp.root);
  for (const slug of ['embassy-withdrawal', 'windows-1252-harbour-festival']) {
    const built = await buildSnapshot(await fetchPage(server.pageUrl(slug)));
    ids[slug] = (await archive.save(built)).id;
  }
  // An unchanged re-fetch (a check: exported as a revisit).
  await archive.save(await buildSnapshot(await fetchPage(server.pageUrl('embassy-withdrawal'), { now: () => new Date(Date.now() + 60_000) })));
  // A snapshot filed before the exchange was recorded.
  const old = await buildSnapshot(await fetchPage(server.pageUrl('ghost-newsletter-vimeo')));
  delete old.snapshot.fetch.exchange;
  old.articleHtml = renderArticlePage(old.snapshot);
  ids['ghost-newsletter-vimeo'] = (await archive.save(old)).id;
  archive.close();
}, 60_000);
afterAll(async () => {
  await server.close();
  temp.remove();
});

test('export --format warc: every record parses with warcio and its block and payload digests verify', async () => {
  const out = join(temp.base, 'all.warc.gz');
  const result = await runCli(['export', '--archive-dir', temp.root, '-o', out]);
  expect(result.code).toBe(0);
  expect(result.stderr).toMatch(/exported 3 snapshots \(14 WARC records/);
  const records = await readWarc(readFileSync(out));
  expect(records.map((record) => record.type)).toEqual([
    'warcinfo',
    'request', 'response', 'metadata', 'resource', 'revisit',
    'request', 'response', 'metadata', 'resource',
    'request', 'response', 'metadata', 'resource',
  ]);
  for (const record of records) {
    expect(record.headers.get('warc-block-digest') === undefined || record.blockDigestOk).toBe(true);
    if (record.type !== 'warcinfo') expect(record.blockDigestOk).toBe(true);
    if (record.type === 'response') expect(record.payloadDigestOk).toBe(true);
  }
  // One gzip member per record: each record's offset starts a gzip header.
  const bytes = readFileSync(out);
  for (const record of records) expect([bytes[record.offset], bytes[record.offset + 1]]).toEqual([0x1f, 0x8b]);

  const response = records[2]!;
  const snapshotJson = JSON.parse(records[3]!.payload.toString('utf8'));
  expect(records[3]!.headers.get('content-type')).toBe('application/json');
  expect(snapshotJson.id).toBe(ids['embassy-withdrawal']);
  expect(createHash('sha256').update(response.payload).digest('hex')).toBe(snapshotJson.fetch.sha256);
  const responseId = response.id!;
  expect(records[1]!.headers.get('warc-concurrent-to')).toBe(responseId);
  for (const tied of [records[3]!, records[4]!]) {
    expect(tied.headers.get('warc-concurrent-to')).toBe(responseId);
    expect(tied.headers.get('warc-refers-to')).toBe(responseId);
  }
  expect(records[4]!.payload.toString('utf8')).toContain('<meta name="generator" content="chronicle">');
  const revisit = records[5]!;
  expect(revisit.headers.get('warc-refers-to')).toBe(responseId);
  expect(revisit.headers.get('warc-payload-digest')).toBe(response.headers.get('warc-payload-digest'));
  expect(revisit.headers.get('warc-profile')).toMatch(/identical-payload-digest/);
  // The request as sent, the response head as received (wire-only headers set aside).
  expect(records[1]!.block.toString('latin1')).toMatch(/^GET \/pages\/embassy-withdrawal\/ HTTP\/1\.1\r\nhost: 127\.0\.0\.1:\d+\r\n/);
  expect(response.block.toString('latin1')).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  expect(response.headers.get('warc-chronicle-exchange')).toBeUndefined();
  // The older snapshot still exports, its missing exchange marked.
  const oldResponse = records.find((record) => record.type === 'response' && record.headers.get('warc-chronicle-snapshot') === ids['ghost-newsletter-vimeo'])!;
  expect(oldResponse.headers.get('warc-chronicle-exchange')).toMatch(/^reconstructed/);
  expect(oldResponse.payloadDigestOk).toBe(true);
});

test('export --format wacz: datapackage hashes and sizes match, the WARC is stored, CDXJ is sorted and points at its records, one page line per snapshot', async () => {
  const out = join(temp.base, 'all.wacz');
  const result = await runCli(['export', '--archive-dir', temp.root, '-o', out, '--format', 'wacz']);
  expect(result.code).toBe(0);
  const zip = await readZip(out);
  expect([...zip.keys()].sort()).toEqual(['archive/data.warc.gz', 'datapackage-digest.json', 'datapackage.json', 'indexes/index.cdxj', 'pages/pages.jsonl']);
  expect(zip.get('archive/data.warc.gz')!.compressionMethod).toBe(0);
  const datapackage = JSON.parse(zip.get('datapackage.json')!.data.toString('utf8'));
  expect(datapackage.wacz_version).toBe('1.1.1');
  for (const resource of datapackage.resources as Array<{ path: string; hash: string; bytes: number }>) {
    const data = zip.get(resource.path)!.data;
    expect(resource.bytes).toBe(data.byteLength);
    expect(resource.hash).toBe(`sha256:${createHash('sha256').update(data).digest('hex')}`);
  }
  const digest = JSON.parse(zip.get('datapackage-digest.json')!.data.toString('utf8'));
  expect(digest.hash).toBe(`sha256:${createHash('sha256').update(zip.get('datapackage.json')!.data).digest('hex')}`);

  const warc = zip.get('archive/data.warc.gz')!.data;
  const lines = zip.get('indexes/index.cdxj')!.data.toString('utf8').trim().split('\n');
  expect(lines).toEqual([...lines].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
  expect(lines).toHaveLength(4); // three responses and one revisit
  for (const line of lines) {
    const [, , timestamp, json] = /^(\S+) (\d{14}) (\{.*\})$/.exec(line)!;
    const fields = JSON.parse(json!);
    const slice = warc.subarray(Number(fields.offset), Number(fields.offset) + Number(fields.length));
    const [record] = await readWarc(slice);
    if (record === undefined) throw new Error(`nothing at ${fields.offset}+${fields.length} of ${warc.byteLength}: ${slice.subarray(0, 4).toString("hex")}`);
    expect(record!.url).toBe(fields.url);
    expect(record!.date!.replace(/[-:T]/g, '').slice(0, 14)).toBe(timestamp);
    expect(['response', 'revisit']).toContain(record!.type);
  }
  const pages = zip.get('pages/pages.jsonl')!.data.toString('utf8').trim().split('\n').map((line) => JSON.parse(line));
  expect(pages[0]).toMatchObject({ format: 'json-pages-1.0', hasText: true });
  expect(pages.slice(1)).toHaveLength(3);
  for (const page of pages.slice(1)) {
    expect(typeof page.url).toBe('string');
    expect(page.ts).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(page.text.length).toBeGreaterThan(100);
  }
});

test('the --site filter and bad input: no -o, a bad --format, a missing archive', async () => {
  const out = join(temp.base, 'none.warc.gz');
  const filtered = await runCli(['export', '--archive-dir', temp.root, '-o', out, '--site', 'elsewhere.example']);
  expect(filtered.code).toBe(0);
  expect((await readWarc(readFileSync(out))).map((record) => record.type)).toEqual(['warcinfo']);
  const noOutput = await runCli(['export', '--archive-dir', temp.root]);
  expect(noOutput).toMatchObject({ code: 2 });
  expect(noOutput.stderr).toBe('chronicle: E_USAGE: export needs -o FILE\n');
  const badFormat = await runCli(['export', '--archive-dir', temp.root, '-o', join(temp.base, 'x.zip')]);
  expect(badFormat.code).toBe(2);
  expect(badFormat.stderr).toMatch(/^chronicle: E_USAGE: give --format warc\|wacz/);
  const missing = await runCli(['export', '--archive-dir', join(temp.base, 'nothing-here'), '-o', join(temp.base, 'y.warc.gz')]);
  expect(missing.code).toBe(6);
  expect(existsSync(join(temp.base, 'y.warc.gz'))).toBe(false);
  // Nothing temporary is left beside the output.
  expect(readdirSync(temp.base).filter((name) => name.startsWith('.'))).toEqual([]);
});
