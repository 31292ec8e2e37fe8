import type { Command } from 'commander';
import { openArchive } from '../../archive/index.js';
import type { CheckRecord } from '../../archive/types.js';
import { diffSnapshots } from '../../diff/compare-snapshots.js';
import { summaryLine } from '../../diff/summary-line.js';
import type { DiffSummary } from '../../diff/types.js';
import { ChronicleError } from '../../errors.js';
import { normalizeUrl } from '../../normalize/url.js';
import type { Snapshot } from '../../types.js';
import type { CommandContext } from '../context.js';
import { ARCHIVE_DIR_HELP, resolveArchiveDir } from '../options.js';

interface HistoryCommandOptions {
  json?: boolean;
  archiveDir?: string;
}

export interface HistoryVersion {
  id: string;
  fetchedAt: string;
  title: string | null;
  contentDigest: string;
  /** What changed from the version before ("title; body +2 −1 sentences"), or "first version". */
  summary: string;
  fields: string[];
  changes: DiffSummary | null;
  /** Unchanged checks recorded against this version. */
  unchangedChecks: number;
}

export interface HistoryReport {
  url: string;
  versions: HistoryVersion[];
  checks: { count: number; last: string | null };
}

export function registerHistory(program: Command, ctx: CommandContext): void {
  program
    .command('history')
    .description('list every archived version of a URL, oldest first, with what changed each time')
    .argument('<url>', 'an archived http(s) URL')
    .option('--json', 'one JSON document: {url, versions: [...], checks: {count, last}}')
    .option('--archive-dir <dir>', ARCHIVE_DIR_HELP)
    .action(async (input: string, options: HistoryCommandOptions) => {
      const url = normalizeUrl(input);
      const archive = await openArchive(resolveArchiveDir(ctx.io, options.archiveDir), { create: false, readOnly: true });
      let report: HistoryReport;
      try {
        const summaries = await archive.versions(url);
        if (summaries.length === 0) throw new ChronicleError('E_NOT_FOUND', `no snapshots of ${url} in ${archive.root}`, { url });
        const snapshots: Snapshot[] = [];
        // A damaged version is an error naming it (E_ARCHIVE: snapshot … is damaged: …), never left out silently.
        for (const summary of summaries) snapshots.push(await archive.load(summary.id));
        report = buildHistory(url, snapshots, await archive.checks(url));
      } finally {
        archive.close();
      }
      ctx.io.stdout.write(options.json === true ? `${JSON.stringify(report)}\n` : formatHistory(report));
    });
}

/** The versions (oldest first) each with a summary against the one before, and the unchanged checks. */
export function buildHistory(url: string, snapshots: Snapshot[], checks: CheckRecord[]): HistoryReport {
  const versions = snapshots.map((snapshot, index): HistoryVersion => {
    const previous = index === 0 ? null : snapshots[index - 1]!;
    const changes = previous === null ? null : diffSnapshots(previous, snapshot).summary;
    return {
      id: snapshot.id,
      fetchedAt: snapshot.fetch.fetchedAt,
      title: snapshot.meta.title,
      contentDigest: snapshot.digest.content,
      summary: changes === null ? 'first version' : summaryLine(changes),
      fields: changes?.fields ?? [],
      changes,
      unchangedChecks: checks.filter((check) => check.snapshotId === snapshot.id).length,
    };
  });
  return { url, versions, checks: { count: checks.length, last: checks.at(-1)?.checkedAt ?? null } };
}

export function formatHistory(report: HistoryReport): string {
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  const lines = [
    `${report.url}: ${plural(report.versions.length, 'version')}, ${plural(report.checks.count, 'unchanged check')}` +
      (report.checks.last === null ? '' : ` (last ${report.checks.last})`),
  ];
  for (const version of report.versions) {
    const detail = version.summary === 'first version' ? `first version: ${version.title ?? '(untitled)'}` : version.summary;
    const checks = version.unchangedChecks > 0 ? `  [${plural(version.unchangedChecks, 'unchanged check')}]` : '';
    lines.push(`${version.fetchedAt}  ${version.id}  ${detail}${checks}`);
  }
  return `${lines.join('\n')}\n`;
}
