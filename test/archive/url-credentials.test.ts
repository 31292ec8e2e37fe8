import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeUrl, parseHttpUrl } from '../../src/normalize/url.js';
import { startFaultHost, type FaultHost } from '../helpers/fault-server.js';
import { ndjson, runCli } from '../helpers/run-cli.js';

/** Issue 20, item 9: credentials in a URL are never stored or printed, and the page is keyed without them. */

let host: FaultHost;
let dir: string;
beforeAll(async () => {
  host = await startFaultHost();
  dir = await mkdtemp(join(tmpdir(), 'chronicle-credentials-'));
}, 120_000);
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
}, 120_000);

const SECRET = 's3cr3t-pa55';
const withCredentials = (url: string): string => url.replace('http://', `http://reader:${SECRET}@`);

/** Every file under a folder, as text (the index too: SQLite stores text as is). */
function everyFileText(root: string): string {
  let text = '';
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (statSync(path).isFile()) text += readFileSync(path).toString('latin1');
  }
  return text;
}

it('parseHttpUrl and normalizeUrl drop user and password', () => {
  expect(parseHttpUrl('https://u:p@example.com/a').toString()).toBe('https://example.com/a');
  expect(normalizeUrl('https://u:p@Example.com/a?utm_source=x')).toBe('https://example.com/a');
  expect(normalizeUrl('https://only-user@example.com/a')).toBe('https://example.com/a');
}, 120_000);

it('archive, list, show and check never store or print the credentials, and key the page without them', async () => {
  const archive = join(dir, 'arch');
  const plain = host.url('/ok/protected');
  const secretUrl = withCredentials(plain);
  const list = join(dir, 'urls.txt');
  await writeFile(list, `${secretUrl}\n${withCredentials(host.url('/status/404/gone'))}\nhttp://x:${SECRET}@[bad\n`);
  const archived = await runCli(['archive', '--json', '-i', list, '--workers', '0', '--retries', '0', '--archive-dir', archive]);
  const text = await runCli(['archive', secretUrl, '--archive-dir', archive]);
  const listed = await runCli(['list', '--json', '--archive-dir', archive]);
  const shown = await runCli(['show', secretUrl, '--format', 'json', '--archive-dir', archive]);
  const missing = await runCli(['show', withCredentials(host.url('/ok/never')), '--archive-dir', archive]);
  const checked = await runCli(['check', '--json', secretUrl, '--archive-dir', archive]);
  for (const result of [archived, text, listed, shown, missing, checked]) {
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    expect(result.stdout + result.stderr).not.toContain('reader:');
  }
  expect(everyFileText(archive)).not.toContain(SECRET);
  const lines = ndjson(archived.stdout);
  expect(lines).toHaveLength(3);
  expect(lines.find((line) => line.line === 1)).toMatchObject({ url: plain, ok: true, created: true, finalUrl: plain });
  expect(lines.find((line) => line.line === 3)).toMatchObject({ url: 'http://[bad', ok: false });
  expect(text.code).toBe(0);
  expect(text.stdout).toContain('(unchanged)');
  const rows = ndjson(listed.stdout);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ url: plain });
  expect(shown.code).toBe(0);
  expect((JSON.parse(shown.stdout) as { url: string; finalUrl: string }).finalUrl).toBe(plain);
  expect(missing.code).toBe(6);
  expect(ndjson(checked.stdout)[0]).toMatchObject({ changed: false, new: false });
}, 120_000);
