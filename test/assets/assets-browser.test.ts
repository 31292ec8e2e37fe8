/**
 * --assets: the article's images (the srcset candidate shown) are fetched, stored once under blobs/, named in the
 * manifest with their sha256, shown by article.html from disk through relative links — checked in headless
 * Chromium with the network off (each <img> decodes: naturalWidth > 0) — and exported as WARC response records.
 * The browser part skips with a message when Debian's chromium is absent (.ci/install-debian-tool.sh chromium installs it).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ndjson, runCli } from '../helpers/run-cli.js';
import { tempRoot } from '../helpers/archive.js';
import { readWarc } from '../helpers/warc.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) process.stderr.write(`SKIPPED assets-browser (Chromium part): ${CHROMIUM} not found (run .ci/install-debian-tool.sh chromium)\n`);

/** A w×h PNG of one colour. */
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

const IMAGES: Record<string, Buffer> = {
  '/img/harbour.png': png(8, 6, [10, 80, 160]),
  '/img/wall-300.png': png(3, 2, [200, 20, 20]),
  '/img/wall-900.png': png(9, 6, [20, 200, 20]),
  '/media/crane.png': png(5, 5, [90, 90, 10]),
};
const paragraph = (n: number): string =>
  `<p>Paragraph ${n}: the harbour board met on Tuesday to decide how the sea wall will be rebuilt before the storms, who pays for it and how long the works will close the quay.</p>`;
const STORY = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Sea wall rebuilt</title></head><body><article><h1>Sea wall rebuilt</h1>
${paragraph(1)}<figure><img src="/img/harbour.png" alt="The harbour at dawn" width="800" height="600"><figcaption>The harbour.</figcaption></figure>
${paragraph(2)}<figure><img src="/img/wall-300.png" srcset="/img/wall-300.png 300w, /img/wall-900.png 900w" alt="The old wall"><figcaption>The wall.</figcaption></figure>
${paragraph(3)}<figure><img src="../media/crane.png" alt="A crane"><figcaption>Works begin.</figcaption></figure>${paragraph(4)}${paragraph(5)}</article></body></html>`;

let server: Server;
let base = '';
let temp: ReturnType<typeof tempRoot>;
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requested.push(req.url ?? '');
    const image = IMAGES[req.url ?? ''];
    if (image !== undefined) {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': image.length });
      res.end(image);
    } else if (req.url === '/news/story') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(STORY);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  temp = tempRoot('chronicle-assets-');
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  temp.remove();
});

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

test('archive --assets keeps the images shown, once each, named in the manifest; article.html links to them relatively', async () => {
  const root = join(temp.base, 'with');
  const result = await runCli(['archive', '--archive-dir', root, '--assets', '--workers', '0', '--json', `${base}/news/story`]);
  expect(result.code).toBe(0);
  const [line] = ndjson(result.stdout);
  const dir = String(line!.dir);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const kept = ['/img/harbour.png', '/img/wall-900.png', '/media/crane.png'];
  expect(manifest.assets).toEqual(kept.map((path) => ({ url: `${base}${path}`, sha256: sha(IMAGES[path]!), bytes: IMAGES[path]!.length, contentType: 'image/png' })));
  expect(requested).not.toContain('/img/wall-300.png'); // the candidate not shown is not fetched
  for (const path of kept) expect(readFileSync(join(root, 'blobs', 'sha256', sha(IMAGES[path]!).slice(0, 2), sha(IMAGES[path]!))).equals(IMAGES[path]!)).toBe(true);
  const html = readFileSync(join(dir, 'article.html'), 'utf8');
  expect(html.match(/<img [^>]*src="\.\.\/\.\.\/\.\.\/\.\.\/blobs\/sha256\/[0-9a-f]{2}\/[0-9a-f]{64}"/g)).toHaveLength(3);
  expect(html).not.toMatch(/src="https?:/);

  // Exported, the images are response records a replay serves.
  const out = join(temp.base, 'with.warc.gz');
  expect((await runCli(['export', '--archive-dir', root, '-o', out])).code).toBe(0);
  const responses = (await readWarc(readFileSync(out))).filter((record) => record.type === 'response');
  expect(responses.map((record) => record.url)).toEqual([`${base}/news/story`, ...kept.map((path) => `${base}${path}`)]);
  for (const record of responses) expect(record.payloadDigestOk).toBe(true);

  // Without --assets the same page shows alt-text links instead, and nothing is fetched but the page.
  const plain = await runCli(['archive', '--archive-dir', join(temp.base, 'without'), '--workers', '0', '--json', `${base}/news/story`]);
  const plainHtml = readFileSync(join(String(ndjson(plain.stdout)[0]!.dir), 'article.html'), 'utf8');
  expect(plainHtml).not.toMatch(/<img\b/);
  expect(plainHtml.match(/class="chronicle-image-missing"/g)).toHaveLength(3);
}, 60_000);

(haveChromium ? test : test.skip)('article.html opened from disk in headless Chromium with the network off shows every image', async () => {
  const root = join(temp.base, 'browser');
  const result = await runCli(['archive', '--archive-dir', root, '--assets', '--workers', '0', '--json', `${base}/news/story`]);
  const file = join(String(ndjson(result.stdout)[0]!.dir), 'article.html');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    const remote: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      remote.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(file).toString(), { waitUntil: 'load' });
    const widths = await page.$$eval('img', (images) => images.map((image) => (image as HTMLImageElement).naturalWidth));
    expect(widths).toHaveLength(3);
    for (const width of widths) expect(width).toBeGreaterThan(0);
    expect(remote).toEqual([]);
  } finally {
    await browser.close();
  }
}, 60_000);
