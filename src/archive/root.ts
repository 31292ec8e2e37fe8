import { isAbsolute, resolve } from 'node:path';

/**
 * The archive root a command uses: `--archive-dir`, else $CHRONICLE_ARCHIVE_DIR, else ./archive,
 * relative paths resolved against `cwd`. Pure: the CLI hands in its option, environment and cwd.
 */
export function resolveArchiveRoot(option: string | undefined, env: Record<string, string | undefined>, cwd: string): string {
  const chosen = option !== undefined && option !== '' ? option : env.CHRONICLE_ARCHIVE_DIR !== undefined && env.CHRONICLE_ARCHIVE_DIR !== '' ? env.CHRONICLE_ARCHIVE_DIR : 'archive';
  return isAbsolute(chosen) ? chosen : resolve(cwd, chosen);
}
