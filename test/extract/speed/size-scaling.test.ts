import { createRequire } from 'node:module';
import { describe, expect, it } from '@jest/globals';
import * as cheerio from 'cheerio';
import { JSDOM } from 'jsdom';
import { loadFragment, loadPage } from '../../../src/extract/parse-html.js';
import { parseDocument, releaseDocument } from '../../../src/extract/readability.js';
import { sizedPage, PAGE_SHAPES } from '../../../src/tools/bench/size-pages.js';

/*
 * Extraction time once grew with the square of a page's element count (issue 20, item 12). Tests never time
 * anything: they count the steps that were quadratic.
 */

const requireModule = createRequire(import.meta.url);
const { domSymbolTree } = requireModule('jsdom/lib/jsdom/living/helpers/internal-constants.js') as {
  domSymbolTree: { index(node: unknown): number };
};

/** Counts the sibling-index lookups jsdom really makes (a skipped one answers -1) while `work` runs. */
function countIndexLookups(work: () => void): number {
  const instance = domSymbolTree as { index(node: unknown): number };
  const current = instance.index;
  let lookups = 0;
  instance.index = function counted(this: unknown, node: unknown): number {
    const result = current.call(this, node);
    if (result >= 0) lookups++;
    return result;
  };
  try {
    work();
  } finally {
    instance.index = current;
  }
  return lookups;
}

const idl = requireModule('jsdom/lib/generated/idl/utils.js') as { implForWrapper(wrapper: unknown): { _childrenList?: { _query(): unknown } } };

/** How many times the live children list of `parent` is rebuilt while `work` runs. */
function countListRebuilds(parent: Element, work: () => void): number {
  const list = idl.implForWrapper(parent)._childrenList!;
  const query = list._query;
  let rebuilds = 0;
  list._query = () => {
    rebuilds++;
    return query();
  };
  try {
    work();
  } finally {
    list._query = query;
  }
  return rebuilds;
}

/** Calls of Array lastIndexOf on arrays of 100 or more members while `work` runs. */
function countLongScans(work: () => void): number {
  const original = Array.prototype.lastIndexOf;
  let scans = 0;
  Array.prototype.lastIndexOf = function counted(this: unknown[], ...args: Parameters<typeof original>) {
    if (this.length >= 100) scans++;
    return original.apply(this, args);
  } as typeof original;
  try {
    work();
  } finally {
    Array.prototype.lastIndexOf = original;
  }
  return scans;
}

const divs = (count: number): string => Array.from({ length: count }, (_, index) => `<div>line ${index}</div>`).join('');

/** Parses a page whose <main> holds count divs, runs fn on it and releases the document. */
function withMainOfDivs(count: number, fn: (document: Document, main: HTMLElement) => void): void {
  const document = parseDocument(`<html><body><main>${divs(count)}</main></body></html>`, 'https://news.example/a');
  try {
    fn(document, document.querySelector('main')!);
  } finally {
    releaseDocument(document);
  }
}

describe('tree changes among many siblings', () => {
  it("make no sibling-index lookup in chronicle's jsdom documents (Readability turns each <div> into a <p>)", () => {
    withMainOfDivs(500, (document, main) => {
      const lookups = countIndexLookups(() => {
        for (const div of [...main.children]) {
          const p = document.createElement('p');
          while (div.firstChild) p.appendChild(div.firstChild);
          main.replaceChild(p, div);
        }
        main.firstElementChild!.remove();
        main.insertBefore(document.createElement('hr'), main.lastElementChild);
      });
      expect(lookups).toBe(0);
      expect(main.children).toHaveLength(500);
      expect(main.querySelectorAll('p')).toHaveLength(499);
      expect(main.children[498]!.tagName).toBe('HR');
    });
  });

  it("leave a parent's live children list to update itself when read, not on every change", () => {
    withMainOfDivs(300, (document, main) => {
      const children = main.children; // a live list jsdom now keeps on <main>
      const rebuilt = countListRebuilds(main, () => {
        for (const div of [...children]) main.replaceChild(document.createElement('p'), div);
      });
      expect(rebuilt).toBe(0);
      expect(children).toHaveLength(300);
      expect(children[0]!.tagName).toBe('P');
      main.append(document.createElement('hr'));
      expect(children).toHaveLength(301);
      expect(main.childNodes[300]!.nodeName).toBe('HR');
    });
  });

  it('keep Range objects right: a document with a Range gets the lookups back', () => {
    withMainOfDivs(5, (document, main) => {
      const range = document.createRange();
      range.setStart(main, 3);
      range.setEnd(main, 4);
      const lookups = countIndexLookups(() => main.firstElementChild!.remove());
      expect(lookups).toBeGreaterThan(0);
      expect([range.startOffset, range.endOffset]).toEqual([2, 3]);
      main.insertBefore(document.createElement('hr'), main.firstElementChild);
      expect([range.startOffset, range.endOffset]).toEqual([3, 4]);
    });
  });

  it('leave other jsdom documents as jsdom makes them', () => {
    releaseDocument(parseDocument('<p>x</p>', 'https://news.example/'));
    const dom = new JSDOM(`<main>${divs(20)}</main>`);
    try {
      const main = dom.window.document.querySelector('main')!;
      expect(countIndexLookups(() => main.firstElementChild!.remove())).toBeGreaterThan(0);
    } finally {
      dom.window.close();
    }
  });
});

describe('cheerio trees of many top-level nodes', () => {
  it('parse a fragment as cheerio does, without moving nodes one at a time', () => {
    const samples = [
      divs(50),
      '<p>a<div>b</div>c</p><table><tr><td>x</td></tr></table><noscript><b>n</b></noscript> tail',
      '<template><p>t</p></template><select><option>o</select><svg><rect/></svg><!-- c -->',
    ];
    for (const html of samples) {
      const ours = loadFragment(html);
      const theirs = cheerio.load(html, null, false);
      expect(ours.html()).toBe(theirs.html());
      const nodes = ours.root().contents().toArray();
      nodes.forEach((node, index) => {
        expect(node.parent).toBe(ours.root()[0]);
        expect(node.prev).toBe(nodes[index - 1] ?? null);
        expect(node.next).toBe(nodes[index + 1] ?? null);
      });
    }
  });

  it('find by selector under one node without removeSubsets over its children', () => {
    const html = `<main>${divs(300)}<p class="x">p</p></main><div><a href="/a">a</a></div>`;
    const page$ = loadPage(html);
    const fragment$ = loadFragment(divs(300) + '<p class="x">p</p>');
    // Same answers as cheerio's own search, several shapes of selector.
    for (const [ours, selector] of [
      [page$, 'div'], [page$, 'main > p.x'], [page$, 'a[href]'], [page$, 'div:first-child'], [page$, 'p, a'],
      [fragment$, 'div'], [fragment$, 'p.x'], [fragment$, 'div:nth-child(2n)'], [fragment$, '*:not(div)'],
    ] as const) {
      const theirs = cheerio.load(ours.html(), null, false);
      expect(ours(selector).toArray().map((node) => ours.html(node))).toEqual(theirs(selector).toArray().map((node) => theirs.html(node)));
    }
    expect(page$('main').find('~ div').length).toBe(1); // from the context itself: cheerio's own way
    // domutils' removeSubsets makes one lastIndexOf over the whole list per member: count the long ones.
    const scans = countLongScans(() => {
      expect(fragment$('div').length).toBe(300);
      expect(page$('main').find('div').length).toBe(300);
    });
    expect(scans).toBe(0);
  });
});

describe('size-scaling pages', () => {
  it('come in each shape at about the size asked', () => {
    for (const shape of PAGE_SHAPES) {
      const page = sizedPage(shape, 50_000);
      expect(page.length).toBeGreaterThanOrEqual(50_000);
      expect(page.length).toBeLessThan(55_000);
      expect(sizedPage(shape, 50_000)).toBe(page);
    }
  });
});
