import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CorpusPage {
  name: string;
  url: string;
  file: string;
}

/** ../shared/corpus beside the clone, or $CHRONICLE_CORPUS. */
export function corpusRoot(): string {
  return process.env.CHRONICLE_CORPUS ? resolve(process.env.CHRONICLE_CORPUS) : resolve(REPO_ROOT, '..', 'shared', 'corpus');
}

/** The 300 development pages: readability/<slug>/source.html and postlight/*.html (as eval:noise reads them). */
export async function developmentPages(root: string): Promise<CorpusPage[]> {
  const pages: CorpusPage[] = [];
  const readability = join(root, 'readability');
  if (existsSync(readability)) {
    const slugs = (await readdir(readability, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    for (const slug of slugs) pages.push({ name: `readability/${slug}`, url: 'http://fakehost/test/page.html', file: join(readability, slug, 'source.html') });
  }
  const postlight = join(root, 'postlight');
  if (existsSync(postlight)) {
    const files = (await readdir(postlight)).filter((file) => file.endsWith('.html')).sort();
    for (const file of files) {
      pages.push({ name: `postlight/${file}`, url: `https://${file.replace(/\.html$/, '').replace(/--.*$/, '')}/article`, file: join(postlight, file) });
    }
  }
  return pages;
}

/** The 472 pages of trafilatura-dev/pages. */
export async function trafilaturaPages(root: string): Promise<CorpusPage[]> {
  const dir = join(root, 'trafilatura-dev', 'pages');
  if (!existsSync(dir)) return [];
  const files = (await readdir(dir)).filter((file) => file.endsWith('.html')).sort();
  return files.map((file) => ({ name: `trafilatura-dev/${file}`, url: `https://example.org/${file.replace(/\.html$/, '')}`, file: join(dir, file) }));
}
