import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from '@jest/globals';
import { BenchSettingError, wholeNumberSetting, wholeNumbersSetting } from '../../src/tools/bench/settings.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const NAME = 'CHRONICLE_TEST_SETTING';

describe('benchmark settings from the environment', () => {
  afterEach(() => {
    delete process.env[NAME];
  });

  it('reads a whole number, or the default when unset or blank', () => {
    expect(wholeNumberSetting(NAME, 7, 1)).toBe(7);
    process.env[NAME] = ' ';
    expect(wholeNumberSetting(NAME, 7, 1)).toBe(7);
    process.env[NAME] = ' 12 ';
    expect(wholeNumberSetting(NAME, 7, 1)).toBe(12);
    process.env[NAME] = '0';
    expect(wholeNumberSetting(NAME, 7, 0)).toBe(0);
  });

  it('refuses what is not a whole number of at least the minimum', () => {
    for (const value of ['0', '-3', 'two', '1.5', '1e3', '0x10', '5 pages']) {
      process.env[NAME] = value;
      expect(() => wholeNumberSetting(NAME, 7, 1)).toThrow(BenchSettingError);
      expect(() => wholeNumberSetting(NAME, 7, 1)).toThrow(`${NAME} must be a whole number of at least 1, not ${JSON.stringify(value)}`);
    }
  });

  it('reads a comma-separated list, each a whole number of at least the minimum', () => {
    expect(wholeNumbersSetting(NAME, [1, 2], 0)).toEqual([1, 2]);
    process.env[NAME] = '0, 1,2';
    expect(wholeNumbersSetting(NAME, [1, 2], 0)).toEqual([0, 1, 2]);
    for (const value of ['1,,2', '1,two', '1,-2', ',']) {
      process.env[NAME] = value;
      expect(() => wholeNumbersSetting(NAME, [1, 2], 0)).toThrow(
        `${NAME} must be a comma-separated list of whole numbers of at least 0, not ${JSON.stringify(value)}`,
      );
    }
  });
});

/** Each benchmark script, a setting it reads and a bad value for it: refused before anything runs. */
const SCRIPTS: [script: string, label: string, setting: string, value: string][] = [
  ['extract-bench.js', 'bench', 'CHRONICLE_BENCH_LIMIT', 'all'],
  ['extract-bench.js', 'bench', 'CHRONICLE_BENCH_WARMUP', '-1'],
  ['workers-bench.js', 'bench:workers', 'CHRONICLE_BENCH_URLS', '5OO'],
  ['workers-bench.js', 'bench:workers', 'CHRONICLE_BENCH_ROUNDS', '0'],
  ['archive-memory-bench.js', 'bench:memory', 'CHRONICLE_BENCH_URLS', '10k'],
  ['memory-bench.js', 'bench:memory:pool', 'CHRONICLE_BENCH_WORKERS', '0'],
  ['scaling-bench.js', 'bench:scaling', 'CHRONICLE_BENCH_PAGES', '1.5'],
  ['batch-bench.js', 'bench:batch', 'BENCH_CONCURRENCY', 'eight'],
  ['import-bench.js', 'bench:import', 'CHRONICLE_BENCH_PAGES', '10k'],
  ['export-bench.js', 'bench:export', 'CHRONICLE_BENCH_PAGES', 'ten'],
  ['diff-bench.js', 'bench:diff', 'CHRONICLE_BENCH_ROUNDS', 'three'],
];

/** With the corpus beside the clone (when it is there), and as on a fresh clone without it. */
const CORPORA: [name: string, env: NodeJS.ProcessEnv][] = [
  ['the corpus as found', {}],
  ['no corpus', { CHRONICLE_CORPUS: '/nonexistent/chronicle-corpus' }],
];
const CASES = CORPORA.flatMap(([corpus, corpusEnv]) => SCRIPTS.map((entry) => [...entry, corpus, corpusEnv] as const));

describe('benchmark scripts with a bad setting', () => {
  it.each(CASES)('%s refuses %s=%s… in one line, exit 2, having run nothing (%s)', async (script, label, setting, value, _corpus, corpusEnv) => {
    const failure = await run(process.execPath, [`dist-tools/tools/bench/${script}`], {
      cwd: root,
      env: { ...process.env, ...corpusEnv, [setting]: value },
      timeout: 30_000,
    }).then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2, stdout: '' });
    expect(failure?.stderr).toMatch(new RegExp(`^${label}: ${setting} must be a whole number of at least \\d, not "${value}"\\n$`));
  }, 60_000);
});
