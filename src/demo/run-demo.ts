/**
 * `npm run demo`: serves the bundled pages in fixtures/pages/ from a local server on 127.0.0.1 (no internet
 * needed) and archives each one into ./archive (or $CHRONICLE_ARCHIVE_DIR), printing a short summary per page.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openArchive } from '../archive/index.js';
import { listFixtureSlugs, startFixtureServer, type FixtureServer } from '../dev/fixture-server.js';
import { toChronicleError } from '../errors.js';
import { fetchPage } from '../fetch/fetch-page.js';
import { buildSnapshot } from '../pipeline/build-snapshot.js';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const pagesDir = resolve(repoRoot, 'fixtures/pages');
const DEMO_PORT = 47213;
const archiveDir = resolve(process.cwd(), process.env.CHRONICLE_ARCHIVE_DIR ?? 'archive');

async function main(): Promise<number> {
  const slugs = await listFixtureSlugs(pagesDir);
  const server = await startDemoServer();
  const archive = await openArchive(archiveDir);
  process.stderr.write(`demo: serving ${slugs.length} bundled pages at ${server.origin}, archiving into ${archiveDir}\n\n`);
  let failures = 0;
  try {
    for (const slug of slugs) {
      try {
        const capture = await fetchPage(server.pageUrl(slug));
        const built = await buildSnapshot(capture);
        const saved = await archive.save(built);
        const { snapshot } = built;
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

function countBy(values: string[]): string {
  if (values.length === 0) return '';
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return ` (${[...counts].map(([name, count]) => `${count} ${name}`).join(', ')})`;
}

process.exitCode = await main();
