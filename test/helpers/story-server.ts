import { afterAll, beforeAll } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openArchive } from '../../src/archive/index.js';
import { runCli } from './run-cli.js';
import { injectNoise } from '../../src/tools/dev/inject-noise.js';
import { readStoryVersion } from './story-versions.js';

export interface StoryServer {
  /** The story URL: http://127.0.0.1:PORT/world/border-clashes */
  url: string;
  /** Which version ("v1.html": a file in story-pages/, or a version story-versions.ts derives) the next responses serve, with status 200. */
  setVersion(file: string): void;
  /** The next responses answer the story with this status (404, 410, 403…) and a short text body. */
  setStatus(status: number): void;
  /** The next responses redirect the story (301) to this path on the same server ("/" or "/world"). */
  setRedirect(path: string): void;
  /** Responses served so far. */
  requests(): number;
  close(): Promise<void>;
}

/** Serves a story version (story-versions.ts) at /world/border-clashes with fresh noise in every response. */
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
    readStoryVersion(pagesDir, version)
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

/** The story's versions, walls and teasers served by startStoryServer. */
export const STORY_PAGES = fileURLToPath(new URL('./story-pages/', import.meta.url));

export interface StoryArchive {
  /** Set before the tests of the file run (beforeAll). */
  server: StoryServer;
  /** A fresh archive folder, removed after the file. */
  dir: string;
  /** `chronicle check --archive-dir <dir> --retries 0 ...args`, in-process. */
  check(...args: string[]): ReturnType<typeof runCli>;
  /** How many versions the archive holds for the story URL. */
  versionCount(): Promise<number>;
}

/** Registers a story server and an archive folder for the calling test file (or describe block). */
export function useStoryArchive(version: string, seed: number, prefix: string): StoryArchive {
  const story = {
    check: (...args: string[]) => runCli(['check', '--archive-dir', story.dir, '--retries', '0', ...args]),
    versionCount: () => countVersions(story.dir, story.server.url),
  } as StoryArchive;
  beforeAll(async () => {
    story.server = await startStoryServer(STORY_PAGES, version, seed);
    story.dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await story.server.close();
    await rm(story.dir, { recursive: true, force: true });
  });
  return story;
}

async function countVersions(dir: string, url: string): Promise<number> {
  const archive = await openArchive(dir, { create: false });
  try {
    return (await archive.versions(url)).length;
  } finally {
    archive.close();
  }
}
