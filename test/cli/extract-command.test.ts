import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFixtureServer, type FixtureServer } from '../../src/tools/dev/fixture-server.js';
import { runCli } from '../helpers/run-cli.js';

const pagesDir = resolve('fixtures/pages');
const seed = join(pagesDir, 'embassy-withdrawal', 'source.html');

describe('chronicle extract', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer({ pagesDir });
  });
  afterAll(async () => {
    await server.close();
  });

  it('prints the snapshot record of a saved file as JSON on stdout, nothing on stderr', async () => {
    const result = await runCli(['extract', seed, '--url', 'https://capitolcourier.news/story/?utm_source=x']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const record = JSON.parse(result.stdout) as Record<string, unknown> & { schema: string; url: string; body: { text: string } };
    expect(record.schema).toBe('chronicle.snapshot/1');
    expect(record.url).toBe('https://capitolcourier.news/story/');
    expect(Object.keys(record)).toEqual([
      'schema', 'id', 'url', 'finalUrl', 'canonicalUrl', 'fetch', 'meta', 'body', 'quotes', 'embeds', 'images', 'links', 'corrections', 'digest', 'warnings',
    ]);
    expect(record.body.text).toContain('have now fully retreated');
  });

  it('reads standard input with - and prints text or html formats', async () => {
    const html = '<html><head><title>Stdin story</title></head><body><article><h1>Stdin story</h1><p>' + 'A sentence of the story read from standard input. '.repeat(20) + '</p></article></body></html>';
    const text = await runCli(['extract', '-', '--url', 'https://example.org/s', '--format', 'text'], { stdin: html });
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('Stdin story');
    expect(text.stdout).toContain('read from standard input.');
    const page = await runCli(['extract', '-', '--url', 'https://example.org/s', '--format', 'html'], { stdin: html });
    expect(page.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(page.stdout).not.toMatch(/<script/i);
  });

  it('fetches a URL from the local server', async () => {
    const result = await runCli(['extract', server.pageUrl('embassy-withdrawal')]);
    expect(result.code).toBe(0);
    const record = JSON.parse(result.stdout) as { fetch: { status: number; sha256: string }; meta: { title: string } };
    expect(record.fetch.status).toBe(200);
    expect(record.meta.title).toBe('Iran-Backed Protestors Fully Withdraw From U.S. Embassy In Iraq');
  });

  it('exits 2 with one line for a missing file, a malformed URL and a bad --format', async () => {
    for (const args of [
      ['extract', 'no/such/file.html'],
      ['extract', 'ftp://example.org/x'],
      ['extract', seed, '--format', 'pdf'],
      ['extract', '-', '--url', 'not a url'],
    ]) {
      const result = await runCli(args, { stdin: '<p>x</p>' });
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('exits 5 with E_NO_ARTICLE for a page with nothing to extract', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chronicle-extract-'));
    const empty = join(dir, 'empty.html');
    await writeFile(empty, '<html><body></body></html>');
    const result = await runCli(['extract', empty]);
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(/^chronicle: E_NO_ARTICLE: /);
  });

  it('exits 5 with E_NOT_HTML for a PDF saved as .html, read from a file or standard input', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chronicle-extract-'));
    const pdf = join(dir, 'report.html');
    await writeFile(pdf, '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n', 'latin1');
    const fromFile = await runCli(['extract', pdf]);
    expect(fromFile.code).toBe(5);
    expect(fromFile.stdout).toBe('');
    expect(fromFile.stderr).toMatch(/^chronicle: E_NOT_HTML: .*application\/pdf/);
    const fromStdin = await runCli(['extract', '-', '--url', 'https://example.org/x'], { stdin: '\x00\x01\x02binary' });
    expect(fromStdin.code).toBe(5);
    expect(fromStdin.stderr).toMatch(/^chronicle: E_NOT_HTML: /);
  });

  it('shows the stack only with --debug', async () => {
    const plain = await runCli(['extract', 'no/such/file.html']);
    expect(plain.stderr).not.toContain('    at ');
    const debug = await runCli(['--debug', 'extract', 'no/such/file.html']);
    expect(debug.stderr).toContain('    at ');
  });
});
