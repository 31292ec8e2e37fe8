/**
 * `npm run eval:captures`: the capture classifier (src/pipeline/classify-capture.ts) over real articles and
 * over wall pages. Real articles: the 300 development pages and the 472 of trafilatura-dev (../shared/corpus
 * or $CHRONICLE_CORPUS), classified as first captures; each one called anything but `ok` is listed. Walls:
 * fixtures/walls/<class>-<name>.html, built from real consent, challenge, paywall and error-page markup;
 * each must get the class its name starts with. Prints figures; exits 0 whatever they are.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { classifyPage } from './captures-eval-lib.js';
import { corpusRoot, developmentPages, REPO_ROOT, trafilaturaPages, type CorpusPage } from './corpus-pages.js';

async function realArticles(label: string, pages: CorpusPage[]): Promise<string[]> {
  if (pages.length === 0) return [`${label}: no pages (set CHRONICLE_CORPUS)`];
  const walls: string[] = [];
  for (const page of pages) {
    const verdict = await classifyPage(new Uint8Array(await readFile(page.file)), page.url);
    if (verdict.class !== 'ok') walls.push(`  ${page.name}: ${verdict.class} (${verdict.reason})`);
  }
  const rate = (100 * walls.length) / pages.length;
  return [`${label}: real articles called a wall: ${walls.length}/${pages.length} (${rate.toFixed(2)}%)`, ...walls];
}

async function wallFixtures(): Promise<string[]> {
  const dir = join(REPO_ROOT, 'fixtures', 'walls');
  const files = (await readdir(dir)).filter((file) => file.endsWith('.html')).sort();
  const lines: string[] = [];
  let right = 0;
  for (const file of files) {
    const expected = /^(blocked|consent|paywall|error-page|truncated)-/.exec(file)?.[1] ?? '?';
    const verdict = await classifyPage(new Uint8Array(await readFile(join(dir, file))), `https://courier.example/world/${file.replace(/\.html$/, '')}`);
    if (verdict.class === expected) right += 1;
    lines.push(`  ${verdict.class === expected ? 'ok  ' : 'MISS'} ${file}: ${verdict.class} (${verdict.reason})`);
  }
  return [`wall fixtures called with their class: ${right}/${files.length}`, ...lines];
}

const root = corpusRoot();
const lines = [
  `corpus: ${root}`,
  ...(await wallFixtures()),
  ...(await realArticles('development corpus (readability + postlight)', await developmentPages(root))),
  ...(await realArticles('trafilatura-dev', await trafilaturaPages(root))),
];
process.stdout.write(`${lines.join('\n')}\n`);
