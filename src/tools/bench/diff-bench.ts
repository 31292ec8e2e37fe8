/**
 * bench:diff — what `diff` and `check` pay to compare two versions: diffSnapshots on synthetic stories of
 * growing length, each as (a) a light edit (one sentence in a hundred reworded, a paragraph added) and (b) a
 * rewrite of every sentence in one long paragraph. Prints ms (median of the rounds) and changes found.
 */
import { diffSnapshots } from '../../diff/compare-snapshots.js';
import { SNAPSHOT_SCHEMA, type Snapshot } from '../../types.js';
import { median, table } from './stats.js';
import { runBench, wholeNumberSetting, wholeNumbersSetting } from './settings.js';

function sentence(index: number, verb: string): string {
  return `Officials in district ${index % 41} ${verb} that ${index * 7 % 1000} families had left by day ${index % 12 + 1}.`;
}

/** A story of `sentences` sentences, five to a paragraph; `edited` rewords one in a hundred and adds a paragraph. */
function story(sentences: number, edited: boolean): string {
  const paragraphs: string[] = [];
  for (let start = 0; start < sentences; start += 5) {
    const words = Array.from({ length: Math.min(5, sentences - start) }, (_, offset) => {
      const index = start + offset;
      return sentence(index, edited && index % 100 === 50 ? 'confirmed' : 'said');
    });
    paragraphs.push(words.join(' '));
  }
  if (edited) paragraphs.splice(paragraphs.length >> 1, 0, 'A paragraph added in the new version, with a figure of 12.');
  return paragraphs.join('\n\n');
}

/** One paragraph of `sentences` sentences, every one of them with `verb`. */
function oneParagraph(sentences: number, verb: string): string {
  return Array.from({ length: sentences }, (_, index) => sentence(index, verb)).join(' ');
}

function snapshot(id: string, text: string): Snapshot {
  return {
    schema: SNAPSHOT_SCHEMA, id, url: 'https://bench.example/story', finalUrl: 'https://bench.example/story', canonicalUrl: null,
    fetch: { fetchedAt: '2026-12-07T00:00:00.000Z', status: 200, redirects: [], contentType: 'text/html', contentEncoding: null, charset: 'utf-8', bytes: 0, sha256: '0'.repeat(64), elapsedMs: 0 },
    meta: { title: 'Bench story', byline: null, authors: [], publishedAt: null, modifiedAt: null, description: null, siteName: null, language: 'en', section: null, tags: [], image: null },
    body: { text, html: '', wordCount: 0 },
    quotes: [], embeds: [], images: [], links: [], corrections: [],
    digest: { content: `sha256:${id}`, raw: `sha256:${id}` },
    warnings: [],
  } as unknown as Snapshot;
}

function time(rounds: number, run: () => number): { ms: number; changes: number } {
  const times: number[] = [];
  let changes = 0;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    changes = run();
    times.push(performance.now() - started);
  }
  return { ms: median(times), changes };
}

async function main(): Promise<void> {
  const sizes = wholeNumbersSetting('CHRONICLE_BENCH_SENTENCES', [1000, 10_000, 100_000], 1);
  const rounds = wholeNumberSetting('CHRONICLE_BENCH_ROUNDS', 3, 1);
  const rows: string[][] = [];
  for (const size of sizes) {
    const light = time(rounds, () => diffSnapshots(snapshot('a', story(size, false)), snapshot('b', story(size, true))).changes.length);
    const rewrite = time(rounds, () => diffSnapshots(snapshot('a', oneParagraph(size, 'said')), snapshot('b', oneParagraph(size, 'reported'))).changes.length);
    rows.push([String(size), light.ms.toFixed(0), String(light.changes), rewrite.ms.toFixed(0), String(rewrite.changes)]);
  }
  process.stdout.write(`diffSnapshots, median of ${rounds} rounds\n`);
  process.stdout.write(`${table(['sentences', 'light edit ms', 'changes', 'rewrite ms', 'changes'], rows)}\n`);
}

runBench('bench:diff', main);
