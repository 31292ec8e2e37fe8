/**
 * `npm run eval:noise`: how well the content digest tells noise from edits, over the development corpus
 * (../shared/corpus or $CHRONICLE_CORPUS: readability/<slug>/source.html and postlight/*.html).
 *
 * Per page: extract it twice with different fresh noise (src/tools/dev/inject-noise.ts: ads, nonces,
 * "Updated N minutes ago", comment counts, shuffled trending links, cache busters) and compare the content
 * digests (they must be equal: noise is not an edit); then change one figure of the body in the raw page
 * and compare again (the digest must differ: an edit is an edit). Prints figures; never fails on a low one.
 * Optional argument: the most pages to read from each corpus folder.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { editFigure, injectGenericNoise } from '../dev/inject-noise.js';
import { extractArticle } from '../../extract/extract-article.js';
import { changedFields, comparableView, contentDigest } from '../../normalize/digest.js';
import type { Article } from '../../types.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface CorpusPage {
  name: string;
  url: string;
  file: string;
}

interface PageResult {
  name: string;
  extracted: boolean;
  stable: boolean;
  unstableFields: string[];
  /** null when no figure of the body could be edited in the raw page. */
  editDetected: boolean | null;
}

async function corpusPages(root: string, limit: number): Promise<CorpusPage[]> {
  const pages: CorpusPage[] = [];
  const readability = join(root, 'readability');
  if (existsSync(readability)) {
    const slugs = (await readdir(readability, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    for (const slug of slugs.slice(0, limit)) {
      pages.push({ name: `readability/${slug}`, url: 'http://fakehost/test/page.html', file: join(readability, slug, 'source.html') });
    }
  }
  const postlight = join(root, 'postlight');
  if (existsSync(postlight)) {
    const files = (await readdir(postlight)).filter((file) => file.endsWith('.html')).sort();
    for (const file of files.slice(0, limit)) {
      pages.push({ name: `postlight/${file}`, url: `https://${file.replace(/\.html$/, '').replace(/--.*$/, '')}/article`, file: join(postlight, file) });
    }
  }
  return pages;
}

async function evaluatePage(page: CorpusPage): Promise<PageResult> {
  const source = await readFile(page.file);
  const extract = (bytes: Buffer): Promise<Article> => extractArticle(new Uint8Array(bytes), { url: page.url });
  let first: Article;
  let second: Article;
  try {
    first = await extract(injectGenericNoise(source, 1));
    second = await extract(injectGenericNoise(source, 2));
  } catch {
    return { name: page.name, extracted: false, stable: false, unstableFields: [], editDetected: null };
  }
  const stable = contentDigest(first) === contentDigest(second);
  const unstableFields = stable ? [] : changedFields(comparableView(first), comparableView(second));
  let editDetected: boolean | null = null;
  const original = await extract(source).catch(() => null);
  const edited = original === null ? null : editFigure(source.toString('latin1'), original.body.text);
  if (original !== null && edited !== null) {
    const after = await extract(Buffer.from(edited, 'latin1')).catch(() => null);
    editDetected = after === null ? null : contentDigest(after) !== contentDigest(original);
  }
  return { name: page.name, extracted: true, stable, unstableFields, editDetected };
}

function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}

async function main(): Promise<void> {
  const root = process.env.CHRONICLE_CORPUS ? resolve(process.env.CHRONICLE_CORPUS) : resolve(REPO_ROOT, '..', 'shared', 'corpus');
  const limit = process.argv[2] === undefined ? Number.POSITIVE_INFINITY : Number(process.argv[2]);
  const pages = await corpusPages(root, limit);
  if (pages.length === 0) {
    process.stderr.write(`eval:noise: no corpus pages under ${root} (set CHRONICLE_CORPUS)\n`);
    return;
  }
  const results: PageResult[] = [];
  for (const [index, page] of pages.entries()) {
    results.push(await evaluatePage(page));
    if (process.stderr.isTTY) process.stderr.write(`\r${index + 1}/${pages.length}`);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  const extracted = results.filter((result) => result.extracted);
  const stable = extracted.filter((result) => result.stable);
  const editable = extracted.filter((result) => result.editDetected !== null);
  const detected = editable.filter((result) => result.editDetected === true);
  const byField = new Map<string, number>();
  for (const result of extracted) for (const field of result.unstableFields) byField.set(field, (byField.get(field) ?? 0) + 1);
  const lines = [
    `corpus: ${root}`,
    `pages: ${pages.length}, extracted: ${extracted.length}`,
    `noise stability (same digest under two different fresh noises): ${stable.length}/${extracted.length} (${percent(stable.length, extracted.length)})`,
    `edit detection (one body figure changed → digest differs): ${detected.length}/${editable.length} (${percent(detected.length, editable.length)})`,
  ];
  if (byField.size > 0) lines.push(`unstable fields: ${[...byField].map(([field, count]) => `${field} ${count}`).join(', ')}`);
  for (const result of extracted.filter((r) => !r.stable)) lines.push(`  unstable: ${result.name} (${result.unstableFields.join(', ')})`);
  for (const result of editable.filter((r) => r.editDetected === false)) lines.push(`  edit missed: ${result.name}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`eval:noise: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 70;
});
