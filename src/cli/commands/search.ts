import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { ARCHIVE_DIR_HELP, parsePositive } from '../options.js';
import { truncate, withArchive } from './list.js';

interface SearchOptions {
  archiveDir?: string;
  limit: number;
  json?: boolean;
}

export function registerSearch(program: Command, ctx: CommandContext): void {
  program
    .command('search')
    .description('full-text search (SQLite FTS5 syntax) over titles, authors, body text, quotes and embeds; best first')
    .argument('<query...>', 'FTS5 query, e.g. council budget, "exact phrase", title:storm, quotes:resign, word*')
    .option('--archive-dir <dir>', ARCHIVE_DIR_HELP)
    .option('--limit <n>', 'at most this many hits', parsePositive, 20)
    .option('--json', 'NDJSON on stdout: one hit per line, with rank, score and snippet')
    .action(async (words: string[], options: SearchOptions) => {
      const query = words.join(' ');
      await withArchive(ctx, options.archiveDir, async (archive) => {
        const hits = await archive.search(query, options.limit);
        if (options.json) {
          for (const hit of hits) ctx.io.stdout.write(`${JSON.stringify(hit)}\n`);
          return;
        }
        if (hits.length === 0) {
          ctx.io.stderr.write('no matches\n');
          return;
        }
        for (const hit of hits) {
          ctx.io.stdout.write(`${hit.rank}. ${truncate(hit.title ?? '(untitled)', 80)}\n   ${hit.url}\n   ${hit.id}  ${hit.fetchedAt}\n   ${truncate(hit.snippet, 200)}\n`);
        }
      });
    });
}
