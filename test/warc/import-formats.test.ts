/**
 * Records as other writers make them (Common Crawl / CC-NEWS, Heritrix, wget): WARC/1.0, sha1 digests in base32,
 * a payload sent chunked and gzip-encoded, responses that are not HTML or not 2xx.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openArchive } from '../../src/archive/index.js';
import { digestMatches } from '../../src/warc/read-warc.js';
import { ndjson, runCli } from '../helpers/run-cli.js';

/** RFC 4648 base32 (no padding), written here as bit strings so that it checks the reader's own encoder. */
const base32 = (bytes: Buffer): string =>
  ([...bytes].map((byte) => byte.toString(2).padStart(8, '0')).join('').match(/.{1,5}/g) ?? [])
    .map((chunk) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[parseInt(chunk.padEnd(5, '0'), 2)])
    .join('');
const sha1 = (bytes: Buffer): string => `sha1:${base32(createHash('sha1').update(bytes).digest())}`;

function record(type: string, url: string, date: string, block: Buffer, extra: string[] = []): Buffer {
  const head = [
    'WARC/1.0',
    `WARC-Type: ${type}`,
    `WARC-Target-URI: ${url}`,
    `WARC-Date: ${date}`,
    `WARC-Record-ID: <urn:uuid:${createHash('md5').update(url + type + date).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5')}>`,
    `Content-Type: application/http; msgtype=${type === 'request' ? 'request' : 'response'}`,
    `WARC-Block-Digest: ${sha1(block)}`,
    ...extra,
    `Content-Length: ${block.length}`,
  ].join('\r\n');
  return gzipSync(Buffer.concat([Buffer.from(`${head}\r\n\r\n`), block, Buffer.from('\r\n\r\n')]));
}

function chunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at < body.length; at += 700) {
    const piece = body.subarray(at, at + 700);
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

const ARTICLE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Port strike ends</title></head><body><article><h1>Port strike ends</h1>${Array.from(
  { length: 6 },
  (_, n) => `<p>Paragraph ${n + 1}: dock workers voted on Friday to accept the offer, ending a strike that had kept container ships waiting off the coast for nine days.</p>`,
).join('')}</article></body></html>`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chronicle-import-formats-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('digests in the forms WARC writers use: sha1 base32 and sha256 hex', () => {
  const bytes = Buffer.from('hello');
  expect(digestMatches(sha1(bytes), bytes)).toBe(true);
  expect(digestMatches(`sha256:${createHash('sha256').update(bytes).digest('hex')}`, bytes)).toBe(true);
  expect(digestMatches(sha1(Buffer.from('other')), bytes)).toBe(false);
});

test('a CC-NEWS-style WARC: the chunked, gzip-encoded payload is decoded; non-HTML and non-2xx responses are skipped and counted', async () => {
  const url = 'https://news.example.org/2026/12/port-strike-ends';
  const html = Buffer.from(ARTICLE);
  const wireBody = chunked(gzipSync(html));
  const response = Buffer.concat([
    Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n'),
    wireBody,
  ]);
  const request = Buffer.from(`GET /2026/12/port-strike-ends HTTP/1.1\r\nHost: news.example.org\r\nUser-Agent: CCBot/2.0\r\n\r\n`);
  const image = Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n'), Buffer.from([137, 80, 78, 71])]);
  const moved = Buffer.from('HTTP/1.1 301 Moved Permanently\r\nLocation: https://news.example.org/\r\nContent-Length: 0\r\n\r\n');
  const date = '2026-12-01T08:30:00Z';
  const file = join(dir, 'CC-NEWS-sample.warc.gz');
  writeFileSync(
    file,
    Buffer.concat([
      record('request', url, date, request),
      record('response', url, date, response, [`WARC-Payload-Digest: ${sha1(wireBody)}`]),
      record('response', 'https://news.example.org/logo.png', date, image),
      record('response', 'https://news.example.org/old', date, moved),
    ]),
  );
  const root = join(dir, 'archive');
  const result = await runCli(['import', '--archive-dir', root, '--workers', '0', '--json', file]);
  expect(result.code).toBe(0);
  // Lines come as records settle; in file order by offset.
  const lines = ndjson(result.stdout).sort((a, b) => Number(a.offset) - Number(b.offset));
  expect(lines.map((line) => line.reason ?? (line.ok ? 'ok' : 'failed'))).toEqual(['request', 'ok', 'not-html', 'http-3xx']);
  expect(result.stderr).toMatch(/imported 1, skipped 3 \(request 1, not-html 1, http-3xx 1\)/);
  const archive = await openArchive(root, { create: false });
  try {
    const snapshot = (await archive.get(String(lines[1]!.id)))!;
    expect(snapshot.fetch.fetchedAt).toBe('2026-12-01T08:30:00.000Z');
    expect(snapshot.url).toBe(url);
    expect(snapshot.fetch.sha256).toBe(createHash('sha256').update(html).digest('hex'));
    expect(snapshot.meta.title).toBe('Port strike ends');
    expect(snapshot.fetch.exchange!.request.headers).toEqual([['host', 'news.example.org'], ['user-agent', 'CCBot/2.0']]);
    expect(snapshot.fetch.exchange!.response.headers).toContainEqual(['transfer-encoding', 'chunked']);
  } finally {
    archive.close();
  }
}, 60_000);
