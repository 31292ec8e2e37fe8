import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { corpusRoot, loadCorpus, type CorpusPage } from './corpus.js';

/**
 * fixtures/pages/<slug>/source.html with the URL (and Content-Type, if any) from its meta.json: the bundled
 * pages, for when there is no corpus. `name` is fixtures/<slug>.
 */
export function loadFixturePages(dir = resolve('fixtures/pages')): CorpusPage[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((slug) => existsSync(join(dir, slug, 'source.html')) && existsSync(join(dir, slug, 'meta.json')))
    .sort()
    .map((slug) => {
      const meta = JSON.parse(readFileSync(join(dir, slug, 'meta.json'), 'utf8')) as { url: string; contentType?: string };
      return {
        name: `fixtures/${slug}`,
        url: meta.url,
        bytes: new Uint8Array(readFileSync(join(dir, slug, 'source.html'))),
        expectedHtml: null,
        ...(meta.contentType === undefined ? {} : { contentType: meta.contentType }),
      };
    });
}

/** The corpus pages, or the bundled pages when there is no corpus; `source` says which, for the bench's header. */
export function loadCorpusOrFixtures(): { pages: CorpusPage[]; source: string } {
  const root = corpusRoot();
  const pages = loadCorpus(root);
  if (pages !== null && pages.length > 0) return { pages, source: root };
  return { pages: loadFixturePages(), source: 'fixtures/pages' };
}
