import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

/**
 * `npm run bench` on a corpus of two pages (a Readability test page with its expected.html and a Postlight
 * page), two rounds: what it prints, not how fast anything was.
 */
describe('npm run bench (dist-tools/tools/bench/extract-bench.js)', () => {
  let corpus: string;
  beforeAll(() => {
    corpus = mkdtempSync(join(tmpdir(), 'chronicle-bench-corpus-'));
    const page = join(root, 'fixtures/pages/arc-metro-transit-levy/source.html');
    mkdirSync(join(corpus, 'readability/001'), { recursive: true });
    copyFileSync(page, join(corpus, 'readability/001/source.html'));
    writeFileSync(join(corpus, 'readability/001/expected.html'), '<div><p>Not the article at all.</p></div>');
    mkdirSync(join(corpus, 'postlight'));
    copyFileSync(page, join(corpus, 'postlight/news.example.html'));
  });
  afterAll(() => rmSync(corpus, { recursive: true, force: true }));

  it('times each variant as a block over all the pages, in rounds where (b) and (c) swap places, and prints the tables', async () => {
    const { stdout, stderr } = await run(process.execPath, ['--expose-gc', 'dist-tools/tools/bench/extract-bench.js'], {
      cwd: root,
      env: { ...process.env, CHRONICLE_CORPUS: corpus, CHRONICLE_BENCH_ROUNDS: '2', CHRONICLE_BENCH_WARMUP: '1' },
    });
    const rounds = [...stderr.matchAll(/round (\d) \((\w)\)/g)].map((match) => `${match[1]}${match[2]}`);
    expect(rounds).toEqual(['1a', '1b', '1c', '2a', '2c', '2b']);
    expect(stdout).toMatch(/^readability\/001 +[\d.]+ +[\d.]+ +[\d.]+ +[\d.]+$/m);
    expect(stdout).toMatch(/^postlight\/news\.example\.html +[\d.]+ +[\d.]+ +[\d.]+ +[\d.]+$/m);
    expect(stdout).toContain('extraction over 2 pages');
    for (const label of ['(a) htmlparser2 parse (floor)', '(b) naive jsdom + Readability', '(c) chronicle extractArticle']) {
      expect(stdout).toMatch(new RegExp(`^${label.replace(/[()+]/g, '\\$&')} +[\\d.]+ +[\\d.]+ +[\\d.]+ +\\d+$`, 'm'));
    }
    expect(stdout).toMatch(/^medians by round: \(b\) [\d.]+ \/ [\d.]+ {2}\(c\) [\d.]+ \/ [\d.]+ {2}c\/b [\d.]+ \/ [\d.]+$/m);
    expect(stdout).toMatch(/^ratios of medians: c\/b [\d.]+ {2}c\/a [\d.]+ {2}ratio of totals: c\/b [\d.]+$/m);
    expect(stdout).toMatch(/^jsdom +[\d.]+ +[\d.]+ +\d+ +[\d.]+%$/m);
    // The expected.html is not the article: neither (b) nor (c) agrees with it.
    expect(stdout).toMatch(/^\(c\) chronicle extractArticle +[\d.]+ +[\d.]+ +0\/1$/m);
    expect(stdout).toMatch(/^peak RSS \d+ MB/m);
  }, 120_000);

  it('refuses a round count that is not a whole number of at least 1, in one line, exit 2', async () => {
    for (const value of ['0', 'two', '1.5']) {
      const failure = await run(process.execPath, ['dist-tools/tools/bench/extract-bench.js'], {
        cwd: root,
        env: { ...process.env, CHRONICLE_CORPUS: corpus, CHRONICLE_BENCH_ROUNDS: value },
      }).then(() => null, (error: { code: number; stdout: string; stderr: string }) => error);
      expect(failure).toMatchObject({ code: 2, stdout: '' });
      expect(failure?.stderr).toBe(`bench: CHRONICLE_BENCH_ROUNDS must be a whole number of at least 1, not "${value}"\n`);
    }
  });

  it('says so and exits 0 when there is no corpus', async () => {
    const { stdout } = await run(process.execPath, ['dist-tools/tools/bench/extract-bench.js'], {
      cwd: root,
      env: { ...process.env, CHRONICLE_CORPUS: join(corpus, 'missing') },
    });
    expect(stdout).toMatch(/^bench: no corpus at .*missing \(set CHRONICLE_CORPUS=DIR\); skipped$/m);
  });
});
