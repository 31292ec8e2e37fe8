import type { Command } from 'commander';
import { createCheckJob, type CheckedPage } from '../../batch/check-job.js';
import type { BatchOutcome, BatchSummary } from '../../batch/types.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { formatSummary, outcomeToJson, outcomeToText } from '../batch/report.js';
import { exitCodeOf } from '../batch/run-command.js';
import { declareUrlBatch, runUrlBatch, type UrlBatchOptions } from '../batch/url-batch.js';

interface CheckCommandOptions extends UrlBatchOptions {
  stealthOnly?: boolean;
}

export type { CheckedPage };

export function registerCheck(program: Command, ctx: CommandContext): void {
  const help = {
    name: 'check',
    description: 'fetch URLs again; file a new snapshot only when the article changed (exit 1 when one did)',
    argument: 'http(s) URLs to check',
    json: 'one NDJSON line per URL: {url, changed, new, previousId, id, fields, summary, capture, acknowledged, …}',
  };
  declareUrlBatch(program, help, (command) =>
    command.option('--stealth-only', 'exit 1 only for changes no correction/update note acknowledges (stealth edits)'),
  ).action(async (urls: string[], options: CheckCommandOptions) => {
    ctx.setExit(await checkCommand(urls, options, ctx));
  });
}

async function checkCommand(urls: string[], options: CheckCommandOptions, ctx: CommandContext): Promise<number> {
  const found: CheckFindings = { changed: 0, stealth: 0, failedCaptures: 0, takeDowns: 0 };
  return runUrlBatch<CheckedPage>(urls, options, ctx, {
    usage: 'check needs URLs as arguments, a list with -i FILE (-i - for standard input), --feed or --sitemap',
    createJob: (deps) => createCheckJob(deps),
    json: checkJson,
    text: checkText,
    observe: (outcome) => {
      if (outcome.status === 'ok') countFindings(found, outcome.value);
    },
    summaryLine: (summary, forFullDisk) => checkSummaryLine(summary, found, forFullDisk),
    exitCode: (summary, singleUrl) => checkExitCode(summary, found, singleUrl, options.stealthOnly === true),
  });
}

/** "checked 3, skipped 0, duplicates 0, failed 0 in 0.4 s, changed 1, stealth 1"; a full-disk stop names only the changes. */
function checkSummaryLine(summary: BatchSummary, found: CheckFindings, forFullDisk: boolean): string {
  const extra = forFullDisk
    ? []
    : [
        found.stealth > 0 ? `stealth ${found.stealth}` : '',
        found.failedCaptures > 0 ? `failed captures ${found.failedCaptures}` : '',
        found.takeDowns > 0 ? `taken down ${found.takeDowns}` : '',
      ].filter((part) => part !== '');
  return `${formatSummary(summary, 'checked')}, changed ${found.changed}${extra.map((part) => `, ${part}`).join('')}`;
}

export interface CheckFindings {
  changed: number;
  /** Changes no correction/update note acknowledged. */
  stealth: number;
  /** Captures that were a wall, a challenge, an error page, a teaser or truncated (no version filed). */
  failedCaptures: number;
  takeDowns: number;
}

function countFindings(found: CheckFindings, page: CheckedPage): void {
  if (page.changed) found.changed++;
  if (page.changed && page.acknowledged === false) found.stealth++;
  if (page.capture !== 'ok') found.failedCaptures++;
  if (page.takeDown !== null) found.takeDowns++;
}

/**
 * One code for the run, the most severe finding first, so a run where some URL could not be checked never
 * reads as a clean 0 or 1: interrupted → 130; any error → as `archive` (one URL argument: its error's code
 * 2/3/4/5/6; else 7); then 9 when any article was taken down; then 8 when any capture failed (a wall, a
 * challenge, an error page, a teaser, truncated); then 1 when any article changed (with --stealth-only: when
 * any change was unacknowledged); else 0. A URL archived for the first time is not a change.
 */
export function checkExitCode(summary: BatchSummary, found: CheckFindings, singleUrl: boolean, stealthOnly = false): number {
  const failureCode = exitCodeOf(summary, singleUrl);
  if (failureCode !== EXIT.OK) return failureCode;
  if (found.takeDowns > 0) return EXIT.TAKEN_DOWN;
  if (found.failedCaptures > 0) return EXIT.FAILED_CAPTURE;
  const changes = stealthOnly ? found.stealth : found.changed;
  return changes > 0 ? EXIT.CHANGED : EXIT.OK;
}

/** The NDJSON line: the batch fields (url as written, line, ok, error…) with changed/previousId/id/fields always present. */
function checkJson(outcome: BatchOutcome<CheckedPage>): Record<string, unknown> {
  const unknown = { changed: null, new: false, previousId: null, id: null, fields: [] as string[], capture: null, acknowledged: null };
  return { ...(outcome.status === 'ok' ? {} : unknown), ...outcomeToJson(outcome, (page) => ({ ...page })) };
}

function checkText(outcome: BatchOutcome<CheckedPage>): string {
  if (outcome.status !== 'ok') return outcomeToText(outcome, () => '');
  const page = outcome.value;
  if (page.takeDown !== null) return `taken down ${outcome.input}  HTTP ${page.takeDown.status} ${page.takeDown.finalUrl}`;
  if (page.capture !== 'ok') return `failed     ${outcome.input}  ${page.summary}  (no version filed)`;
  const back = page.returned ? '  (back after a take-down)' : '';
  if (page.new) return `new        ${outcome.input}  ${page.id}${back}`;
  if (!page.changed) return `unchanged  ${outcome.input}  ${page.id}${back}`;
  const kind = page.kinds.includes('headline') ? (page.kinds.includes('content') ? ' headline+content' : ' headline only') : '';
  const mark = page.acknowledged ? `noted${kind}: ${page.notes.map((note) => `${note.kind}: ${note.text}`).join(' | ')}` : `STEALTH${kind}`;
  return `changed    ${outcome.input}  ${page.previousId} -> ${page.id}  (${page.summary})  ${mark}${back}`;
}
