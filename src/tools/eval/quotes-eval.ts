/**
 * `npm run eval:quotes`: the hand-annotated quotes-and-embeds scorer of ../shared/quotes (score.mjs) run on
 * this checkout, so that the figures quoted in notes are the scorer's own table and cannot drift.
 * Arguments (-v, --json, --truth FILE, --pages-root DIR) go through to score.mjs. Without the shared folder it
 * says so on one line and exits 2. $CHRONICLE_QUOTES points at another folder holding score.mjs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Where score.mjs stands: $CHRONICLE_QUOTES, else ../shared/quotes beside the clone. */
export function quotesScorer(): string {
  const folder = process.env.CHRONICLE_QUOTES ? resolve(process.env.CHRONICLE_QUOTES) : resolve(REPO_ROOT, '..', 'shared', 'quotes');
  return join(folder, 'score.mjs');
}

function main(): number {
  const scorer = quotesScorer();
  if (!existsSync(scorer)) {
    process.stderr.write(`eval-quotes: no scorer at ${scorer} (the shared quotes folder is not beside this clone; set CHRONICLE_QUOTES)\n`);
    return 2;
  }
  const run = spawnSync(process.execPath, [scorer, ...process.argv.slice(2)], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, CHRONICLE_DIR: REPO_ROOT },
  });
  return run.status ?? 70;
}

process.exitCode = main();
