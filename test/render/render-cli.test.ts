/**
 * --render and --screenshot against a local site whose article is written by a script after load, whose image
 * gets its real URL only when scrolled into view, and whose consent overlay is drawn by script: static
 * extraction finds nothing (exit 5); --render auto files the article from the browser's DOM with the image's
 * real URL, rendered.html beside the server's raw.html and a full-page screenshot.png, which verify checks and
 * show lists. Needs Chromium (skips without it), except the CHRONICLE_CHROMIUM checks.
 */
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, jest } from '@jest/globals';
import { findChromium } from '../../src/browser/find-chromium.js';
import { startScriptedSite } from '../../src/tools/dev/scripted-site.js';
import type { Snapshot } from '../../src/types.js';
import { decodePng } from '../helpers/png.js';
import { ndjson, runCli } from '../helpers/run-cli.js';
import { describeWithChromium } from '../helpers/chromium.js';
import { useServer, useTempDir } from '../helpers/lifecycle.js';

jest.setTimeout(180_000);
const site = useServer(startScriptedSite);
const dir = useTempDir('chronicle-render-');

describe('finding Chromium', () => {
  it('CHRONICLE_CHROMIUM naming no file: one line naming the package and the variable, exit 2, nothing fetched', async () => {
    const before = site.hits('/story/9');
    const result = await runCli(['archive', '--archive-dir', join(dir, 'none'), '--render', 'auto', `${site.origin}/story/9`], {
      env: { NO_COLOR: '1', CHRONICLE_CHROMIUM: '/nonexistent' },
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n').filter((line) => line !== '')).toHaveLength(1);
    expect(result.stderr).toMatch(/^chronicle: E_USAGE: CHRONICLE_CHROMIUM=\/nonexistent is not an executable file: .*apt-get install chromium.*CHRONICLE_CHROMIUM=/);
    expect(site.hits('/story/9')).toBe(before);
  });

  it('--screenshot alone needs Chromium too; --render takes never|auto|always', async () => {
    const screenshot = await runCli(['check', '--archive-dir', join(dir, 'none'), '--screenshot', `${site.origin}/story/9`], { env: { CHRONICLE_CHROMIUM: '/nonexistent' } });
    expect(screenshot.code).toBe(2);
    const bad = await runCli(['archive', '--archive-dir', join(dir, 'none'), '--render', 'sometimes', `${site.origin}/story/9`]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--render <mode>.*sometimes/);
  });

  it('without the variable, the first installed candidate; none installed: E_USAGE naming the package and the variable', () => {
    expect(() => findChromium(undefined, ['/nonexistent/chromium'])).toThrow(/not found at \/nonexistent\/chromium: install .*chromium.*CHRONICLE_CHROMIUM/);
    expect(findChromium(undefined, ['/nonexistent/chromium', process.execPath])).toBe(process.execPath);
    expect(() => findChromium('/nonexistent', [process.execPath])).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
  });
});

describeWithChromium('render-cli')('archive --render', () => {
  const root = (): string => join(dir, 'archive');
  let snapshot: Snapshot;
  let folder: string;

  it('static extraction of the scripted page finds no article: exit 5', async () => {
    const result = await runCli(['archive', '--workers', '0', '--archive-dir', root(), `${site.origin}/story/1`]);
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(/E_NO_ARTICLE/);
  });

  it('--render auto files the article from the rendered DOM, with the image\'s real URL and a screenshot', async () => {
    const result = await runCli(['archive', '--workers', '0', '--json', '--archive-dir', root(), '--render', 'auto', `${site.origin}/story/1`]);
    expect(result.stderr).not.toMatch(/E_/);
    expect(result.code).toBe(0);
    const [line] = ndjson(result.stdout);
    folder = String(line!.dir);
    snapshot = JSON.parse(await readFile(join(folder, 'snapshot.json'), 'utf8')) as Snapshot;
    expect(snapshot.body.text).toContain('Paragraph 6 of story 1: the storm surge overtopped the eastern quay');
    expect(snapshot.images.map((image) => image.url)).toContain(`${site.origin}/img/quay-1.png`);
    expect(snapshot.body.text).not.toMatch(/privacy|partners|Accept all/);
    expect(snapshot.render).toMatchObject({ reason: 'no-article', extractedFromRendered: true, finalUrl: `${site.origin}/story/1` });
    expect(snapshot.render!.blockedRequests).toBeGreaterThanOrEqual(1);
    expect(site.hits('/track.js')).toBe(0);

    expect((await readdir(folder)).sort()).toEqual(['article.html', 'manifest.json', 'raw.html', 'rendered.html', 'screenshot.png', 'snapshot.json']);
    const raw = await readFile(join(folder, 'raw.html'), 'utf8');
    expect(raw).toContain('class="spinner"');
    expect(raw).not.toContain('Paragraph 1');
    expect(await readFile(join(folder, 'rendered.html'), 'utf8')).toContain('Paragraph 1 of story 1');

    const png = await readFile(join(folder, 'screenshot.png'));
    const bitmap = decodePng(png);
    expect(bitmap.width).toBeGreaterThanOrEqual(800);
    expect(bitmap.height).toBeGreaterThan(900);
    expect(snapshot.render!.screenshot).toMatchObject({ bytes: png.byteLength, width: bitmap.width, height: bitmap.height });
    const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as { files: Record<string, { sha256: string }> };
    expect(manifest.files['screenshot.png']!.sha256).toBe(snapshot.render!.screenshot!.sha256);
  });

  it('show lists the rendered files; verify checks them and finds a damaged screenshot', async () => {
    const shown = await runCli(['show', '--archive-dir', root(), snapshot.id]);
    expect(shown.stdout).toMatch(/screenshot\.png.*1280×\d+/);
    expect(shown.stdout).toMatch(/rendered\.html/);
    expect((await runCli(['verify', '--archive-dir', root()])).code).toBe(0);
    const original = await readFile(join(folder, 'screenshot.png'));
    const damaged = Buffer.from(original);
    damaged[damaged.length - 20] ^= 0xff;
    await writeFile(join(folder, 'screenshot.png'), damaged);
    const verify = await runCli(['verify', '--archive-dir', root()]);
    await writeFile(join(folder, 'screenshot.png'), original);
    expect(verify.code).toBe(6);
    expect(verify.stdout + verify.stderr).toMatch(/screenshot\.png does not match its sha256 in manifest\.json/);
  });

  it('check --render auto files a changed version; diff --html shows both screenshots side by side', async () => {
    site.setUpdate('Update: the port reopened at noon after divers inspected the breakwater.');
    try {
      const check = await runCli(['check', '--json', '--archive-dir', root(), '--render', 'auto', `${site.origin}/story/1`]);
      expect(check.code).toBe(1);
      expect(ndjson(check.stdout)[0]).toMatchObject({ changed: true, fields: ['body'] });
    } finally {
      site.setUpdate(null);
    }
    const report = join(dir, 'report.html');
    const diff = await runCli(['diff', '--archive-dir', root(), '--html', report, `${site.origin}/story/1`]);
    expect(diff.code).toBe(1);
    const html = await readFile(report, 'utf8');
    expect(html).toContain('<h2>Screenshots</h2>');
    const images = [...html.matchAll(/<img alt="(Before|After): screenshot" src="data:image\/png;base64,([^"]+)"/g)];
    expect(images.map((match) => match[1])).toEqual(['Before', 'After']);
    expect(decodePng(Buffer.from(images[1]![2]!, 'base64')).width).toBeGreaterThanOrEqual(800);
  });

  it('--render auto leaves a page that extracts statically alone: no browser, no screenshot', async () => {
    const result = await runCli(['archive', '--workers', '0', '--json', '--archive-dir', join(dir, 'static'), '--render', 'auto', `${site.origin}/static/1`]);
    expect(result.code).toBe(0);
    const folderOf = String(ndjson(result.stdout)[0]!.dir);
    expect((await readdir(folderOf)).sort()).toEqual(['article.html', 'manifest.json', 'raw.html', 'snapshot.json']);
    expect((JSON.parse(await readFile(join(folderOf, 'snapshot.json'), 'utf8')) as Snapshot).render).toBeUndefined();
  });

  it('--screenshot alone: extracted from the server\'s response, with a screenshot and no rendered.html', async () => {
    const result = await runCli(['archive', '--workers', '0', '--json', '--archive-dir', join(dir, 'shot'), '--screenshot', `${site.origin}/static/2`]);
    expect(result.code).toBe(0);
    const folderOf = String(ndjson(result.stdout)[0]!.dir);
    expect((await readdir(folderOf)).sort()).toEqual(['article.html', 'manifest.json', 'raw.html', 'screenshot.png', 'snapshot.json']);
    const record = (JSON.parse(await readFile(join(folderOf, 'snapshot.json'), 'utf8')) as Snapshot).render;
    expect(record).toMatchObject({ reason: 'screenshot', extractedFromRendered: false, html: null });
  });
});
