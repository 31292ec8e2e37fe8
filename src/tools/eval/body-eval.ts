/**
 * `npm run eval:body`: body accuracy over ../shared/corpus/trafilatura-dev (or $CHRONICLE_CORPUS/trafilatura-dev),
 * scored as that corpus's README says (src/tools/eval/body-score.ts): Chronicle's `body.text` beside plain Mozilla
 * Readability 0.6.0 on jsdom in the same run, then the pages that lose the most and, for each snippet Chronicle
 * lost, the stage where it went (see BodyStage).
 *
 *   node dist-tools/tools/eval/body-eval.js [--no-readability] [--top N] [--json FILE]
 *
 * Prints figures only; it never fails on a low figure. Exit 2 on a bad argument, 70 on an internal error.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractArticle, type BodyStage } from '../../extract/extract-article.js';
import { htmlToText } from './body-agreement.js';
import { addCounts, decodeAsBrowser, normaliseSnippet, pageUrlForKey, scorePage, scores, type Counts, type PageJudgement, type PageScore } from './body-score.js';
import { corpusDir, naiveReadabilityText } from './run-eval.js';

interface CorpusEntry extends PageJudgement {
  file: string;
}

/** Where a lost snippet went: the first stage whose text no longer holds it. */
export type LossStage = 'not in page text' | 'prune' | "Readability's pick" | 'flatten' | 'chrome clean-up' | 'sanitize / text' | 'error';

const STAGE_LOSS: Array<[BodyStage, LossStage]> = [
  ['page', 'not in page text'],
  ['pruned', 'prune'],
  ['picked', "Readability's pick"],
  ['flattened', 'flatten'],
  ['cleaned', 'chrome clean-up'],
];

export interface BodyEvalPage {
  key: string;
  file: string;
  chronicle: PageScore;
  readability: PageScore | null;
  /** For each missed snippet, where it went. */
  lost: Array<{ snippet: string; stage: LossStage }>;
  error: string | null;
}

/** Which stage lost a snippet, from the text of each stage (a stage absent, as `pruned` with a site rule, is skipped). */
export function lossStage(snippet: string, stageTexts: Partial<Record<BodyStage, string>>): LossStage {
  const wanted = normaliseSnippet(snippet);
  for (const [stage, loss] of STAGE_LOSS) {
    const text = stageTexts[stage];
    if (text !== undefined && !normaliseSnippet(text).includes(wanted)) return loss;
  }
  return 'sanitize / text';
}

async function evaluatePage(dir: string, key: string, entry: CorpusEntry, withReadability: boolean): Promise<BodyEvalPage> {
  const bytes = new Uint8Array(await readFile(join(dir, 'pages', entry.file)));
  const url = pageUrlForKey(key);
  const stages: Partial<Record<BodyStage, string>> = {};
  let output: string | null = null;
  let error: string | null = null;
  try {
    const article = await extractArticle(bytes, {
      url,
      trace: (stage, html) => {
        stages[stage] = htmlToText(html);
      },
    });
    output = article.body.text;
  } catch (caught) {
    error = caught instanceof Error ? caught.message.slice(0, 120) : String(caught);
  }
  const chronicle = scorePage(output, entry);
  const lost = chronicle.missed.map((snippet) => ({ snippet, stage: error !== null ? ('error' as const) : lossStage(snippet, stages) }));
  let readability: PageScore | null = null;
  if (withReadability) {
    let naive: string | null = null;
    try {
      naive = naiveReadabilityText(decodeAsBrowser(bytes).text, url) || null;
    } catch {
      naive = null;
    }
    readability = scorePage(naive, entry);
  }
  return { key, file: entry.file, chronicle, readability, lost, error };
}

export interface BodyEvalReport {
  pages: BodyEvalPage[];
  chronicle: Counts;
  readability: Counts | null;
}

export async function evaluateBodies(
  dir: string,
  options: { withReadability?: boolean; progress?: (done: number, total: number) => void } = {},
): Promise<BodyEvalReport> {
  const data = JSON.parse(await readFile(join(dir, 'evaldata-dev.json'), 'utf8')) as Record<string, CorpusEntry>;
  const keys = Object.keys(data).sort();
  const withReadability = options.withReadability ?? true;
  const report: BodyEvalReport = { pages: [], chronicle: zero(), readability: withReadability ? zero() : null };
  for (const key of keys) {
    const page = await evaluatePage(dir, key, data[key]!, withReadability);
    report.pages.push(page);
    addCounts(report.chronicle, page.chronicle);
    if (report.readability !== null && page.readability !== null) addCounts(report.readability, page.readability);
    options.progress?.(report.pages.length, keys.length);
  }
  return report;
}

function zero(): Counts {
  return { tp: 0, fn: 0, fp: 0, tn: 0 };
}

function scoreRow(name: string, counts: Counts): string[] {
  const { precision, recall, f } = scores(counts);
  return [name, String(counts.tp), String(counts.fn), String(counts.fp), String(counts.tn), precision.toFixed(3), recall.toFixed(3), f.toFixed(3)];
}

function table(rows: string[][], leftColumns = 1): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows
    .map((row) => row.map((cell, column) => (column < leftColumns ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd())
    .join('\n');
}

function clip(text: string, length = 90): string {
  const flat = normaliseSnippet(text);
  return JSON.stringify(flat.length > length ? `${flat.slice(0, length - 1)}…` : flat);
}

export function formatBodyEval(report: BodyEvalReport, top = 25): string {
  const lines: string[] = [];
  const rows = [['extractor', 'tp', 'fn', 'fp', 'tn', 'precision', 'recall', 'F']];
  rows.push(scoreRow('chronicle body.text', report.chronicle));
  if (report.readability !== null) rows.push(scoreRow('Readability 0.6.0 (jsdom)', report.readability));
  lines.push(`Body accuracy over ${report.pages.length} pages (snippets found in the normalised text; micro average)`, table(rows), '');

  const byStage = new Map<LossStage, number>();
  for (const page of report.pages) for (const { stage } of page.lost) byStage.set(stage, (byStage.get(stage) ?? 0) + 1);
  lines.push("Where Chronicle's lost snippets went (fn by stage)");
  lines.push(table([['stage', 'snippets'], ...[...byStage].sort((a, b) => b[1] - a[1]).map(([stage, count]) => [stage, String(count)])]), '');

  if (report.readability !== null) {
    const better = report.pages.filter((page) => page.readability !== null && loss(page.readability) < loss(page.chronicle)).length;
    const worse = report.pages.filter((page) => page.readability !== null && loss(page.readability) > loss(page.chronicle)).length;
    lines.push(`Pages where Chronicle loses less than Readability: ${worse}; more: ${better}`, '');
  }

  const failures = report.pages.filter((page) => page.error !== null);
  if (failures.length > 0) {
    lines.push(`Pages Chronicle extracted nothing from (${failures.length}):`);
    for (const page of failures) lines.push(`  ${page.file}: ${page.error}`);
    lines.push('');
  }

  const worst = [...report.pages].sort((a, b) => loss(b.chronicle) - loss(a.chronicle) || a.file.localeCompare(b.file)).slice(0, top);
  lines.push(`The ${worst.length} pages that lose the most (fn + fp; Readability's in brackets)`);
  for (const page of worst) {
    if (loss(page.chronicle) === 0) break;
    const naive = page.readability === null ? '' : ` [fn ${page.readability.fn}, fp ${page.readability.fp}]`;
    lines.push(`  ${page.file}  fn ${page.chronicle.fn}, fp ${page.chronicle.fp}${naive}`);
    for (const { snippet, stage } of page.lost) lines.push(`    lost (${stage}): ${clip(snippet)}`);
    for (const snippet of page.chronicle.kept) lines.push(`    kept: ${clip(snippet)}`);
  }
  return lines.join('\n');
}

function loss(score: PageScore): number {
  return score.fn + score.fp;
}

interface Arguments {
  withReadability: boolean;
  top: number;
  json: string | null;
}

export function parseArguments(argv: string[]): Arguments | string {
  const parsed: Arguments = { withReadability: true, top: 25, json: null };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--no-readability') parsed.withReadability = false;
    else if (argument === '--top' || argument === '--json') {
      const value = argv[++index];
      if (value === undefined) return `${argument} needs a value`;
      if (argument === '--json') parsed.json = value;
      else if (/^\d+$/.test(value)) parsed.top = Number(value);
      else return `--top must be a whole number, not ${JSON.stringify(value)}`;
    } else return `unknown argument ${JSON.stringify(argument)} (use --no-readability, --top N, --json FILE)`;
  }
  return parsed;
}

export async function runBodyEval(args: Arguments, out: NodeJS.WritableStream, env: NodeJS.ProcessEnv, log: NodeJS.WritableStream | null): Promise<number> {
  const dir = join(corpusDir(env), 'trafilatura-dev');
  if (!existsSync(join(dir, 'evaldata-dev.json'))) {
    out.write(`eval:body: corpus not found at ${dir}; skipping (set CHRONICLE_CORPUS to the folder that holds trafilatura-dev)\n`);
    return 0;
  }
  const started = Date.now();
  const report = await evaluateBodies(dir, {
    withReadability: args.withReadability,
    progress: (done, total) => {
      if (log !== null && (done % 50 === 0 || done === total)) log.write(`eval:body: ${done}/${total}\n`);
    },
  });
  out.write(`Chronicle body eval over ${dir} (${((Date.now() - started) / 1000).toFixed(1)} s)\n\n${formatBodyEval(report, args.top)}\n`);
  if (args.json !== null) await writeFile(args.json, JSON.stringify(report, null, 1));
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = parseArguments(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`eval:body: ${args}\n`);
    process.exitCode = 2;
  } else {
    runBodyEval(args, process.stdout, process.env, process.stderr).then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        process.stderr.write(`eval:body: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exitCode = 70;
      },
    );
  }
}
