import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import * as cheerio from 'cheerio';
import { prunePage } from '../../../src/extract/clean/prune-page.js';

const pagesDir = fileURLToPath(new URL('../../../fixtures/pages/', import.meta.url));

function pruned(html: string): cheerio.CheerioAPI {
  const $ = cheerio.load(html);
  prunePage($);
  return $;
}

const ARTICLE = `<article><h1>Council votes</h1>
  <p>The council voted on Tuesday to fund the new library.</p>
  <p>“We waited ten years,” said Ana Ruiz, who chairs the friends of the library.</p></article>`;

describe('prunePage', () => {
  it('removes scripts (JSON-LD too: the metadata rules read it first), styles, stylesheet links and templates', () => {
    const $ = pruned(`<html><head>
      <script>window.x = 1</script><script type="application/ld+json">{"@type":"NewsArticle"}</script>
      <style>.a { $scss-var: 1; }</style><link rel="stylesheet" href="/a.css"><link rel="preload" href="/b.js">
      </head><body>${ARTICLE}<template><p>hidden template text</p></template><script src="/x.js"></script></body></html>`);
    expect($('script, style, link, template').length).toBe(0);
    expect($.html()).not.toMatch(/window\.x|NewsArticle|scss-var|hidden template text/);
    expect($('article p').length).toBe(2);
  });

  it('removes comments, svg internals (the svg stays, empty), frames, objects and meta refresh', () => {
    const $ = pruned(`<html><head><meta http-equiv="refresh" content="5"><meta name="author" content="A"></head><body>
      <!-- tracking comment --><svg viewBox="0 0 1 1"><title>Share icon</title><path d="M0 0"/></svg>
      ${ARTICLE}<iframe src="https://ads.example/"></iframe><object data="x.swf"></object><embed src="y.swf"></body></html>`);
    expect($.html()).not.toMatch(/tracking comment|Share icon|<path/);
    expect($('svg').length).toBe(1);
    expect($('svg').children().length).toBe(0);
    expect($('iframe, object, embed, meta[http-equiv]').length).toBe(0);
    expect($('meta[name="author"]').length).toBe(1);
  });

  it("replaces MathJax 3's wrappers by the MathML they hold, in place (their class reads as a menu to Readability)", () => {
    const $ = pruned(`<body><p>When <mjx-container class="MathJax CtxtMenu_Attached_0" jax="CHTML"><mjx-math aria-hidden="true"><mjx-mi>a</mjx-mi></mjx-math><mjx-assistive-mml display="inline"><math><mi>a</mi><mo>≠</mo><mn>0</mn></math></mjx-assistive-mml></mjx-container>, two roots.</p></body>`);
    expect($('mjx-container, mjx-assistive-mml, mjx-math').length).toBe(0);
    expect($('p').html()).toBe('When <math><mi>a</mi><mo>≠</mo><mn>0</mn></math>, two roots.');
    expect($('math')[0]!.parent).toBe($('p')[0]);
  });

  it('keeps noscript blocks that hold an image, drops the others', () => {
    const $ = pruned(`<body>${ARTICLE}<noscript><img src="real.jpg" alt="Library"></noscript><noscript><p>Enable JavaScript</p></noscript></body>`);
    expect($('noscript').length).toBe(1);
    expect($.html()).toContain('real.jpg');
    expect($.html()).not.toContain('Enable JavaScript');
  });

  it('removes hidden elements the way Readability would, then every style attribute', () => {
    const $ = pruned(`<body>${ARTICLE}
      <div hidden><p>hidden by attribute</p></div>
      <div aria-hidden="true"><p>hidden from readers</p></div>
      <div aria-hidden="true" class="mwe-math-fallback-image-inline">math kept</div>
      <div style="color: red; display : none"><p>display none</p></div>
      <div style="visibility:hidden"><p>invisible</p></div>
      <p style="font-weight: bold">Styled but visible paragraph.</p></body>`);
    const text = $.root().text();
    expect(text).not.toMatch(/hidden by attribute|hidden from readers|display none|invisible/);
    expect(text).toContain('math kept');
    expect(text).toContain('Styled but visible paragraph.');
    expect($('[style]').length).toBe(0);
  });

  it('removes short chrome by class or id, but not a long block or one that holds the article', () => {
    const long = Array.from({ length: 130 }, (_, index) => `word${index}`).join(' ');
    const $ = pruned(`<body>
      <div class="sharedaddy"><a href="#">Share on Facebook</a></div>
      <div id="comments"><p>12 comments</p></div>
      <div class="ad-wrapper">Advertisement</div>
      <div class="related-posts"><p>${long}</p></div>
      <div class="newsletter">${ARTICLE}</div></body>`);
    const text = $.root().text();
    expect(text).not.toMatch(/Share on Facebook|12 comments|Advertisement/);
    expect(text).toContain('word129');
    expect(text).toContain('The council voted on Tuesday');
  });

  it('keeps html, head and body whatever their attributes say', () => {
    const $ = pruned(`<html hidden><head></head><body aria-hidden="true" class="modal">${ARTICLE}</body></html>`);
    expect($('body article p').length).toBe(2);
  });

  it('never removes article paragraphs: every must-have text of every fixture page survives', () => {
    const slugs = readdirSync(pagesDir).filter((slug) => existsSync(`${pagesDir}${slug}/meta.json`));
    expect(slugs.length).toBeGreaterThan(5);
    let checked = 0;
    for (const slug of slugs) {
      const meta = JSON.parse(readFileSync(`${pagesDir}${slug}/meta.json`, 'utf8')) as { must?: string[] };
      const source = readFileSync(`${pagesDir}${slug}/source.html`);
      const charset = /charset=["']?(shift_jis|windows-1252)/i.exec(source.subarray(0, 2048).toString('latin1'))?.[1];
      const html = new TextDecoder(charset ?? 'utf-8').decode(source);
      const before = cheerio.load(html).root().text().replace(/\s+/g, ' ');
      const after = pruned(html).root().text().replace(/\s+/g, ' ');
      for (const must of meta.must ?? []) {
        const needle = must.replace(/\s+/g, ' ').slice(0, 60);
        if (!before.includes(needle)) continue; // text that only appears after decoding entities or in embeds
        expect({ slug, needle, kept: after.includes(needle) }).toEqual({ slug, needle, kept: true });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
