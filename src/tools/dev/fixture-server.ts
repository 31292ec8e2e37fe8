import { createServer, type Server } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

/** meta.json beside each fixtures/pages/<slug>/source.html. */
export interface FixturePageMeta {
  /** The publisher URL the page was saved from (used as the page URL in golden tests). */
  url: string;
  /** Content-Type the local server sends; default "text/html; charset=utf-8". */
  contentType?: string;
  /** Extra response headers. */
  headers?: Record<string, string>;
  /** Text the extracted body must contain / must not contain. */
  must?: string[];
  mustNot?: string[];
  [key: string]: unknown;
}

export interface FixtureServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** URL at which the page <slug> is served. */
  pageUrl(slug: string): string;
  /** Number of requests answered so far, per path. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

export async function readFixtureMeta(pagesDir: string, slug: string): Promise<FixturePageMeta> {
  return JSON.parse(await readFile(join(pagesDir, slug, 'meta.json'), 'utf8')) as FixturePageMeta;
}

export async function listFixtureSlugs(pagesDir: string): Promise<string[]> {
  const entries = await readdir(pagesDir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

/**
 * Serves fixtures/pages/<slug>/source.html at /pages/<slug>/ on 127.0.0.1 (port 0 = any free port),
 * byte for byte, with the Content-Type and headers from its meta.json. Anything else is a 404.
 */
export async function startFixtureServer(options: { pagesDir: string; port?: number }): Promise<FixtureServer> {
  const hits = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const match = /^\/pages\/([a-z0-9][a-z0-9._-]*)\/?$/i.exec(path);
    if (!match || request.method !== 'GET') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const slug = match[1]!;
    Promise.all([readFile(join(options.pagesDir, slug, 'source.html')), readFixtureMeta(options.pagesDir, slug)])
      .then(([body, meta]) => {
        response.writeHead(200, {
          'content-type': meta.contentType ?? 'text/html; charset=utf-8',
          'content-length': String(body.length),
          ...meta.headers,
        });
        response.end(body);
      })
      .catch(() => {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    pageUrl: (slug) => `${origin}/pages/${slug}/`,
    hits,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
