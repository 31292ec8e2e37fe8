/**
 * Every bundled page (fixtures/pages), served twice with different fresh noise, must give the same content
 * digest: noise is never an edit. And a real edit of each page (one figure in the body) must change it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFixtureSlugs, readFixtureMeta } from '../../src/tools/dev/fixture-server.js';
import { extractArticle } from '../../src/extract/extract-article.js';
import { changedFields, comparableView, contentDigest } from '../../src/normalize/digest.js';
import type { Article } from '../../src/types.js';
import { editFigure, injectGenericNoise } from '../../src/tools/dev/inject-noise.js';

const PAGES_DIR = join(process.cwd(), 'fixtures', 'pages');
const slugs = await listFixtureSlugs(PAGES_DIR);

async function extract(slug: string, html: Buffer): Promise<Article> {
  const meta = await readFixtureMeta(PAGES_DIR, slug);
  return extractArticle(new Uint8Array(html), { url: meta.url, ...(meta.contentType ? { contentType: meta.contentType } : {}) });
}

test('there are bundled pages to test', () => {
  expect(slugs.length).toBeGreaterThan(5);
});

describe.each(slugs)('%s', (slug) => {
  test('two fetches with different fresh noise give the same digest', async () => {
    const source = await readFile(join(PAGES_DIR, slug, 'source.html'));
    const first = await extract(slug, injectGenericNoise(source, 1));
    const second = await extract(slug, injectGenericNoise(source, 2));
    const fields = changedFields(comparableView(first), comparableView(second)).filter((field) => field !== 'modifiedAt');
    expect(fields).toEqual([]);
    expect(contentDigest(second)).toBe(contentDigest(first));
  });

  test('a changed figure in the body changes the digest', async () => {
    const source = await readFile(join(PAGES_DIR, slug, 'source.html'));
    const original = await extract(slug, source);
    const edited = editFigure(source.toString('latin1'), original.body.text);
    if (edited === null) {
      expect(original.body.text).not.toMatch(/\d+ [A-Za-z]+/);
      return;
    }
    const after = await extract(slug, Buffer.from(edited, 'latin1'));
    expect(contentDigest(after)).not.toBe(contentDigest(original));
    expect(changedFields(comparableView(original), comparableView(after))).toContain('body');
  });
});
