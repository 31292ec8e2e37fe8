import { createServer, type IncomingMessage, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { fetchPage } from '../../src/fetch/fetch-page.js';
import { buildSnapshot } from '../../src/pipeline/build-snapshot.js';

const HTML = `<html><head><title>Exchange</title></head><body><article><h1>Exchange</h1>${'<p>The council met on Tuesday and agreed to rebuild the harbour wall before the winter storms arrive.</p>'.repeat(5)}</article></body></html>`;
let server: Server;
let seen: IncomingMessage | null = null;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    seen = req;
    res.statusCode = 200;
    res.statusMessage = 'Fine Thanks';
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Set-Cookie', ['a=1', 'b=2']);
    res.setHeader('X-Served-By', 'cache-1');
    res.end(gzipSync(HTML));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test('the capture keeps the request sent and every response header received, and the snapshot files them', async () => {
  const capture = await fetchPage(`${base}/news/story?id=7`, { retries: 0 });
  const exchange = capture.exchange!;
  expect(exchange.request.method).toBe('GET');
  expect(exchange.request.target).toBe('/news/story?id=7');
  // What the server saw is what the capture says was sent (names and values, in order).
  const sent: Array<[string, string]> = [];
  for (let i = 0; i < seen!.rawHeaders.length; i += 2) sent.push([seen!.rawHeaders[i]!.toLowerCase(), seen!.rawHeaders[i + 1]!]);
  expect(exchange.request.headers).toEqual(sent);
  expect(exchange.response).toMatchObject({ status: 200, statusText: 'Fine Thanks', httpVersion: 'HTTP/1.1' });
  expect(exchange.response.headers).toEqual(expect.arrayContaining([['content-encoding', 'gzip'], ['set-cookie', 'a=1'], ['set-cookie', 'b=2'], ['x-served-by', 'cache-1']]));
  expect(exchange.payload).toBe('decoded');
  expect(Buffer.from(capture.body).toString('utf8')).toBe(HTML);
  const { snapshot } = await buildSnapshot(capture);
  expect(snapshot.fetch.exchange).toEqual(exchange);
});
