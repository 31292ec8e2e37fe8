import type { Command } from 'commander';
import { openArchive } from '../../archive/index.js';
import { readPageEvents, type PageEvent } from '../../archive/events.js';
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
  /** True when the outlet acknowledged the change with a correction/update note; false: a stealth edit; null for the first version. */
  acknowledged: boolean | null;
  /** The correction/update notes this version added. */
  notes: Array<{ kind: string; text: string }>;
  /** 'headline' and/or 'content' ([] for the first version). */
  kinds: Array<'headline' | 'content'>;
}

export interface HistoryReport {
  url: string;
  versions: HistoryVersion[];
  checks: { count: number; last: string | null };
  /** Failed checks (walls, challenges, error pages, teasers, truncated captures), take-downs and returns, oldest first. */
  events: PageEvent[];
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
        const events = await readPageEvents(archive.root, url);
        if (summaries.length === 0 && events.length === 0) throw new ChronicleError('E_NOT_FOUND', `no snapshots of ${url} in ${archive.root}`, { url });
        const snapshots: Snapshot[] = [];
        // A damaged version is an error naming it (E_ARCHIVE: snapshot … is damaged: …), never left out silently.
        for (const summary of summaries) snapshots.push(await archive.load(summary.id));
        report = buildHistory(url, snapshots, await archive.checks(url), events);
      } finally {
        archive.close();
      }
      ctx.io.stdout.write(options.json === true ? `${JSON.stringify(report)}\n` : formatHistory(report));
    });
}

/** The versions (oldest first) each with a summary against the one before, and the unchanged checks. */
export function buildHistory(url: string, snapshots: Snapshot[], checks: CheckRecord[], events: PageEvent[] = []): HistoryReport {
  const versions = snapshots.map((snapshot, index): HistoryVersion => {
    const previous = index === 0 ? null : snapshots[index - 1]!;
    const diff = previous === null ? null : diffSnapshots(previous, snapshot);
    const changes = diff?.summary ?? null;
    return {
      id: snapshot.id,
      fetchedAt: snapshot.fetch.fetchedAt,
      title: snapshot.meta.title,
      contentDigest: snapshot.digest.content,
      summary: changes === null ? 'first version' : summaryLine(changes),
      fields: changes?.fields ?? [],
      changes,
      unchangedChecks: checks.filter((check) => check.snapshotId === snapshot.id).length,
      acknowledged: diff === null ? null : diff.acknowledged,
      notes: (diff?.notes ?? []).map((note) => ({ kind: note.kind, text: note.text })),
      kinds: diff?.kinds ?? [],
    };
  });
  return { url, versions, checks: { count: checks.length, last: checks.at(-1)?.checkedAt ?? null }, events };
}

export function formatHistory(report: HistoryReport): string {
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  const failed = report.events.filter((event) => event.type === 'failed-check').length;
  const takeDowns = report.events.filter((event) => event.type === 'take-down').length;
  const lines = [
    `${report.url}: ${plural(report.versions.length, 'version')}, ${plural(report.checks.count, 'unchanged check')}` +
      (report.checks.last === null ? '' : ` (last ${report.checks.last})`) +
      (failed > 0 ? `, ${plural(failed, 'failed check')}` : '') +
      (takeDowns > 0 ? `, ${plural(takeDowns, 'take-down')}` : ''),
  ];
  // Versions and events in time order.
  const rows: Array<{ at: string; text: string }> = report.versions.map((version) => {
    const detail = version.summary === 'first version' ? `first version: ${version.title ?? '(untitled)'}` : `${version.summary}  ${versionMark(version)}`;
    const checks = version.unchangedChecks > 0 ? `  [${plural(version.unchangedChecks, 'unchanged check')}]` : '';
    return { at: version.fetchedAt, text: `${version.fetchedAt}  ${version.id}  ${detail}${checks}` };
  });
  for (const event of report.events) rows.push({ at: event.checkedAt, text: `${event.checkedAt}  ${eventLine(event)}` });
  rows.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  lines.push(...rows.map((row) => row.text));
  return `${lines.join('\n')}\n`;
}

function versionMark(version: HistoryVersion): string {
  const headline = version.kinds.includes('headline') ? (version.kinds.includes('content') ? ' headline+content' : ' headline only') : '';
  if (version.acknowledged === true) return `noted${headline}: ${version.notes.map((note) => `${note.kind}: ${note.text}`).join(' | ')}`;
  return `STEALTH${headline}`;
}

function eventLine(event: PageEvent): string {
  switch (event.type) {
    case 'failed-check':
      return `failed check: ${event.class} (${event.reason}), HTTP ${event.status}${event.evidence === null ? '' : `, evidence ${event.evidence}`}`;
    case 'take-down':
      return `taken down: HTTP ${event.status}${event.how === 'redirected' ? `, redirected to ${event.finalUrl}` : ''}`;
    case 'return':
      return `back: HTTP ${event.status}, version ${event.snapshotId}`;
  }
}
