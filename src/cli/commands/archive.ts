import { relative } from 'node:path';
import type { Command } from 'commander';
import { createArchiveJob, type ArchivedPage } from '../../batch/archive-job.js';
import type { BatchOutcome } from '../../batch/types.js';
import type { CommandContext } from '../context.js';
import { formatSummary, outcomeToJson, outcomeToText } from '../batch/report.js';
import { exitCodeOf } from '../batch/run-command.js';
import { declareUrlBatch, runUrlBatch, type UrlBatchOptions } from '../batch/url-batch.js';

interface ArchiveCommandOptions extends UrlBatchOptions {
  skipExisting?: boolean;
  keepFailed?: boolean;
}

export function registerArchive(program: Command, ctx: CommandContext): void {
  const help = {
    name: 'archive',
    description: 'fetch pages, extract their articles and file snapshots in the archive (one URL or a batch)',
    argument: 'http(s) URLs to archive',
    json: 'one NDJSON line per input URL on stdout, as each finishes',
  };
  declareUrlBatch(program, help, (command) =>
    command
      .option('--skip-existing', 'skip, without fetching, URLs that already have a snapshot')
      .option('--keep-failed', 'record a capture that is a wall (consent, challenge, paywall teaser, error page) as a failed check with its bytes; it is never filed as a version'),
  ).action(async (urls: string[], options: ArchiveCommandOptions) => {
    ctx.setExit(await archiveCommand(urls, options, ctx));
  });
}

async function archiveCommand(urls: string[], options: ArchiveCommandOptions, ctx: CommandContext): Promise<number> {
  const cwd = ctx.io.cwd;
  return runUrlBatch<ArchivedPage>(urls, options, ctx, {
    usage: 'give URLs as arguments, a list with -i FILE (-i - for standard input), --feed or --sitemap',
    createJob: (deps) => createArchiveJob({ ...deps, keepFailed: options.keepFailed === true }),
    ...(options.skipExisting ? { skip: (archive) => async (item) => ((await archive.has(item.key)) ? 'exists' : null) } : {}),
    json: (outcome: BatchOutcome<ArchivedPage>) => outcomeToJson(outcome, pageFields),
    text: (outcome) => outcomeToText(outcome, (page) => describePage(page, cwd)),
    summaryLine: (summary) => formatSummary(summary),
    exitCode: exitCodeOf,
  });
}

function pageFields(page: ArchivedPage): Record<string, unknown> {
  return {
    id: page.id,
    dir: page.dir,
    created: page.created,
    previousId: page.previousId,
    ...(page.damaged === undefined ? {} : { damaged: page.damaged }),
    finalUrl: page.finalUrl,
    status: page.status,
    title: page.title,
    wordCount: page.wordCount,
    attempts: page.attempts,
    redirects: page.redirects,
    lowConfidence: page.lowConfidence,
  };
}

function describePage(page: ArchivedPage, cwd: string): string {
  const dir = relative(cwd, page.dir) || page.dir;
  const state = page.damaged !== undefined ? ` (replaces damaged snapshot ${page.damaged.id})` : page.created ? '' : ' (unchanged)';
  return `${dir}${state}  ${JSON.stringify(page.title ?? '')}`;
}
