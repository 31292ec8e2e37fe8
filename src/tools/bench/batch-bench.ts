/**
 * `npm run bench:batch` — archives 1,000 URLs through the real `chronicle archive` command (in-process),
 * from local servers that add 50 ms of latency to every response, and prints how close the wall time comes
 * to the ideal.
 *
 * Setup: 8 "hosts" (HTTP servers on distinct 127.0.0.1 ports; per-host limits are per host:port) each serve
 * the bundled fixture pages (fixtures/pages/<slug>/source.html) under many distinct URLs,
 * /b/<n>/<slug>/, so every URL is a new page to the archive. URLs are listed round-robin over the hosts, so
 * with --concurrency 8 --per-host 2 the per-host limit never binds (8 hosts × 2 ≥ 8).
 *
 * Ideal time = max(latency × N / concurrency, extraction CPU time / cores), where extraction CPU time is
 * measured in this run: buildSnapshot timed serially (process CPU time) on a sample of the same pages, then
 * scaled to N. Printed figures: wall time, pages/s, peak RSS, both parts of the ideal, and wall / ideal.
 */
import { createServer, type Server } from 'node:http';
import { availableParallelism } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { run } from '../../cli/program.js';
import type { CliIo } from '../../cli/io.js';
import { fetchPage } from '../../fetch/fetch-page.js';
import { buildSnapshot } from '../../pipeline/build-snapshot.js';
import type { CorpusPage } from './corpus.js';
import { loadFixturePages } from './fixture-pages.js';
import { runBench, wholeNumberSetting } from './settings.js';

const PER_HOST = 2;
const HOSTS = 8;
const SAMPLE = 40;

/** The fixture pages by slug. */
function pagesBySlug(pagesDir: string): Map<string, CorpusPage> {
  return new Map(loadFixturePages(pagesDir).map((page) => [page.name.replace(/^fixtures\//, ''), page]));
}

async function startHost(pages: Map<string, CorpusPage>, latencyMs: number): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    const match = /^\/b\/\d+\/([^/]+)\/$/.exec(request.url ?? '');
    const page = match ? pages.get(match[1]!) : undefined;
    setTimeout(() => {
      if (page === undefined) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': page.contentType ?? 'text/html; charset=utf-8', 'content-length': String(page.bytes.byteLength) });
      response.end(page.bytes);
    }, latencyMs);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

function captureIo(stdin: string, cwd: string): { io: CliIo; stdout: () => string; stderr: () => string } {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  return {
    io: { stdout, stderr, stdin: Readable.from([stdin]), env: {}, stderrIsTTY: false, stdoutIsTTY: false, cwd },
    stdout: () => Buffer.concat(out).toString('utf8'),
    stderr: () => Buffer.concat(err).toString('utf8'),
  };
}

async function main(): Promise<void> {
  const urlCount = wholeNumberSetting('BENCH_URLS', 1000, 1);
  const latencyMs = wholeNumberSetting('BENCH_LATENCY_MS', 50, 0);
  const concurrency = wholeNumberSetting('BENCH_CONCURRENCY', 8, 1);
  const pagesDir = resolve(process.env.BENCH_PAGES_DIR ?? 'fixtures/pages');
  const pages = pagesBySlug(pagesDir);
  const slugs = [...pages.keys()].sort();
  if (slugs.length === 0) throw new Error(`no fixture pages in ${pagesDir}`);
  const hosts = await Promise.all(Array.from({ length: HOSTS }, () => startHost(pages, latencyMs)));
  const urls = Array.from({ length: urlCount }, (_, n) => `${hosts[n % HOSTS]!.origin}/b/${n}/${slugs[n % slugs.length]}/`);
  const root = await mkdtemp(join(tmpdir(), 'chronicle-bench-'));
  try {
    // Extraction CPU time, measured serially on a sample of the same pages (fetch excluded).
    const captures = await Promise.all(urls.slice(0, SAMPLE).map((url) => fetchPage(url)));
    await buildSnapshot(captures[0]!); // warm-up (module loading, JIT)
    const cpuBefore = process.cpuUsage();
    for (const capture of captures) await buildSnapshot(capture).catch(() => undefined);
    const cpu = process.cpuUsage(cpuBefore);
    const extractCpuMsPerPage = (cpu.user + cpu.system) / 1000 / captures.length;

    const { io, stdout, stderr } = captureIo(urls.join('\n') + '\n', root);
    const started = performance.now();
    const code = await run(
      ['node', 'chronicle', 'archive', '-i', '-', '--json', '--archive-dir', join(root, 'archive'),
        '--concurrency', String(concurrency), '--per-host', String(PER_HOST)],
      io,
    );
    const wallMs = performance.now() - started;
    const lines = stdout().trim().split('\n').filter((line) => line !== '');
    const archived = lines.filter((line) => (JSON.parse(line) as { ok: boolean; skipped?: boolean }).ok).length;

    const cores = availableParallelism();
    const networkIdealMs = (latencyMs * urlCount) / concurrency;
    const cpuIdealMs = (extractCpuMsPerPage * urlCount) / cores;
    const idealMs = Math.max(networkIdealMs, cpuIdealMs);
    const peakRssMiB = process.resourceUsage().maxRSS / 1024;

    const print = (label: string, value: string): void => {
      process.stdout.write(`${label.padEnd(34)}${value}\n`);
    };
    process.stdout.write(`bench:batch — ${urlCount} URLs, ${HOSTS} hosts, ${slugs.length} fixture pages, ${latencyMs} ms latency, --concurrency ${concurrency} --per-host ${PER_HOST}\n`);
    print('exit code', String(code));
    print('archived', `${archived}/${urlCount}`);
    print('wall time', `${(wallMs / 1000).toFixed(2)} s`);
    print('pages/s', (urlCount / (wallMs / 1000)).toFixed(1));
    print('peak RSS', `${peakRssMiB.toFixed(0)} MiB`);
    print('extraction CPU per page', `${extractCpuMsPerPage.toFixed(1)} ms (serial sample of ${captures.length})`);
    print('ideal: network latency×N/conc', `${(networkIdealMs / 1000).toFixed(2)} s`);
    print(`ideal: extraction CPU/${cores} cores`, `${(cpuIdealMs / 1000).toFixed(2)} s`);
    print('ideal (max of the two)', `${(idealMs / 1000).toFixed(2)} s`);
    print('wall / ideal', `${(wallMs / idealMs).toFixed(2)}× (target ≤ 1.5×)`);
    if (code !== 0) process.stderr.write(stderr());
  } finally {
    await Promise.all(hosts.map((host) => new Promise<void>((done) => {
      host.server.closeAllConnections();
      host.server.close(() => done());
    })));
    await rm(root, { recursive: true, force: true });
  }
}

runBench('bench:batch', main);
