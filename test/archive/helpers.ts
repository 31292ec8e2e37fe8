import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/io.js';

/** A fresh folder for one test's archive (the archive root itself is created by openArchive). */
export function tempRoot(prefix = 'chronicle-archive-'): { base: string; root: string; remove: () => void } {
  const base = mkdtempSync(join(tmpdir(), prefix));
  return { base, root: join(base, 'archive'), remove: () => rmSync(base, { recursive: true, force: true }) };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

/** Runs the CLI in-process with captured streams. */
export async function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliResult> {
  const { run } = await import('../../src/cli/program.js');
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(Buffer.from(chunk)));
  stderr.on('data', (chunk: Buffer) => err.push(Buffer.from(chunk)));
  const io: CliIo = {
    stdout,
    stderr,
    stdin: new PassThrough(),
    env: { NO_COLOR: '1', ...(options.env ?? {}) },
    stderrIsTTY: false,
    stdoutIsTTY: false,
    cwd: options.cwd ?? process.cwd(),
  };
  const code = await run(['node', 'chronicle', ...args], io);
  await new Promise((resolve) => setImmediate(resolve));
  const stdoutBytes = Buffer.concat(out);
  return { code, stdout: stdoutBytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), stdoutBytes };
}
