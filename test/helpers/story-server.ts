import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { injectNoise } from '../../src/tools/dev/inject-noise.js';

export interface StoryServer {
  /** The story URL: http://127.0.0.1:PORT/world/border-clashes */
  url: string;
  /** Which version (a file name in pages/, e.g. "v1.html") the next responses serve, with status 200. */
  setVersion(file: string): void;
  /** The next responses answer the story with this status (404, 410, 403…) and a short text body. */
  setStatus(status: number): void;
  /** The next responses redirect the story (301) to this path on the same server ("/" or "/world"). */
  setRedirect(path: string): void;
  /** Responses served so far. */
  requests(): number;
  close(): Promise<void>;
}

/** Serves test/helpers/story-pages/<version> at /world/border-clashes with fresh noise in every response. */
export async function startStoryServer(pagesDir: string, initialVersion = 'v1.html', seed = 1): Promise<StoryServer> {
  let version = initialVersion;
  let status = 200;
  let redirect: string | null = null;
  let served = 0;
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/' || path === '/world') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><html><head><title>The Valley Courier</title></head><body><h1>The Valley Courier</h1><p><a href="/world/border-clashes">Border clashes</a></p></body></html>');
      return;
    }
    if (path === '/world/border-clashes' && redirect !== null) {
      response.writeHead(301, { location: redirect }).end();
      return;
    }
    if (path === '/world/border-clashes' && status !== 200) {
      response.writeHead(status, { 'content-type': 'text/plain' }).end(`status ${status}`);
      return;
    }
    if (path !== '/world/border-clashes') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    readFile(join(pagesDir, version), 'utf8')
      .then((template) => {
        served += 1;
        const body = Buffer.from(injectNoise(template, seed * 1000 + served));
        response.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-length': String(body.length),
          'set-cookie': `session=${seed}-${served}; HttpOnly`,
          'x-request-id': `${seed}-${served}`,
        });
        response.end(body);
      })
      .catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/world/border-clashes`,
    setVersion: (file) => {
      version = file;
      status = 200;
      redirect = null;
    },
    setStatus: (code) => {
      status = code;
      redirect = null;
    },
    setRedirect: (path) => {
      redirect = path;
    },
    requests: () => served,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
