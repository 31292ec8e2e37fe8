import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** One saved page of the benchmark corpus. */
export interface CorpusPage {
  /** readability/<slug> or postlight/<file>. */
  name: string;
  /** The URL the page is read as. */
  url: string;
  bytes: Uint8Array;
  /** Readability's expected article HTML (readability test pages only). */
  expectedHtml: string | null;
  /** The Content-Type it is served with, when its meta.json gives one (fixture pages). */
  contentType?: string;
}

/** The corpus root: $CHRONICLE_CORPUS, else ../shared/corpus from the working directory. */
export function corpusRoot(): string {
  return resolve(process.env.CHRONICLE_CORPUS ?? '../shared/corpus');
}

/**
 * Loads readability/<slug>/source.html (+ expected.html) and postlight/*.html under `root`.
 * Returns null when neither folder exists.
 */
export function loadCorpus(root: string): CorpusPage[] | null {
  const readabilityDir = join(root, 'readability');
  const postlightDir = join(root, 'postlight');
  if (!existsSync(readabilityDir) && !existsSync(postlightDir)) return null;
  const pages: CorpusPage[] = [];
  if (existsSync(readabilityDir)) {
    for (const slug of readdirSync(readabilityDir).sort()) {
      const source = join(readabilityDir, slug, 'source.html');
      if (!existsSync(source)) continue;
      const expected = join(readabilityDir, slug, 'expected.html');
      pages.push({
        name: `readability/${slug}`,
        // The URL Readability's own test suite reads these pages as.
        url: 'http://fakehost/test/page.html',
        bytes: new Uint8Array(readFileSync(source)),
        expectedHtml: existsSync(expected) ? readFileSync(expected, 'utf8') : null,
      });
    }
  }
  if (existsSync(postlightDir)) {
    for (const file of readdirSync(postlightDir).sort()) {
      if (!file.endsWith('.html')) continue;
      pages.push({
        name: `postlight/${file}`,
        url: `https://${file.replace(/\.html$/, '').replace(/--.*$/, '')}/article`,
        bytes: new Uint8Array(readFileSync(join(postlightDir, file))),
        expectedHtml: null,
      });
    }
  }
  return pages;
}
