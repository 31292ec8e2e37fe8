/**
 * `archive`/`check` with --feed and --sitemap against a local site: every listed article archived once,
 * --since by item dates, duplicates across sources fetched once, `discovered` in the result lines, and a
 * malformed or unreachable source reported on stderr with exit 10 while the other sources still run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ndjson, runCli } from '../helpers/run-cli.js';
import { ATOM, JSON_FEED, RSS2, RSS_MALFORMED, SITEMAP_INDEX, SITEMAP_NEWS, SITEMAP_PAGES, startSourceSite, type SourceSite } from '../helpers/source-site.js';

const XML = 'application/xml';
jest.setTimeout(120_000);
let site: SourceSite;
let dir: string;
let n = 0;

beforeAll(async () => {
  site = await startSourceSite({
    '/rss.xml': { type: 'application/rss+xml', body: RSS2 },
    '/atom.xml': { type: 'application/atom+xml', body: ATOM },
    '/feed.json': { type: 'application/feed+json', body: JSON_FEED },
    '/bad-items.xml': { type: XML, body: RSS_MALFORMED },
    '/broken.xml': { type: XML, body: '<rss><channel><item><link>nope</channel>' },
    '/sitemap.xml': { type: XML, body: SITEMAP_INDEX },
    '/sitemaps/pages.xml.gz': { type: 'application/gzip', body: SITEMAP_PAGES, gzip: true },
    '/sitemaps/news.xml': { type: XML, body: SITEMAP_NEWS },
    '/robots.txt': { type: 'text/plain', body: 'User-agent: *\nAllow: /\nSitemap: $ORIGIN/sitemap.xml\n' },
  });
  dir = await mkdtemp(join(tmpdir(), 'chronicle-sources-'));
});
afterAll(async () => {
  await site.close();
  await rm(dir, { recursive: true, force: true });
});

const archiveDir = (): string => join(dir, `a${++n}`);
const urlsOf = (lines: Array<Record<string, unknown>>): string[] => lines.map((line) => String(line.url)).sort();

describe('archive --feed / --sitemap', () => {
  it('archives every article of RSS 2.0, Atom and JSON feeds once; a URL in two feeds is fetched once', async () => {
    const before = site.hits('/news/ferry');
    const result = await runCli(['archive', '--workers', '0', '--json', '--archive-dir', archiveDir(),
      '--feed', `${site.origin}/rss.xml`, '--feed', `${site.origin}/atom.xml`, '--feed', `${site.origin}/feed.json`]);
    expect(result.stderr).not.toMatch(/E_SOURCE/);
    expect(result.code).toBe(0);
    const lines = ndjson(result.stdout);
    const ok = lines.filter((line) => line.ok === true && line.skipped !== true);
    expect(urlsOf(ok)).toEqual(['/news/budget', '/news/dredging', '/news/ferry', '/news/guid-only', '/news/json-old', '/news/json-one'].map((path) => `${site.origin}${path}`).sort());
    const dup = lines.filter((line) => line.reason === 'duplicate');
    expect(urlsOf(dup)).toEqual([`${site.origin}/news/ferry`]);
    expect(site.hits('/news/ferry') - before).toBe(1);
    const ferry = ok.find((line) => line.url === `${site.origin}/news/ferry`)!;
    expect(ferry.discovered).toEqual({ from: `${site.origin}/rss.xml`, title: 'Ferry berth approved', publishedAt: '2026-12-01T08:00:00.000Z', author: 'Ada Reporter' });
  });

  it('--since keeps items dated on or after it, across feeds and sitemaps', async () => {
    const result = await runCli(['archive', '--workers', '0', '--json', '--archive-dir', archiveDir(), '--since', '2026-12-02',
      '--feed', `${site.origin}/rss.xml`, '--feed', `${site.origin}/feed.json`, '--sitemap', `${site.origin}/sitemap.xml`]);
    expect(result.code).toBe(0);
    expect(urlsOf(ndjson(result.stdout))).toEqual(['/news/archive-b', '/news/breaking', '/news/guid-only', '/news/json-one'].map((path) => `${site.origin}${path}`).sort());
    expect(result.stderr).toMatch(/dated before --since/);
  });

  it('follows a sitemap index to a gzipped sitemap and a news sitemap, with the news title and date', async () => {
    const result = await runCli(['archive', '--workers', '0', '--json', '--archive-dir', archiveDir(), '--sitemap', `${site.origin}/sitemap.xml`]);
    expect(result.code).toBe(0);
    const lines = ndjson(result.stdout);
    expect(urlsOf(lines)).toEqual(['/news/archive-a', '/news/archive-b', '/news/breaking', '/news/ferry'].map((path) => `${site.origin}${path}`).sort());
    expect(lines.every((line) => line.ok === true)).toBe(true);
    expect(lines.find((line) => line.url === `${site.origin}/news/breaking`)!.discovered).toEqual({
      from: `${site.origin}/sitemaps/news.xml`, title: 'Storm closes the harbour', publishedAt: '2026-12-06T07:30:00.000Z', author: null,
    });
  });

  it('--sitemap auto reads the Sitemap: lines of robots.txt and archives the URL argument too', async () => {
    const result = await runCli(['archive', '--workers', '0', '--json', '--archive-dir', archiveDir(), '--sitemap', 'auto', `${site.origin}/news/front`]);
    expect(result.code).toBe(0);
    const lines = ndjson(result.stdout);
    expect(urlsOf(lines)).toEqual(['/news/archive-a', '/news/archive-b', '/news/breaking', '/news/ferry', '/news/front'].map((path) => `${site.origin}${path}`).sort());
    expect(lines.find((line) => line.url === `${site.origin}/news/front`)!.discovered).toBeUndefined();
  });

  it('a feed with malformed items: the good items are archived, one note on stderr, exit 0', async () => {
    const result = await runCli(['archive', '--workers', '0', '--json', '--archive-dir', archiveDir(), '--feed', `${site.origin}/bad-items.xml`]);
    expect(result.code).toBe(0);
    expect(urlsOf(ndjson(result.stdout))).toEqual([`${site.origin}/news/good`]);
    expect(result.stderr).toContain('skipped 3 malformed items');
  });

  it('a malformed feed and an unreachable one: one stderr line each, the other sources still run, exit 10', async () => {
    const result = await runCli(['archive', '--workers', '0', '--json', '-q', '--archive-dir', archiveDir(),
      '--feed', `${site.origin}/broken.xml`, '--feed', `${site.origin}/missing.xml`, '--feed', `${site.origin}/atom.xml`]);
    expect(result.code).toBe(10);
    const errors = result.stderr.split('\n').filter((line) => line !== '');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(new RegExp(`^chronicle: E_SOURCE: ${site.origin}/broken.xml: not well-formed XML`));
    expect(errors[1]).toMatch(new RegExp(`^chronicle: E_SOURCE: ${site.origin}/missing.xml: E_HTTP_STATUS: HTTP 404`));
    expect(urlsOf(ndjson(result.stdout))).toEqual([`${site.origin}/news/budget`, `${site.origin}/news/ferry`]);
  });

  it('bad source options are usage errors (exit 2) before anything is fetched', async () => {
    const bad = await runCli(['archive', '--archive-dir', archiveDir(), '--feed', 'ftp://x/feed']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('chronicle: E_USAGE: --feed needs an http(s) URL, got "ftp://x/feed"\n');
    const since = await runCli(['archive', '--archive-dir', archiveDir(), '--since', '2026-01-01', `${site.origin}/news/x`]);
    expect(since.code).toBe(2);
    expect(since.stderr).toMatch(/--since needs --feed or --sitemap/);
    const date = await runCli(['archive', '--archive-dir', archiveDir(), '--since', 'yesterday', '--feed', `${site.origin}/rss.xml`]);
    expect(date.code).toBe(2);
    const auto = await runCli(['archive', '--archive-dir', archiveDir(), '--sitemap', 'auto']);
    expect(auto.code).toBe(2);
    expect(auto.stderr).toMatch(/--sitemap auto needs URL arguments/);
  });
});

describe('check --feed (watching a site)', () => {
  it('archives new items and checks known ones; a failed feed still exits 10', async () => {
    const root = archiveDir();
    await runCli(['archive', '--workers', '0', '-q', '--archive-dir', root, `${site.origin}/news/budget`]);
    const result = await runCli(['check', '--json', '--archive-dir', root, '--feed', `${site.origin}/atom.xml`]);
    expect(result.code).toBe(0);
    const byUrl = new Map(ndjson(result.stdout).map((line) => [line.url, line]));
    expect(byUrl.get(`${site.origin}/news/budget`)).toMatchObject({ ok: true, new: false, changed: false, discovered: { title: 'Council budget' } });
    expect(byUrl.get(`${site.origin}/news/ferry`)).toMatchObject({ ok: true, new: true });
    const failed = await runCli(['check', '--json', '-q', '--archive-dir', root, '--feed', `${site.origin}/missing.xml`]);
    expect(failed.code).toBe(10);
    expect(failed.stdout).toBe('');
  });
});
