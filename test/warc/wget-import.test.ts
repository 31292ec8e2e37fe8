/**
 * Acceptance: pages of fixtures/pages fetched from the local server by `wget --warc-file` (a WARC writer
 * Chronicle did not write) and imported give the same content digests as `chronicle archive` of the same URLs.
 * Installs nothing: .ci/install-debian-tool.sh wget does that; without /usr/bin/wget the test says it skipped.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startFixtureServer, type FixtureServer } from '../../src/tools/dev/fixture-server.js';
import { ndjson, runCli } from '../helpers/run-cli.js';
import { tempRoot, withArchive } from '../helpers/archive.js';

const WGET = '/usr/bin/wget';
const available = existsSync(WGET);
if (!available) process.stderr.write(`SKIPPED wget-import: ${WGET} not found (run .ci/install-debian-tool.sh wget to install Debian's wget)\n`);
const describeWithWget = available ? describe : describe.skip;

const pagesDir = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'fixtures', 'pages');

const digestsOf = (root: string): Promise<Map<string, string>> =>
  withArchive(root, async (archive) => new Map((await archive.list()).map((row) => [row.url, row.contentDigest])));

describeWithWget('import of a WARC written by wget --warc-file', () => {
  let server: FixtureServer;
  let temp: ReturnType<typeof tempRoot>;
  beforeAll(async () => {
    server = await startFixtureServer({ pagesDir });
    temp = tempRoot('chronicle-wget-');
  });
  afterAll(async () => {
    await server.close();
    temp.remove();
  });

  test('every fixture page imports with the content digest chronicle archive gives it', async () => {
    const slugs = readdirSync(pagesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    const urls = slugs.map((slug) => server.pageUrl(slug));
    const warcBase = join(temp.base, 'wget');
    await promisify(execFile)(WGET, ['--quiet', '--tries=1', `--warc-file=${warcBase}`, '-O', join(temp.base, 'pages.out'), ...urls], { cwd: temp.base });

    const imported = join(temp.base, 'imported');
    const result = await runCli(['import', '--archive-dir', imported, '--workers', '1', '--json', `${warcBase}.warc.gz`]);
    const responses = ndjson(result.stdout).filter((line) => line.type === 'response');
    expect(responses).toHaveLength(urls.length);

    const archived = join(temp.base, 'archived');
    const archiveRun = await runCli(['archive', '--archive-dir', archived, '--workers', '1', '--json', ...urls]);
    const archivedLines = ndjson(archiveRun.stdout);
    // Both paths agree on which pages are articles, and on the content of every one.
    const importedOk = responses.filter((line) => line.ok === true).map((line) => line.url).sort();
    const archivedOk = archivedLines.filter((line) => line.ok === true).map((line) => line.url).sort();
    expect(importedOk).toEqual(archivedOk);
    expect(importedOk.length).toBeGreaterThan(urls.length / 2);
    expect(await digestsOf(imported)).toEqual(await digestsOf(archived));
    expect(result.code).toBe(archiveRun.code === 0 ? 0 : 7);
  }, 180_000);
});
