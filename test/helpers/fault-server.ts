import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { articleHtml } from './article-page.js';
import { useServer } from './lifecycle.js';

/** The compressed routes: the content-encoding each answers with and how it compresses (deflate-raw is a raw stream labelled deflate). */
const COMPRESSED: Record<'gzip' | 'br' | 'deflate' | 'deflate-raw', [string, (bytes: Buffer) => Buffer]> = {
  gzip: ['gzip', gzipSync],
  br: ['br', brotliCompressSync],
  deflate: ['deflate', deflateSync],
  'deflate-raw': ['deflate', deflateRawSync],
};

/**
 * A fault-injecting HTTP server for fetch and batch tests. Each "host" is a separate listening port on
 * 127.0.0.1, so the batch runner's per-host key (host:port) sees them as different hosts; the server counts
 * concurrent requests per host as it sees them, which is what the per-host tests assert on.
 *
 * Routes (any host):
 *   /ok/<name>                     an article page (200, text/html)
 *   /slow-headers/<name>?ms=N      waits N ms before sending headers
 *   /stall/<name>                  sends headers and half a page, then never finishes
 *   /reset/<name>                  resets the connection without answering
 *   /flaky/<name>?status=503&times=N[&retryAfter=V]   answers `status` N times, then the page
 *   /status/<code>/<name>          answers with that status
 *   /redirect/<n>/<name>           n redirects, then the page
 *   /loop/a, /loop/b               redirect to each other
 *   /pdf/<name>                    a small PDF (application/pdf)
 *   /huge/<name>?mb=N              N MiB of HTML, streamed without Content-Length
 *   /huge-declared/<name>?mb=N     the same with Content-Length
 *   /gzip|/br|/deflate|/deflate-raw/<name>   the page, compressed
 *   /bomb/<name>                   gzip that inflates to 64 MiB
 *   /untyped/<name>, /untyped-pdf/<name>     no Content-Type: an HTML page, a PDF
 *   /html-pdf/<name>, /html-binary/<name>    served as text/html: a PDF, bytes of a binary file
 *   /robots.txt                    the host's `robots` text, or 404 when unset
 *   /empty/<name>                  an HTML page with no article in it
 *   /echo-ua                       an article whose title is the request's User-Agent
 */
export interface FaultHost {
  origin: string;
  /** host:port, the batch runner's per-host key. */
  key: string;
  url(path: string): string;
  /** The most concurrent requests this host saw at once. */
  maxActive: number;
  active: number;
  /** The paths in flight when maxActive was reached (for diagnosing a breach). */
  peakPaths: string[];
  /** Requests answered per path (pathname + search). */
  hits: Map<string, number>;
  /** robots.txt body, or null for a 404. */
  robots: string | null;
  close(): Promise<void>;
}

export interface FaultServerOptions {
  /** Delay before every answer, ms (models latency; default 0). */
  latencyMs?: number;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
let bombCache: Buffer | null = null;

export async function startFaultHost(options: FaultServerOptions = {}): Promise<FaultHost> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const flakyCounts = new Map<string, number>();
  const later = (ms: number, fn: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const host: FaultHost = {
    origin: '',
    key: '',
    url: (path) => `${host.origin}${path}`,
    maxActive: 0,
    peakPaths: [],
    active: 0,
    hits: new Map(),
    robots: null,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://fault.test');
    const route = url.pathname.split('/').filter((part) => part !== '');
    const name = route[route.length - 1] ?? 'index';
    const page = (title?: string): Buffer => Buffer.from(articleHtml(`${url.pathname}`, title ? { title } : {}), 'utf8');
    const sendPage = (extra: Record<string, string> = {}, body: Buffer = page()): void => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(body.length), ...extra });
      response.end(body);
    };
    const intParam = (key: string, fallback: number): number => {
      const value = Number(url.searchParams.get(key));
      return Number.isFinite(value) && url.searchParams.has(key) ? value : fallback;
    };

    switch (route[0]) {
      case 'ok':
        sendPage();
        return;
      case 'empty':
        sendPage({}, Buffer.from('<!DOCTYPE html><html><head><title></title></head><body><nav></nav></body></html>'));
        return;
      case 'echo-ua':
        sendPage({}, page(String(request.headers['user-agent'] ?? '')));
        return;
      case 'slow-headers':
        later(intParam('ms', 30_000), () => sendPage());
        return;
      case 'stall': {
        const body = page();
        response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(body.length) });
        response.write(body.subarray(0, body.length >> 1));
        return; // never ends
      }
      case 'reset':
        request.socket.resetAndDestroy();
        return;
      case 'flaky': {
        const key = url.pathname;
        const seen = flakyCounts.get(key) ?? 0;
        flakyCounts.set(key, seen + 1);
        if (seen < intParam('times', 1)) {
          const headers: Record<string, string> = { 'content-type': 'text/plain' };
          const retryAfter = url.searchParams.get('retryAfter');
          if (retryAfter !== null) headers['retry-after'] = retryAfter;
          response.writeHead(intParam('status', 503), headers).end('try again later');
          return;
        }
        sendPage();
        return;
      }
      case 'status':
        response.writeHead(Number(route[1]), { 'content-type': 'text/html' }).end(`<html><body>status ${route[1]}</body></html>`);
        return;
      case 'redirect': {
        const remaining = Number(route[1]);
        if (remaining <= 0) {
          sendPage();
          return;
        }
        const next = `/redirect/${remaining - 1}/${name}`;
        response.writeHead(remaining % 2 === 0 ? 301 : 302, { location: remaining % 3 === 0 ? host.url(next) : next }).end();
        return;
      }
      case 'loop':
        response.writeHead(302, { location: name === 'a' ? '/loop/b' : '/loop/a' }).end();
        return;
      case 'pdf':
        response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(PDF.length) }).end(PDF);
        return;
      case 'untyped':
        response.writeHead(200, {});
        response.end(page());
        return;
      case 'html-pdf':
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PDF);
        return;
      case 'html-binary':
        response.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.from('ELF\x02\x01\x01\x00\x00 data data <p>word</p>', 'latin1'));
        return;
      case 'untyped-pdf':
        response.writeHead(200, {});
        response.end(PDF);
        return;
      case 'huge':
      case 'huge-declared': {
        const total = intParam('mb', 60) * 1024 * 1024;
        const headers: Record<string, string> = { 'content-type': 'text/html' };
        if (route[0] === 'huge-declared') headers['content-length'] = String(total);
        response.writeHead(200, headers);
        const chunk = Buffer.alloc(64 * 1024, '<p>filler text for a very large page</p>\n');
        let sent = 0;
        const pump = (): void => {
          while (sent < total) {
            const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
            sent += piece.length;
            if (!response.write(piece)) {
              response.once('drain', pump);
              return;
            }
          }
          response.end();
        };
        response.once('close', () => {
          sent = total;
        });
        pump();
        return;
      }
      case 'gzip':
      case 'br':
      case 'deflate':
      case 'deflate-raw': {
        const [encoding, compress] = COMPRESSED[route[0] as keyof typeof COMPRESSED];
        sendPage({ 'content-encoding': encoding }, compress(page()));
        return;
      }
      case 'bomb':
        bombCache ??= gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 });
        sendPage({ 'content-encoding': 'gzip' }, bombCache);
        return;
      case 'robots.txt':
        if (host.robots === null) response.writeHead(404, { 'content-type': 'text/plain' }).end('no robots');
        else response.writeHead(200, { 'content-type': 'text/plain' }).end(host.robots);
        return;
      default:
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  };

  const activePaths = new Set<string>();
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    host.hits.set(path, (host.hits.get(path) ?? 0) + 1);
    host.active++;
    activePaths.add(path);
    if (host.active > host.maxActive) {
      host.maxActive = host.active;
      host.peakPaths = [...activePaths];
    }
    let counted = true;
    const release = (): void => {
      if (!counted) return;
      counted = false;
      host.active--;
      activePaths.delete(path);
    };
    // 'close' fires when the response is done or its connection went away (client abort, reset).
    response.once('close', release);
    if (options.latencyMs) later(options.latencyMs, () => handle(request, response));
    else handle(request, response);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  host.origin = `http://127.0.0.1:${port}`;
  host.key = `127.0.0.1:${port}`;
  return host;
}

/** Several hosts at once (distinct ports). */
export async function startFaultHosts(count: number, options: FaultServerOptions = {}): Promise<FaultHost[]> {
  return Promise.all(Array.from({ length: count }, () => startFaultHost(options)));
}

/** One fault host for the calling test file: started before its tests, closed after; reads and writes go to the live host. */
export function useFaultHost(options: FaultServerOptions = {}): FaultHost {
  return useServer(() => startFaultHost(options));
}
