/**
 * Small rooms (issue 21): no function of the product (src/ outside src/tools/) is over 80 lines, no stage
 * module imports from src/cli/, and only src/cli/ and src/host/ touch `process`. Reads the sources with the
 * TypeScript compiler's parser.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import ts from 'typescript';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const TOOLS = join(SRC, 'tools');
const CLI = join(SRC, 'cli');
const HOST = join(SRC, 'host');
const MAX_LINES = 80;

function productFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === TOOLS ? [] : productFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Functions (declarations, methods, arrows, expressions) of `file` longer than MAX_LINES, as "file:line name (n lines)". */
function longFunctions(file: string, code = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      const name = node.name !== undefined ? node.name.getText(source) : '(anonymous)';
      if (lines > MAX_LINES) found.push(`${relative(SRC, file)}:${first + 1} ${name} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function importsOfCli(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]*)['"]/g)]
    .map((match) => match[1] ?? '')
    .filter((specifier) => {
      const target = resolve(dirname(file), specifier);
      return target === CLI || target.startsWith(CLI + sep);
    })
    .map((specifier) => `${relative(SRC, file)} → ${specifier}`);
}

/** Code (not comments or strings) of `file` that uses the `process` global or imports node:process, as "file:line". */
function processTouches(file: string, code = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node): string => `${relative(SRC, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === 'process' && !isPropertyName(node)) found.push(at(node));
    if (ts.isStringLiteral(node) && /^(node:)?process$/.test(node.text) && ts.isImportDeclaration(node.parent)) found.push(at(node));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `x.process` or `{ process: … }`: a name of something else, not the global. */
function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node) || (ts.isPropertySignature(parent) && parent.name === node);
}

describe('small rooms', () => {
  const files = productFiles(SRC);

  it(`no function of the product is over ${MAX_LINES} lines`, () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((file) => longFunctions(file))).toEqual([]);
  });

  it('finds a long function when there is one, and not one of exactly the limit (the check itself works)', () => {
    const body = (count: number): string => Array.from({ length: count }, (_, index) => `  const v${index} = ${index};`).join('\n');
    const file = join(SRC, 'example.ts');
    expect(longFunctions(file, `function long(): void {\n${body(MAX_LINES - 1)}\n}\n`)).toEqual(['example.ts:1 long (81 lines)']);
    expect(longFunctions(file, `const fits = (): void => {\n${body(MAX_LINES - 2)}\n};\n`)).toEqual([]);
  });

  it('only src/cli/ and src/host/ touch process (argv, env, stdio, exit, pid)', () => {
    const stages = files.filter((file) => !file.startsWith(CLI + sep) && !file.startsWith(HOST + sep));
    expect(stages.flatMap((file) => processTouches(file))).toEqual([]);
    const file = join(SRC, 'example.ts');
    expect(processTouches(file, "// process.exit in a comment\nconst s = 'process.env';\nconst o = { process: 1 };\no.process;\n")).toEqual([]);
    expect(processTouches(file, "import { pid } from 'node:process';\nconst a = process.argv;\n")).toEqual(['example.ts:1', 'example.ts:2']);
  });

  it('no stage module imports from src/cli/', () => {
    const stages = files.filter((file) => !file.startsWith(CLI + sep));
    expect(stages.flatMap(importsOfCli)).toEqual([]);
  });
});
