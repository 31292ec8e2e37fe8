/**
 * Acceptance of change detection (issue 6): a story served again and again with fresh noise is never
 * reported as changed; a real edit is, exactly once; diff names what changed and none of the noise.
 */
import { createServer } from 'node:http';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { SnapshotDiff } from '../../src/diff/types.js';
import { runCli } from '../helpers/run-cli.js';
import { useStoryArchive } from '../helpers/story-server.js';

const story = useStoryArchive('v1.html', 7, 'chronicle-change-');
const { check, versionCount } = story;

/** Every noise value that varies between responses must stay out of what diff reports. */
const NOISE = [/minutes? ago/i, /comments/i, /shares/i, /advertisement/i, /trending/i, /utm_/, /cb=/, /slot-/, /ads\.example/, /Page generated/, /csrf/i, /Refinance|sneakers|winter tyres|language in 15|home insurance/];

describe('a story served again and again with fresh noise', () => {
  test('each response differs in its noise', async () => {
    const first = await (await fetch(story.server.url)).text();
    const second = await (await fetch(story.server.url)).text();
    expect(first).not.toBe(second);
    expect(first.replace(/\{\{/g, '')).not.toMatch(/\{\{[A-Z_]+\}\}/);
  });

  test('the first check archives it as a new URL: exit 0, new: true', async () => {
    const result = await check('--json', story.server.url);
    expect(result.stderr).toMatch(/^chronicle: checked 1, .*failed 0 .*changed 0\n$/);
    expect(result.code).toBe(0);
    const line = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(line).toMatchObject({ url: story.server.url, changed: false, new: true, previousId: null, fields: [] });
    expect(typeof line.id).toBe('string');
    expect(await versionCount()).toBe(1);
  });

  test('(a) further checks exit 0 every time and file no new snapshot', async () => {
    for (let i = 0; i < 5; i += 1) {
      const result = await check('--json', story.server.url);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ changed: false, new: false, fields: [] });
    }
    expect(await versionCount()).toBe(1);
    const plain = await check(story.server.url);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^unchanged /);
  });

  test('diff URL with a single version is an error (exit 6)', async () => {
    const result = await runCli(['diff', '--archive-dir', story.dir, story.server.url]);
    expect(result.code).toBe(6);
    expect(result.stderr).toMatch(/E_NOT_FOUND: .*1 version/);
  });
});

describe('the same story, edited', () => {
  let line: Record<string, unknown>;

  beforeAll(async () => {
    story.server.setVersion('v2.html');
    const result = await check('--json', story.server.url);
    expect(result.code).toBe(1);
    line = JSON.parse(result.stdout) as Record<string, unknown>;
  });

  test('(b) check exits 1 and files exactly one new snapshot naming the changed fields', async () => {
    expect(line).toMatchObject({ url: story.server.url, changed: true, new: false });
    expect(line.previousId).not.toBe(line.id);
    // modifiedAt is bumped on every response: never a reason to file (see test (a)), but reported beside a real edit.
    expect(line.fields).toEqual(['title', 'modifiedAt', 'body']);
    expect(await versionCount()).toBe(2);
  });

  test('a further check exits 0 and files nothing', async () => {
    const again = await check('--json', story.server.url);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ changed: false, id: line.id, previousId: line.id });
    expect(await versionCount()).toBe(2);
  });

  test('diff URL --json has the old and new headline, the figure, the added paragraph, the correction, and no noise', async () => {
    const result = await runCli(['diff', '--archive-dir', story.dir, '--json', story.server.url]);
    expect(result.code).toBe(1);
    const diff = JSON.parse(result.stdout) as SnapshotDiff;
    expect(diff.from.id).toBe(line.previousId);
    expect(diff.to.id).toBe(line.id);
    const title = diff.changes.find((change) => change.field === 'title');
    expect(title?.old).toContain('Border clashes kill 25 fighters as ceasefire talks stall');
    expect(title?.new).toContain('Border clashes kill 27 fighters, raising fears of a wider war');
    const body = diff.changes.filter((change) => change.field === 'body');
    const figure = body.find((change) => change.type === 'changed');
    expect(figure?.words).toEqual(expect.arrayContaining([{ type: 'removed', text: '25' }, { type: 'added', text: '27' }]));
    expect(body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'added', unit: 'paragraph', new: expect.stringContaining('more than 60 wounded civilians') }),
        expect.objectContaining({ type: 'added', new: expect.stringContaining('Correction: An earlier version of this article misstated the day') }),
      ]),
    );
    const reported = JSON.stringify(diff.changes);
    for (const noise of NOISE) expect(reported).not.toMatch(noise);
  });

  test('diff URL --html writes a self-contained report marking insertions and deletions', async () => {
    const file = join(story.dir, '..', `report-${process.pid}.html`);
    try {
      const result = await runCli(['diff', '--archive-dir', story.dir, '--html', file, story.server.url]);
      expect(result.code).toBe(1);
      const html = await readFile(file, 'utf8');
      expect(html).toMatch(/^<!DOCTYPE html>/);
      expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|url\(|@import/i);
      expect(html).toContain('<del>25</del>');
      expect(html).toContain('<ins>27</ins>');
      expect(html).toMatch(/<ins>Hospitals in the provincial capital/);
      expect(html).toMatch(/<ins>Correction: An earlier version/);
    } finally {
      await rm(file, { force: true });
    }
  });

  test('diff in the terminal: word diff without colour, red/green with colour', async () => {
    const plain = await runCli(['diff', '--archive-dir', story.dir, story.server.url]);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain('[-25-]{+27+}');
    expect(plain.stdout).not.toContain('\u001b[');
    const tty = await runCli(['diff', '--archive-dir', story.dir, story.server.url], { env: {}, stdoutIsTTY: true });
    expect(tty.stdout).toContain('\u001b[31m25\u001b[0m\u001b[32m27\u001b[0m');
    const noColour = await runCli(['diff', '--archive-dir', story.dir, story.server.url], { env: { NO_COLOR: '1' }, stdoutIsTTY: true });
    expect(noColour.stdout).not.toContain('\u001b[');
  });

  test('diff by two ids, by one id (against the version before), and of a snapshot with itself', async () => {
    const ids = [line.previousId as string, line.id as string];
    const both = await runCli(['diff', '--archive-dir', story.dir, '--json', ids[0]!, ids[1]!]);
    expect(both.code).toBe(1);
    const one = await runCli(['diff', '--archive-dir', story.dir, '--json', ids[1]!]);
    expect(one.code).toBe(1);
    expect(JSON.parse(one.stdout)).toMatchObject({ from: { id: ids[0] }, to: { id: ids[1] } });
    const same = await runCli(['diff', '--archive-dir', story.dir, ids[1]!, ids[1]!]);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('no changes');
    const first = await runCli(['diff', '--archive-dir', story.dir, ids[0]!]);
    expect(first.code).toBe(6);
  });

  test('history lists both versions with a summary and the unchanged checks', async () => {
    const json = await runCli(['history', '--archive-dir', story.dir, '--json', story.server.url]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { versions: { id: string; summary: string; fields: string[]; unchangedChecks: number }[]; checks: { count: number } };
    expect(report.versions.map((version) => version.id)).toEqual([line.previousId, line.id]);
    expect(report.versions[0]!.summary).toBe('first version');
    expect(report.versions[1]!.summary).toMatch(/^title; .*body \+\d+ \u2212\d+ sentences/);
    expect(report.versions[0]!.unchangedChecks).toBe(6);
    expect(report.versions[1]!.unchangedChecks).toBe(1);
    expect(report.checks.count).toBe(7);
    const text = await runCli(['history', '--archive-dir', story.dir, story.server.url]);
    expect(text.code).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toContain('2 versions, 7 unchanged checks');
    expect(lines[1]).toContain(`${line.previousId}  first version: Border clashes kill 25 fighters`);
    expect(lines[2]).toMatch(new RegExp(`${line.id}  title; `));
  });
});

describe('check, history and diff: bad input and failures', () => {
  async function closedPortUrl(): Promise<string> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return `http://127.0.0.1:${port}/gone`;
  }

  test('check without URLs is a usage error (exit 2)', async () => {
    const result = await check();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/E_USAGE/);
  });

  test('check of a malformed URL: exit 2', async () => {
    const result = await check('--json', 'not a url');
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ changed: null, error: { code: 'E_INVALID_URL' } });
  });

  test('check of an unreachable URL: exit 3, E_NETWORK in its line', async () => {
    const result = await check('--json', await closedPortUrl());
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({ changed: null, error: { code: 'E_NETWORK' } });
    expect(result.stderr).toMatch(/E_NETWORK/);
  });

  test('check of a 404: exit 4', async () => {
    const result = await check(story.server.url.replace('border-clashes', 'missing'));
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/E_HTTP_STATUS/);
  });

  test('a batch with one failure: exit 7 (failures outrank changes), every URL reported', async () => {
    const list = join(story.dir, '..', `urls-${process.pid}.txt`);
    await writeFile(list, `# watch list\n${story.server.url}\n\n${story.server.url.replace('border-clashes', 'missing')}\n`);
    try {
      const result = await check('--json', '-i', list);
      expect(result.code).toBe(7);
      const lines = result.stdout
        .trim()
        .split('\n')
        .map((text) => JSON.parse(text) as Record<string, unknown>)
        .sort((a, b) => Number(a.line) - Number(b.line));
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatchObject({ url: story.server.url, line: 2, ok: true, changed: false });
      expect(lines[1]).toMatchObject({ line: 4, ok: false, changed: null, previousId: null, id: null, fields: [], error: { code: 'E_HTTP_STATUS' } });
    } finally {
      await rm(list, { force: true });
    }
  });

  test('a URL listed twice is checked once and reported as a duplicate; --quiet leaves stderr empty', async () => {
    const result = await check('--json', '--quiet', story.server.url, story.server.url);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trim().split('\n').map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines.filter((line) => line.reason === 'duplicate')).toHaveLength(1);
  });

  test('check -i - reads URLs from stdin', async () => {
    const result = await runCli(['check', '--archive-dir', story.dir, '--json', '-i', '-'], { stdin: `${story.server.url}\n` });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ url: story.server.url, changed: false });
  });

  test('check -i with a missing file: exit 2', async () => {
    const result = await check('-i', join(story.dir, 'no-such-list.txt'));
    expect(result.code).toBe(2);
  });

  test('history of a URL never archived: exit 6', async () => {
    const result = await runCli(['history', '--archive-dir', story.dir, 'https://unknown.example/story']);
    expect(result.code).toBe(6);
    expect(result.stderr).toMatch(/E_NOT_FOUND/);
  });

  test('history of a malformed URL: exit 2', async () => {
    const result = await runCli(['history', '--archive-dir', story.dir, 'nope']);
    expect(result.code).toBe(2);
  });

  test('diff of an unknown id: exit 6; a URL with a second argument: exit 2', async () => {
    expect((await runCli(['diff', '--archive-dir', story.dir, '20990101T000000Z-deadbeef'])).code).toBe(6);
    expect((await runCli(['diff', '--archive-dir', story.dir, story.server.url, 'x'])).code).toBe(2);
  });

  test('no snapshot folder was written for unchanged checks', async () => {
    const entries = await readdir(story.dir, { recursive: true });
    const snapshotFiles = entries.filter((entry) => String(entry).endsWith('snapshot.json'));
    expect(snapshotFiles).toHaveLength(2);
  });

  test('an edit reverted is a change too; the text output names it', async () => {
    story.server.setVersion('v1.html');
    const result = await check(story.server.url);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^changed {4}\S+ {2}\S+ -> \S+ {2}\(title; modifiedAt; body \+\d+ \u2212\d+ sentences\)  STEALTH headline\+content\n$/);
    expect(await versionCount()).toBe(3);
  });
});
