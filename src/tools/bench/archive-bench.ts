/**
 * `npm run bench:archive` — builds an archive of N snapshots (default 10,000) generated from fixtures/pages
 * (each page run through buildSnapshot once, then varied: other URLs, ids, times, paragraphs, names), and
 * prints archive writes per second, the time of `list` and of `reindex`, `search` latency p50/p95 over a few
 * hundred queries of real words and phrases, verify time and disk use. Figures only: nothing is asserted.
 *
 * Options: --count N (default 10000), --queries N (default 300), --dir DIR (keep the archive there),
 * --pages DIR (default fixtures/pages), --concurrency N (saves in flight at once, as a batch run has; default 4),
 * --verify (also time a full verify). With --dir naming an archive that already holds --count snapshots, the
 * writes are skipped and the other figures are measured on it.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openArchive } from '../../archive/index.js';
import type { SaveInput } from '../../archive/types.js';
import { contentDigest } from '../../normalize/digest.js';
import type { Capture, Snapshot } from '../../types.js';
import { prng } from '../dev/prng.js';

interface BenchOptions {
  count: number;
  queries: number;
  dir: string | null;
  pagesDir: string;
  concurrency: number;
  verify: boolean;
}

interface BasePage {
  slug: string;
  host: string;
  built: SaveInput;
  paragraphs: string[];
}

const FIRST_NAMES = ['Amara', 'Bruno', 'Chen', 'Dalia', 'Emeka', 'Freya', 'Goran', 'Hana', 'Ines', 'Jonas', 'Kofi', 'Leila', 'Mateo', 'Nadia', 'Oskar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tomoko', 'Umar', 'Vera', 'Wiebke', 'Xavier', 'Yusuf', 'Zofia'];
const LAST_NAMES = ['Abara', 'Berg', 'Castillo', 'Dubois', 'Eriksen', 'Fontaine', 'Garcia', 'Haddad', 'Ivanova', 'Jensen', 'Kowalski', 'Lindqvist', 'Moreau', 'Novak', 'Okafor', 'Petrov', 'Quispe', 'Rossi', 'Silva', 'Tanaka', 'Urban', 'Varga', 'Weber', 'Xu', 'Yilmaz', 'Zanetti'];
const PLACES = ['Eastport', 'Millbrook', 'Harrow Bay', 'Ostend', 'Kirkwall', 'Valmont', 'Brightwater', 'Linden', 'Sauk Rapids', 'Porto Alegre', 'Tromsø', 'Gdańsk', 'Mostar', 'Nakuru', 'Cuenca', 'Ballarat'];
const TOPICS = ['ferry timetable', 'school budget', 'bridge repairs', 'housing permits', 'water rates', 'bus strike', 'library hours', 'flood barrier', 'tram extension', 'hospital wing', 'harbour dredging', 'council vote'];
const VERBS = ['told', 'warned', 'reminded', 'assured', 'informed', 'pressed'];


function parseArgs(argv: string[]): BenchOptions {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const options: BenchOptions = { count: 10_000, queries: 300, dir: null, pagesDir: resolve(here, '..', '..', '..', 'fixtures', 'pages'), concurrency: 4, verify: false };
  for (let i = 0; i < argv.length; i += 1) {
    const value = argv[i + 1];
    if (argv[i] === '--verify') {
      options.verify = true;
      continue;
    }
    if (argv[i] === '--count' && value !== undefined) options.count = Number(value);
    else if (argv[i] === '--queries' && value !== undefined) options.queries = Number(value);
    else if (argv[i] === '--dir' && value !== undefined) options.dir = resolve(value);
    else if (argv[i] === '--pages' && value !== undefined) options.pagesDir = resolve(value);
    else if (argv[i] === '--concurrency' && value !== undefined) options.concurrency = Math.max(1, Number(value));
    else continue;
    i += 1;
  }
  return options;
}

const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/** Each fixture page through the real pipeline once (pages the extractor cannot read are skipped). */
async function buildBases(pagesDir: string): Promise<BasePage[]> {
  const { buildSnapshot } = await import('../../pipeline/build-snapshot.js');
  const bases: BasePage[] = [];
  for (const slug of readdirSync(pagesDir).sort()) {
    const sourcePath = join(pagesDir, slug, 'source.html');
    if (!existsSync(sourcePath)) continue;
    const meta = JSON.parse(readFileSync(join(pagesDir, slug, 'meta.json'), 'utf8')) as { url: string; contentType?: string };
    const body = new Uint8Array(readFileSync(sourcePath));
    const capture: Capture = {
      requestedUrl: meta.url,
      finalUrl: meta.url,
      redirects: [],
      status: 200,
      headers: {},
      contentType: meta.contentType ?? 'text/html; charset=utf-8',
      contentEncoding: null,
      body,
      sha256: sha256(body),
      fetchedAt: new Date('2026-01-01T00:00:00Z'),
      elapsedMs: 50,
      attempts: 1,
    };
    try {
      const built = await buildSnapshot(capture);
      const paragraphs = built.snapshot.body.text.split(/\n\s*\n/).map((text) => text.trim()).filter((text) => text.length > 40);
      bases.push({ slug, host: new URL(built.snapshot.url).hostname, built, paragraphs });
    } catch (error) {
      process.stderr.write(`skipped ${slug}: ${(error as Error).message}\n`);
    }
  }
  return bases;
}

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T;
}

/** Snapshot i: a fixture page with other paragraphs mixed in, a generated paragraph, another URL, id and time. */
function variant(i: number, bases: BasePage[], pool: string[], next: () => number): SaveInput {
  const base = bases[i % bases.length] as BasePage;
  const source = base.built.snapshot;
  // Every fifth snapshot is a new version of the previous one's page.
  const pageNumber = i % 5 === 4 ? i - 1 : i;
  const url = `https://${base.host}/bench/${pageNumber}/${base.slug}`;
  const person = `${pick(FIRST_NAMES, next)} ${pick(LAST_NAMES, next)}`;
  const place = pick(PLACES, next);
  const topic = pick(TOPICS, next);
  const generated = `${person} ${pick(VERBS, next)} the ${place} council on ${['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'][i % 5]} that the ${topic} would cost ${Math.floor(next() * 900) + 100} thousand euros, item ${i}.`;
  const paragraphs = [...base.paragraphs];
  for (let k = 0; k < 3 && pool.length > 0; k += 1) paragraphs.splice(Math.floor(next() * (paragraphs.length + 1)), 0, pick(pool, next));
  paragraphs.splice(1, 0, generated);
  const text = paragraphs.join('\n\n');
  const fetchedAt = new Date(Date.UTC(2026, 0, 1) + i * 37_000 + Math.floor(next() * 1000));
  // One raw body in ten is the fixture's own bytes (shared blob); the rest differ by a comment.
  const raw = i % 10 === 0 ? base.built.raw : new TextEncoder().encode(`${new TextDecoder().decode(base.built.raw)}\n<!-- bench variant ${i} -->\n`);
  const rawSha = sha256(raw);
  const meta = { ...source.meta, title: `${source.meta.title ?? base.slug} — ${place} ${topic}`, authors: [person, ...source.meta.authors.slice(0, 1)] };
  const bodyRecord = { text, html: paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n'), wordCount: text.split(/\s+/).length };
  const snapshot: Snapshot = {
    ...source,
    id: `${fetchedAt.toISOString().replace(/[-:]/g, '').replace('.', '')}-${sha256(`${url}\n${rawSha}`).slice(0, 8)}`,
    url,
    finalUrl: url,
    canonicalUrl: url,
    fetch: { ...source.fetch, fetchedAt: fetchedAt.toISOString(), bytes: raw.byteLength, sha256: rawSha },
    meta,
    body: bodyRecord,
    digest: {
      content: contentDigest({ meta, body: bodyRecord, quotes: source.quotes, embeds: source.embeds, canonicalUrl: url }),
      raw: `sha256:${rawSha}`,
    },
  };
  return { snapshot, raw, articleHtml: base.built.articleHtml.replace(/<title>[^<]*<\/title>/, `<title>${meta.title}</title>`) };
}

/** Real words and phrases from the bodies: single words, two-word AND, quoted 2–3 word phrases, a prefix, a column filter. */
function makeQueries(count: number, pool: string[], next: () => number): string[] {
  const words = pool.flatMap((paragraph) => paragraph.split(/[^\p{L}\p{N}]+/u)).filter((word) => word.length >= 5 && !/^\d+$/.test(word));
  const queries: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const kind = i % 5;
    if (kind === 0) queries.push(pick(words, next));
    else if (kind === 1) queries.push(`${pick(words, next)} ${pick(words, next)}`);
    else if (kind === 2) {
      const tokens = pick(pool, next).split(/[^\p{L}\p{N}]+/u).filter((token) => token !== '');
      const start = Math.floor(next() * Math.max(1, tokens.length - 3));
      queries.push(`"${tokens.slice(start, start + 2 + (i % 2)).join(' ')}"`);
    } else if (kind === 3) queries.push(`${pick(words, next).slice(0, 4)}*`);
    else queries.push(`${pick(LAST_NAMES, next)} ${pick(PLACES, next).split(' ')[0]}`);
  }
  return queries;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** Bytes on disk under a folder (allocated blocks), each hard-linked inode counted once. */
function diskUse(path: string, seen = new Set<string>()): number {
  let total = 0;
  const stat = lstatSync(path);
  const key = `${stat.dev}:${stat.ino}`;
  if (!seen.has(key)) {
    seen.add(key);
    total += stat.blocks * 512;
  }
  if (stat.isDirectory()) for (const name of readdirSync(path)) total += diskUse(join(path, name), seen);
  return total;
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const next = prng(20261125);
  const bases = await buildBases(options.pagesDir);
  if (bases.length === 0) throw new Error(`no fixture page in ${options.pagesDir} could be built`);
  const pool = bases.flatMap((base) => base.paragraphs);
  const workDir = options.dir ?? mkdtempSync(join(tmpdir(), 'chronicle-archive-bench-'));
  const root = options.dir ?? join(workDir, 'archive');
  const out = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  out(`chronicle archive benchmark: ${options.count} snapshots from ${bases.length} fixture pages (buildSnapshot once each, then varied), archive in ${root}`);

  const archive = await openArchive(root);
  const existing = options.dir !== null ? (await archive.list()).length : 0;
  let created = existing >= options.count ? existing : 0;
  const writeStart = performance.now();
  let nextIndex = 0;
  const worker = async (): Promise<void> => {
    while (nextIndex < options.count) {
      const i = nextIndex;
      nextIndex += 1;
      const result = await archive.save(variant(i, bases, pool, next));
      if (result.created) created += 1;
      if (process.stderr.isTTY && i % 500 === 0) process.stderr.write(`\rwriting ${i}/${options.count}`);
    }
  };
  if (existing >= options.count) {
    out(`writes:  skipped (${root} already holds ${existing} snapshots)`);
  } else {
    await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
    const writeSeconds = (performance.now() - writeStart) / 1000;
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    out(`writes:  ${options.count} saves in ${writeSeconds.toFixed(1)} s = ${(options.count / writeSeconds).toFixed(1)} writes/s with ${options.concurrency} saves in flight (${created} snapshot folders created)`);
  }

  let start = performance.now();
  const all = await archive.list();
  const listMs = performance.now() - start;
  start = performance.now();
  const oneSite = await archive.list({ site: bases[0]?.host ?? '' });
  const siteMs = performance.now() - start;
  out(`list:    all ${all.length} snapshots in ${ms(listMs)}; --site ${bases[0]?.host} (${oneSite.length}) in ${ms(siteMs)}`);

  start = performance.now();
  const reindexed = await archive.reindex();
  out(`reindex: ${reindexed} snapshots from the files in ${((performance.now() - start) / 1000).toFixed(2)} s`);

  const queries = makeQueries(options.queries, pool, next);
  const latencies: number[] = [];
  let hitsTotal = 0;
  let empty = 0;
  for (const query of queries.slice(0, 10)) await archive.search(query, 20); // warm the page cache
  for (const query of queries) {
    const t = performance.now();
    const hits = await archive.search(query, 20);
    latencies.push(performance.now() - t);
    hitsTotal += hits.length;
    if (hits.length === 0) empty += 1;
  }
  latencies.sort((a, b) => a - b);
  out(
    `search:  ${queries.length} queries (words, AND pairs, "phrases", prefix*, names), limit 20: p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(latencies[latencies.length - 1] ?? Number.NaN)}; mean ${(hitsTotal / queries.length).toFixed(1)} hits, ${empty} with none`,
  );

  if (options.verify) {
    start = performance.now();
    await archive.cleanup();
    const problems = await archive.verify();
    out(`verify:  ${((performance.now() - start) / 1000).toFixed(2)} s, ${problems.length} problems`);
  }
  archive.close();

  const sites = diskUse(join(root, 'sites'));
  const blobs = diskUse(join(root, 'blobs'));
  const index = ['index.sqlite', 'index.sqlite-wal', 'index.sqlite-shm'].map((name) => join(root, name)).filter((path) => existsSync(path)).reduce((sum, path) => sum + diskUse(path), 0);
  const total = diskUse(root);
  const blobCount = readdirSync(join(root, 'blobs', 'sha256')).reduce((sum, prefix) => sum + readdirSync(join(root, 'blobs', 'sha256', prefix)).length, 0);
  out(`disk:    ${mib(total)} in all: snapshot folders ${mib(sites)} (raw.html hard links counted once, under blobs), blobs ${mib(blobs)} (${blobCount} distinct raw bodies for ${created} snapshots), index.sqlite ${mib(index)}; ${(total / Math.max(1, created) / 1024).toFixed(1)} KiB per snapshot`);
  if (options.dir === null) rmSync(workDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`archive-bench: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
