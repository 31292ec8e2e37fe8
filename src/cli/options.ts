import { isAbsolute, resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import type { CliIo } from './io.js';

/** Parses a non-negative integer option value (commander argParser). */
export function parseCount(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number');
  return Number(value);
}

/** Parses a positive integer option value (commander argParser). */
export function parsePositive(value: string): number {
  const count = parseCount(value);
  if (count < 1) throw new InvalidArgumentError('expected a number of at least 1');
  return count;
}

/** --archive-dir, then CHRONICLE_ARCHIVE_DIR, then ./archive — relative to the working directory. */
export function resolveArchiveDir(io: CliIo, option: string | undefined): string {
  const chosen = option ?? io.env.CHRONICLE_ARCHIVE_DIR ?? 'archive';
  return isAbsolute(chosen) ? chosen : resolve(io.cwd, chosen);
}

export const ARCHIVE_DIR_HELP = 'archive folder (default: $CHRONICLE_ARCHIVE_DIR or ./archive)';
