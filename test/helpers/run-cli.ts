import { PassThrough } from 'node:stream';
import { run } from '../../src/cli/program.js';
import type { CliIo } from '../../src/cli/io.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

interface IoOptions {
  env: NodeJS.ProcessEnv;
  stdin?: string;
  cwd?: string;
  stderrIsTTY?: boolean;
  stdoutIsTTY?: boolean;
}

/** Runs a CLI entry (argv, io) → exit code with captured streams: stdin given (or empty), not a TTY unless the options say so. */
export async function runCaptured(
  entry: (argv: string[], io: CliIo) => Promise<number>,
  args: string[],
  options: IoOptions,
): Promise<CliResult & { stdoutBytes: Buffer }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(Buffer.from(chunk)));
  stderr.on('data', (chunk: Buffer) => err.push(Buffer.from(chunk)));
  stdin.end(options.stdin ?? '');
  const io: CliIo = {
    stdout,
    stderr,
    stdin,
    env: options.env,
    stderrIsTTY: options.stderrIsTTY ?? false,
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    cwd: options.cwd ?? process.cwd(),
  };
  const code = await entry(['node', 'chronicle', ...args], io);
  await new Promise((resolve) => setImmediate(resolve));
  const stdoutBytes = Buffer.concat(out);
  return { code, stdout: stdoutBytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), stdoutBytes };
}

/** Runs the CLI in-process with captured streams (not a TTY, NO_COLOR set, unless the options say otherwise). */
export async function runCli(args: string[], options: Partial<IoOptions> = {}): Promise<CliResult> {
  return runCaptured(run, args, { ...options, env: options.env ?? { NO_COLOR: '1' } });
}

/** Parses NDJSON stdout. */
export function ndjson(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
