/**
 * Acceptance of issue 24: a story served in turn as v1; v2 (a paragraph changed, a correction appended);
 * v3 (a figure silently changed); a consent wall; a bot challenge (200); a soft 404; a paywall teaser; v3
 * again; then 410. Acknowledged and stealth changes are told apart, walls are failed checks (exit 8) that
 * file no version, the 410 is a take-down (exit 9), and history lists three versions, the failed checks
 * and the take-down.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { STORY_PAGES, startStoryServer, useStoryArchive } from '../helpers/story-server.js';

const story = useStoryArchive('v1.html', 24, 'chronicle-stealth-');
const { check, versionCount } = story;

async function checkJson(version: string | number): Promise<{ code: number; line: Record<string, unknown>; stderr: string }> {
  if (typeof version === 'number') story.server.setStatus(version);
  else story.server.setVersion(version);
  const result = await check('--json', '--stealth-only', story.server.url);
  return { code: result.code, line: JSON.parse(result.stdout) as Record<string, unknown>, stderr: result.stderr };
}

describe('a story edited with and without a note, behind walls, then taken down', () => {
  test('v1: first version, exit 0', async () => {
    const { code, line } = await checkJson('v1.html');
    expect(code).toBe(0);
    expect(line).toMatchObject({ new: true, capture: 'ok', acknowledged: null });
  });

  test('v2: changed and acknowledged by its correction note; --stealth-only exits 0', async () => {
    const { code, line } = await checkJson('v2.html');
    expect(code).toBe(0);
    expect(line).toMatchObject({ changed: true, capture: 'ok', acknowledged: true, kinds: ['headline', 'content'] });
    expect(line.notes).toEqual([expect.objectContaining({ kind: 'correction', text: expect.stringMatching(/^Correction: An earlier version of this article misstated/) })]);
    expect(line.headline).toEqual({ old: 'Border clashes kill 25 fighters as ceasefire talks stall', new: 'Border clashes kill 27 fighters, raising fears of a wider war' });
    expect(await versionCount()).toBe(2);
  });

  test('v3: a figure changed with no new note is a stealth edit; --stealth-only exits 1', async () => {
    const { code, line } = await checkJson('v3.html');
    expect(code).toBe(1);
    expect(line).toMatchObject({ changed: true, acknowledged: false, notes: [], kinds: ['content'], fields: expect.arrayContaining(['body']) });
    expect(await versionCount()).toBe(3);
  });

  test('diff says which change was acknowledged: --json, the terminal, and the HTML report with the note beside the changes', async () => {
    const latest = JSON.parse((await runCli(['diff', '--json', '--archive-dir', story.dir, story.server.url])).stdout) as Record<string, unknown>;
    expect(latest).toMatchObject({ changed: true, acknowledged: false, notes: [], kinds: ['content'] });
    expect((latest.changes as Array<{ acknowledged: boolean }>).every((change) => change.acknowledged === false)).toBe(true);
    const history = JSON.parse((await runCli(['history', '--json', '--archive-dir', story.dir, story.server.url])).stdout) as { versions: Array<{ id: string }> };
    const [v1, v2] = history.versions.map((version) => version.id);
    const noted = JSON.parse((await runCli(['diff', '--json', '--archive-dir', story.dir, v1!, v2!])).stdout) as Record<string, unknown>;
    expect(noted).toMatchObject({ acknowledged: true, kinds: ['headline', 'content'], notes: [expect.objectContaining({ kind: 'correction' })] });
    expect((noted.changes as Array<{ acknowledged: boolean }>).every((change) => change.acknowledged === true)).toBe(true);
    const terminal = await runCli(['diff', '--archive-dir', story.dir, story.server.url]);
    expect(terminal.stdout.split('\n')[3]).toBe('STEALTH: no correction or update note added');
    const reports = await mkdtemp(join(tmpdir(), 'chronicle-reports-'));
    const htmlFile = join(reports, 'report.html');
    await runCli(['diff', '--archive-dir', story.dir, v1!, v2!, '--html', htmlFile]);
    const html = await readFile(htmlFile, 'utf8');
    expect(html).toMatch(/<aside class="notes">.*<blockquote class="note" data-kind="correction">Correction: An earlier version/s);
    const stealthFile = join(reports, 'stealth.html');
    await runCli(['diff', '--archive-dir', story.dir, story.server.url, '--html', stealthFile]);
    expect(await readFile(stealthFile, 'utf8')).toMatch(/<p class="stealth"><strong>STEALTH<\/strong>/);
    await rm(reports, { recursive: true, force: true });
  });

  test.each([
    ['consent-wall.html', 'consent'],
    ['bot-challenge.html', 'blocked'],
    ['soft-404.html', 'error-page'],
    ['paywall-teaser.html', 'paywall'],
  ])('%s is a failed check of class %s: exit 8, no version', async (page, kind) => {
    const { code, line } = await checkJson(page);
    expect(code).toBe(8);
    expect(line).toMatchObject({ changed: false, capture: kind, acknowledged: null });
    expect(await versionCount()).toBe(3);
  });

  test('the text output names the wall and files nothing', async () => {
    story.server.setVersion('consent-wall.html');
    const result = await check(story.server.url);
    expect(result.code).toBe(8);
    expect(result.stdout).toMatch(/^failed {5}\S+ {2}consent: .* \(no version filed\)\n$/);
    expect(result.stderr).toMatch(/failed captures 1/);
  });

  test('v3 again is compared with the last good version, not the wall: unchanged, exit 0', async () => {
    const { code, line } = await checkJson('v3.html');
    expect(code).toBe(0);
    expect(line).toMatchObject({ changed: false, new: false, capture: 'ok' });
    expect(await versionCount()).toBe(3);
  });

  test('410 is a take-down: exit 9', async () => {
    const { code, line } = await checkJson(410);
    expect(code).toBe(9);
    expect(line).toMatchObject({ changed: false, takeDown: { status: 410, how: 'gone' } });
    const plain = await check(story.server.url);
    expect(plain.code).toBe(9);
    expect(plain.stdout).toMatch(/^taken down \S+ {2}HTTP 410 /);
  });

  test('history lists three versions, the failed checks with their classes, and the take-downs', async () => {
    const result = await runCli(['history', '--json', '--archive-dir', story.dir, story.server.url]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { versions: Array<Record<string, unknown>>; events: Array<Record<string, unknown>> };
    expect(report.versions).toHaveLength(3);
    expect(report.versions.map((version) => version.acknowledged)).toEqual([null, true, false]);
    const failed = report.events.filter((event) => event.type === 'failed-check');
    expect(failed.map((event) => event.class)).toEqual(['consent', 'blocked', 'error-page', 'paywall', 'consent']);
    expect(report.events.filter((event) => event.type === 'take-down')).toEqual([
      expect.objectContaining({ status: 410, how: 'gone', checkedAt: expect.any(String), finalUrl: story.server.url }),
      expect.objectContaining({ status: 410 }),
    ]);
    const text = await runCli(['history', '--archive-dir', story.dir, story.server.url]);
    expect(text.stdout).toMatch(/3 versions, .*5 failed checks, 2 take-downs/);
    expect(text.stdout).toMatch(/noted headline\+content: correction: Correction: An earlier version/);
    expect(text.stdout).toMatch(/body \+1 \u22121 sentences  STEALTH/);
    expect(text.stdout).toMatch(/failed check: blocked \(challenge markup/);
    expect(text.stdout).toMatch(/taken down: HTTP 410/);
  });

  test('a failed check keeps the bytes it received as evidence', async () => {
    const result = await runCli(['history', '--json', '--archive-dir', story.dir, story.server.url]);
    const events = (JSON.parse(result.stdout) as { events: Array<{ type: string; evidence: string | null; sha256: string | null }> }).events;
    const challenge = events.find((event) => event.type === 'failed-check')!;
    const bytes = await readFile(join(story.dir, challenge.evidence!));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(challenge.sha256);
    expect(bytes.toString('utf8')).toMatch(/onetrust-consent-sdk/);
  });

  test('the story back after the take-down records a return; verify accepts the events file', async () => {
    const { code, line } = await checkJson('v3.html');
    expect(code).toBe(0);
    expect(line).toMatchObject({ changed: false, returned: true });
    const history = JSON.parse((await runCli(['history', '--json', '--archive-dir', story.dir, story.server.url])).stdout) as { events: Array<{ type: string }> };
    expect(history.events.at(-1)).toMatchObject({ type: 'return' });
    const verify = await runCli(['verify', '--archive-dir', story.dir]);
    expect(verify.stderr + verify.stdout).not.toMatch(/foreign file/);
    expect(verify.code).toBe(0);
  });

  test('a redirect of the story to a section front is a take-down', async () => {
    story.server.setRedirect('/world');
    const result = await check('--json', story.server.url);
    expect(result.code).toBe(9);
    expect(JSON.parse(result.stdout)).toMatchObject({ takeDown: { status: 200, how: 'redirected', finalUrl: expect.stringMatching(/\/world$/) } });
  });

  test('403 on an archived story is a blocked failed check (exit 8), not an error', async () => {
    const result = await checkJson(403);
    expect(result.code).toBe(8);
    expect(result.line).toMatchObject({ capture: 'blocked', summary: 'blocked: HTTP 403' });
  });

  test('a batch: the most severe finding gives the code (take-down 9 over a wall 8 over a change 1)', async () => {
    story.server.setStatus(410);
    const result = await check('--json', story.server.url, `${story.server.url}?page=2`);
    // The second URL was never archived: its 410 is an HTTP error (the batch's 7 outranks everything).
    expect(result.code).toBe(7);
  });
});

describe('archive of a URL whose first capture is a wall', () => {
  const wall = useStoryArchive('bot-challenge.html', 25, 'chronicle-wall-');

  test('says so in one line, exit 8, and files nothing', async () => {
    const result = await runCli(['archive', '--archive-dir', wall.dir, '--retries', '0', wall.server.url]);
    expect(result.code).toBe(8);
    expect(result.stdout + result.stderr).toMatch(/E_FAILED_CAPTURE.*blocked: challenge markup.*nothing filed/);
    const history = await runCli(['history', '--archive-dir', wall.dir, wall.server.url]);
    expect(history.code).toBe(6);
  });

  test('with --keep-failed, the wall is a failed check with its bytes, still no version', async () => {
    const result = await runCli(['archive', '--archive-dir', wall.dir, '--retries', '0', '--keep-failed', wall.server.url]);
    expect(result.code).toBe(8);
    const history = JSON.parse((await runCli(['history', '--json', '--archive-dir', wall.dir, wall.server.url])).stdout) as {
      versions: unknown[];
      events: Array<{ type: string; class: string; evidence: string }>;
    };
    expect(history.versions).toEqual([]);
    expect(history.events).toEqual([expect.objectContaining({ type: 'failed-check', class: 'blocked', evidence: expect.stringMatching(/^blobs\/sha256\//) })]);
  });

  test('a batch with a wall and a good page: exit 7, the good page filed', async () => {
    const good = await startStoryServer(STORY_PAGES, 'v1.html', 26);
    try {
      const result = await runCli(['archive', '--json', '--archive-dir', wall.dir, '--retries', '0', '--workers', '0', wall.server.url, good.url.replace('127.0.0.1', 'localhost')]);
      expect(result.code).toBe(7);
      const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.map((line) => line.ok)).toEqual([false, true]);
      expect(lines[0]).toMatchObject({ error: expect.objectContaining({ code: 'E_FAILED_CAPTURE' }) });
    } finally {
      await good.close();
    }
  });
});
