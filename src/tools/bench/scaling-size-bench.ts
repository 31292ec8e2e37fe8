/**
 * `npm run bench:scaling-size`: how extraction time and memory grow with the size of a page. For each page
 * shape (flat: sibling <div>s; deep: nested wrappers; text: long paragraphs) and each size, a fresh Node process
 * extracts one synthetic page (src/tools/bench/size-pages.ts) in the main thread, after a small warm-up page, and
 * reports the milliseconds and the memory the extraction added (peak RSS during it minus RSS before it), with the
 * per-page budget lifted so that the whole curve is measured. Prints
 * the table and each shape's 2 MB / 0.5 MB ratios (linear growth is 4x). Asserts nothing.
 *
 * Options (environment): CHRONICLE_BENCH_SIZES_KB=100,500,1000,2000,5000 (KB, 1 KB = 1000 bytes),
 * CHRONICLE_BENCH_SHAPES=flat,deep,text.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { extractArticle } from '../../extract/extract-article.js';
import { namesSetting, runBench, wholeNumbersSetting } from './settings.js';
import { PAGE_SHAPES, sizedPage, type PageShape } from './size-pages.js';

interface Measure {
  ms: number;
  mb: number;
  outcome: string;
}

/** This process's resident and peak resident memory, MB (Linux /proc; 0 elsewhere). */
function memoryMb(): { rss: number; peak: number } {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) / 1024;
    return { rss: field('VmRSS'), peak: field('VmHWM') };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

/** The curve is measured whole: the per-page budget (README "Extraction limits") is lifted here. */
const UNLIMITED = { maxMemoryMb: Number.POSITIVE_INFINITY, timeMs: Number.POSITIVE_INFINITY };

async function child(shape: PageShape, bytes: number): Promise<void> {
  const encoder = new TextEncoder();
  await extractArticle(encoder.encode(sizedPage(shape, 20_000)), { url: 'https://bench.example/warm-up' });
  const page = encoder.encode(sizedPage(shape, bytes));
  clearPeak();
  const before = memoryMb();
  const start = performance.now();
  let outcome = 'ok';
  try {
    const article = await extractArticle(page, { url: 'https://bench.example/page', limits: UNLIMITED });
    outcome = `${article.body.wordCount} words`;
  } catch (error) {
    outcome = (error as { code?: string }).code ?? 'failed';
  }
  const ms = performance.now() - start;
  const after = memoryMb();
  const measure: Measure = { ms, mb: Math.max(0, Math.max(after.peak, after.rss) - before.rss), outcome };
  process.stdout.write(`${JSON.stringify(measure)}\n`);
}

/** Clears the kernel's peak-RSS mark of this process so that VmHWM starts from the current RSS. */
function clearPeak(): void {
  try {
    // Linux: "5" resets the peak resident set size (proc(5), /proc/pid/clear_refs).
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    /* not Linux, or not allowed: the peak then includes the warm-up, which is small */
  }
}

function measureInChild(shape: PageShape, bytes: number): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const script = fileURLToPath(import.meta.url);
    const proc = spawn(process.execPath, [script, shape, String(bytes)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as Measure);
      else resolve({ ms: Number.NaN, mb: Number.NaN, outcome: `child exited ${signal ?? code}` });
    });
  });
}

const pad = (value: string, width: number): string => value.padStart(width);

async function main(): Promise<void> {
  const [shapeArg, bytesArg] = process.argv.slice(2);
  if (shapeArg !== undefined) return child(shapeArg as PageShape, Number(bytesArg));
  const sizes = wholeNumbersSetting('CHRONICLE_BENCH_SIZES_KB', [100, 500, 1000, 2000, 5000], 1);
  const shapes = namesSetting('CHRONICLE_BENCH_SHAPES', PAGE_SHAPES);
  process.stdout.write(`${pad('shape', 6)} ${pad('size MB', 8)} ${pad('ms', 9)} ${pad('MB', 7)}  outcome\n`);
  const results = new Map<string, Measure>();
  for (const shape of shapes) {
    for (const kb of sizes) {
      const measure = await measureInChild(shape, kb * 1000);
      results.set(`${shape}/${kb}`, measure);
      process.stdout.write(
        `${pad(shape, 6)} ${pad((kb / 1000).toFixed(1), 8)} ${pad(measure.ms.toFixed(0), 9)} ${pad(measure.mb.toFixed(1), 7)}  ${measure.outcome}\n`,
      );
    }
  }
  for (const shape of shapes) {
    const small = results.get(`${shape}/500`);
    const large = results.get(`${shape}/2000`);
    if (small === undefined || large === undefined || !/words$/.test(small.outcome) || !/words$/.test(large.outcome)) continue;
    process.stdout.write(`${shape}: 0.5 MB -> 2 MB: time x${(large.ms / small.ms).toFixed(2)}, memory x${(large.mb / small.mb).toFixed(2)} (linear: x4)\n`);
  }
}

runBench('bench:scaling-size', main);
