/**
 * `npm run bench`: extraction speed over the saved corpus (../shared/corpus, or $CHRONICLE_CORPUS), in one
 * process, after a warm-up pass, on the same pages:
 *   (a) htmlparser2 parse only — the floor;
 *   (b) naive Readability on a fresh jsdom of the whole page — the baseline;
 *   (c) chronicle's extractArticle in full (metadata, embeds, quotes, body).
 * Each is timed over all the pages as one block, in rounds ((b) and (c) swap places each round); a page's time is
 * its median over the rounds. Timed page by page in turns instead, whichever ran second collected the other's
 * garbage, and (b)'s whole-page jsdom windows leave far more of it than (c) does: (c) paid for part of (b)'s
 * collections.
 * Then a per-step breakdown of (c) (its stages replayed one by one; 'fallback' is Readability's second and later
 * passes on the whole page when its first pass on the stripped page fails), body agreement with Readability's
 * expected.html on its test pages for (b) and (c), and peak RSS. Prints figures; asserts nothing.
 *
 * Options (environment): CHRONICLE_CORPUS=DIR, CHRONICLE_BENCH_WARMUP=N pages warmed (default all),
 * CHRONICLE_BENCH_LIMIT=N pages measured, CHRONICLE_BENCH_ROUNDS=N rounds (default 4), CHRONICLE_BENCH_PER_PAGE=0
 * to hide the per-page lines.
 */
import { setImmediate as turn } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { parseDocument as parseWithHtmlparser2 } from 'htmlparser2';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { bodyAgreement, htmlToText } from '../eval/body-agreement.js';
import { blockText } from '../../extract/body/block-text.js';
import { flattenBlocks } from '../../extract/body/blocks.js';
import { sanitizeBody } from '../../extract/body/sanitize-body.js';
import { cleanChrome } from '../../extract/clean/clean-chrome.js';
import { prunePage } from '../../extract/clean/prune-page.js';
import { detectEmbeds } from '../../extract/embeds/index.js';
import { extractArticle } from '../../extract/extract-article.js';
import { extractImages } from '../../extract/images.js';
import { loadFragment, loadPage } from '../../extract/parse-html.js';
import { extractMetadata } from '../../extract/metadata/index.js';
import { extractQuotes, findPullQuotes } from '../../extract/quotes/index.js';
import { parseDocument, read, releaseDocument, runReadability } from '../../extract/readability.js';
import { stripUnlikelyCandidates } from '../../extract/clean/strip-unlikely.js';
import { findSiteRule, readSiteBody } from '../../extract/sites/index.js';
import { decodeHtml } from '../../decode/decode-html.js';
import { corpusRoot, loadCorpus, type CorpusPage } from './corpus.js';
import { mb, median, p95, peakRssBytes, sum, table } from './stats.js';
import { runBench, wholeNumberSetting } from './settings.js';

const silentConsole = new VirtualConsole();
const STEPS = [
  'decode', 'cheerio parse', 'metadata', 'embeds+pull quotes', 'site rule', 'prune', 'strip unlikely+serialize', 'jsdom', 'readability',
  'fallback (whole page)', 'post-processing',
] as const;
type Step = (typeof STEPS)[number];

interface PageRun {
  a: number;
  b: number;
  c: number;
  bThrew: boolean;
  cFailed: boolean;
  bText: string | null;
  cText: string | null;
  steps: Record<Step, number>;
}

const gc = (globalThis as { gc?: () => void }).gc;

async function main(): Promise<void> {
  // Settings first: a bad one is refused whether or not the corpus is there (default: every page, all warmed up).
  const limit = wholeNumberSetting('CHRONICLE_BENCH_LIMIT', Number.MAX_SAFE_INTEGER, 1);
  const warmSetting = wholeNumberSetting('CHRONICLE_BENCH_WARMUP', Number.MAX_SAFE_INTEGER, 0);
  const rounds = wholeNumberSetting('CHRONICLE_BENCH_ROUNDS', 4, 1);
  const root = corpusRoot();
  const corpus = loadCorpus(root);
  if (corpus === null || corpus.length === 0) {
    process.stdout.write(`bench: no corpus at ${root} (set CHRONICLE_CORPUS=DIR); skipped\n`);
    return;
  }
  const pages = corpus.slice(0, limit);
  const warm = Math.min(warmSetting, pages.length);
  const perPage = process.env.CHRONICLE_BENCH_PER_PAGE !== '0';
  process.stderr.write(`bench: ${pages.length} pages from ${root}; warm-up over ${Math.min(warm, pages.length)}; ${rounds} round(s)\n`);

  for (const page of pages.slice(0, warm)) {
    for (const run of Object.values(VARIANTS)) await run(page);
  }

  // Each variant runs over all the pages as one block, so it pays for collecting its own garbage and nobody
  // else's; (b) and (c) swap places from one round to the next, against drift.
  const times: Record<VariantName, number[][]> = { a: [], b: [], c: [] };
  const last = new Map<VariantName, Outcome[]>();
  for (let round = 0; round < rounds; round++) {
    const order: VariantName[] = round % 2 === 0 ? ['a', 'b', 'c'] : ['a', 'c', 'b'];
    for (const name of order) {
      gc?.();
      const outcomes: Outcome[] = [];
      for (const page of pages) outcomes.push(await VARIANTS[name](page));
      times[name].push(outcomes.map((outcome) => outcome.ms));
      last.set(name, outcomes);
      process.stderr.write(`bench: round ${round + 1} (${name}) median ${median(times[name].at(-1)!).toFixed(2)} ms\n`);
    }
  }
  gc?.();
  const overRounds = (name: VariantName): number[] => pages.map((_, index) => median(times[name].map((round) => round[index]!)));
  const [a, b, c] = [overRounds('a'), overRounds('b'), overRounds('c')];
  const runs: PageRun[] = [];
  for (const [index, page] of pages.entries()) {
    const bOutcome = last.get('b')![index]!;
    const cOutcome = last.get('c')![index]!;
    runs.push({
      a: a[index]!, b: b[index]!, c: c[index]!, bThrew: bOutcome.failed, cFailed: cOutcome.failed, bText: bOutcome.text,
      cText: cOutcome.text, steps: stepTimes(page),
    });
    await turn();
  }

  if (perPage) {
    process.stdout.write(`${'page'.padEnd(52)} ${'a ms'.padStart(7)} ${'b ms'.padStart(8)} ${'c ms'.padStart(8)}  c/b\n`);
    for (const [index, page] of pages.entries()) {
      const run = runs[index]!;
      const bCell = run.bThrew ? 'throws' : run.b.toFixed(1);
      const cCell = run.cFailed ? `${run.c.toFixed(1)}!` : run.c.toFixed(1);
      process.stdout.write(`${page.name.slice(0, 52).padEnd(52)} ${run.a.toFixed(2).padStart(7)} ${bCell.padStart(8)} ${cCell.padStart(8)}  ${(run.c / run.b).toFixed(2)}\n`);
    }
  }
  report(pages, runs, times);
}

type VariantName = 'a' | 'b' | 'c';

interface Outcome {
  ms: number;
  /** (b) threw, or (c) found no article. */
  failed: boolean;
  /** The body text, for the agreement scores ((a) has none). */
  text: string | null;
}

/**
 * Times `work` (its result is the body text, or null), then lets the event loop turn (jsdom frees a closed window
 * only then).
 */
async function measured(work: () => string | null | Promise<string | null>): Promise<Outcome> {
  let failed = false;
  let text: string | null = null;
  const started = performance.now();
  try {
    text = await work();
  } catch {
    failed = true;
  }
  const ms = performance.now() - started;
  await turn();
  return { ms, failed, text };
}

/** The three things timed, each on one page; (a) and (b) get the page decoded outside the timing. */
const VARIANTS: Record<VariantName, (page: CorpusPage) => Promise<Outcome>> = {
  a: (page) => {
    const html = decodeHtml(page.bytes).text;
    return measured(() => {
      parseWithHtmlparser2(html);
      return null;
    });
  },
  b: (page) => {
    const html = decodeHtml(page.bytes).text;
    return measured(() => {
      const dom = new JSDOM(html, { url: page.url, virtualConsole: silentConsole });
      try {
        const parsed = new Readability(dom.window.document).parse();
        return parsed?.content ? htmlToText(parsed.content) : '';
      } finally {
        dom.window.close();
      }
    });
  },
  c: (page) => measured(async () => (await extractArticle(page.bytes, { url: page.url })).body.text),
};

/**
 * extractArticle's stages replayed one by one with the same modules, each timed (restoring embeds and links left
 * out): a site rule's body, else prune, strip, jsdom and Readability.
 */
function stepTimes(page: CorpusPage): Record<Step, number> {
  const times = Object.fromEntries(STEPS.map((step) => [step, 0])) as Record<Step, number>;
  const timed = <T>(step: Step, work: () => T): T => {
    const start = performance.now();
    try {
      return work();
    } finally {
      times[step] += performance.now() - start;
    }
  };
  const pageUrl = page.url;
  const safely = <T>(work: () => T): T | null => {
    try {
      return work();
    } catch {
      return null;
    }
  };
  const decoded = timed('decode', () => decodeHtml(page.bytes));
  const $ = timed('cheerio parse', () => loadPage(decoded.text));
  const metadata = timed('metadata', () => safely(() => extractMetadata({ $, pageUrl })));
  const pullQuotes = timed('embeds+pull quotes', () => {
    const embeds = safely(() => detectEmbeds({ $, pageUrl }));
    embeds?.matches.forEach((match, index) => {
      $(match.element).replaceWith(`<p data-chronicle-embed="${index}">chronicle-embed-placeholder-${index}</p>`);
    });
    return safely(() => findPullQuotes($)) ?? [];
  });
  const ruled = timed('site rule', () => {
    const rule = findSiteRule({ $, pageUrl, canonicalUrl: metadata?.canonicalUrl ?? null });
    return rule === null ? null : safely(() => readSiteBody($, rule));
  });
  const readable = ruled !== null ? { content: ruled.content } : readabilitySteps();
  if (readable) {
    timed('post-processing', () =>
      safely(() => {
        const body$ = loadFragment(flattenBlocks(loadFragment(readable.content), { keepImageRuns: ruled !== null }));
        cleanChrome(body$);
        const clean$ = loadFragment(sanitizeBody(body$.html() ?? ''));
        blockText(clean$.root().children().toArray());
        extractQuotes({ body$: clean$, pageUrl, pullQuotes });
        extractImages({ body$: clean$, pageUrl, leadImage: null });
      }),
    );
  }
  return times;

  function readabilitySteps(): { content: string } | null {
    timed('prune', () => prunePage($));
    const { html, removed } = timed('strip unlikely+serialize', () => {
      const stripped = stripUnlikelyCandidates($);
      const serialized = $.html();
      stripped.restore();
      return { html: serialized, removed: stripped.removed };
    });
    // As readArticle: the first pass alone on the stripped page; when it fails, Readability goes on with the
    // whole page from its second pass. (Nothing stripped: Readability in full on the page, as extractArticle does.)
    const document = timed('jsdom', () => parseDocument(html, pageUrl));
    const outcome = timed('readability', () => safely(() => read(document, { firstPassOnly: removed > 0 })));
    releaseDocument(document);
    return removed === 0 || outcome?.firstPassSucceeded === true
      ? (outcome?.result ?? null)
      : timed('fallback (whole page)', () => safely(() => runReadability($.html(), pageUrl, outcome?.failedFirstPass)));
  }
}

function report(pages: CorpusPage[], runs: PageRun[], rounds: Record<VariantName, number[][]>): void {
  const column = (pick: (run: PageRun) => number, only: (run: PageRun) => boolean = () => true): number[] =>
    runs.filter(only).map(pick);
  const a = column((run) => run.a);
  const b = column((run) => run.b);
  const c = column((run) => run.c);
  const row = (label: string, values: number[]): string[] => [
    label,
    median(values).toFixed(2),
    p95(values).toFixed(2),
    (values.length / (sum(values) / 1000)).toFixed(1),
    sum(values).toFixed(0),
  ];
  const out: string[] = [];
  out.push('');
  out.push(
    `extraction over ${runs.length} pages (same pages, same run, after warm-up; each page's time is its median over ` +
      `${rounds.a.length} round(s), each variant a block of all the pages)`,
  );
  out.push(
    table(['', 'median ms', 'p95 ms', 'pages/s', 'total ms'], [
      row('(a) htmlparser2 parse (floor)', a),
      row('(b) naive jsdom + Readability', b),
      row('(c) chronicle extractArticle', c),
    ]),
  );
  const throws = runs.filter((run) => run.bThrew).length;
  const failed = runs.filter((run) => run.cFailed).length;
  out.push(`(b) threw on ${throws} page(s); (c) found no article on ${failed} page(s)`);
  const byRound = (name: VariantName): string => rounds[name].map((round) => median(round).toFixed(2)).join(' / ');
  const ratioByRound = rounds.c.map((round, index) => (median(round) / median(rounds.b[index]!)).toFixed(2)).join(' / ');
  out.push(`medians by round: (b) ${byRound('b')}  (c) ${byRound('c')}  c/b ${ratioByRound}`);
  out.push(
    `ratios of medians: c/b ${(median(c) / median(b)).toFixed(2)}  c/a ${(median(c) / median(a)).toFixed(1)}  ` +
      `ratio of totals: c/b ${(sum(c) / sum(b)).toFixed(2)}`,
  );

  out.push('');
  out.push('(c) step by step (stages replayed with the same modules)');
  out.push(
    table(['step', 'median ms', 'p95 ms', 'total ms', 'share'], STEPS.map((step) => {
      const values = runs.map((run) => run.steps[step]);
      const all = sum(runs.map((run) => sum(Object.values(run.steps))));
      return [step, median(values).toFixed(2), p95(values).toFixed(2), sum(values).toFixed(0), `${((100 * sum(values)) / all).toFixed(1)}%`];
    })),
  );

  const scored = pages.map((page, index) => ({ page, run: runs[index]! })).filter(({ page }) => page.expectedHtml !== null);
  if (scored.length > 0) {
    const agreement = (text: string | null, expected: string) => bodyAgreement(expected, text ?? '');
    const bScores = scored.map(({ page, run }) => agreement(run.bText, htmlToText(page.expectedHtml!)));
    const cScores = scored.map(({ page, run }) => agreement(run.cText, htmlToText(page.expectedHtml!)));
    const mean = (values: number[]): string => (sum(values) / values.length).toFixed(3);
    const agreeRow = (label: string, scores: typeof bScores): string[] => [
      label,
      mean(scores.map((score) => score.recall)),
      mean(scores.map((score) => score.precision)),
      `${scores.filter((score) => score.agrees).length}/${scores.length}`,
    ];
    out.push('');
    out.push(`body agreement with Readability's expected.html (${scored.length} test pages; src/tools/eval/body-agreement.ts)`);
    out.push(
      table(['', 'mean recall', 'mean precision', 'pages agreeing'], [
        agreeRow('(b) naive jsdom + Readability', bScores),
        agreeRow('(c) chronicle extractArticle', cScores),
      ]),
    );
  }
  out.push('');
  out.push(`peak RSS ${mb(peakRssBytes())}; rss now ${mb(process.memoryUsage().rss)}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

runBench('bench', main);
