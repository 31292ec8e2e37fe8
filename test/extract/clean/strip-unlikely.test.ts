import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { prunePage } from '../../../src/extract/clean/prune-page.js';
import { stripUnlikelyCandidates } from '../../../src/extract/clean/strip-unlikely.js';
import { loadPage } from '../../../src/extract/parse-html.js';
import { parseDocument, read, readArticle, releaseDocument, runReadability } from '../../../src/extract/readability.js';
import { elementsByTagNames } from '../../../src/extract/speed/readability-fast-paths.js';
import { prng } from '../../../src/tools/dev/prng.js';

const pagesDir = fileURLToPath(new URL('../../../fixtures/pages/', import.meta.url));
const PAGE_URL = 'https://news.example/2026/11/story';

const PARAGRAPHS = Array.from(
  { length: 6 },
  (_, index) =>
    `<p>Paragraph ${index + 1} of the story: the council voted on Tuesday to fund the new library, and the ` +
    `friends of the library, who waited ten years for it, said they would hold the city to its word.</p>`,
).join('\n');

function strip(html: string): { before: string; after: string; removed: number; restored: string } {
  const $ = loadPage(html);
  const before = $.html();
  const stripped = stripUnlikelyCandidates($);
  const after = $.html();
  stripped.restore();
  return { before, after, removed: stripped.removed, restored: $.html() };
}

describe('stripUnlikelyCandidates', () => {
  it("removes what Readability's first pass removes as unlikely: by class or id, and by role", () => {
    const { after, removed } = strip(`<html><body>
      <div class="site-header"><a href="/">Home</a></div>
      <nav role="navigation"><a href="/news">News</a></nav>
      <div id="sidebar"><p>Most read</p></div>
      <article>${PARAGRAPHS}</article>
      <div class="comment-list"><p>First!</p></div>
      <div role="complementary"><p>Related</p></div>
      <div class="footer-links"><a href="/about">About</a></div>
    </body></html>`);
    expect(removed).toBe(6);
    expect(after).not.toMatch(/Home|>News<|Most read|First!|Related|About/);
    expect(after).toContain('Paragraph 6 of the story');
  });

  it('keeps what Readability keeps: "maybe" candidates, links, elements near a table or code, bodies', () => {
    const { after, removed } = strip(`<html><body class="sidebar-layout">
      <div class="main-sidebar"><p>maybe a candidate</p></div>
      <a class="social-link" href="/x">a link</a>
      <table><tr><td><div class="footer-note">in a table</div></td></tr></table>
      <pre><code><span class="comment">// in code</span></code></pre>
      <article>${PARAGRAPHS}</article>
    </body></html>`);
    expect(removed).toBe(0);
    expect(after).toMatch(/maybe a candidate[\s\S]*a link[\s\S]*in a table[\s\S]*in code/);
  });

  it('keeps possible bylines whole and anything holding an <h1> or <h2> (Readability reads them first)', () => {
    const { after } = strip(`<html><body>
      <div class="author-sidebar"><span class="social">@reporter</span> By Ana Ruiz</div>
      <header class="entry-header"><h1>Council funds library</h1><div class="share-menu">Share</div></header>
      <article>${PARAGRAPHS}</article>
    </body></html>`);
    expect(after).toContain('@reporter');
    expect(after).toContain('Council funds library');
    expect(after).not.toContain('Share'); // inside the kept header, itself an unlikely candidate
  });

  it('removes modal dialogs', () => {
    const { after } = strip(`<html><body><div aria-modal="true" role="dialog"><p>We moved!</p></div><article>${PARAGRAPHS}</article></body></html>`);
    expect(after).not.toContain('We moved!');
  });

  it('restore() puts every removed element back where it was', () => {
    const { before, after, restored } = strip(`<html><body><div class="header"><p>a</p></div><div><div class="sidebar">b</div><p>c</p>
      <div class="comments"><div class="comment">d</div></div></div><article>${PARAGRAPHS}</article></body></html>`);
    expect(after).not.toEqual(before);
    expect(restored).toEqual(before);
  });
});

describe('readArticle (Readability on the stripped page, the whole page when its first pass fails)', () => {
  it('gives exactly what Readability gives for the whole page, on every fixture page', () => {
    for (const name of readdirSync(pagesDir)) {
      const $ = loadPage(readFileSync(`${pagesDir}${name}/source.html`, 'utf8'));
      prunePage($);
      const whole = $.html();
      const stripped = stripUnlikelyCandidates($);
      const strippedHtml = $.html();
      stripped.restore();
      expect({ name, result: readArticle(strippedHtml, () => whole, PAGE_URL) }).toEqual({ name, result: runReadability(whole, PAGE_URL) });
    }
  });

  it("knows whether Readability's first pass held (it reads Readability's record of failed passes)", () => {
    const full = parseDocument(`<html><body><article>${PARAGRAPHS}</article></body></html>`, PAGE_URL);
    expect(read(full).firstPassSucceeded).toBe(true);
    releaseDocument(full);
    const thin = parseDocument(`<html><body><div class="comment-thread">${PARAGRAPHS}</div><p>Short.</p></body></html>`, PAGE_URL);
    const retried = read(thin);
    expect(retried.firstPassSucceeded).toBe(false);
    expect(retried.result?.content).toContain('Paragraph 6 of the story'); // its second pass kept the comment thread
    releaseDocument(thin);
    const stopped = parseDocument(`<html><body><div class="comment-thread">${PARAGRAPHS}</div><p>Short.</p></body></html>`, PAGE_URL);
    const first = read(stopped, { firstPassOnly: true });
    expect(first).toMatchObject({ result: null, firstPassSucceeded: false });
    expect(first.failedFirstPass?.attempt.textLength).toBe('Short.'.length);
    releaseDocument(stopped);
  });

  it('falls back to the whole page when the stripped page leaves too little text', () => {
    // The whole story sits in an element Readability's first pass removes ("comment-thread"); its second pass keeps it.
    const html = `<html><body><div class="comment-thread">${PARAGRAPHS}</div><p>Short.</p></body></html>`;
    const { after, removed } = strip(html);
    expect(removed).toBe(1);
    let fullAsked = 0;
    const result = readArticle(after, () => {
      fullAsked += 1;
      return html;
    }, PAGE_URL);
    expect(fullAsked).toBe(1);
    expect(result?.content).toContain('Paragraph 6 of the story');
  });
});

describe('readArticle on generated pages whose first pass fails', () => {
  // Each part below changes what Readability's retries do when its first pass left something behind: a byline
  // (found by the first pass, kept as text by the retries), a <body> scored by the first pass (not a candidate
  // again), an attempt longer than the retries'. Without any one of the three carried over, some pages differ.
  const sentence = (n: number, times: number): string => `<p>${`Word, word and more words in sentence ${n}. `.repeat(times)}</p>`;
  it('gives what Readability gives for the whole page', () => {
    const random = prng(20261125);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    let fellBack = 0;
    for (let page = 0; page < 150; page++) {
      const direct = Array.from({ length: Math.floor(random() * 3) }, (_, n) => sentence(n, 1 + Math.floor(random() * 4))).join('');
      const hidden = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, n) => sentence(n + 10, 1 + Math.floor(random() * 4))).join('');
      const byline = pick(['', '<p class="byline">By Ana Ruiz. Staff writer.</p>', '<div class="author">Ana Ruiz</div>', '<span rel="author">Ana</span>']);
      const unlikely = pick([
        `<div class="comment-thread">${hidden}</div>`,
        `<div class="sidebar"><div>${hidden}</div></div>`,
        `<section><div class="related">${hidden}</div>${byline}</section>`,
      ]);
      const parts = [direct, unlikely, byline, pick(['', '<pre>some preformatted text that is long enough to count</pre>', '<div><p>tiny.</p></div>'])];
      parts.sort(() => random() - 0.5);
      const html = `<html><body>${parts.join('')}</body></html>`;
      const { after } = strip(html);
      const document = parseDocument(after, PAGE_URL);
      if (!read(document, { firstPassOnly: true }).firstPassSucceeded) fellBack++;
      releaseDocument(document);
      expect({ html, result: readArticle(after, () => html, PAGE_URL) }).toEqual({ html, result: runReadability(html, PAGE_URL) });
    }
    expect(fellBack).toBeGreaterThan(100);
  });
});

describe('elementsByTagNames', () => {
  it('finds what querySelectorAll finds for a list of type selectors, in the same order', () => {
    const html = readFileSync(`${pagesDir}embassy-withdrawal/source.html`, 'utf8');
    const document = parseDocument(html, PAGE_URL);
    for (const names of [['p'], ['h1', 'h2'], ['img', 'picture', 'figure'], ['a', 'div', 'span'], ['svg', 'path'], ['nope']]) {
      const expected = Array.from(document.querySelectorAll(names.join(',')));
      expect(elementsByTagNames(document, names)).toEqual(expected);
      const body = document.body;
      expect(elementsByTagNames(body, names)).toEqual(Array.from(body.querySelectorAll(names.join(','))));
    }
    releaseDocument(document);
  });
});
