import { isAbsolute, resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { ChronicleError } from '../errors.js';
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

/**
 * --archive-dir, then CHRONICLE_ARCHIVE_DIR, then ./archive — relative to the working directory. A variable set
 * to nothing (`CHRONICLE_ARCHIVE_DIR= chronicle …`) is unset, as shells and most tools treat it; an empty
 * --archive-dir is a usage error rather than the working directory.
 */
export function resolveArchiveDir(io: CliIo, option: string | undefined): string {
  if (option !== undefined && option.trim() === '') throw new ChronicleError('E_USAGE', '--archive-dir needs a folder, got an empty value');
  const fromEnv = io.env.CHRONICLE_ARCHIVE_DIR;
  const chosen = option ?? (fromEnv === undefined || fromEnv.trim() === '' ? 'archive' : fromEnv);
  return isAbsolute(chosen) ? chosen : resolve(io.cwd, chosen);
}

export const ARCHIVE_DIR_HELP = 'archive folder (default: $CHRONICLE_ARCHIVE_DIR or ./archive)';
