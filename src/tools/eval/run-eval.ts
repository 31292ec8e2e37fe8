/**
 * `npm run eval`: figures over the development corpus (../shared/corpus, or $CHRONICLE_CORPUS).
 *   1. postlight/: per page, the embeds in the raw markup against those found (detectEmbeds on the raw page, and
 *      the embeds that survive the full extractArticle pipeline); in total, embed-detection recall by provider
 *      and quotes found by kind.
 *   2. readability/: on how many test pages our body disagrees with Readability's expected.html
 *      (agreement as defined in src/tools/eval/body-agreement.ts), and the same figure for naive Readability on jsdom.
 * Prints figures only; it never fails on a low figure. Exit 70 only on an internal error.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../../extract/extract-article.js';
import { addRecall, compareEmbeds, evaluateEmbedRecall, formatRecallTable, type RecallByProvider } from './evaluate-recall.js';
import { decodeHtml } from '../../decode/decode-html.js';
import type { Quote } from '../../types.js';
import { AGREEMENT_THRESHOLDS, bodyAgreement, htmlToText, type BodyAgreement } from './body-agreement.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** $CHRONICLE_CORPUS, else ../shared/corpus beside the repository. */
export function corpusDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHRONICLE_CORPUS ? resolve(env.CHRONICLE_CORPUS) : resolve(REPO_ROOT, '..', 'shared', 'corpus');
}

/** "www.vox.com--feature.html" → https://www.vox.com/article (the page URL a postlight fixture stands for). */
export function postlightPageUrl(file: string): string {
  return `https://${file.replace(/\.html$/, '').replace(/--.*$/, '')}/article`;
}

/** Readability's test harness reads every test page as this URL. */
export const READABILITY_PAGE_URL = 'http://fakehost/test/page.html';

const QUOTE_KINDS: Array<Quote['kind']> = ['excerpt', 'direct', 'pull'];

export interface PostlightPage {
  file: string;
  detection: RecallByProvider;
  pipeline: RecallByProvider | null;
  quotes: Record<Quote['kind'], number> | null;
  error: string | null;
}

export interface PostlightReport {
  pages: PostlightPage[];
  detection: RecallByProvider;
  pipeline: RecallByProvider;
  quotes: Record<Quote['kind'], { quotes: number; pages: number }>;
  extracted: number;
}

function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return `${typeof code === 'string' ? `${code}: ` : ''}${text.replace(/\s+/g, ' ').slice(0, 120)}`;
}

export async function evaluatePostlight(dir: string, progress: (done: number, total: number) => void = () => {}): Promise<PostlightReport> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.html')).sort();
  const report: PostlightReport = {
    pages: [],
    detection: {},
    pipeline: {},
    quotes: { excerpt: { quotes: 0, pages: 0 }, direct: { quotes: 0, pages: 0 }, pull: { quotes: 0, pages: 0 } },
    extracted: 0,
  };
  for (const file of files) {
    const bytes = new Uint8Array(await readFile(join(dir, file)));
    const pageUrl = postlightPageUrl(file);
    const html = decodeHtml(bytes).text;
    const page: PostlightPage = { file, detection: evaluateEmbedRecall(html, pageUrl), pipeline: null, quotes: null, error: null };
    addRecall(report.detection, page.detection);
    try {
      const article = await extractArticle(bytes, { url: pageUrl });
      page.pipeline = compareEmbeds(html, article.embeds);
      addRecall(report.pipeline, page.pipeline);
      page.quotes = { excerpt: 0, direct: 0, pull: 0 };
      for (const quote of article.quotes) page.quotes[quote.kind] += 1;
      for (const kind of QUOTE_KINDS) {
        report.quotes[kind].quotes += page.quotes[kind];
        if (page.quotes[kind] > 0) report.quotes[kind].pages += 1;
      }
      report.extracted += 1;
    } catch (error) {
      page.error = message(error);
      addRecall(report.pipeline, compareEmbeds(html, []));
    }
    report.pages.push(page);
    progress(report.pages.length, files.length);
  }
  return report;
}

export interface ReadabilityCase {
  slug: string;
  ours: BodyAgreement;
  naive: BodyAgreement;
  error: string | null;
}

/** Naive Readability: a jsdom document (no scripts, no resources) and Readability's defaults. */
export function naiveReadabilityText(html: string, pageUrl: string): string {
  const dom = new JSDOM(html, { url: pageUrl, virtualConsole: new VirtualConsole() });
  try {
    const parsed = new Readability(dom.window.document).parse();
    return parsed?.content ? htmlToText(parsed.content) : '';
  } finally {
    dom.window.close();
  }
}

export async function evaluateReadabilityPages(dir: string, progress: (done: number, total: number) => void = () => {}): Promise<ReadabilityCase[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const slugs = entries.filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'expected.html'))).map((entry) => entry.name).sort();
  const cases: ReadabilityCase[] = [];
  for (const slug of slugs) {
    const bytes = new Uint8Array(await readFile(join(dir, slug, 'source.html')));
    const reference = htmlToText(await readFile(join(dir, slug, 'expected.html'), 'utf8'));
    let ourText = '';
    let error: string | null = null;
    try {
      ourText = (await extractArticle(bytes, { url: READABILITY_PAGE_URL })).body.text;
    } catch (caught) {
      error = message(caught);
    }
    const naive = naiveReadabilityText(decodeHtml(bytes).text, READABILITY_PAGE_URL);
    cases.push({ slug, ours: bodyAgreement(reference, ourText), naive: bodyAgreement(reference, naive), error });
    progress(cases.length, slugs.length);
  }
  return cases;
}

/** A compact table; the first `leftColumns` columns are left-aligned, numbers right-aligned. */
function table(rows: string[][], leftColumns = 1): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows
    .map((row) => row.map((cell, column) => (column < leftColumns ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd())
    .join('\n');
}

/** "twitter 3/3, youtube 0/1 (1 outside)": found / in raw markup, per provider. */
function embedSummary(recall: RecallByProvider | null): string {
  if (recall === null) return 'error';
  const parts = Object.entries(recall)
    .filter(([, counts]) => counts.expected > 0)
    .map(([provider, counts]) => `${provider} ${counts.found}/${counts.expected}${counts.outside > 0 ? ` (${counts.outside} outside)` : ''}`);
  return parts.length === 0 ? '—' : parts.join(', ');
}

/** Embeds reported that the raw-markup counter did not see (other providers, generic iframes, …). */
function extraSummary(recall: RecallByProvider | null): string {
  if (recall === null) return '';
  const parts = Object.entries(recall)
    .filter(([, counts]) => counts.detected > counts.found)
    .map(([provider, counts]) => `${provider} +${counts.detected - counts.found}`);
  return parts.join(', ');
}

/** The acceptance figure of issue 3: recall for tweets, Instagram and YouTube inside the article body. */
export const KEY_PROVIDERS = ['twitter', 'instagram', 'youtube'] as const;

export function keyProviderRecall(recall: RecallByProvider): string {
  let found = 0;
  let inBody = 0;
  for (const provider of KEY_PROVIDERS) {
    const counts = recall[provider];
    if (counts === undefined) continue;
    found += counts.found;
    inBody += counts.expected - counts.outside;
  }
  const percent = inBody === 0 ? '—' : `${((100 * found) / inBody).toFixed(1)}%`;
  return `${KEY_PROVIDERS.join(' + ')} inside the article body: ${found}/${inBody} = ${percent} (issue 3 target: ≥ 95%)`;
}

export function formatPostlight(report: PostlightReport): string {
  const lines: string[] = [];
  const withEmbeds = report.pages.filter((page) =>
    [page.detection, page.pipeline ?? {}].some((recall) => Object.values(recall).some((counts) => counts.expected > 0 || counts.detected > 0)),
  );
  lines.push(`Per page: embeds in the raw markup vs found (${withEmbeds.length} of ${report.pages.length} pages have embeds; the rest have none in markup or output)`);
  const rows = [['page', 'detected / in raw markup', 'after pipeline / in raw markup', 'reported beyond raw count']];
  for (const page of withEmbeds) {
    rows.push([page.file, embedSummary(page.detection), embedSummary(page.pipeline), extraSummary(page.detection)]);
  }
  lines.push(table(rows, 4), '');
  lines.push('Embed-detection recall by provider (detectEmbeds on the raw page; "outside" = in a sidebar/footer, not reported by design)');
  lines.push(formatRecallTable(report.detection), keyProviderRecall(report.detection), '');
  lines.push(`Embeds after the full pipeline (extractArticle, ${report.extracted} of ${report.pages.length} pages extracted)`);
  lines.push(formatRecallTable(report.pipeline), keyProviderRecall(report.pipeline), '');
  lines.push('Quotes found by kind');
  lines.push(table([['kind', 'quotes', 'pages'], ...QUOTE_KINDS.map((kind) => [kind, String(report.quotes[kind].quotes), String(report.quotes[kind].pages)])]));
  const failures = report.pages.filter((page) => page.error !== null);
  if (failures.length > 0) {
    lines.push('', `Pages extractArticle rejected (${failures.length}):`);
    for (const page of failures) lines.push(`  ${page.file}: ${page.error}`);
  }
  return lines.join('\n');
}

export function formatReadability(cases: ReadabilityCase[]): string {
  const { minRecall, minPrecision } = AGREEMENT_THRESHOLDS;
  const mean = (values: number[]): string => (values.length === 0 ? '—' : (values.reduce((sum, value) => sum + value, 0) / values.length).toFixed(3));
  const row = (name: string, pick: (entry: ReadabilityCase) => BodyAgreement): string[] => {
    const results = cases.map(pick);
    const agree = results.filter((result) => result.agrees).length;
    return [name, String(agree), String(cases.length - agree), mean(results.map((result) => result.recall)), mean(results.map((result) => result.precision))];
  };
  const lines = [
    `Body agreement with expected.html: word recall ≥ ${minRecall} and word precision ≥ ${minPrecision} (multisets of lower-cased words; src/tools/eval/body-agreement.ts)`,
    table([['extractor', 'agree', 'disagree', 'mean recall', 'mean precision'], row('chronicle extractArticle', (entry) => entry.ours), row('naive Readability (jsdom)', (entry) => entry.naive)]),
  ];
  const disagreeing = cases.filter((entry) => !entry.ours.agrees);
  lines.push('', `Chronicle's body disagrees with expected.html on ${disagreeing.length} of ${cases.length} pages${disagreeing.length > 0 ? ':' : '.'}`);
  if (disagreeing.length > 0) {
    const rows = [['page', 'recall', 'precision', 'ref words', 'our words', 'naive agrees', 'note']];
    for (const entry of disagreeing) {
      rows.push([entry.slug, entry.ours.recall.toFixed(2), entry.ours.precision.toFixed(2), String(entry.ours.referenceWords), String(entry.ours.actualWords), entry.naive.agrees ? 'yes' : 'no', entry.error ?? '']);
    }
    lines.push(table(rows, 1));
  }
  return lines.join('\n');
}

export type EvalPart = 'postlight' | 'readability';

/**
 * Prints the figures on `out`; progress lines (every 25 pages) go to `log`. `parts` limits the run to one corpus
 * (`node dist-tools/tools/eval/run-eval.js readability`).
 */
export async function runEval(
  out: NodeJS.WritableStream = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
  parts: readonly EvalPart[] = ['postlight', 'readability'],
  log: NodeJS.WritableStream | null = null,
): Promise<number> {
  const root = corpusDir(env);
  const progress = (label: string) => (done: number, total: number) => {
    if (log !== null && (done % 25 === 0 || done === total)) log.write(`eval: ${label} ${done}/${total}\n`);
  };
  if (!existsSync(root)) {
    out.write(`eval: corpus not found at ${root}; skipping (set CHRONICLE_CORPUS to its path)\n`);
    return 0;
  }
  out.write(`Chronicle eval over ${root}\n\n`);
  const postlight = join(root, 'postlight');
  if (!parts.includes('postlight')) {
    // not asked for
  } else if (existsSync(postlight)) {
    const started = Date.now();
    const report = await evaluatePostlight(postlight, progress('postlight'));
    out.write(`== postlight (${report.pages.length} pages, ${((Date.now() - started) / 1000).toFixed(1)} s) ==\n${formatPostlight(report)}\n\n`);
  } else {
    out.write(`postlight/ not found under ${root}; skipped\n\n`);
  }
  const readability = join(root, 'readability');
  if (!parts.includes('readability')) {
    // not asked for
  } else if (existsSync(readability)) {
    const started = Date.now();
    const cases = await evaluateReadabilityPages(readability, progress('readability'));
    out.write(`== readability test pages (${cases.length} pages, ${((Date.now() - started) / 1000).toFixed(1)} s) ==\n${formatReadability(cases)}\n`);
  } else {
    out.write(`readability/ not found under ${root}; skipped\n`);
  }
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((part) => part !== 'postlight' && part !== 'readability');
  if (unknown.length > 0) {
    process.stderr.write(`eval: unknown part ${unknown.join(', ')} (use postlight and/or readability)\n`);
    process.exit(2);
  }
  const parts = asked.length === 0 ? (['postlight', 'readability'] as const) : (asked as EvalPart[]);
  runEval(process.stdout, process.env, parts, process.stderr).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`eval: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
