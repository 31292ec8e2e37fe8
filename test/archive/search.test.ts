import { openArchive } from '../../src/archive/index.js';
import { runCli, tempRoot, withArchive } from '../helpers/archive.js';
import { makeSave } from '../helpers/save-factory.js';

let temp: ReturnType<typeof tempRoot>;
let ids: Record<'harbour' | 'election' | 'bakery', string>;

beforeAll(async () => {
  temp = tempRoot();
  const archive = await openArchive(temp.root);
  const harbour = await archive.save(
    makeSave({
      url: 'https://coast.example/harbour-dredging',
      title: 'Harbour dredging resumes',
      authors: ['Mara Lindqvist'],
      body: 'Dredging of the inner harbour resumed on Monday after a two-year pause.\n\nFishermen welcomed the deeper channel.',
      quotes: [{ kind: 'direct', text: 'We have waited far too long for this channel', speaker: 'Tomas Berg', cue: 'said' }],
    }),
  );
  const election = await archive.save(
    makeSave({
      url: 'https://politics.example/council-election',
      title: 'Council election results',
      authors: ['Ade Okafor'],
      body: 'The council election turned on the harbour budget and school closures.',
      embeds: [{ provider: 'twitter', kind: 'post', url: 'https://twitter.com/x/status/1', id: '1', author: 'Mayor Office', text: 'Thank you voters of Eastbridge', position: 1 }],
    }),
  );
  const bakery = await archive.save(
    makeSave({ url: 'https://food.example/bakery', title: 'A bakery in Köln', authors: ['Jörg Müller'], body: 'The crème brûlée is famous across the district.' }),
  );
  ids = { harbour: harbour.id, election: election.id, bakery: bakery.id };
  archive.close();
});
afterAll(() => temp.remove());

const searchIds = (query: string): Promise<string[]> => withArchive(temp.root, async (archive) => (await archive.search(query)).map((hit) => hit.id));

test('finds a page by a phrase in its body, and not another page', async () => {
  expect(await searchIds('"inner harbour resumed"')).toEqual([ids.harbour]);
});

test('finds a page by a phrase in its quotes, and not another page', async () => {
  expect(await searchIds('"waited far too long"')).toEqual([ids.harbour]);
  expect(await searchIds('quotes:"Tomas Berg"')).toEqual([ids.harbour]);
});

test('finds by author and by embed text', async () => {
  expect(await searchIds('authors:okafor')).toEqual([ids.election]);
  expect(await searchIds('"voters of Eastbridge"')).toEqual([ids.election]);
});

test('ranks with bm25: a title hit outranks a body mention', async () => {
  expect(await searchIds('harbour')).toEqual([ids.harbour, ids.election]);
});

test('folds diacritics', async () => {
  expect(await searchIds('creme brulee')).toEqual([ids.bakery]);
  expect(await searchIds('koln')).toEqual([ids.bakery]);
});

test('search --json prints one hit per line with a highlighted snippet; --limit caps the hits', async () => {
  const result = await runCli(['search', 'harbour', '--json', '--limit', '1', '--archive-dir', temp.root]);
  expect(result.code).toBe(0);
  const lines = result.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  const hit = JSON.parse(lines[0]!) as { id: string; rank: number; snippet: string; url: string; score: number };
  expect(hit).toMatchObject({ id: ids.harbour, rank: 1, url: 'https://coast.example/harbour-dredging' });
  expect(hit.snippet).toMatch(/\*\*harbour\*\*/i);
  expect(hit.score).toBeGreaterThan(0);
});

test('search prints a readable list without --json', async () => {
  const result = await runCli(['search', 'dredging', '--archive-dir', temp.root]);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^1\. Harbour dredging resumes\n {3}https:\/\/coast\.example\/harbour-dredging\n/);
});

test('bad FTS5 syntax is a one-line usage error, exit 2', async () => {
  for (const query of ['"unterminated', 'harbour AND', 'nosuchcolumn:word']) {
    const result = await runCli(['search', query, '--archive-dir', temp.root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^chronicle: E_USAGE: bad search query/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  }
});

test('no match: empty stdout, exit 0', async () => {
  const result = await runCli(['search', 'zeppelin', '--json', '--archive-dir', temp.root]);
  expect(result.code).toBe(0);
  expect(result.stdout).toBe('');
});
