/**
 * The product is dist/, the tools are not (issue 21): what `npm pack` would publish holds the CLI and the library,
 * and no benchmark, eval, demo or dev server (those are built into dist-tools/ from src/tools/). Reads npm's own
 * list (`npm pack --dry-run --json`, offline, without lifecycle scripts) of the tree `npm test` just built.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A tool's path: a tools, bench, eval, dev or demo folder anywhere, dist-tools, or a *-bench / *-eval file. */
const TOOL_PATH = /(^|\/)(dist-tools|tools|bench|eval|dev|demo)\/|[-_](bench|eval)\.|recall-report|run-demo/;

async function packedFiles(): Promise<string[]> {
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    env: { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const [pack] = JSON.parse(stdout) as { files: { path: string }[] }[];
  return (pack?.files ?? []).map((file) => file.path);
}

describe('npm pack --dry-run', () => {
  it('lists the CLI and the built library but no bench, eval, dev or demo file', async () => {
    const files = await packedFiles();
    expect(files).toEqual(expect.arrayContaining(['bin/chronicle', 'dist/cli/program.js', 'dist/index.js', 'dist/index.d.ts', 'package.json']));
    expect(files.filter((path) => TOOL_PATH.test(path))).toEqual([]);
  }, 60_000);

  it('would flag a tool that landed in dist/ (the pattern is not vacuous)', () => {
    const shipped = ['dist/bench/extract-bench.js', 'dist/eval/run-eval.js', 'dist/dev/fixture-server.js', 'dist/demo/run-demo.js', 'dist/extract/embeds/recall-report.js', 'dist-tools/tools/bench/stats.js'];
    expect(shipped.filter((path) => TOOL_PATH.test(path))).toEqual(shipped);
    expect(TOOL_PATH.test('dist/extract/embeds/youtube.js')).toBe(false);
    expect(TOOL_PATH.test('docs/performance.md')).toBe(false);
  });
});
