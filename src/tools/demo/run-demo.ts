/**
 * `npm run demo`: serves the bundled pages in fixtures/pages/ from a local server on 127.0.0.1 (no internet
 * needed) and archives each one into ./archive (or $CHRONICLE_ARCHIVE_DIR), printing a short summary per page.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openArchive } from '../../archive/index.js';
import { listFixtureSlugs, startFixtureServer, type FixtureServer } from '../dev/fixture-server.js';
import { toChronicleError } from '../../errors.js';
import { fetchPage } from '../../fetch/fetch-page.js';
import { buildSnapshot } from '../../pipeline/build-snapshot.js';

const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const pagesDir = resolve(repoRoot, 'fixtures/pages');
const DEMO_PORT = 47213;
const archiveDirSetting = process.env.CHRONICLE_ARCHIVE_DIR?.trim() ? process.env.CHRONICLE_ARCHIVE_DIR : 'archive';
const archiveDir = resolve(process.cwd(), archiveDirSetting);

async function main(): Promise<number> {
  const slugs = await listFixtureSlugs(pagesDir);
  const server = await startDemoServer();
  const archive = await openArchive(archiveDir);
  process.stderr.write(`demo: serving ${slugs.length} bundled pages at ${server.origin}, archiving into ${archiveDir}\n\n`);
  let failures = 0;
  let firstPage: { url: string; title: string | null } | null = null;
  try {
    for (const slug of slugs) {
      try {
        const capture = await fetchPage(server.pageUrl(slug));
        const built = await buildSnapshot(capture);
        const saved = await archive.save(built);
        const { snapshot } = built;
        firstPage ??= { url: snapshot.url, title: snapshot.meta.title };
        const quoteKinds = countBy(snapshot.quotes.map((quote) => quote.kind));
        const embedKinds = countBy(snapshot.embeds.map((embed) => embed.provider));
        process.stdout.write(
          [
            `${snapshot.meta.title ?? '(untitled)'}`,
            `  ${snapshot.body.wordCount} words · ${snapshot.quotes.length} quotes${quoteKinds} · ${snapshot.embeds.length} embeds${embedKinds}`,
            `  ${saved.created ? 'archived' : 'unchanged since'} ${saved.id} → ${saved.dir}`,
            '',
          ].join('\n'),
        );
      } catch (error) {
        failures += 1;
        const failure = toChronicleError(error);
        process.stdout.write(`${slug}: FAILED ${failure.code}: ${failure.message}\n\n`);
      }
    }
  } finally {
    archive.close();
    await server.close();
  }
  process.stderr.write(`demo: ${slugs.length - failures} of ${slugs.length} pages archived in ${archiveDir}\n`);
  if (firstPage !== null) process.stdout.write(nextSteps(firstPage));
  return failures === 0 ? 0 : 7;
}

/**
 * A fixed port, so that a second `npm run demo` archives the same URLs and reports them unchanged; any free
 * port when that one is taken.
 */
async function startDemoServer(): Promise<FixtureServer> {
  try {
    return await startFixtureServer({ pagesDir, port: DEMO_PORT });
  } catch {
    return startFixtureServer({ pagesDir });
  }
}

/**
 * Three commands to try on the archive just made, runnable as printed from the clone (`npx chronicle`: the
 * package's own bin; `npm link` puts `chronicle` on the PATH). The search word comes from a page's title.
 */
function nextSteps(page: { url: string; title: string | null }): string {
  const where = process.env.CHRONICLE_ARCHIVE_DIR?.trim() ? ` --archive-dir ${shellQuote(archiveDir)}` : '';
  const word = searchWord(page.title) ?? 'the';
  return [
    '',
    'Try next (from this folder; after `npm link`, plain `chronicle` works anywhere):',
    `  npx chronicle list${where}`,
    `  npx chronicle search ${shellQuote(word)}${where}`,
    `  npx chronicle show ${shellQuote(page.url)}${where}`,
    '',
  ].join('\n');
}

/** The longest plain word of a title (letters only, so it is a valid search query on its own). */
function searchWord(title: string | null): string | null {
  const words = (title ?? '').match(/\p{L}{4,}/gu) ?? [];
  return words.reduce<string | null>((best, word) => (best === null || word.length > best.length ? word : best), null)?.toLowerCase() ?? null;
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

function countBy(values: string[]): string {
  if (values.length === 0) return '';
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return ` (${[...counts].map(([name, count]) => `${count} ${name}`).join(', ')})`;
}

process.exitCode = await main();
