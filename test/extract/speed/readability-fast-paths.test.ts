import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { Readability } from '@mozilla/readability';
import { parseDocument, releaseDocument, subtreeVersion } from '../../../src/extract/readability.js';
import { installFastPaths, REPLACED_METHODS } from '../../../src/extract/speed/readability-fast-paths.js';

const pagesDir = fileURLToPath(new URL('../../../fixtures/pages/', import.meta.url));
const PAGE_URL = 'https://news.example/2026/11/story';

type Method = (...args: unknown[]) => unknown;
type Methods = Record<(typeof REPLACED_METHODS)[number], Method>;

/** Readability's own methods and the fast ones, each bound to its own reader of `document`. */
function bothReaders(document: Document): { original: Methods; fast: Methods } {
  const original = new Readability(document) as unknown as Methods;
  const fastReader = new Readability(document);
  installFastPaths(fastReader);
  const fast = fastReader as unknown as Methods;
  const bind = (reader: Methods): Methods =>
    Object.fromEntries(REPLACED_METHODS.map((name) => [name, reader[name].bind(reader)])) as Methods;
  return { original: bind(original), fast: bind(fast) };
}

/** Asks both readers about every element of the document; returns the elements they disagree on. */
function disagreements(document: Document): string[] {
  const { original, fast } = bothReaders(document);
  const differ: string[] = [];
  for (const element of Array.from(document.getElementsByTagName('*'))) {
    const matchString = `${String(element.className)} ${element.id}`;
    const checks: [string, unknown, unknown][] = [
      ['byline', Boolean(original._isValidByline(element, matchString)), fast._isValidByline(element, matchString)],
      ['without content', Boolean(original._isElementWithoutContent(element)), fast._isElementWithoutContent(element)],
      ['visible', Boolean(original._isProbablyVisible(element)), fast._isProbablyVisible(element)],
    ];
    for (const [check, expected, actual] of checks) {
      if (expected !== actual) differ.push(`${check}: ${element.outerHTML.slice(0, 120)}`);
    }
  }
  return differ;
}

describe('Readability fast paths', () => {
  it('replace methods Readability 0.6.0 has (else nothing would be replaced)', () => {
    const reader = new Readability(parseDocument('<html><body><p>x</p></body></html>', PAGE_URL)) as unknown as Record<string, unknown>;
    for (const name of REPLACED_METHODS) expect(typeof reader[name]).toBe('function');
    const fast = new Readability(parseDocument('<html><body><p>x</p></body></html>', PAGE_URL));
    installFastPaths(fast);
    for (const name of REPLACED_METHODS) expect((fast as unknown as Record<string, unknown>)[name]).not.toBe(reader[name]);
  });

  it('answer as Readability does for every element of every fixture page', () => {
    for (const name of readdirSync(pagesDir)) {
      const document = parseDocument(readFileSync(`${pagesDir}${name}/source.html`, 'utf8'), PAGE_URL);
      expect({ name, differ: disagreements(document) }).toEqual({ name, differ: [] });
      releaseDocument(document);
    }
  });

  it('answer tag queries from a kept listing of descendants that follows every change to the tree', () => {
    const LISTS = [['p'], ['ul', 'ol'], ['img', 'picture', 'figure'], ['H1', 'h2'], ['DIV'], ['svg', 'path'], ['object', 'embed', 'iframe']];
    for (const name of readdirSync(pagesDir)) {
      const document = parseDocument(readFileSync(`${pagesDir}${name}/source.html`, 'utf8'), PAGE_URL);
      const reader = new Readability(document);
      installFastPaths(reader, subtreeVersion);
      const internals = reader as unknown as { _getAllNodesWithTag(root: Document | Element, names: string[]): ArrayLike<Element> };
      const same = (root: Document | Element): void => {
        // Each list asked twice in a row: the second answer comes from the kept listing.
        for (const names of LISTS) {
          const expected = Array.from(root.querySelectorAll(names.join(',')));
          expect({ name, names, found: Array.from(internals._getAllNodesWithTag(root, names)) }).toEqual({ name, names, found: expected });
          expect(Array.from(internals._getAllNodesWithTag(root, names))).toEqual(expected);
        }
      };
      const body = document.body;
      same(document);
      same(body);
      // Removals and insertions anywhere below a listed root (the last paragraph, a list deep inside a div).
      const paragraphs = body.getElementsByTagName('p');
      paragraphs[paragraphs.length - 1]?.remove();
      same(body);
      const divs = body.getElementsByTagName('div');
      const deep = divs[Math.floor(divs.length / 2)] ?? body;
      deep.append(document.createElement('ul'), document.createElementNS('http://www.w3.org/2000/svg', 'svg'));
      same(body);
      same(deep);
      // A root whose own children are replaced wholesale, as Readability's retries do.
      const html = body.innerHTML;
      body.innerHTML = '<div><p>one</p><ul><li>two</li></ul></div>';
      same(body);
      body.innerHTML = html;
      same(body);
      for (const div of Array.from(body.getElementsByTagName('div')).slice(0, 40)) same(div);
      releaseDocument(document);
    }
  });

  it('answer as Readability does on the edge cases of each test', () => {
    const document = parseDocument(
      `<html><body>
        <div style="display: none"><p>styled away</p></div>
        <div style="DISPLAY:NONE !important">shouting</div>
        <div style="visibility:hidden">invisible</div>
        <div style="display:block">shown</div>
        <div style="">empty style</div>
        <div hidden>hidden attribute</div>
        <div aria-hidden="true">aria hidden</div>
        <img class="mwe-math-fallback-image-inline" aria-hidden="true" src="x.png">
        <div aria-hidden="false">aria shown</div>
        <svg aria-hidden="true" class="fallback-image"><path d="M0"/></svg>
        <div class="byline">By Ana Ruiz</div>
        <div class="byline"></div>
        <div class="byline">${'x'.repeat(120)}</div>
        <a rel="author" href="/ana">Ana</a>
        <span itemprop="author">Ana</span>
        <span itemprop="">nobody</span>
        <div id="author-box"><span>  </span></div>
        <div>\u00a0\ufeff\u3000 <!-- a comment --> </div>
        <div> <br> <hr> </div>
        <div><span><br></span></div>
        <div><span></span></div>
        <div><template>inert text</template></div>
        <section><p> </p><p>late text</p></section>
        <h2>   </h2>
      </body></html>`,
      PAGE_URL,
    );
    expect(disagreements(document)).toEqual([]);
    const { fast } = bothReaders(document);
    const visible = (selector: string): unknown => fast._isProbablyVisible(document.querySelector(selector));
    expect(visible('div[style="display: none"]')).toBe(false);
    expect(visible('div[hidden]')).toBe(false);
    expect(visible('img')).toBe(true); // Wikipedia's math fallback images stay
    const empty = (selector: string): unknown => fast._isElementWithoutContent(document.querySelector(selector));
    expect(empty('h2')).toBe(true);
    expect(empty('section')).toBe(false);
    releaseDocument(document);
  });
});
