/**
 * Issue 20 item 10: article.html loads nothing from anywhere. Images not kept in the archive become alt-text
 * links to the original, the CSP allows no remote image, and a page's <base href> never reaches the copy.
 */
import { buildSnapshot } from '../../src/pipeline/build-snapshot.js';
import { offlineBodyHtml } from '../../src/render/offline-body.js';
import type { Capture } from '../../src/types.js';
import { createHash } from 'node:crypto';

function captureOf(html: string, url = 'https://news.example.org/world/story'): Capture {
  const body = new TextEncoder().encode(html);
  return {
    requestedUrl: url, finalUrl: url, redirects: [], status: 200, headers: { 'content-type': 'text/html; charset=utf-8' },
    contentType: 'text/html; charset=utf-8', contentEncoding: null, body,
    sha256: createHash('sha256').update(body).digest('hex'), fetchedAt: new Date('2026-12-01T10:00:00Z'), elapsedMs: 1, attempts: 1,
  };
}

const paragraph = (n: number): string =>
  `<p>Paragraph ${n} of the harbour report tells how the council voted on the new sea wall, what it will cost and who will pay for the works over the next ten years.</p>`;

const PAGE = `<!DOCTYPE html><html><head><title>Sea wall vote</title><base href="https://cdn.elsewhere.example/assets/"></head>
<body><article><h1>Sea wall vote</h1>${paragraph(1)}
<figure><img src="photos/wall.jpg" alt="The old sea wall at dawn" srcset="photos/wall-400.jpg 400w, photos/wall-800.jpg 800w"><figcaption>The old wall.</figcaption></figure>
${paragraph(2)}<picture><source srcset="https://tracker.example/p.webp" type="image/webp"><img src="https://img.example.com/chart.png" alt=""></picture>
${paragraph(3)}${paragraph(4)}${paragraph(5)}</article></body></html>`;

test('article.html of a page with <base href> and remote images loads nothing and keeps no <base>', async () => {
  const { articleHtml } = await buildSnapshot(captureOf(PAGE));
  expect(articleHtml).not.toMatch(/<base\b/i);
  expect(articleHtml).not.toMatch(/\b(?:src|srcset|poster)\s*=\s*["']?(?:https?:)?\/\//i);
  expect(articleHtml).not.toMatch(/<source\b/i);
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(articleHtml)?.[1] ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).not.toMatch(/https?:/);
  expect(csp).toContain("base-uri 'none'");
  // The picture is still there for the reader: its alt text, linked to the original (resolved against <base>).
  expect(articleHtml).toMatch(/<a class="chronicle-image-missing" href="https:\/\/cdn\.elsewhere\.example\/assets\/photos\/wall-800\.jpg"[^>]*>\[Image: The old sea wall at dawn\]<\/a>/);
});

test('an image kept in the archive is shown through its relative link; the shown srcset candidate is preferred', () => {
  const body = '<p>x</p><img src="https://a.example/one.jpg" srcset="https://a.example/one-700.jpg 700w, https://a.example/one-1400.jpg 1400w" alt="One">';
  const local = new Map([['https://a.example/one-700.jpg', '../../../../assets/sha256/ab/abc']]);
  const html = offlineBodyHtml(body, 'https://a.example/story', local);
  expect(html).toBe('<p>x</p><img src="../../../../assets/sha256/ab/abc" alt="One">');
});

test('inline data: pictures stay; <base>, <link>, <meta> and loading attributes are dropped', () => {
  const body = '<base href="https://evil.example/"><link rel="stylesheet" href="https://x.example/a.css"><p background="https://x.example/b.png">t</p><img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">';
  expect(offlineBodyHtml(body, 'https://a.example/')).toBe('<p>t</p><img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">');
});
