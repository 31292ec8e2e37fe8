import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs `script` (an ES module) in a fresh Node from the repository root and returns whether jsdom was loaded
 * by then (it is CommonJS: loaded modules are in the require cache).
 */
function jsdomLoadedAfter(script: string): boolean {
  const probe = `${script}
const { createRequire } = await import('node:module');
const cache = createRequire(import.meta.url).cache;
process.stdout.write(String(Object.keys(cache).some((path) => path.includes('/node_modules/jsdom/'))));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: root, encoding: 'utf8' });
  return output.trim() === 'true';
}

describe('start-up', () => {
  it('the CLI and the library load jsdom (about a second of CPU) only when a page is extracted', () => {
    expect(jsdomLoadedAfter("await import('./dist/cli/program.js'); await import('./dist/index.js');")).toBe(false);
    // The probe sees jsdom once something needs it.
    expect(
      jsdomLoadedAfter(
        "const { parseDocument } = await import('./dist/extract/readability.js'); parseDocument('<p>x</p>', 'https://news.example/');",
      ),
    ).toBe(true);
  });
});
