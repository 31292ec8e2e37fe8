/**
 * Embed-recall report over a folder of HTML pages (default: ../shared/corpus/postlight):
 *   node dist-tools/tools/eval/recall-report.js [DIR]   (npm run eval:embeds)
 * Table 1: detectEmbeds on the raw page against independent markup counts. Table 2: the embeds that survive the
 * full extraction pipeline (extractArticle). Pages with misses are listed with what was missed.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Embed } from '../../types.js';
import { addRecall, compareEmbeds, evaluateEmbedRecall, formatRecallTable, type RecallByProvider } from './evaluate-recall.js';

export interface CorpusRecall {
  pages: number;
  detection: RecallByProvider;
  pipeline: RecallByProvider;
  pipelineFailures: string[];
  /** False when extractArticle could not be loaded (then only the detection table is meaningful). */
  pipelineAvailable: boolean;
  misses: string[];
}

/** The URL a corpus file stands for: "www.vox.com--feature.html" → https://www.vox.com/article. */
export function corpusPageUrl(file: string): string {
  const host = path.basename(file, '.html').replace(/--.*$/, '');
  return `https://${host}/article`;
}

type Extract = (html: string, options: { url: string }) => Promise<{ embeds: Embed[] }>;

/** The full pipeline, loaded lazily so the detection table still prints while the orchestrator is unbuildable. */
async function loadExtractArticle(): Promise<Extract | string> {
  try {
    const module = (await import('../../extract/extract-article.js')) as { extractArticle: Extract };
    return module.extractArticle;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export async function evaluateCorpusRecall(dir: string): Promise<CorpusRecall> {
  const extractArticle = await loadExtractArticle();
  const files = (await readdir(dir)).filter((name) => name.endsWith('.html')).sort();
  const result: CorpusRecall = { pages: files.length, detection: {}, pipeline: {}, pipelineFailures: [], pipelineAvailable: typeof extractArticle !== 'string', misses: [] };
  for (const file of files) {
    const html = await readFile(path.join(dir, file), 'utf8');
    const pageUrl = corpusPageUrl(file);
    const detection = evaluateEmbedRecall(html, pageUrl);
    addRecall(result.detection, detection);
    let pipelineEmbeds: Embed[] = [];
    if (typeof extractArticle === 'string') {
      if (result.pipelineFailures.length === 0) result.pipelineFailures.push(`extractArticle unavailable: ${extractArticle}`);
    } else {
      try {
        pipelineEmbeds = (await extractArticle(html, { url: pageUrl })).embeds;
      } catch (error) {
        result.pipelineFailures.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const pipeline = compareEmbeds(html, pipelineEmbeds);
    // Embeds the detector placed outside the article are outside for the pipeline too (in-body recall).
    for (const [provider, counts] of Object.entries(pipeline)) counts.outside = Math.min(detection[provider]?.outside ?? 0, counts.expected - counts.found);
    addRecall(result.pipeline, pipeline);
    for (const [provider, counts] of Object.entries(detection)) {
      const lost = result.pipelineAvailable ? pipeline[provider] : undefined;
      if (counts.found < counts.expected || (lost !== undefined && lost.found < lost.expected)) {
        result.misses.push(
          `${file} ${provider}: expected ${counts.expected}, detected ${counts.found} (outside article ${counts.outside}), after pipeline ${lost === undefined ? 'n/a' : lost.found}`,
        );
      }
    }
  }
  return result;
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? path.resolve(process.cwd(), '../shared/corpus/postlight');
  const report = await evaluateCorpusRecall(dir);
  process.stdout.write(`Embed recall over ${report.pages} pages in ${dir}\n\n`);
  process.stdout.write(`1. detectEmbeds on the raw page\n${formatRecallTable(report.detection)}\n\n`);
  if (report.pipelineAvailable) {
    process.stdout.write(`2. full pipeline (extractArticle: embeds that survive Readability)\n${formatRecallTable(report.pipeline)}\n\n`);
  }
  if (report.misses.length > 0) process.stdout.write(`Pages with misses:\n${report.misses.map((line) => `  ${line}`).join('\n')}\n`);
  if (report.pipelineFailures.length > 0) {
    process.stdout.write(`Pages the pipeline could not extract (${report.pipelineFailures.length}):\n${report.pipelineFailures.map((line) => `  ${line}`).join('\n')}\n`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  });
}
