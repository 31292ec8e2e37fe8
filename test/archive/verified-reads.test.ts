import { expect, test, beforeEach, afterEach } from '@jest/globals';
import { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openArchive } from '../../src/archive/index.js';
import { runCli, tempRoot } from '../helpers/archive.js';
import { makeSave } from '../helpers/save-factory.js';

/**
 * Issue 20, item 5: every read of an archived file checks its recorded sha256 and refuses symbolic links and
 * paths that leave the archive (exit 6, naming the snapshot).
 */

let temp: ReturnType<typeof tempRoot>;
let saved: Array<{ id: string; dir: string }>;
const SECRET_TEXT = 'outside-the-archive: do not print me\n';

beforeEach(async () => {
  temp = tempRoot();
  const archive = await openArchive(temp.root);
  saved = [];
  for (let i = 0; i < 2; i += 1) {
    const result = await archive.save(makeSave({ url: `https://verified.example/story-${i}`, body: `Story ${i} body text.` }));
    saved.push({ id: result.id, dir: result.dir });
  }
  archive.close();
  writeFileSync(join(temp.base, 'secret.txt'), SECRET_TEXT);
});
afterEach(() => temp.remove());

const show = (id: string, format: string) => runCli(['show', id, '--format', format, '--archive-dir', temp.root]);

function expectRefused(result: Awaited<ReturnType<typeof show>>, id: string, reason: RegExp): void {
  expect(result.code).toBe(6);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(new RegExp(`^chronicle: E_ARCHIVE: snapshot ${id} is damaged: `));
  expect(result.stderr).toMatch(reason);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toContain('do not print me');
}

test('show --format raw refuses a raw.html whose sha256 does not match the record', async () => {
  const target = saved[0]!;
  // Replace (not edit in place: raw.html shares its bytes with the blob) with one flipped byte.
  const bytes = readFileSync(join(target.dir, 'raw.html'));
  bytes[5] = bytes[5]! ^ 0x01;
  rmSync(join(target.dir, 'raw.html'));
  writeFileSync(join(target.dir, 'raw.html'), bytes);
  expectRefused(await show(target.id, 'raw'), target.id, /raw\.html does not match its recorded sha256/);
  expect((await show(saved[1]!.id, 'raw')).code).toBe(0);
});

test('show --format html refuses an article.html that does not match manifest.json', async () => {
  const target = saved[0]!;
  writeFileSync(join(target.dir, 'article.html'), '<p>planted</p>');
  expectRefused(await show(target.id, 'html'), target.id, /article\.html does not match/);
  expect((await show(saved[1]!.id, 'html')).code).toBe(0);
});

test('a symbolic link in place of raw.html or article.html is refused, never followed', async () => {
  const target = saved[0]!;
  for (const [name, format] of [['raw.html', 'raw'], ['article.html', 'html']] as const) {
    rmSync(join(target.dir, name));
    symlinkSync(join(temp.base, 'secret.txt'), join(target.dir, name));
    expectRefused(await show(target.id, format), target.id, new RegExp(`${name.replace('.', '\\.')} is a symbolic link`));
  }
  const verify = await runCli(['verify', '--archive-dir', temp.root]);
  expect(verify.code).toBe(6);
  expect(verify.stdout).toContain(`${target.id}: raw.html is a symbolic link`);
});

test('a snapshot.json link is refused for every format, and its target is not quoted in the error', async () => {
  const target = saved[0]!;
  rmSync(join(target.dir, 'snapshot.json'));
  symlinkSync(join(temp.base, 'secret.txt'), join(target.dir, 'snapshot.json'));
  for (const format of ['json', 'text', 'html', 'raw']) {
    expectRefused(await show(target.id, format), target.id, /snapshot\.json is a symbolic link/);
  }
});

test('a snapshot folder replaced by a link out of the archive is refused', async () => {
  const target = saved[0]!;
  const outside = join(temp.base, 'moved-out');
  renameSync(target.dir, outside);
  symlinkSync(outside, target.dir);
  for (const format of ['json', 'html', 'raw']) {
    expectRefused(await show(target.id, format), target.id, /is a symbolic link out of the archive/);
  }
});

test('an index row whose folder leaves the archive is refused', async () => {
  const target = saved[0]!;
  mkdirSync(join(temp.base, 'elsewhere'));
  const db = new Database(join(temp.root, 'index.sqlite'));
  db.prepare('UPDATE snapshots SET dir = ? WHERE id = ?').run('sites/../../elsewhere', target.id);
  db.close();
  for (const format of ['json', 'raw']) {
    expectRefused(await show(target.id, format), target.id, /is not a path inside the archive/);
  }
});

test('a snapshot.json edited and then reindexed is still refused: it is checked against manifest.json too', async () => {
  const target = saved[0]!;
  const path = join(target.dir, 'snapshot.json');
  const record = JSON.parse(readFileSync(path, 'utf8')) as { body: { text: string } };
  record.body.text = 'A quietly rewritten story.';
  writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`);
  expect((await runCli(['reindex', '--archive-dir', temp.root])).code).toBe(0);
  for (const format of ['json', 'text']) {
    expectRefused(await show(target.id, format), target.id, /snapshot\.json does not match its sha256 in manifest\.json/);
  }
  expect((await runCli(['verify', '--archive-dir', temp.root])).code).toBe(6);
});
