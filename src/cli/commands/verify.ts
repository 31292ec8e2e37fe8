import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { ARCHIVE_DIR_HELP } from '../options.js';
import { withArchive } from './list.js';

interface VerifyOptions {
  archiveDir?: string;
  json?: boolean;
}

export function registerVerify(program: Command, ctx: CommandContext): void {
  program
    .command('verify')
    .description('check every file against its recorded sha256, that every record parses, and that the index agrees (exit 6 on a problem)')
    .option('--archive-dir <dir>', ARCHIVE_DIR_HELP)
    .option('--json', 'NDJSON on stdout: one {subject, message} per problem')
    .action(async (options: VerifyOptions) => {
      await withArchive(ctx, options.archiveDir, async (archive) => {
        for (const path of await archive.cleanup()) {
          ctx.io.stderr.write(`chronicle: removed ${path}, left by an interrupted write\n`);
        }
        const problems = await archive.verify();
        for (const problem of problems) {
          ctx.io.stdout.write(options.json ? `${JSON.stringify(problem)}\n` : `${problem.subject}: ${problem.message}\n`);
        }
        if (problems.length > 0) {
          ctx.io.stderr.write(`chronicle: verify found ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${archive.root}\n`);
          ctx.setExit(EXIT.ARCHIVE);
          return;
        }
        const count = (await archive.list()).length;
        const summary = `OK: ${count} snapshot${count === 1 ? '' : 's'} verified in ${archive.root}; the index agrees with the files`;
        ctx.io.stdout.write(options.json ? `${JSON.stringify({ ok: true, snapshots: count })}\n` : `${summary}\n`);
      });
    });
}
