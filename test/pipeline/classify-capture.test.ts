/** The capture classifier (issue 24): every wall fixture gets its class; articles stay `ok`. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyPage } from '../../src/tools/eval/captures-eval-lib.js';
import { classifyCapture } from '../../src/pipeline/classify-capture.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WALLS = join(ROOT, 'fixtures', 'walls');
const PAGES = join(ROOT, 'fixtures', 'pages');
const walls = readdirSync(WALLS).filter((file) => file.endsWith('.html')).sort();

test('at least 15 wall fixtures: consent platforms, challenges, paywall teasers', () => {
  expect(walls.length).toBeGreaterThanOrEqual(15);
  for (const kind of ['cookiebot', 'onetrust', 'quantcast', 'cloudflare', 'piano']) expect(walls.some((file) => file.includes(kind))).toBe(true);
});

test.each(walls)('%s gets the class its name starts with', async (file) => {
  const expected = /^(blocked|consent|paywall|error-page|truncated)-/.exec(file)![1];
  const verdict = await classifyPage(new Uint8Array(readFileSync(join(WALLS, file))), `https://courier.example/world/${file}`);
  expect(verdict.class).toBe(expected);
});

const pages = readdirSync(PAGES, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

test.each(pages)('fixture article %s is ok', async (slug) => {
  const meta = JSON.parse(readFileSync(join(PAGES, slug, 'meta.json'), 'utf8')) as { url: string };
  const verdict = await classifyPage(new Uint8Array(readFileSync(join(PAGES, slug, 'source.html'))), meta.url);
  expect(verdict).toEqual({ class: 'ok', reason: '' });
});

const article = { title: 'Council approves the bridge repairs', text: 'word '.repeat(400), wordCount: 400 };

test('a real article carrying a consent script and a subscribe prompt is ok', () => {
  const html = '<html><head><script src="https://cdn.cookielaw.org/x.js"></script><script type="application/ld+json">{"isAccessibleForFree":false}</script></head><body><div id="onetrust-banner-sdk">We value your privacy</div><p>Subscribe to continue reading</p></body></html>';
  expect(classifyCapture({ status: 200, html, article, previousWordCount: 420 }).class).toBe('ok');
});

test('a paywall teaser much shorter than the last good version is a paywall', () => {
  const html = '<html><body><div class="paywall"></div></body></html>';
  const teaser = { ...article, text: 'word '.repeat(60), wordCount: 60 };
  expect(classifyCapture({ status: 200, html, article: teaser, previousWordCount: 420 })).toEqual({ class: 'paywall', reason: 'paywall markup, 60 words against 420 in the last good version' });
  // Without an earlier version, markup alone (no prompt) says nothing.
  expect(classifyCapture({ status: 200, html, article: teaser, previousWordCount: null }).class).toBe('ok');
});

test('a document cut off and much shorter than the last good version is truncated', () => {
  const html = '<html><body><article><p>The council voted on Wednesday to spend';
  const cut = { ...article, text: 'word '.repeat(100), wordCount: 100 };
  expect(classifyCapture({ status: 200, html, article: cut, previousWordCount: 420 }).class).toBe('truncated');
  expect(classifyCapture({ status: 200, html: `${html}</p></article></body></html>`, article: cut, previousWordCount: 420 }).class).toBe('ok');
});

test('a shorter article with no wall signal is an edit, not a failed capture', () => {
  const shorter = { ...article, text: 'word '.repeat(100), wordCount: 100 };
  expect(classifyCapture({ status: 200, html: '<html><body><p>text</p></body></html>', article: shorter, previousWordCount: 420 }).class).toBe('ok');
});
