/**
 * What a shell script relies on (issue 20, items 1-4): stdout carries only data, a closed pipe ends a command
 * quietly, argument errors are one `chronicle: E_USAGE: …` line with exit 2, and `extract FILE` works without
 * --url. The stream cases run the built CLI (bin/chronicle) in a child process, as a script would; `npm test`
 * builds first.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openArchive } from '../../src/archive/index.js';
import { runBatch } from '../../src/batch/run-batch.js';
import type { InputLine } from '../../src/batch/types.js';
import { makeSave } from '../helpers/save-factory.js';
import { childOutput } from '../helpers/child-output.js';
import { runCli } from '../helpers/run-cli.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'chronicle');

/** An article whose srcset has a descriptor parse-srcset rejects once its URLs are made absolute ("40w 20h"). */
function srcsetPage(n: number): string {
  const paragraph = `Paragraph of the council story number ${n}, long enough that Readability keeps it as the article body. `.repeat(4);
  return `<!doctype html><html><head><title>Srcset story ${n}</title></head><body><article><h1>Srcset story ${n}</h1>
<p>${paragraph}</p><p><img src="a${n}.jpg" srcset="a${n}.jpg 40w 20h, b${n}.jpg 2x" alt="a photo"></p><p>${paragraph}</p>
</article></body></html>`;
}

/** Runs bin/chronicle with `args`; with closeStdout the reading end of its stdout is closed at once (`| head -0`). */
function runBin(args: string[], options: { cwd: string; closeStdout?: boolean; env?: NodeJS.ProcessEnv }) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (options.closeStdout === true) child.stdout.destroy();
  return childOutput(child);
}

let dir: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chronicle-streams-'));
  server = createServer((request, response) => {
    const n = Number(/\/story\/(\d+)/.exec(request.url ?? '')?.[1] ?? '0');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(srcsetPage(n));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('stdout carries only data (item 1)', () => {
  it('extract > x.json is valid JSON; what parse-srcset prints becomes a record warning, not output', async () => {
    const file = join(dir, 'srcset.html');
    await writeFile(file, srcsetPage(1));
    const result = await runBin(['extract', file, '--url', 'https://news.example/story/1'], { cwd: dir });
    expect(result.code).toBe(0);
    const record = JSON.parse(result.stdout) as { warnings: string[] };
    expect(record.warnings.some((warning) => warning.includes('Invalid srcset descriptor'))).toBe(true);
    expect(result.stderr).toBe('');
  });

  it('archive -i LIST --json gives exactly one line per URL, extracting in worker threads', async () => {
    const list = join(dir, 'srcset-urls.txt');
    const urls = [1, 2, 3, 4, 5].map((n) => `${origin}/story/${n}`);
    await writeFile(list, `${urls.join('\n')}\n`);
    const result = await runBin(['archive', '-i', list, '--json', '--workers', '2', '--archive-dir', join(dir, 'srcset-archive')], { cwd: dir });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(urls.length);
    expect(lines.map((line) => (JSON.parse(line) as { ok: boolean }).ok)).toEqual(urls.map(() => true));
    expect(result.stderr).not.toContain('Invalid srcset');
  });
});

describe('a closed stdout ends every command quietly (item 2)', () => {
  let archiveDir: string;
  let ids: string[];
  beforeAll(async () => {
    archiveDir = join(dir, 'pipe-archive');
    const archive = await openArchive(archiveDir);
    ids = [];
    for (let n = 0; n < 30; n++) {
      const saved = await archive.save(makeSave({ url: `https://pipe.example/story-${n}`, title: `Budget story ${n}`, body: `The council budget vote number ${n}.` }));
      ids.push(saved.id);
    }
    archive.close();
  });

  it.each([
    ['list', ['list', '--json']],
    ['list table', ['list']],
    ['search', ['search', 'budget']],
    ['search --json', ['search', 'budget', '--json']],
    ['show', ['show', 'https://pipe.example/story-3', '--format', 'json']],
    ['history', ['history', 'https://pipe.example/story-3']],
    ['verify', ['verify']],
  ])('%s: no stack trace, its normal exit code', async (_name, args) => {
    const result = await runBin([...args, '--archive-dir', archiveDir], { cwd: dir, closeStdout: true });
    expect(result.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(result.code).toBe(0);
  });

  it('diff of two snapshots ends with its own exit code (1: they differ)', async () => {
    const result = await runBin(['diff', ids[0]!, ids[1]!, '--archive-dir', archiveDir], { cwd: dir, closeStdout: true });
    expect(result.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(result.code).toBe(1);
  });
});

describe('argument errors are one line, exit 2 (item 3)', () => {
  it.each([
    [['list', '--bogus'], "unknown option '--bogus'"],
    [['archive', '--concurrency', 'x', 'https://a.example/'], "option '--concurrency <n>' argument 'x' is invalid"],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['extract'], "missing required argument 'source'"],
  ])('chronicle %j', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^chronicle: E_USAGE: .*\n$/);
    expect(result.stderr).toContain(message);
    expect(result.stderr.split('\n')).toHaveLength(2);
  });

  it('-i DIR is a usage error (2), not an internal one', async () => {
    const result = await runCli(['archive', '-i', dir, '--archive-dir', join(dir, 'unused')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^chronicle: E_USAGE: cannot read input file .*: it is a folder/);
  });

  it('an empty CHRONICLE_ARCHIVE_DIR means the default ./archive, not the working directory', async () => {
    const cwd = await mkdtemp(join(dir, 'cwd-'));
    const result = await runCli(['list'], { cwd, env: { NO_COLOR: '1', CHRONICLE_ARCHIVE_DIR: '' } });
    expect(result.code).toBe(6);
    expect(result.stderr).toContain(join(cwd, 'archive'));
    const empty = await runCli(['list', '--archive-dir', ''], { cwd });
    expect(empty.code).toBe(2);
  });

  it.each([
    ['UTF-16LE', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16BE', (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
    ['UTF-8 with BOM', (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
  ])('reads a %s URL list', async (name, encode) => {
    const list = join(dir, `list-${name}.txt`);
    await writeFile(list, encode(`${origin}/story/7\r\n# a comment\r\n${origin}/story/8\r\n`));
    const result = await runCli(['archive', '-i', list, '--json', '--workers', '0', '--archive-dir', join(dir, `utf16-${name}`)]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as { url: string; line: number });
    expect(lines.map((line) => [line.url, line.line]).sort()).toEqual([[`${origin}/story/7`, 1], [`${origin}/story/8`, 3]]);
  }, 120_000); // the first in-process extraction loads jsdom under jest

  it('a batch of many concurrent jobs gives each its own abort signal: no MaxListenersExceededWarning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(warning.name);
    };
    process.on('warning', onWarning);
    const signals = new Set<AbortSignal>();
    const abandon = new AbortController();
    const lines = (async function* (): AsyncGenerator<InputLine> {
      for (let line = 1; line <= 24; line++) yield { line, text: `https://host${line}.example/` };
    })();
    let started = 0;
    const summary = runBatch({
      lines,
      concurrency: 24,
      abandonSignal: abandon.signal,
      onOutcome: () => undefined,
      job: (_item, signal) => {
        signals.add(signal);
        started++;
        if (started === 24) setImmediate(() => abandon.abort('test'));
        // As a fetch does: a listener on the job's signal while it runs.
        return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));
      },
    });
    const result = await summary;
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('warning', onWarning);
    expect(result.failed).toBe(24);
    expect(signals.size).toBe(24);
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });
});

describe('extract FILE without --url (item 4)', () => {
  it("records the file's file:// URL, as the README says", async () => {
    const file = join(dir, 'saved page.html');
    await writeFile(file, srcsetPage(9));
    const result = await runCli(['extract', file]);
    expect(result.code).toBe(0);
    const record = JSON.parse(result.stdout) as { url: string; finalUrl: string };
    expect(record.url).toBe(`file://${file.split('/').map(encodeURIComponent).join('/')}`);
    expect(record.finalUrl).toBe(record.url);
  });
});
