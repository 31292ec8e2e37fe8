import { createExtractPool, type ExtractPool } from '../../extract/worker-pool.js';

/** A batch command's extraction workers (`workers` threads with this process's Node flags), or null for none. */
export function startExtractPool(workers: number): ExtractPool | null {
  return workers > 0 ? createExtractPool({ size: workers, nodeFlags: workerNodeFlags() }) : null;
}

/** This process's Node flags, less those only a main script takes (`--input-type` with -e). */
function workerNodeFlags(): string[] {
  return process.execArgv.filter((flag) => !flag.startsWith('--input-type'));
}
