/**
 * Renders the diff HTML report in headless Chromium (Debian's /usr/bin/chromium via playwright-core) and
 * checks that insertions and deletions are visible: laid out, not hidden, coloured, and that the pixels
 * Chromium paints for them are green and red. Installs nothing: .ci/install-debian-tool.sh chromium does that.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { diffSnapshots } from '../../src/diff/compare-snapshots.js';
import { renderHtml } from '../../src/diff/render-html.js';
import { makeSnapshot } from '../helpers/snapshot-factory.js';
import { decodePng, dominantColour } from '../helpers/png.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const available = existsSync(CHROMIUM);
if (!available) {
  process.stderr.write(`SKIPPED html-report-browser: ${CHROMIUM} not found (run .ci/install-debian-tool.sh chromium to install Debian's chromium)\n`);
}
const describeWithChromium = available ? describe : describe.skip;

describeWithChromium('diff HTML report in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  let reportUrl: string;

  beforeAll(async () => {
    const before = makeSnapshot({
      id: 'before',
      meta: { title: 'Border clashes kill 25 fighters' },
      bodyText: 'At least 25 fighters were killed near the crossing.\n\nTalks were postponed.\n\nA paragraph that was later removed.',
    });
    const after = makeSnapshot({
      id: 'after',
      meta: { title: 'Border clashes kill 27 fighters' },
      bodyText: 'At least 27 fighters were killed near the crossing.\n\nTalks were postponed.\n\nCorrection: an earlier version misstated the day.',
    });
    dir = await mkdtemp(join(tmpdir(), 'chronicle-report-'));
    const file = join(dir, 'report.html');
    await writeFile(file, renderHtml(diffSnapshots(before, after)));
    reportUrl = pathToFileURL(file).toString();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  });

  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('insertions and deletions are laid out, visible, coloured, and loaded nothing external', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(reportUrl);
    expect(requested).toEqual([reportUrl]);

    const marks = await page.$$eval('ins, del', (elements) =>
      elements.map((element) => {
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        let hidden = false;
        for (let node: Element | null = element; node !== null; node = node.parentElement) {
          const s = getComputedStyle(node);
          if (s.display === 'none' || s.visibility !== 'visible' || Number(s.opacity) === 0) hidden = true;
        }
        return {
          tag: element.tagName.toLowerCase(),
          text: element.textContent ?? '',
          width: box.width,
          height: box.height,
          hidden,
          background: style.backgroundColor,
          colour: style.color,
          decoration: style.textDecorationLine,
        };
      }),
    );
    const inserted = marks.filter((mark) => mark.tag === 'ins');
    const deleted = marks.filter((mark) => mark.tag === 'del');
    expect(inserted.map((mark) => mark.text)).toEqual(expect.arrayContaining(['27', 'Correction: an earlier version misstated the day.']));
    expect(deleted.map((mark) => mark.text)).toEqual(expect.arrayContaining(['25', 'A paragraph that was later removed.']));
    for (const mark of marks) {
      expect(mark.hidden).toBe(false);
      expect(mark.width).toBeGreaterThan(0);
      expect(mark.height).toBeGreaterThan(0);
      expect(mark.background).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    }
    for (const mark of deleted) expect(mark.decoration).toContain('line-through');
    await page.close();
  });

  test('the pixels painted for an insertion are green and for a deletion red', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(reportUrl);
    const colourOf = async (selector: string): Promise<[number, number, number]> => {
      const png = await page.locator(selector).first().screenshot();
      return dominantColour(decodePng(png));
    };
    const [ir, ig, ib] = await colourOf('tr[data-field="body"][data-type="added"] ins');
    expect(ig).toBeGreaterThan(ir + 30);
    expect(ig).toBeGreaterThan(ib + 30);
    const [dr, dg, db] = await colourOf('tr[data-field="body"][data-type="removed"] del');
    expect(dr).toBeGreaterThan(dg + 30);
    expect(dr).toBeGreaterThan(db + 30);
    // The cell beside a whole-paragraph insertion is painted as empty, not as text.
    const [er, eg, eb] = await colourOf('tr[data-field="body"][data-type="added"] td.old');
    expect(Math.max(er, eg, eb) - Math.min(er, eg, eb)).toBeLessThan(20);
    await page.close();
  });
});
