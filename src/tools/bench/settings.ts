/**
 * The benchmarks' settings from the environment (CHRONICLE_BENCH_URLS=…), and how a benchmark script ends: a
 * setting that is not what it must be is one line on stderr and exit 2, before anything runs; any other failure
 * is printed whole (a benchmark is a developer's tool) with exit 1.
 */

/** A setting from the environment that is not what it must be. */
export class BenchSettingError extends Error {}

/** The whole number in `raw` (digits only, spaces around allowed), or null. */
function wholeNumber(raw: string): number | null {
  return /^\s*\d+\s*$/.test(raw) ? Number(raw) : null;
}

/** `name` from the environment as a whole number of at least `min`; `fallback` when unset or blank. */
export function wholeNumberSetting(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = wholeNumber(raw);
  if (value === null || value < min) {
    throw new BenchSettingError(`${name} must be a whole number of at least ${min}, not ${JSON.stringify(raw)}`);
  }
  return value;
}

/** `name` from the environment as a comma-separated list of whole numbers of at least `min`; `fallback` when unset or blank. */
export function wholeNumbersSetting(name: string, fallback: readonly number[], min: number): number[] {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return [...fallback];
  const values = raw.split(',').map(wholeNumber);
  if (values.some((value) => value === null || value < min)) {
    throw new BenchSettingError(`${name} must be a comma-separated list of whole numbers of at least ${min}, not ${JSON.stringify(raw)}`);
  }
  return values as number[];
}

/** `name` from the environment as a comma-separated list of names among `allowed`; all of them when unset or blank. */
export function namesSetting<T extends string>(name: string, allowed: readonly T[]): T[] {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return [...allowed];
  const names = raw.split(',').map((entry) => entry.trim());
  if (names.some((entry) => !(allowed as readonly string[]).includes(entry))) {
    throw new BenchSettingError(`${name} must name shapes among ${allowed.join(', ')}, not ${JSON.stringify(raw)}`);
  }
  return names as T[];
}

/** Runs a benchmark's `main`; `label` begins its error lines ("bench:workers"). */
export function runBench(label: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof BenchSettingError) {
      process.stderr.write(`${label}: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`${label}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
