import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openArchive } from '../../src/archive/index.js';
import { startFixtureServer, type FixtureServer } from '../../src/tools/dev/fixture-server.js';
import { fetchPage } from '../../src/fetch/fetch-page.js';
import { buildSnapshot } from '../../src/pipeline/build-snapshot.js';
import { runCli, useTempRoot } from '../helpers/archive.js';

const pagesDir = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'fixtures', 'pages');
let server: FixtureServer;
const temp = useTempRoot();

beforeAll(async () => {
  server = await startFixtureServer({ pagesDir });
});
afterAll(async () => {
  await server.close();
});

test('end to end: fetch → buildSnapshot → save; search by a body phrase and a quote phrase; an unchanged re-fetch is a check', async () => {
  const archive = await openArchive(temp.root);
  const saved: Record<string, string> = {};
  for (const slug of ['embassy-withdrawal', 'windows-1252-harbour-festival']) {
    const built = await buildSnapshot(await fetchPage(server.pageUrl(slug)));
    const result = await archive.save(built);
    expect(result.created).toBe(true);
    saved[slug] = result.id;
  }
  // A body phrase of the embassy page, and the quoted State Department statement (an excerpt quote).
  expect((await archive.search('"fully retreated, according to new reports"')).map((hit) => hit.id)).toEqual([saved['embassy-withdrawal']]);
  expect((await archive.search('quotes:"effective measures the Government of Iraq"')).map((hit) => hit.id)).toEqual([saved['embassy-withdrawal']]);

  const again = await buildSnapshot(await fetchPage(server.pageUrl('embassy-withdrawal')));
  const unchanged = await archive.save(again);
  expect(unchanged).toMatchObject({ created: false, id: saved['embassy-withdrawal'], previousId: saved['embassy-withdrawal'] });
  expect(await archive.checks(server.pageUrl('embassy-withdrawal'))).toHaveLength(1);
  archive.close();

  const verify = await runCli(['verify', '--archive-dir', temp.root]);
  expect(verify.stdout).toMatch(/^OK: 2 snapshots verified/);
  const shown = await runCli(['show', server.pageUrl('embassy-withdrawal'), '--format', 'raw', '--archive-dir', temp.root]);
  expect(shown.stdoutBytes.equals(Buffer.from(again.raw))).toBe(true);
});
