/**
 * `npm run eval:metadata`: how far extractMetadata agrees with Mozilla Readability's expected metadata
 * (../shared/corpus/readability/<page>/expected-metadata.json, or $CHRONICLE_CORPUS/readability) on
 * title, byline → authors, siteName and publishedTime; and how often each field is found at all on the
 * postlight publisher pages (which have no expected metadata). Prints figures only; never fails on a
 * low figure. Exit 70 only on an internal error.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as cheerio from 'cheerio';
import { extractMetadata, parseDate, splitAuthors, cleanTitle } from '../../extract/metadata/index.js';
import { decodeHtml } from '../../decode/decode-html.js';
import type { Meta } from '../../types.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Readability's test harness reads every test page as this URL. */
const READABILITY_PAGE_URL = 'http://fakehost/test/page.html';

interface ExpectedMetadata {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
}

interface Tally {
  /** Pages where Readability has a value. */
  expected: number;
  /** …and we agree. */
  agree: number;
  /** …and we agree loosely (see each field). */
  looseAgree: number;
  /** Pages where Readability has no value but we found one. */
  extra: number;
}

const emptyTally = (): Tally => ({ expected: 0, agree: 0, looseAgree: 0, extra: 0 });

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function key(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function sameSet(a: string[], b: string[]): boolean {
  const x = new Set(a.map(key));
  const y = new Set(b.map(key));
  return x.size === y.size && [...x].every((item) => y.has(item));
}

export interface PageResult {
  page: string;
  fields: Record<'title' | 'authors' | 'siteName' | 'publishedAt', { expected: string | null; ours: string | null; agree: boolean }>;
}

function corpusDir(): string {
  return process.env.CHRONICLE_CORPUS ? resolve(process.env.CHRONICLE_CORPUS) : resolve(REPO_ROOT, '..', 'shared', 'corpus');
}

function pct(part: number, whole: number): string {
  return whole === 0 ? '   n/a' : `${((100 * part) / whole).toFixed(1).padStart(5)}%`;
}

export async function evaluateReadabilityMetadata(dir: string): Promise<{ tallies: Record<string, Tally>; pages: PageResult[]; failures: number }> {
  const tallies: Record<string, Tally> = {
    title: emptyTally(),
    authors: emptyTally(),
    siteName: emptyTally(),
    publishedAt: emptyTally(),
  };
  const pages: PageResult[] = [];
  let failures = 0;
  const slugs = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  for (const slug of slugs) {
    const expectedPath = join(dir, slug, 'expected-metadata.json');
    if (!existsSync(expectedPath)) continue;
    const expected = JSON.parse(await readFile(expectedPath, 'utf8')) as ExpectedMetadata;
    // Readability's test pages are stored as UTF-8 whatever their <meta charset> says.
    const decoded = decodeHtml(await readFile(join(dir, slug, 'source.html')), 'text/html; charset=utf-8');
    let meta: Meta;
    try {
      meta = extractMetadata({ $: cheerio.load(decoded.text), pageUrl: READABILITY_PAGE_URL }).meta;
    } catch {
      failures += 1;
      continue;
    }
    const ctx = { siteName: meta.siteName, pageUrl: READABILITY_PAGE_URL };
    const fields: PageResult['fields'] = {
      title: { expected: null, ours: meta.title, agree: false },
      authors: { expected: null, ours: meta.authors.length > 0 ? meta.authors.join('; ') : null, agree: false },
      siteName: { expected: null, ours: meta.siteName, agree: false },
      publishedAt: { expected: null, ours: meta.publishedAt, agree: false },
    };

    // title: exact (whitespace collapsed); loose = also after stripping Readability's " | Site" suffix.
    const expectedTitle = expected.title ? squash(expected.title) : '';
    if (expectedTitle !== '') {
      const t = tallies.title as Tally;
      t.expected += 1;
      const exact = meta.title !== null && squash(meta.title) === expectedTitle;
      const loose = exact || (meta.title !== null && key(cleanTitle(expectedTitle, ctx)) === key(meta.title));
      if (exact) t.agree += 1;
      if (loose) t.looseAgree += 1;
      fields.title = { expected: expectedTitle, ours: meta.title, agree: loose };
    } else if (meta.title !== null) (tallies.title as Tally).extra += 1;

    // byline → authors: exact = the same set of names once Readability's byline is split; loose = overlap.
    const expectedAuthors = expected.byline ? splitAuthors([expected.byline], ctx) : [];
    if (expected.byline && squash(expected.byline) !== '') {
      const t = tallies.authors as Tally;
      t.expected += 1;
      const exact = expectedAuthors.length > 0 && sameSet(expectedAuthors, meta.authors);
      const loose = exact || meta.authors.some((a) => expectedAuthors.some((e) => key(e).includes(key(a)) || key(a).includes(key(e))));
      if (exact) t.agree += 1;
      if (loose) t.looseAgree += 1;
      fields.authors = { expected: squash(expected.byline), ours: fields.authors.ours, agree: exact };
    } else if (meta.authors.length > 0) (tallies.authors as Tally).extra += 1;

    // siteName: exact; loose = letters and digits only.
    if (expected.siteName && squash(expected.siteName) !== '') {
      const t = tallies.siteName as Tally;
      t.expected += 1;
      const exact = meta.siteName !== null && squash(meta.siteName) === squash(expected.siteName);
      const loose = meta.siteName !== null && key(meta.siteName) === key(expected.siteName);
      if (exact) t.agree += 1;
      if (loose) t.looseAgree += 1;
      fields.siteName = { expected: squash(expected.siteName), ours: meta.siteName, agree: loose };
    } else if (meta.siteName !== null) (tallies.siteName as Tally).extra += 1;

    // publishedTime: the same instant (both parsed by parseDate); loose = the same UTC calendar day.
    if (expected.publishedTime && squash(expected.publishedTime) !== '') {
      const t = tallies.publishedAt as Tally;
      t.expected += 1;
      const want = parseDate(expected.publishedTime);
      const exact = want !== null && want === meta.publishedAt;
      const loose = want !== null && meta.publishedAt !== null && want.slice(0, 10) === meta.publishedAt.slice(0, 10);
      if (exact) t.agree += 1;
      if (loose) t.looseAgree += 1;
      fields.publishedAt = { expected: expected.publishedTime, ours: meta.publishedAt, agree: exact };
    } else if (meta.publishedAt !== null) (tallies.publishedAt as Tally).extra += 1;

    pages.push({ page: slug, fields });
  }
  return { tallies, pages, failures };
}

export async function evaluatePostlightCoverage(dir: string): Promise<{ pages: number; found: Record<string, number> }> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.html')).sort();
  const found: Record<string, number> = { title: 0, authors: 0, siteName: 0, publishedAt: 0, modifiedAt: 0, lang: 0, image: 0, canonicalUrl: 0 };
  for (const file of files) {
    const decoded = decodeHtml(await readFile(join(dir, file)), undefined);
    const pageUrl = `https://${file.replace(/\.html$/, '').replace(/--.*$/, '')}/article`;
    const { meta, canonicalUrl } = extractMetadata({ $: cheerio.load(decoded.text), pageUrl });
    const has: Record<string, boolean> = {
      title: meta.title !== null,
      authors: meta.authors.length > 0,
      siteName: meta.siteName !== null,
      publishedAt: meta.publishedAt !== null,
      modifiedAt: meta.modifiedAt !== null,
      lang: meta.lang !== null,
      image: meta.image !== null,
      canonicalUrl: canonicalUrl !== null,
    };
    for (const [field, yes] of Object.entries(has)) if (yes) found[field] = (found[field] ?? 0) + 1;
  }
  return { pages: files.length, found };
}

async function main(): Promise<void> {
  const corpus = corpusDir();
  const verbose = process.argv.includes('--verbose');
  const { tallies, pages, failures } = await evaluateReadabilityMetadata(join(corpus, 'readability'));
  const out: string[] = [];
  out.push(`Metadata agreement with Readability's expected-metadata.json (${pages.length} pages, ${failures} failed)`);
  out.push('field        pages-with-value  exact-agree        loose-agree        we-found-extra');
  for (const [field, t] of Object.entries(tallies)) {
    out.push(
      `${field.padEnd(12)} ${String(t.expected).padStart(16)}  ${String(t.agree).padStart(4)} ${pct(t.agree, t.expected)}       ${String(t.looseAgree).padStart(4)} ${pct(t.looseAgree, t.expected)}       ${String(t.extra).padStart(4)}`,
    );
  }
  out.push('exact: title identical / same author set / identical site name / same instant;');
  out.push('loose: title equal after stripping a " | Site" suffix / any author overlaps / site name equal ignoring case and punctuation / same UTC day.');
  if (verbose) {
    for (const page of pages) {
      for (const [field, value] of Object.entries(page.fields)) {
        if (value.expected !== null && !value.agree) out.push(`  ${page.page} ${field}: expected ${JSON.stringify(value.expected)}, ours ${JSON.stringify(value.ours)}`);
      }
    }
  }
  const postlightDir = join(corpus, 'postlight');
  if (existsSync(postlightDir)) {
    const { pages: count, found } = await evaluatePostlightCoverage(postlightDir);
    out.push('');
    out.push(`Field coverage on postlight publisher pages (${count} pages; no expected values, found-at-all only)`);
    for (const [field, n] of Object.entries(found)) out.push(`${field.padEnd(13)} ${String(n).padStart(4)} ${pct(n, count)}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`eval-metadata: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  });
}
