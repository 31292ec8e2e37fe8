/**
 * `npm run bench:limits`: every page under --max-bytes either extracts or fails with E_EXTRACT_LIMIT within its
 * budget, and no worker runs out of memory. For each of the costliest page shapes (src/bench/worst-pages.ts) and
 * each size, one page goes through a fresh extraction pool of one worker with the CLI's defaults; prints the
 * estimate (src/extract/page-weight.ts), the outcome (extracted in a pool worker, extracted in a worker of its own,
 * refused by the estimate, over the time limit, or a worker out of memory), the ms, and at the end the count of
 * workers that ran out of memory. Asserts nothing.
 *
 * Options (environment): CHRONICLE_BENCH_SIZES_KB=100,250,500,1000,2000,5000,20000 (KB, 1 KB = 1000 bytes),
 * CHRONICLE_BENCH_SHAPES=empty-inline,attributes,… (default: all).
 */
import { performance } from 'node:perf_hooks';
import { isChronicleError } from '../../errors.js';
import { countPage, estimateHeapMb } from '../../extract/page-weight.js';
import { createExtractPool } from '../../extract/worker-pool.js';
import { namesSetting, runBench, wholeNumbersSetting } from './settings.js';
import { WORST_SHAPES, worstPage, type WorstShape } from './worst-pages.js';

type Outcome = 'extracted' | 'refused' | 'time limit' | 'out of memory' | string;

function outcomeOf(error: unknown): Outcome {
  if (!isChronicleError(error)) return `threw ${String(error)}`;
  if (error.code !== 'E_EXTRACT_LIMIT') return error.code;
  if (/needed more than the worker's/.test(error.message)) return 'out of memory';
  if (/budget$/.test(error.message)) return 'time limit';
  return 'refused';
}

async function measure(shape: WorstShape, bytes: number): Promise<{ estimate: number; outcome: Outcome; ms: number }> {
  const page = worstPage(shape, bytes);
  const estimate = estimateHeapMb(countPage(page));
  const pool = createExtractPool({ size: 1 });
  const start = performance.now();
  try {
    await pool.extract(new TextEncoder().encode(page), { url: 'https://bench.example/page' });
    return { estimate, outcome: 'extracted', ms: performance.now() - start };
  } catch (error) {
    return { estimate, outcome: outcomeOf(error), ms: performance.now() - start };
  } finally {
    await pool.close();
  }
}

const pad = (value: string, width: number): string => value.padStart(width);

async function main(): Promise<void> {
  const sizes = wholeNumbersSetting('CHRONICLE_BENCH_SIZES_KB', [100, 250, 500, 1000, 2000, 5000, 20000], 1);
  const shapes = namesSetting('CHRONICLE_BENCH_SHAPES', WORST_SHAPES);
  process.stdout.write(`${pad('shape', 16)} ${pad('size MB', 8)} ${pad('est. MB', 8)} ${pad('ms', 8)}  outcome\n`);
  let outOfMemory = 0;
  for (const shape of shapes) {
    for (const kb of sizes) {
      const result = await measure(shape, kb * 1000);
      if (result.outcome === 'out of memory') outOfMemory++;
      process.stdout.write(`${pad(shape, 16)} ${pad((kb / 1000).toFixed(2), 8)} ${pad(String(result.estimate), 8)} ${pad(result.ms.toFixed(0), 8)}  ${result.outcome}\n`);
    }
  }
  process.stdout.write(`workers out of memory: ${outOfMemory} of ${shapes.length * sizes.length} pages\n`);
}

runBench('bench:limits', main);
