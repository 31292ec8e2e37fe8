/**
 * What the CLI benchmarks share: bench pages served from 127.0.0.1 at /page/N (N cycles through the pages; no
 * added latency), a URL list of them, and one run of the built CLI (`node bin/chronicle archive -i LIST …`)
 * whose NDJSON outcomes are counted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delimiter, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CorpusPage } from './corpus.js';
import { loadCorpusOrFixtures } from './fixture-pages.js';

export interface LocalSite {
  port: number;
  close(): void;
}

/** Serves `pages` at http://127.0.0.1:PORT/page/N, page N modulo their count; anything else is a 404. */
export async function serveBenchPages(pages: readonly CorpusPage[]): Promise<LocalSite> {
  const server: Server = createServer((request, response) => {
    const match = /^\/page\/(\d+)$/.exec(new URL(request.url ?? '/', 'http://localhost').pathname);
    const page = match ? pages[Number(match[1]) % pages.length] : undefined;
    if (!page) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(page.bytes.byteLength) }).end(page.bytes);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

/** Writes a list of `count` URLs of the site, one per line. */
export function writeUrlList(path: string, site: LocalSite, count: number): void {
  writeFileSync(path, Array.from({ length: count }, (_, index) => `http://127.0.0.1:${site.port}/page/${index}\n`).join(''));
}

/** What a CLI benchmark runs against: the pages, the site serving them, a work folder and a list of `count` URLs in it. */
export interface BenchSetup {
  pages: readonly CorpusPage[];
  source: string;
  site: LocalSite;
  work: string;
  list: string;
}

/** Serves the corpus pages (or the fixtures) and writes a list of `count` of their URLs in a fresh folder. */
export async function setUpBenchSite(count: number, folderPrefix: string): Promise<BenchSetup> {
  const { pages, source } = loadCorpusOrFixtures();
  const site = await serveBenchPages(pages);
  const work = mkdtempSync(join(tmpdir(), folderPrefix));
  const list = join(work, 'urls.txt');
  writeUrlList(list, site, count);
  return { pages, source, site, work, list };
}

export interface ArchiveRunFigures {
  seconds: number;
  ok: number;
  failed: number;
  /** The process's exit code, or the signal's name. */
  exit: number | string | null;
}

export interface ArchiveRunOptions {
  list: string;
  archiveDir: string;
  workers: number;
  /** Called once the child has started (to watch it). */
  onStart?: (child: ChildProcess) => void;
  /** Called after each outcome line, with the counts so far. */
  onOutcome?: (ok: number, failed: number) => void;
}

/**
 * Runs the built CLI's `archive` over the list (8 at once) and counts the NDJSON outcomes on its stdout. The
 * command is run as a user runs it, bin/chronicle as a program (its sh line sets MALLOC_ARENA_MAX unless the
 * environment does), with this node first on PATH; on Windows, through node.
 */
export function runArchive(options: ArchiveRunOptions): Promise<ArchiveRunFigures> {
  const args = [
    'archive', '-i', options.list, '--archive-dir', options.archiveDir, '--json', '--quiet',
    '--workers', String(options.workers), '--concurrency', '8', '--per-host', '8',
  ];
  const bin = resolve('bin/chronicle');
  const started = performance.now();
  const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` };
  const child = process.platform === 'win32'
    ? spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
    : spawn(bin, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
  options.onStart?.(child);
  let buffered = '';
  let ok = 0;
  let failed = 0;
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.trim() === '') continue;
      if (line.includes(`"ok":true`)) ok++;
      else failed++;
      options.onOutcome?.(ok, failed);
    }
  });
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code, signal) =>
      done({ seconds: (performance.now() - started) / 1000, ok, failed, exit: code ?? signal }));
  });
}
