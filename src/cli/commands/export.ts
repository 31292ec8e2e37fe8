import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { ListFilter } from '../../archive/types.js';
import { ChronicleError } from '../../errors.js';
import type { ExportFormat } from '../../warc/export.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { ARCHIVE_DIR_HELP } from '../options.js';
import { parseDateOption, withArchive } from './list.js';

interface ExportOptions {
  archiveDir?: string;
  format?: string;
  output?: string;
  site?: string;
  url?: string;
  since?: string;
  until?: string;
}

export function registerExport(program: Command, ctx: CommandContext): void {
  program
    .command('export')
    .description('write snapshots as a WARC 1.1 file or a WACZ 1.1.1 package (for pywb, ReplayWeb.page, the Archives Unleashed Toolkit)')
    .option('--format <format>', 'warc or wacz (default: from the -o file name, .wacz or .warc.gz)')
    .option('-o, --output <file>', 'the file to write (required); it appears only when complete')
    .option('--archive-dir <dir>', ARCHIVE_DIR_HELP)
    .option('--site <host>', 'only this site (a host; subdomains included)')
    .option('--url <url>', 'only this page (matched after URL normalization)')
    .option('--since <date>', 'fetched at or after this ISO date/time')
    .option('--until <date>', 'fetched before this ISO date/time (a bare date includes that whole day)')
    .action(async (options: ExportOptions) => {
      const output = options.output;
      if (output === undefined || output.trim() === '') throw new ChronicleError('E_USAGE', 'export needs -o FILE');
      const format = formatOf(options.format, output);
      const filter: ListFilter = {
        ...(options.site === undefined ? {} : { site: options.site }),
        ...(options.url === undefined ? {} : { url: options.url }),
        ...(options.since === undefined ? {} : { since: parseDateOption(options.since, '--since', 'start') }),
        ...(options.until === undefined ? {} : { until: parseDateOption(options.until, '--until', 'after') }),
      };
      // warcio and the zip writer load only when exporting, not with every command.
      const [{ archiveExportSource }, { exportArchive }] = await Promise.all([import('../../warc/archive-source.js'), import('../../warc/export.js')]);
      await withArchive(ctx, options.archiveDir, async (archive) => {
        const source = await archiveExportSource(archive, filter);
        const result = await exportArchive(source, format, resolve(ctx.io.cwd, output));
        for (const skip of result.skipped) ctx.io.stderr.write(`chronicle: E_ARCHIVE: left out ${skip.id}: ${skip.reason}\n`);
        ctx.io.stderr.write(`exported ${result.snapshots} snapshots (${result.records} WARC records, ${result.bytes} bytes) to ${output}\n`);
        if (result.skipped.length > 0) ctx.setExit(EXIT.ARCHIVE);
      });
    });
}

function formatOf(option: string | undefined, output: string): ExportFormat {
  if (option !== undefined) {
    const value = option.trim().toLowerCase();
    if (value === 'warc' || value === 'wacz') return value;
    throw new ChronicleError('E_USAGE', `--format expects warc or wacz, got ${JSON.stringify(option)}`);
  }
  if (/\.wacz$/i.test(output)) return 'wacz';
  if (/\.warc(\.gz)?$/i.test(output)) return 'warc';
  throw new ChronicleError('E_USAGE', `give --format warc|wacz (cannot tell from ${JSON.stringify(output)})`);
}
