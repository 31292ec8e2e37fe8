import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { ARCHIVE_DIR_HELP } from '../options.js';
import { withArchive } from './list.js';

interface ReindexOptions {
  archiveDir?: string;
}

export function registerReindex(program: Command, ctx: CommandContext): void {
  program
    .command('reindex')
    .description('rebuild index.sqlite (listing and full-text search) from the snapshot files alone')
    .option('--archive-dir <dir>', ARCHIVE_DIR_HELP)
    .action(async (options: ReindexOptions) => {
      await withArchive(ctx, options.archiveDir, async (archive) => {
        const count = await archive.reindex();
        ctx.io.stdout.write(`reindexed ${count} snapshot${count === 1 ? '' : 's'} in ${archive.root}\n`);
      }, { write: true });
    });
}
