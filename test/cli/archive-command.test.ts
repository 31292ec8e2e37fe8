import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive } from '../../src/archive/index.js';
import { articleHtml } from '../helpers/article-page.js';
import { startFaultHost, useFaultHost } from '../helpers/fault-server.js';
import { ndjson, runCli } from '../helpers/run-cli.js';

const host = useFaultHost();
const fast = ['--timeout-ms', '1000', '--retries', '1'];


async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'chronicle-archive-cmd-'));
}

/** Every snapshot folder under an archive root (folders holding snapshot.json). */
async function snapshotDirs(root: string): Promise<string[]> {
  if (!existsSync(join(root, 'sites'))) return [];
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const path = join(dir, entry.name);
      if (existsSync(join(path, 'snapshot.json'))) found.push(path);
      else await walk(path);
    }
  };
  await walk(join(root, 'sites'));
  return found;
}

describe('chronicle archive: one URL', () => {
  it('archives a page: snapshot.json, byte-identical raw.html and a script-free article.html; human line on stdout', async () => {
    const dir = await tempDir();
    const url = host.url('/ok/single');
    const result = await runCli(['archive', url, '--archive-dir', join(dir, 'arch')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ok {4}http:\/\/127\.0\.0\.1:\d+\/ok\/single {2}.+"Council votes on harbour plan/);
    expect(result.stderr).toMatch(/^chronicle: archived 1, skipped 0, duplicates 0, failed 0 in \d+\.\d s\n$/);
    const [snapshotDir] = await snapshotDirs(join(dir, 'arch'));
    const raw = await readFile(join(snapshotDir!, 'raw.html'));
    expect(raw.equals(Buffer.from(articleHtml('/ok/single'), 'utf8'))).toBe(true);
    const record = JSON.parse(await readFile(join(snapshotDir!, 'snapshot.json'), 'utf8')) as { url: string; meta: { title: string } };
    expect(record.url).toBe(url);
    expect(await readFile(join(snapshotDir!, 'article.html'), 'utf8')).not.toMatch(/<script/i);
  });

  it('prints one JSON line with --json', async () => {
    const dir = await tempDir();
    const url = host.url('/redirect/2/json');
    const result = await runCli(['archive', '--json', url, '--archive-dir', join(dir, 'arch')]);
    expect(result.code).toBe(0);
    const [line] = ndjson(result.stdout);
    expect(line).toMatchObject({
      url,
      line: 1,
      ok: true,
      created: true,
      finalUrl: host.url('/redirect/0/json'),
      status: 200,
      title: 'Council votes on harbour plan (/redirect/0/json)',
      redirects: 2,
      attempts: 1,
      lowConfidence: false,
    });
    expect(typeof line!.id).toBe('string');
    expect(existsSync(join(line!.dir as string, 'snapshot.json'))).toBe(true);
  });

  it('records the decoded body and the content encoding of a gzip page', async () => {
    const dir = await tempDir();
    const result = await runCli(['archive', '--json', host.url('/gzip/zipped'), '--archive-dir', dir]);
    expect(result.code).toBe(0);
    const [line] = ndjson(result.stdout);
    const raw = await readFile(join(line!.dir as string, 'raw.html'));
    expect(raw.equals(Buffer.from(articleHtml('/gzip/zipped'), 'utf8'))).toBe(true);
    const record = JSON.parse(await readFile(join(line!.dir as string, 'snapshot.json'), 'utf8')) as { fetch: { contentEncoding: string } };
    expect(record.fetch.contentEncoding).toBe('gzip');
  });

  it.each([
    ['a 404', '/status/404/missing', 4, 'E_HTTP_STATUS'],
    ['a 410', '/status/410/gone', 4, 'E_HTTP_STATUS'],
    ['a permanent 500', '/status/500/broken', 4, 'E_HTTP_STATUS'],
    ['a PDF', '/pdf/report', 5, 'E_NOT_HTML'],
    ['a reset connection', '/reset/conn', 3, 'E_NETWORK'],
    ['a redirect loop', '/loop/a', 3, 'E_REDIRECT_LOOP'],
    ['an oversize body', '/huge/page?mb=2', 3, 'E_TOO_LARGE'],
  ])('exits with the specific code for %s and leaves no snapshot', async (_label, path, exitCode, code) => {
    const dir = await tempDir();
    const result = await runCli(['archive', '--json', host.url(path), '--archive-dir', dir, ...fast, '--max-bytes', String(1024 * 1024)]);
    expect(result.code).toBe(exitCode);
    const [line] = ndjson(result.stdout);
    expect(line).toMatchObject({ url: host.url(path), ok: false, error: { code } });
    expect(await snapshotDirs(dir)).toEqual([]);
  });

  it('exits 5 for a page with nothing to extract', async () => {
    const dir = await tempDir();
    const result = await runCli(['archive', '--json', host.url('/empty/nothing'), '--archive-dir', dir]);
    expect(result.code).toBe(5);
    expect(ndjson(result.stdout)[0]).toMatchObject({ ok: false, error: { code: 'E_NO_ARTICLE' } });
    expect(result.stderr).toMatch(/^chronicle: E_NO_ARTICLE: http:\/\/127\.0\.0\.1:\d+\/empty\/nothing: .+$/m);
    expect(await snapshotDirs(dir)).toEqual([]);
  });

  it('exits 2 for a malformed URL, and for no URL at all', async () => {
    const dir = await tempDir();
    const bad = await runCli(['archive', 'not a url', '--archive-dir', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('FAIL  not a url  E_INVALID_URL: not a valid URL: "not a url"\n');
    const none = await runCli(['archive', '--archive-dir', dir]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('E_USAGE');
    const missing = await runCli(['archive', '-i', join(dir, 'nope.txt'), '--archive-dir', dir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^chronicle: E_USAGE: cannot read input file/);
    for (const flags of [['--concurrency', 'lots'], ['--per-host', '0'], ['--timeout-ms', '-5'], ['--retries', 'x'], ['--max-bytes', '0'], ['--delay-ms', '1.5']]) {
      const badFlag = await runCli(['archive', host.url('/ok/x'), ...flags, '--archive-dir', dir]);
      expect({ flags, code: badFlag.code }).toEqual({ flags, code: 2 });
    }
    expect(host.hits.get('/ok/x')).toBeUndefined();
  });

  it('exits 6 with E_ARCHIVE when the archive folder cannot be used', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a-file'), 'not a folder');
    const result = await runCli(['archive', host.url('/ok/archive-error'), '--archive-dir', join(dir, 'a-file')]);
    expect(result.code).toBe(6);
    expect(result.stderr).toMatch(/^chronicle: E_ARCHIVE: /);
    expect(host.hits.get('/ok/archive-error')).toBeUndefined();
  });

  it('logs retries on stderr with --debug, and not without', async () => {
    const dir = await tempDir();
    const debug = await runCli(['--debug', 'archive', host.url('/flaky/debug-log?status=503&times=1'), '--archive-dir', dir]);
    expect(debug.code).toBe(0);
    expect(debug.stderr).toMatch(/^chronicle: retry 1 of http:\/\/127\.0\.0\.1:\d+\/flaky\/debug-log\?status=503&times=1 after HTTP 503, waiting \d+ ms$/m);
    const quiet = await runCli(['archive', host.url('/flaky/no-debug-log?status=503&times=1'), '--archive-dir', dir]);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toContain('retry');
  });

  it('check logs retries with --debug too (the batch commands share one runner)', async () => {
    const dir = await tempDir();
    const debug = await runCli(['--debug', 'check', host.url('/flaky/check-debug-log?status=503&times=1'), '--archive-dir', dir]);
    expect(debug.code).toBe(0);
    expect(debug.stderr).toMatch(/^chronicle: retry 1 of http:\/\/127\.0\.0\.1:\d+\/flaky\/check-debug-log\?status=503&times=1 after HTTP 503, waiting \d+ ms$/m);
    const quiet = await runCli(['check', host.url('/flaky/check-no-debug-log?status=503&times=1'), '--archive-dir', dir]);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toContain('retry');
  });

  it('sends --user-agent', async () => {
    const dir = await tempDir();
    const result = await runCli(['archive', '--json', host.url('/echo-ua'), '--user-agent', 'StudyBot/1.0 (+mailto:a@b.c)', '--archive-dir', dir]);
    expect(ndjson(result.stdout)[0]).toMatchObject({ ok: true, title: 'StudyBot/1.0 (+mailto:a@b.c)' });
  });

  it('honours robots.txt with --respect-robots (E_ROBOTS, exit 3), and ignores it without', async () => {
    const robotsHost = await startFaultHost();
    robotsHost.robots = 'User-agent: *\nDisallow: /ok/private\n';
    try {
      const dir = await tempDir();
      const url = robotsHost.url('/ok/private');
      const polite = await runCli(['archive', '--json', url, '--respect-robots', '--archive-dir', dir]);
      expect(polite.code).toBe(3);
      expect(ndjson(polite.stdout)[0]).toMatchObject({ ok: false, error: { code: 'E_ROBOTS' } });
      expect(robotsHost.hits.get('/ok/private')).toBeUndefined();
      const allowed = await runCli(['archive', '--json', url, robotsHost.url('/ok/public'), '--respect-robots', '--archive-dir', dir]);
      expect(ndjson(allowed.stdout).filter((line) => line.ok)).toHaveLength(1);
      expect(robotsHost.hits.get('/robots.txt')).toBe(2); // once per run
      const ignored = await runCli(['archive', url, '--archive-dir', dir]);
      expect(ignored.code).toBe(0);
    } finally {
      await robotsHost.close();
    }
  });

  it('uses $CHRONICLE_ARCHIVE_DIR, and ./archive under the working directory by default', async () => {
    const dir = await tempDir();
    const viaEnv = await runCli(['archive', host.url('/ok/env')], { env: { CHRONICLE_ARCHIVE_DIR: 'from-env' }, cwd: dir });
    expect(viaEnv.code).toBe(0);
    expect(await snapshotDirs(join(dir, 'from-env'))).toHaveLength(1);
    const byDefault = await runCli(['archive', host.url('/ok/default')], { env: {}, cwd: dir });
    expect(byDefault.code).toBe(0);
    expect(await snapshotDirs(join(dir, 'archive'))).toHaveLength(1);
  });
});

describe('chronicle archive: batches', () => {
  it('reads -i FILE and -i - (stdin), skipping blanks and comments, failing bad lines alone: exit 7', async () => {
    const dir = await tempDir();
    const list = ['# my list', host.url('/ok/file-1'), '', 'not a url', host.url('/ok/file-2'), host.url('/ok/file-1?utm_source=x')].join('\n');
    await writeFile(join(dir, 'urls.txt'), list);
    const fromFile = await runCli(['archive', '--json', '-i', join(dir, 'urls.txt'), '--archive-dir', join(dir, 'a')]);
    expect(fromFile.code).toBe(7);
    const lines = ndjson(fromFile.stdout);
    expect(lines.map((line) => line.line).sort()).toEqual([2, 4, 5, 6]);
    expect(lines.find((line) => line.line === 4)).toMatchObject({ url: 'not a url', ok: false, error: { code: 'E_INVALID_URL' } });
    expect(lines.find((line) => line.line === 6)).toMatchObject({ ok: true, skipped: true, reason: 'duplicate', duplicateOfLine: 2 });
    expect(fromFile.stderr).toContain('archived 2, skipped 0, duplicates 1, failed 1 (E_INVALID_URL 1)');

    const fromStdin = await runCli(['archive', '--json', '-i', '-', '--archive-dir', join(dir, 'b')], { stdin: list });
    expect(fromStdin.code).toBe(7);
    expect(ndjson(fromStdin.stdout).map((line) => line.line).sort()).toEqual([2, 4, 5, 6]);
  });

  it('exits 0 when every URL was archived or skipped, and prints human lines without --json', async () => {
    const dir = await tempDir();
    const result = await runCli(['archive', host.url('/ok/h1'), host.url('/ok/h2'), host.url('/ok/h1#x'), '--archive-dir', dir]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.filter((line) => line.startsWith('ok    '))).toHaveLength(2);
    expect(lines.filter((line) => line.startsWith('dup   '))).toHaveLength(1);
  });

  it('--skip-existing fetches nothing already archived and reports it skipped', async () => {
    const dir = await tempDir();
    const urls = [host.url('/ok/resume-1'), host.url('/ok/resume-2')];
    expect((await runCli(['archive', urls[0]!, '--archive-dir', dir])).code).toBe(0);
    const hitsBefore = host.hits.get('/ok/resume-1');
    const result = await runCli(['archive', '--json', '--skip-existing', ...urls, `${urls[0]!}?utm_campaign=x`, '--archive-dir', dir]);
    expect(result.code).toBe(0);
    expect(host.hits.get('/ok/resume-1')).toBe(hitsBefore);
    const lines = ndjson(result.stdout);
    expect(lines.find((line) => line.line === 1)).toMatchObject({ ok: true, skipped: true, reason: 'exists' });
    expect(lines.find((line) => line.line === 2)).toMatchObject({ ok: true, created: true });
    expect(lines.find((line) => line.line === 3)).toMatchObject({ skipped: true, reason: 'duplicate' });
    expect(result.stderr).toContain('skipped 1 (exists 1)');
  });

  it('shows a progress bar on stderr only when it is a TTY and not --quiet', async () => {
    const dir = await tempDir();
    const tty = await runCli(['archive', host.url('/ok/p1'), host.url('/ok/p2'), '--archive-dir', dir], { stderrIsTTY: true });
    expect(tty.stderr).toMatch(/\r\x1b\[K\[#+-*\] \d\/2 /);
    expect(tty.stdout).not.toContain('\r');
    const plain = await runCli(['archive', host.url('/ok/p3'), '--archive-dir', dir]);
    expect(plain.stderr).not.toContain('\r');
    const quiet = await runCli(['archive', host.url('/ok/p4'), '--quiet', '--archive-dir', dir], { stderrIsTTY: true });
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toMatch(/^ok /);
  });

  it('acceptance: the 45-line list from stdin with --json: every line once, 34 archived, exit 7, per-host limit held at the server', async () => {
    const hosts = [await startFaultHost(), await startFaultHost(), await startFaultHost()];
    try {
      const good = Array.from({ length: 30 }, (_, index) => hosts[index % 3]!.url(`/ok/acceptance-${index}`));
      const lines = [
        '# acceptance list',
        ...good.slice(0, 15),
        good[3]!, // a duplicate
        hosts[1]!.url('/flaky/acc-503?status=503&times=1'),
        hosts[2]!.url('/flaky/acc-429?status=429&times=1&retryAfter=1'),
        hosts[0]!.url('/redirect/2/acc-redirect'),
        hosts[1]!.url('/gzip/acc-gzip'),
        hosts[2]!.url('/status/404/acc'),
        hosts[0]!.url('/status/410/acc'),
        hosts[1]!.url('/status/500/acc'),
        hosts[2]!.url('/slow-headers/acc?ms=30000'),
        hosts[0]!.url('/stall/acc'),
        hosts[1]!.url('/loop/a'),
        hosts[2]!.url('/pdf/acc'),
        hosts[0]!.url('/huge/acc?mb=60'),
        hosts[1]!.url('/reset/acc'),
        'this is not a url',
        '',
        ...good.slice(15),
      ];
      // The issue calls the list "44 lines" but its parts (30 good, a duplicate, 4 recoverable, 10 failures)
      // add up to 45 URL-bearing lines; every one of them is here.
      const urlLines = lines.filter((line) => line !== '' && !line.startsWith('#'));
      expect(urlLines).toHaveLength(45);
      const dir = await tempDir();
      const result = await runCli(['archive', '-i', '-', '--json', '--timeout-ms', '3000', '--archive-dir', dir], { stdin: lines.join('\n') });
      expect(result.code).toBe(7);
      const out = ndjson(result.stdout);
      expect(out).toHaveLength(45);
      expect(out.map((line) => line.line).sort((a, b) => (a as number) - (b as number))).toEqual(
        lines.flatMap((line, index) => (line !== '' && !line.startsWith('#') ? [index + 1] : [])),
      );
      const archived = out.filter((line) => line.ok === true && line.skipped !== true);
      expect(archived).toHaveLength(34);
      const codeOf = (fragment: string): unknown => (out.find((line) => String(line.url).includes(fragment))!.error as { code: string }).code;
      expect(codeOf('/status/404/')).toBe('E_HTTP_STATUS');
      expect(codeOf('/status/410/')).toBe('E_HTTP_STATUS');
      expect(codeOf('/status/500/')).toBe('E_HTTP_STATUS');
      expect(codeOf('/slow-headers/')).toBe('E_FETCH_TIMEOUT');
      expect(codeOf('/stall/')).toBe('E_FETCH_TIMEOUT');
      expect(codeOf('/loop/')).toBe('E_REDIRECT_LOOP');
      expect(codeOf('/pdf/')).toBe('E_NOT_HTML');
      expect(codeOf('/huge/')).toBe('E_TOO_LARGE');
      expect(codeOf('/reset/')).toBe('E_NETWORK');
      expect(codeOf('this is not')).toBe('E_INVALID_URL');
      expect(out.filter((line) => line.reason === 'duplicate')).toHaveLength(1);
      expect(out.find((line) => String(line.url).includes('acc-503'))).toMatchObject({ ok: true, attempts: 2 });
      expect(out.find((line) => String(line.url).includes('acc-429'))).toMatchObject({ ok: true, attempts: 2 });
      for (const h of hosts) expect({ max: h.maxActive, paths: h.peakPaths }).toEqual({ max: Math.min(2, h.maxActive), paths: h.peakPaths });
      expect(await snapshotDirs(dir)).toHaveLength(34);
      expect(result.stderr).toContain('archived 34, skipped 0, duplicates 1, failed 10');

      // Re-run with --skip-existing: nothing already archived is fetched again.
      const hitsBefore = good.map((url) => hosts.find((h) => url.startsWith(h.origin))!.hits.get(new URL(url).pathname) ?? 0);
      const again = await runCli(['archive', '-i', '-', '--json', '--skip-existing', '--timeout-ms', '3000', '--retries', '0', '--archive-dir', dir], {
        stdin: [...good, hosts[1]!.url('/gzip/acc-gzip')].join('\n'),
      });
      expect(again.code).toBe(0);
      expect(ndjson(again.stdout).every((line) => line.skipped === true && line.reason === 'exists')).toBe(true);
      const hitsAfter = good.map((url) => hosts.find((h) => url.startsWith(h.origin))!.hits.get(new URL(url).pathname) ?? 0);
      expect(hitsAfter).toEqual(hitsBefore);
      const archive = await openArchive(dir, { create: false });
      try {
        expect(await archive.verify()).toEqual([]);
      } finally {
        archive.close();
      }
    } finally {
      await Promise.all(hosts.map((h) => h.close()));
    }
  }, 60_000);
});
