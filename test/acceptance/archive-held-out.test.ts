/**
 * Acceptance of issues 2 and 3 on pages the golden set does not contain (test/acceptance/pages):
 * each page is served from a local server and archived with `chronicle archive URL --archive-dir DIR --json`
 * (the CLI run in-process); then the snapshot folder is checked against the page's meta.json and the issues'
 * acceptance lists. Plus the failure cases: a 404, a PDF and a malformed URL leave no snapshot behind.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/program.js';
import { startFixtureServer, type FixtureServer } from '../../src/tools/dev/fixture-server.js';
import type { Article, Snapshot } from '../../src/types.js';
import {
  checkBodyHtmlIsStatic,
  checkEmbeds,
  checkImages,
  checkMeta,
  checkMust,
  checkMustNot,
  checkMustOnce,
  checkQuotes,
  type FixtureMeta,
} from '../golden/fixture-expectations.js';
import { runCaptured } from '../helpers/run-cli.js';

const PAGES_DIR = fileURLToPath(new URL('./pages', import.meta.url));
const SLUGS = readdirSync(PAGES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** The whole CLI in-process, run from cwd with an empty environment. */
const chronicle = (argv: string[], cwd: string) => runCaptured(run, argv, { env: {}, cwd });

/** Every snapshot.json below a directory (there must be none after a failed archive). */
function snapshotFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('snapshot.json'));
}

interface Archived {
  meta: FixtureMeta;
  source: Buffer;
  servedUrl: string;
  line: Record<string, unknown>;
  dir: string;
  snapshot: Snapshot;
  /** The snapshot seen as an Article (charset from the fetch record), for the shared checks. */
  article: Article;
}

let server: FixtureServer;
let workDir: string;
const archived = new Map<string, Promise<Archived>>();

beforeAll(async () => {
  server = await startFixtureServer({ pagesDir: PAGES_DIR });
  workDir = mkdtempSync(join(tmpdir(), 'chronicle-acceptance-'));
});

afterAll(async () => {
  await server.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** Archives a page once (the URL carries the page's own query string, e.g. utm parameters). */
function archivePage(slug: string): Promise<Archived> {
  let pending = archived.get(slug);
  if (pending === undefined) {
    pending = (async () => {
      const meta = JSON.parse(readFileSync(join(PAGES_DIR, slug, 'meta.json'), 'utf8')) as FixtureMeta;
      const source = readFileSync(join(PAGES_DIR, slug, 'source.html'));
      const servedUrl = `${server.pageUrl(slug)}${new URL(meta.url).search}`;
      const result = await chronicle(['archive', servedUrl, '--archive-dir', 'archive', '--json'], workDir);
      if (result.code !== 0) throw new Error(`chronicle archive exited ${result.code}: ${result.stderr.trim()} ${result.stdout.trim()}`);
      const line = JSON.parse(result.stdout.trim().split('\n')[0]!) as Record<string, unknown>;
      const dir = resolve(workDir, String(line.dir));
      const snapshot = JSON.parse(readFileSync(join(dir, 'snapshot.json'), 'utf8')) as Snapshot;
      const article: Article = { ...snapshot, charset: snapshot.fetch.charset };
      return { meta, source, servedUrl, line, dir, snapshot, article };
    })();
    archived.set(slug, pending);
  }
  return pending;
}

describe.each(SLUGS)('held-out page %s archived with chronicle archive', (slug) => {
  it('reports ok on stdout and files snapshot.json, raw.html and article.html', async () => {
    const page = await archivePage(slug);
    expect(page.line).toMatchObject({ ok: true, url: page.servedUrl });
    expect(typeof page.line.id).toBe('string');
    for (const file of ['snapshot.json', 'raw.html', 'article.html']) expect(existsSync(join(page.dir, file))).toBe(true);
    expect(page.snapshot.schema).toBe('chronicle.snapshot/1');
  });

  it('raw.html is byte-identical to what was served, and its sha256 is recorded', async () => {
    const page = await archivePage(slug);
    const raw = readFileSync(join(page.dir, 'raw.html'));
    expect(raw.equals(page.source)).toBe(true);
    const sha = createHash('sha256').update(page.source).digest('hex');
    expect(page.snapshot.fetch.sha256).toBe(sha);
    expect(page.snapshot.digest.raw).toBe(`sha256:${sha}`);
  });

  it('article.html is a standalone page without scripts or event handlers', async () => {
    const page = await archivePage(slug);
    const html = readFileSync(join(page.dir, 'article.html'), 'utf8');
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/<iframe\b/i);
    expect(html).toContain('<html');
  });

  it('the snapshot is keyed by the URL without tracking parameters', async () => {
    const page = await archivePage(slug);
    expect(page.snapshot.url).not.toMatch(/[?&](utm_[a-z]+|fbclid|gclid)=/);
    expect(page.snapshot.canonicalUrl ?? '').not.toMatch(/[?&](utm_[a-z]+|fbclid|gclid)=/);
  });

  it('body has all the article text and none of the chrome', async () => {
    const { article, meta } = await archivePage(slug);
    expect([...checkMust(article, meta.must), ...checkMustNot(article, meta.mustNot), ...checkMustOnce(article, meta.mustOnce)]).toEqual([]);
    expect(checkBodyHtmlIsStatic(article)).toEqual([]);
  });

  it('metadata is right (title, authors, dates, siteName, canonical URL, lead image, charset)', async () => {
    const { article, meta } = await archivePage(slug);
    expect(checkMeta(article, meta.expect)).toEqual([]);
  });

  it('embeds are found in order, with ids and clean URLs, placed in the body', async () => {
    const { article, meta } = await archivePage(slug);
    expect(checkEmbeds(article, meta.expect?.embeds)).toEqual([]);
  });

  it('quotes: excerpts with outlets and URLs, speakers matched, pull quote counted once', async () => {
    const { article, meta } = await archivePage(slug);
    expect([...checkQuotes(article, meta.expect), ...checkImages(article, meta.expect?.images)]).toEqual([]);
  });
});

describe('the windows-1252 held-out page', () => {
  it('decodes curly quotes, dashes and pound signs from single bytes and records the charset', async () => {
    const page = await archivePage('windows-1252-parish-council');
    expect(page.source.includes(Buffer.from([0x93]))).toBe(true); // the bytes really are windows-1252
    expect(page.snapshot.fetch.charset.toLowerCase()).toBe('windows-1252');
    expect(page.snapshot.body.text).toContain('\u201cWe got this wrong');
    expect(page.snapshot.body.text).toContain('\u00a34,500 to more than \u00a312,000 \u2014 nearly');
    expect(page.snapshot.body.text).not.toMatch(/\ufffd/);
  });
});

describe('archive failures leave no snapshot behind', () => {
  let pdfServer: Server;
  let pdfUrl: string;
  beforeAll(async () => {
    pdfServer = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    });
    await new Promise<void>((done) => pdfServer.listen(0, '127.0.0.1', done));
    pdfUrl = `http://127.0.0.1:${(pdfServer.address() as AddressInfo).port}/report.pdf`;
  });
  afterAll(async () => {
    pdfServer.closeAllConnections();
    await new Promise<void>((done) => pdfServer.close(() => done()));
  });

  const freshDir = (): string => mkdtempSync(join(workDir, 'fail-'));

  it('a 404 exits 4 (E_HTTP_STATUS)', async () => {
    const cwd = freshDir();
    const result = await chronicle(['archive', `${server.origin}/pages/no-such-page/`, '--archive-dir', 'archive', '--json'], cwd);
    expect(result.code).toBe(4);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({ ok: false, error: { code: 'E_HTTP_STATUS', status: 404 } });
    expect(snapshotFiles(join(cwd, 'archive'))).toEqual([]);
  });

  it('a PDF exits non-zero with E_NOT_HTML', async () => {
    const cwd = freshDir();
    const result = await chronicle(['archive', pdfUrl, '--archive-dir', 'archive', '--json'], cwd);
    expect(result.code).not.toBe(0);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({ ok: false, error: { code: 'E_NOT_HTML' } });
    expect(snapshotFiles(join(cwd, 'archive'))).toEqual([]);
  });

  it('"not a url" is a usage error (exit 2)', async () => {
    const cwd = freshDir();
    const result = await chronicle(['archive', 'not a url', '--archive-dir', 'archive'], cwd);
    expect(result.code).toBe(2);
    expect(snapshotFiles(join(cwd, 'archive'))).toEqual([]);
  });
});
