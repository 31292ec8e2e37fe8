import { afterEach, beforeAll, beforeEach } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import type { CliIo } from '../../src/cli/io.js';
import type { CommandContext } from '../../src/cli/context.js';
import { EXIT, exitCodeFor } from '../../src/cli/exit-codes.js';
import { toChronicleError } from '../../src/errors.js';
import { openArchive } from '../../src/archive/index.js';
import { runCaptured } from './run-cli.js';
import { registerList } from '../../src/cli/commands/list.js';
import { registerShow } from '../../src/cli/commands/show.js';
import { registerSearch } from '../../src/cli/commands/search.js';
import { registerVerify } from '../../src/cli/commands/verify.js';
import { registerReindex } from '../../src/cli/commands/reindex.js';

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

/**
 * Runs the archive commands in-process with captured streams, through a program holding only them and the
 * same error-to-exit-code mapping as src/cli/program.ts (so these tests do not depend on other stages).
 */
export async function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliResult> {
  return runCaptured(runArchiveCommands, args, { cwd: options.cwd, env: { NO_COLOR: '1', ...(options.env ?? {}) } });
}

async function runArchiveCommands(argv: string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.OK;
  const ctx: CommandContext = { io, setExit: (code) => (exitCode = code), debug: () => false };
  const program = new Command()
    .name('chronicle')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
  for (const register of [registerList, registerShow, registerSearch, registerVerify, registerReindex]) register(program, ctx);
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.code === 'commander.helpDisplayed' ? EXIT.OK : EXIT.USAGE;
    const failure = toChronicleError(error);
    io.stderr.write(`chronicle: ${failure.code}: ${failure.message.replace(/\s+/g, ' ')}\n`);
    return exitCodeFor(failure.code);
  }
}

export type TempRoot = ReturnType<typeof tempRoot>;

/** A fresh archive folder for each test of the calling file, removed after it (the holder is refilled before each test). */
export function useTempRoot(prefix?: string): TempRoot {
  const temp = {} as TempRoot;
  beforeEach(() => {
    Object.assign(temp, tempRoot(prefix));
  });
  afterEach(() => temp.remove());
  return temp;
}

/** Runs fn on the existing archive at root and closes it, whatever fn does. */
export async function withArchive<T>(root: string, fn: (archive: Awaited<ReturnType<typeof openArchive>>) => Promise<T> | T): Promise<T> {
  const archive = await openArchive(root, { create: false });
  try {
    return await fn(archive);
  } finally {
    archive.close();
  }
}

/**
 * The path of test/archive/fixtures/writer.mjs, a real writer process that files snapshots through dist/; the
 * calling file fails at once when dist/ is not built.
 */
export function useWriterScript(): string {
  const built = fileURLToPath(new URL('../../dist/archive/index.js', import.meta.url));
  beforeAll(() => {
    if (!existsSync(built)) throw new Error('these tests run real writer processes on dist/: run `npm run build` first');
  });
  return fileURLToPath(new URL('../archive/fixtures/writer.mjs', import.meta.url));
}
