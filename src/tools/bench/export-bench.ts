/**
 * `npm run bench:export`: `chronicle export` of an archive of 10,000 snapshots, as WARC and as WACZ, run as a
 * user runs it. The archive is filed directly (the corpus or fixture pages extracted once each, then saved under
 * 10,000 URLs and dates), not timed. Prints snapshots/s, output size and the process's peak RSS (VmHWM).
 * Asserts nothing. Linux only.
 *
 * Options (environment): CHRONICLE_CORPUS=DIR, CHRONICLE_BENCH_PAGES=N (default 10000).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive } from '../../archive/index.js';
import { extractArticle } from '../../extract/extract-article.js';
import { snapshotFromArticle } from '../../pipeline/build-snapshot.js';
import { renderArticlePage } from '../../render/article-page.js';
import type { Article, Capture } from '../../types.js';
import { loadCorpusOrFixtures } from './fixture-pages.js';
import { mb } from './stats.js';
import { runBench, wholeNumberSetting } from './settings.js';
import { runChronicle } from './warc-bench-support.js';

async function main(): Promise<void> {
  const count = wholeNumberSetting('CHRONICLE_BENCH_PAGES', 10_000, 1);
  if (!existsSync('/proc/self/status')) throw new Error('bench:export reads /proc: it runs on Linux only');
  const { pages, source } = loadCorpusOrFixtures();
  const work = mkdtempSync(join(tmpdir(), 'chronicle-export-bench-'));
  const root = join(work, 'archive');
  try {
    const extracted: Array<{ article: Article; bytes: Uint8Array } | null> = [];
    for (const page of pages) {
      try {
        extracted.push({ article: await extractArticle(page.bytes, { url: page.url }), bytes: page.bytes });
      } catch {
        extracted.push(null);
      }
    }
    const usable = extracted.filter((entry): entry is { article: Article; bytes: Uint8Array } => entry !== null);
    const archive = await openArchive(root);
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < count; i++) {
      const { article, bytes } = usable[i % usable.length]!;
      const url = `https://bench${i % 97}.example/${i}/`;
      const capture: Capture = {
        requestedUrl: url, finalUrl: url, redirects: [], status: 200, headers: { 'content-type': 'text/html; charset=utf-8' },
        contentType: 'text/html; charset=utf-8', contentEncoding: null, body: bytes,
        sha256: createHash('sha256').update(bytes).digest('hex'), fetchedAt: new Date(start + i * 1000), elapsedMs: 0, attempts: 1,
      };
      const snapshot = snapshotFromArticle({ ...article, url }, capture);
      await archive.save({ snapshot, raw: bytes, articleHtml: renderArticlePage(snapshot) });
    }
    archive.close();
    process.stdout.write(`export: an archive of ${count} snapshots (cycling through ${usable.length} pages from ${source})\n`);
    for (const format of ['warc', 'wacz']) {
      const output = join(work, `out.${format === 'warc' ? 'warc.gz' : 'wacz'}`);
      const run = await runChronicle(['export', '--archive-dir', root, '--format', format, '-o', output]);
      const size = existsSync(output) ? statSync(output).size : 0;
      process.stdout.write(
        `${format}: ${(count / run.seconds).toFixed(1)} snapshots/s (${run.seconds.toFixed(1)} s), ${mb(size)} written, ` +
          `peak RSS ${mb(run.peakRss)} (VmHWM), exit ${String(run.exit)}\n`,
      );
      rmSync(output, { force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

runBench('bench:export', main);
