/**
 * Tools apart (issue 21): the product (src/ outside src/tools/) never imports a benchmark, eval, demo or dev
 * server, so dist/ builds and runs without them. Reads every relative import and import() of the product's
 * sources, and the relative `new URL(…)` module paths, and resolves them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const TOOLS = join(SRC, 'tools');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === TOOLS ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative module specifiers: `from '…'`, `import '…'`, `import('…')`, `new URL('…', import.meta.url)`. */
function relativeSpecifiers(code: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|new URL\(\s*)['"](\.{1,2}\/[^'"]*)['"]/g;
  return [...code.matchAll(pattern)].map((match) => match[1] ?? '');
}

function importsOfTools(file: string, code: string): string[] {
  return relativeSpecifiers(code)
    .filter((specifier) => {
      const target = resolve(dirname(file), specifier);
      return target === TOOLS || target.startsWith(TOOLS + sep);
    })
    .map((specifier) => `${relative(SRC, file)} → ${specifier}`);
}

describe('the product and the tools', () => {
  it('no product module under src/ imports from src/tools/', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((file) => importsOfTools(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('would catch each way of importing a tool (the check is not vacuous)', () => {
    const file = join(SRC, 'extract', 'embeds', 'x.ts');
    const code = [
      "import { a } from '../../tools/bench/stats.js';",
      "export * from '../../tools/dev/prng.js';",
      "await import('../../tools/eval/run-eval.js');",
      "new URL('../../tools/demo/run-demo.js', import.meta.url);",
      "import { b } from '../index.js';",
    ].join('\n');
    expect(importsOfTools(file, code)).toHaveLength(4);
  });
});
