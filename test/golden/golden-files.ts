/**
 * Fixture pages and their golden files: fixtures/pages/<slug>/{source.html, meta.json, expected.json}.
 * expected.json is the Article that extractArticle returns for source.html (read as meta.url), with values that
 * change between runs replaced. It is written by `UPDATE_GOLDEN=1 npm test -- test/golden`, never by hand.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../src/types.js';
import type { FixtureMeta } from './fixture-expectations.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PAGES_DIR = join(REPO_ROOT, 'fixtures', 'pages');
export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';
export const REGENERATE_HINT = 'UPDATE_GOLDEN=1 npm test -- test/golden';

export interface FixturePage {
  slug: string;
  dir: string;
  source: Uint8Array;
  meta: FixtureMeta;
}

export function listPageSlugs(pagesDir: string = PAGES_DIR): string[] {
  return readdirSync(pagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(pagesDir, entry.name, 'source.html')))
    .map((entry) => entry.name)
    .sort();
}

export function loadPage(slug: string, pagesDir: string = PAGES_DIR): FixturePage {
  const dir = join(pagesDir, slug);
  return {
    slug,
    dir,
    source: new Uint8Array(readFileSync(join(dir, 'source.html'))),
    meta: JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as FixtureMeta,
  };
}

const VOLATILE_KEYS = new Set(['fetchedAt', 'elapsedMs']);

/**
 * The Article as stored in expected.json: a plain JSON copy with run-dependent values replaced
 * (timings, and the port of a local server when the page was read from one).
 */
export function goldenView(article: Article): unknown {
  return JSON.parse(
    JSON.stringify(article, (key, value: unknown) => (VOLATILE_KEYS.has(key) ? '<volatile>' : value)).replace(
      /http:\/\/127\.0\.0\.1:\d+/g,
      'http://127.0.0.1:<port>',
    ),
  );
}

export function goldenPath(page: FixturePage): string {
  return join(page.dir, 'expected.json');
}

export function readGolden(page: FixturePage): unknown | undefined {
  const path = goldenPath(page);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as unknown) : undefined;
}

export function writeGolden(page: FixturePage, view: unknown): void {
  writeFileSync(goldenPath(page), `${JSON.stringify(view, null, 2)}\n`);
}
