import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPT = join(ROOT, 'dist-tools', 'tools', 'eval', 'quotes-eval.js');
const SHARED_SCORER = resolve(ROOT, '..', 'shared', 'quotes', 'score.mjs');

function run(env: Record<string, string>, args: string[] = []) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 240_000 });
}

describe('npm run eval:quotes', () => {
  test('without the shared quotes folder: one line on stderr, exit 2', () => {
    const result = run({ CHRONICLE_QUOTES: join(ROOT, 'no-such-folder') });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^eval-quotes: no scorer at /);
  });

  const withShared = existsSync(SHARED_SCORER) ? test : test.skip;
  if (!existsSync(SHARED_SCORER)) console.log(`skipped: ${SHARED_SCORER} is absent (../shared not beside the clone)`);
  withShared('with ../shared/quotes: the scorer runs on this checkout and prints its totals', () => {
    const result = run({ CHRONICLE_QUOTES: '' }, ['--json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { project: string; total: { pages: number; errors: number } };
    expect(report.project).toBe(ROOT);
    expect(report.total.pages).toBeGreaterThan(0);
    expect(report.total.errors).toBe(0);
  }, 300_000);
});
