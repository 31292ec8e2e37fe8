/**
 * Golden tests over fixtures/pages: every page is extracted as the library would (bytes + the page URL + the
 * Content-Type header from meta.json) and checked three ways:
 *   1. meta.json `must` text is in body.text and `mustNot` (site chrome) is not;
 *   2. meta.json `expect` (metadata, embeds in order, quotes, images, charset) holds;
 *   3. the whole Article equals expected.json (regenerate: UPDATE_GOLDEN=1 npm test -- test/golden).
 * Then every page is served from the local fixture server and read through the CLI (`chronicle extract URL`).
 */
import { createHash } from 'node:crypto';
import { extractArticle } from '../../src/extract/extract-article.js';
import { run } from '../../src/cli/program.js';
import { startFixtureServer, type FixtureServer } from '../../src/tools/dev/fixture-server.js';
import type { Article, Snapshot } from '../../src/types.js';
import {
  checkBodyHtmlIsStatic,
  checkEmbeds,
  checkImages,
  checkMeta,
  checkMust,
  checkMustOnce,
  checkMustNot,
  checkQuotes,
} from './fixture-expectations.js';
import {
  PAGES_DIR,
  REGENERATE_HINT,
  UPDATE_GOLDEN,
  goldenPath,
  goldenView,
  listPageSlugs,
  loadPage,
  readGolden,
  writeGolden,
  type FixturePage,
} from './golden-files.js';
import { runCaptured } from '../helpers/run-cli.js';

const slugs = listPageSlugs();
const pages = new Map<string, FixturePage>(slugs.map((slug) => [slug, loadPage(slug)]));
const articles = new Map<string, Promise<Article>>();

/** One extraction per page, shared by the tests below (a failure shows in each test that needs it). */
function articleFor(slug: string): Promise<Article> {
  let pending = articles.get(slug);
  if (pending === undefined) {
    const page = pages.get(slug)!;
    const options = page.meta.contentType === undefined ? { url: page.meta.url } : { url: page.meta.url, contentType: page.meta.contentType };
    pending = extractArticle(page.source, options);
    articles.set(slug, pending);
  }
  return pending;
}

describe('fixture pages', () => {
  it('has the seed page and at least 15 more, each with a page URL and must/mustNot text', () => {
    expect(slugs).toContain('embassy-withdrawal');
    expect(slugs.length).toBeGreaterThanOrEqual(16);
    for (const page of pages.values()) {
      expect(() => new URL(page.meta.url)).not.toThrow();
      expect(page.meta.must?.length ?? 0).toBeGreaterThan(0);
      expect(page.meta.mustNot?.length ?? 0).toBeGreaterThan(0);
    }
  });

  it('pages declared in another charset really are bytes in that charset (not UTF-8)', () => {
    const encoded = [...pages.values()].filter((page) => page.meta.expect?.charset !== undefined && !/^utf-?8$/i.test(page.meta.expect.charset));
    expect(encoded.map((page) => page.slug).sort()).toEqual(['shift-jis-tech-news', 'windows-1252-harbour-festival']);
    for (const page of encoded) {
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(page.source)).toThrow();
      expect(page.meta.contentType).toBe('text/html');
    }
  });
});

describe.each(slugs)('fixtures/pages/%s', (slug) => {
  const page = pages.get(slug)!;

  it('body has the article text', async () => {
    const article = await articleFor(slug);
    expect([...checkMust(article, page.meta.must), ...checkMustOnce(article, page.meta.mustOnce)]).toEqual([]);
  });

  it('body has none of the site chrome', async () => {
    expect(checkMustNot(await articleFor(slug), page.meta.mustNot)).toEqual([]);
  });

  it('body.html is static markup', async () => {
    expect(checkBodyHtmlIsStatic(await articleFor(slug))).toEqual([]);
  });

  it('metadata as expected', async () => {
    expect(checkMeta(await articleFor(slug), page.meta.expect)).toEqual([]);
  });

  it('embeds as expected, in order', async () => {
    expect(checkEmbeds(await articleFor(slug), page.meta.expect?.embeds)).toEqual([]);
  });

  it('quotes and images as expected', async () => {
    const article = await articleFor(slug);
    expect([...checkQuotes(article, page.meta.expect), ...checkImages(article, page.meta.expect?.images)]).toEqual([]);
  });

  it('matches expected.json', async () => {
    const view = goldenView(await articleFor(slug));
    if (UPDATE_GOLDEN) {
      writeGolden(page, view);
      return;
    }
    const golden = readGolden(page);
    if (golden === undefined) {
      throw new Error(`missing golden file ${goldenPath(page)}; generate it with: ${REGENERATE_HINT} (then inspect the diff)`);
    }
    expect(view).toEqual(golden);
  });
});

/** The whole CLI in-process, run from the fixture pages folder with an empty environment. */
const runCli = (argv: string[]) => runCaptured(run, argv, { env: {}, cwd: PAGES_DIR });

describe('fixture pages through the CLI (chronicle extract URL, local server)', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer({ pagesDir: PAGES_DIR });
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(slugs)('%s', async (slug) => {
    const page = pages.get(slug)!;
    const result = await runCli(['extract', server.pageUrl(slug)]);
    if (result.code !== 0) throw new Error(`chronicle extract exited ${result.code}: ${result.stderr.trim()}`);
    const record = JSON.parse(result.stdout) as Snapshot;
    const library = await articleFor(slug);
    // The CLI reads the same bytes as the library; only the page URL differs (local server vs publisher), so
    // URL-dependent fields (title clean-up by site name, link resolution) are not compared here.
    expect(record.body.text).toBe(library.body.text);
    expect(record.embeds.map((embed) => `${embed.provider}:${embed.id}`)).toEqual(library.embeds.map((embed) => `${embed.provider}:${embed.id}`));
    expect(record.fetch.charset.toLowerCase()).toBe(library.charset.toLowerCase());
    expect(record.fetch.status).toBe(200);
    expect(record.fetch.bytes).toBe(page.source.byteLength);
    expect(record.fetch.sha256).toBe(createHash('sha256').update(page.source).digest('hex'));
  });
});
